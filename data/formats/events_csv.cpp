// Events from a CSV file, one row per change, for people who keep their chronology in a
// spreadsheet. Read by our own CSV reader (csv_reader.h), which keeps every field's place.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "data/formats/csv_reader.h"
#include "data/model/id_table.h"
#include "data/formats/input_file.h"
#include "data/load/loader_parts.h"

namespace chronomap::detail {

namespace {

// Lines in the file (at most one event a row), counted a piece at a time; the stream is left
// at the start.
std::size_t count_lines(std::ifstream& in) {
    std::size_t lines = 1;
    std::string block(64 << 10, '\0');  // small enough to be reused, not mapped anew, by the allocator
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        lines += static_cast<std::size_t>(std::count(block.begin(), block.begin() + in.gcount(), '\n'));
    }
    in.clear();
    in.seekg(0);
    return lines;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void read_events_csv(const CsvInput& input, std::size_t rows, const std::string& path, Diagnostics& diags,
                     Atlas& atlas) {
    std::map<std::string, int> column;
    std::size_t header_size = 0;
    bool have_header = false, usable = false;
    // The events of this file by id, for rows that add changes to an event already read.
    const std::size_t before = atlas.events.size();
    auto id_of = [&](std::uint32_t n) { return std::string_view(atlas.events[before + n].id); };
    IdTable<decltype(id_of)> event_index(id_of);
    auto read_row = [&](const CsvRecord& rec) {
        if (rec.fields.size() > header_size)
            diags.warning({path, rec.line, rec.fields[header_size].column},
                          "the row has " + std::to_string(rec.fields.size()) + " fields but the header " +
                              std::to_string(header_size) + "; the ones after the last column are not read");
        auto where = [&](const char* name) -> SourcePos {
            auto it = column.find(name);
            if (it == column.end()) return {path, rec.line, 0};
            const auto idx = static_cast<std::size_t>(it->second);
            return idx < rec.fields.size() ? SourcePos{path, rec.fields[idx].line, rec.fields[idx].column}
                                           : SourcePos{path, rec.line, 0};
        };
        auto get = [&](const char* name) -> std::string {
            auto it = column.find(name);
            if (it == column.end() || static_cast<std::size_t>(it->second) >= rec.fields.size()) return "";
            std::string v = trimmed(rec.fields[static_cast<std::size_t>(it->second)].text);
            if (!sanitize_utf8(v)) diags.error(where(name), std::string("invalid UTF-8 in column '") + name + "'");
            return v;
        };
        const Calendar cal = get("calendar") == "julian" ? Calendar::Julian : Calendar::Gregorian;
        auto date = [&](const char* name, bool required) -> std::optional<Date> {
            const std::string v = get(name);
            if (v.empty()) {
                if (required) diags.error(where(name), std::string("the row has no ") + name);
                return std::nullopt;
            }
            const DateParseResult r = parse_date(v, cal);
            if (!r.date) {
                SourcePos p = where(name);
                p.column += r.error_offset;
                diags.error(p, std::string("column '") + name + "': " + r.error);
            }
            if (!r.warning.empty()) diags.warning(where(name), std::string("column '") + name + "': " + r.warning);
            return r.date;
        };
        const std::string id = get("event_id");
        if (id.empty()) {
            diags.error(where("event_id"), "the row has no event_id");
            return;
        }
        std::optional<std::uint32_t> found = event_index.find(id);
        if (!found) {
            const auto d = date("date", true);
            if (!d) return;
            Event ev;
            ev.id = id;
            ev.date = *d;
            ev.pos = where("event_id");
            ev.title = get("title");
            if (ev.title.empty()) diags.error(where("title"), "event '" + id + "' has no title");
            EventDetails details;
            details.summary = get("summary");
            details.signed_on = date("signed", false);
            details.ratified = date("ratified", false);
            if (get("in_force") == "never")  // a treaty signed that never took effect
                details.never_in_force = true;
            else
                details.in_force = date("in_force", false);
            ev.details.set(std::move(details));
            if (const std::string k = get("kind"); !k.empty()) {
                if (auto kind = event_kind_from_string(k)) ev.kind = *kind;
                else diags.error(where("kind"), "kind '" + k + "' is not known; use treaty, decision, military, declaration or other");
            }
            found = static_cast<std::uint32_t>(atlas.events.size() - before);
            atlas.events.push_back(std::move(ev));
            event_index.insert(*found);
        }
        Event& ev = atlas.events[before + *found];
        if (const std::string s = get("source"); !s.empty()) {
            SourceRef ref{s, get("locator"), where("source")};
            const bool known = std::any_of(ev.sources.begin(), ev.sources.end(), [&](const SourceRef& r) {
                return r.source == ref.source && r.locator == ref.locator;
            });
            if (!known) ev.sources.push_back(std::move(ref));
        }
        const std::string territory = get("territory");
        if (territory.empty()) return;
        Change c;
        c.pos = where("territory");
        c.controller_pos = where("controller");
        c.territory = territory;
        c.controller = get("controller");
        c.date = date("change_date", false);
        c.note.set(get("note"));
        if (c.controller.empty()) diags.error(where("controller"), "the change has no controller");
        const std::string status = get("status");
        if (auto s = status_from_string(status)) c.status = *s;
        else diags.error(where("status"), "status '" + status + "' is not known; use integral, autonomous, occupied, administered or self-declared");
        if (const std::string b = get("basis"); !b.empty()) {
            if (auto basis = basis_from_string(b)) c.basis = *basis;
            else diags.error(where("basis"), "basis '" + b + "' is not known; use de_facto, de_jure or both");
        }
        if (!c.controller.empty()) ev.changes.push_back(std::move(c));
    };
    // At most one event a row: room for them all at once, instead of a growing vector's copies
    // (half as much again at the peak of each doubling). Rows that add changes to an event leave
    // room unused, given back below.
    atlas.events.reserve(before + rows);
    event_index.reserve(rows);
    for_each_csv_record(input, path, diags, [&](const CsvRecord& rec) {
        if (!have_header) {
            have_header = true;
            header_size = rec.fields.size();
            for (std::size_t i = 0; i < rec.fields.size(); ++i)
                column.emplace(trimmed(rec.fields[i].text), static_cast<int>(i));
            for (const char* required : {"event_id", "date", "title"}) {
                if (!column.count(required))
                    diags.error({path, 1, 1}, std::string("the CSV header has no column '") + required +
                                                  "'; expected at least event_id, date, title, and for "
                                                  "changes territory, status, controller");
            }
            usable = column.count("event_id") && column.count("date");
            return;
        }
        if (!usable) return;
        read_row(rec);
    });
    if (!have_header) diags.error({path, 1, 1}, "the CSV file has no header and no rows");
    if (atlas.events.capacity() - atlas.events.size() > (atlas.events.size() - before) / 4 + 64) {
        event_index.clear();
        atlas.events.shrink_to_fit();
    }
}

void load_events_csv(const std::string& path, const LoadContext& ctx, Atlas& atlas) {
    Diagnostics& diags = *ctx.diags;
    const auto access = ctx.access(path, {path}, "the event file");
    if (!access) return;
    const std::string& resolved = *access;
    // Read a piece at a time: a large file is never held whole (csv_reader.h).
    std::ifstream in;
    std::string why = check_input_file(resolved).message();
    if (why.empty()) {
        in.open(resolved, std::ios::binary);
        if (!in) why = "it is not readable";
    }
    if (!why.empty()) {
        diags.error({path}, "cannot read the event file '" + path + "' (" + resolved + "): " + why);
        return;
    }
    bool read_failed = false;
    // Pieces no larger than what is left of the file: growing the buffer by the reader's 1 MB
    // piece zero-fills it, which was most of the time a small file took to load.
    std::error_code size_error;
    std::uintmax_t left = std::filesystem::file_size(resolved, size_error);
    if (size_error) left = UINTMAX_MAX;
    auto input = [&](std::string& buf, std::size_t want) -> std::size_t {
        want = static_cast<std::size_t>(std::min<std::uintmax_t>(want, left));
        if (want == 0) return 0;
        const std::size_t before = buf.size();
        buf.resize(before + want);
        in.read(buf.data() + before, static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(in.gcount());
        buf.resize(before + got);
        left = got > left ? 0 : left - got;
        if (in.bad()) read_failed = true;
        return got;
    };
    const std::size_t rows = count_lines(in);
    read_events_csv(input, rows, path, diags, atlas);
    if (read_failed) diags.error({path}, "the event file '" + path + "' could not be read to its end");
}

void read_events_csv_text(std::string_view text, const std::string& name, Diagnostics& diags, Atlas& atlas) {
    std::size_t at = 0;
    auto input = [&](std::string& buf, std::size_t want) -> std::size_t {
        const std::size_t got = std::min(want, text.size() - at);
        buf.append(text.data() + at, got);
        at += got;
        return got;
    };
    read_events_csv(input, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1, name, diags, atlas);
}

}  // namespace chronomap::detail

// Events from a CSV file, one row per change, for people who keep their chronology in a
// spreadsheet. GDAL's CSV driver reads the values; a small scan of the raw text finds where each
// field starts so that diagnostics can name line and column.
#include <map>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "loader_parts.h"

namespace chronomap::detail {
namespace {

using FieldStarts = std::vector<std::pair<int, int>>;  // (line, column) of each field

// Line and column of every field of every non-blank record, header included.
std::vector<FieldStarts> scan_positions(const std::string& text) {
    std::vector<FieldStarts> records;
    int line = 1;
    int col = 1;
    std::size_t i = 0;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;
    while (i < text.size()) {
        if (text[i] == '\n' || text[i] == '\r') {  // blank line
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++i;
            ++line;
            col = 1;
            continue;
        }
        FieldStarts rec{{line, col}};
        bool quoted = false;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    ++i;
                    col += 2;
                    continue;
                }
                if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.emplace_back(line, col + 1);
            } else if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++col;
            }
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        col = 1;
        records.push_back(std::move(rec));
    }
    return records;
}

}  // namespace

void load_events_csv(const std::string& path, const LoadContext& ctx, Atlas& atlas) {
    Diagnostics& diags = *ctx.diags;
    const std::string resolved = ctx.resolve(path);
    std::string text;
    if (std::string why; !read_file(resolved, text, &why)) {
        diags.error({path}, "cannot read the event file '" + path + "' (" + resolved + "): " + why);
        return;
    }
    const auto positions = scan_positions(text);
    ensure_gdal();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const char* const open_options[] = {"AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(resolved.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, open_options));
    CPLPopErrorHandler();
    OGRLayer* layer = ds ? ds->GetLayer(0) : nullptr;
    if (!layer) {
        diags.error({path}, "GDAL cannot read '" + path + "' as CSV");
        return;
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::map<std::string, int> column;
    for (int i = 0; i < defn->GetFieldCount(); ++i) column[defn->GetFieldDefn(i)->GetNameRef()] = i;
    for (const char* required : {"event_id", "date", "title"}) {
        if (!column.count(required))
            diags.error({path, 1, 1}, std::string("the CSV header has no column '") + required +
                                          "'; expected at least event_id, date, title, and for "
                                          "changes territory, status, controller");
    }
    if (!column.count("event_id") || !column.count("date")) return;

    std::map<std::string, std::size_t> event_index;
    std::size_t record = 0;
    for (auto& feat : *layer) {
        ++record;  // record 0 is the header
        auto where = [&](const char* name) -> SourcePos {
            auto it = column.find(name);
            if (record >= positions.size() || it == column.end()) return {path, 0, 0};
            const auto& rec = positions[record];
            const auto idx = static_cast<std::size_t>(it->second);
            return idx < rec.size() ? SourcePos{path, rec[idx].first, rec[idx].second}
                                    : SourcePos{path, rec[0].first, 0};
        };
        auto get = [&](const char* name) -> std::string {
            auto it = column.find(name);
            if (it == column.end() || !feat->IsFieldSetAndNotNull(it->second)) return "";
            std::string v = feat->GetFieldAsString(it->second);
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
            continue;
        }
        auto found = event_index.find(id);
        if (found == event_index.end()) {
            const auto d = date("date", true);
            if (!d) continue;
            Event ev;
            ev.id = id;
            ev.date = *d;
            ev.pos = where("event_id");
            ev.title = get("title");
            if (ev.title.empty()) diags.error(where("title"), "event '" + id + "' has no title");
            ev.summary = get("summary");
            ev.signed_on = date("signed", false);
            ev.ratified = date("ratified", false);
            ev.in_force = date("in_force", false);
            if (const std::string k = get("kind"); !k.empty()) {
                if (auto kind = event_kind_from_string(k)) ev.kind = *kind;
                else diags.error(where("kind"), "kind '" + k + "' is not known; use treaty, decision, military, declaration or other");
            }
            found = event_index.emplace(id, atlas.events.size()).first;
            atlas.events.push_back(std::move(ev));
        }
        Event& ev = atlas.events[found->second];
        if (const std::string s = get("source"); !s.empty()) {
            SourceRef ref{s, get("locator"), where("source")};
            const bool known = std::any_of(ev.sources.begin(), ev.sources.end(), [&](const SourceRef& r) {
                return r.source == ref.source && r.locator == ref.locator;
            });
            if (!known) ev.sources.push_back(std::move(ref));
        }
        const std::string territory = get("territory");
        if (territory.empty()) continue;
        Change c;
        c.pos = where("territory");
        c.controller_pos = where("controller");
        c.territory = territory;
        c.controller = get("controller");
        c.date = date("change_date", false);
        c.note = get("note");
        if (c.controller.empty()) diags.error(where("controller"), "the change has no controller");
        const std::string status = get("status");
        if (auto s = status_from_string(status)) c.status = *s;
        else diags.error(where("status"), "status '" + status + "' is not known; use integral, autonomous, occupied, administered or self-declared");
        if (const std::string b = get("basis"); !b.empty()) {
            if (auto basis = basis_from_string(b)) c.basis = *basis;
            else diags.error(where("basis"), "basis '" + b + "' is not known; use de_facto, de_jure or both");
        }
        if (!c.controller.empty()) ev.changes.push_back(std::move(c));
    }
}

}  // namespace chronomap::detail

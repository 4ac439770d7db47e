#include "data/formats/event_rows.h"

#include <algorithm>

#include "data/load/loader_parts.h"

namespace chronomap::detail {
namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

EventRows::EventRows(std::string file, Diagnostics& diags, Atlas& atlas, std::size_t rows)
    : file_(std::move(file)), diags_(diags), atlas_(atlas), first_(atlas.events.size()) {
    // At most one event a row: room for them all at once, instead of a growing vector's copies
    // (half as much again at the peak of each doubling). finish() gives back what is unused.
    atlas_.events.reserve(first_ + rows);
    index_.reserve(rows);
}

bool EventRows::header(const CsvRecord& rec) {
    header_size_ = rec.fields.size();
    for (std::size_t i = 0; i < rec.fields.size(); ++i)
        column_.emplace(trimmed(rec.fields[i].text), static_cast<int>(i));
    for (const char* required : {"event_id", "date", "title"}) {
        if (!column_.count(required))
            diags_.error({file_, rec.line, 1}, std::string("the header has no column '") + required +
                                                   "'; expected at least event_id, date, title, and for "
                                                   "changes territory, status, controller");
    }
    return column_.count("event_id") && column_.count("date");
}

SourcePos EventRows::where(const CsvRecord& rec, const char* name) const {
    auto it = column_.find(name);
    if (it == column_.end()) return {file_, rec.line, 0};
    const auto idx = static_cast<std::size_t>(it->second);
    return idx < rec.fields.size() ? SourcePos{file_, rec.fields[idx].line, rec.fields[idx].column}
                                   : SourcePos{file_, rec.line, 0};
}

std::string EventRows::get(const CsvRecord& rec, const char* name) {
    auto it = column_.find(name);
    if (it == column_.end() || static_cast<std::size_t>(it->second) >= rec.fields.size()) return "";
    std::string v = trimmed(rec.fields[static_cast<std::size_t>(it->second)].text);
    if (!sanitize_utf8(v)) diags_.error(where(rec, name), std::string("invalid UTF-8 in column '") + name + "'");
    return v;
}

std::optional<Date> EventRows::date(const CsvRecord& rec, const char* name, bool required, Calendar cal) {
    const std::string v = get(rec, name);
    if (v.empty()) {
        if (required) diags_.error(where(rec, name), std::string("the row has no ") + name);
        return std::nullopt;
    }
    const DateParseResult r = parse_date(v, cal);
    if (!r.date) {
        SourcePos p = where(rec, name);
        p.column += r.error_offset;
        diags_.error(p, std::string("column '") + name + "': " + r.error);
    }
    if (!r.warning.empty()) diags_.warning(where(rec, name), std::string("column '") + name + "': " + r.warning);
    return r.date;
}

Event* EventRows::find(const std::string& id) {
    const auto found = index_.find(id);
    return found ? &atlas_.events[first_ + *found] : nullptr;
}

// The event the row names, made from the row's own columns when it is the first to name it.
Event* EventRows::event_of(const CsvRecord& rec, const std::string& id) {
    if (Event* known = find(id)) return known;
    const Calendar cal = get(rec, "calendar") == "julian" ? Calendar::Julian : Calendar::Gregorian;
    const auto d = date(rec, "date", true, cal);
    if (!d) return nullptr;
    Event ev;
    ev.id = id;
    ev.date = *d;
    ev.pos = where(rec, "event_id");
    ev.title = get(rec, "title");
    if (ev.title.empty()) diags_.error(where(rec, "title"), "event '" + id + "' has no title");
    EventDetails details;
    details.summary = get(rec, "summary");
    details.signed_on = date(rec, "signed", false, cal);
    details.ratified = date(rec, "ratified", false, cal);
    if (get(rec, "in_force") == "never")  // a treaty signed that never took effect
        details.never_in_force = true;
    else
        details.in_force = date(rec, "in_force", false, cal);
    ev.details.set(std::move(details));
    if (const std::string k = get(rec, "kind"); !k.empty()) {
        if (auto kind = event_kind_from_string(k)) ev.kind = *kind;
        else diags_.error(where(rec, "kind"), "kind '" + k + "' is not known; use treaty, decision, military, declaration or other");
    }
    const auto n = static_cast<std::uint32_t>(atlas_.events.size() - first_);
    atlas_.events.push_back(std::move(ev));
    index_.insert(n);
    return &atlas_.events.back();
}

void EventRows::add_change(const CsvRecord& rec, Event& ev) {
    const std::string territory = get(rec, "territory");
    if (territory.empty()) return;
    const Calendar cal = get(rec, "calendar") == "julian" ? Calendar::Julian : Calendar::Gregorian;
    Change c;
    c.pos = where(rec, "territory");
    c.controller_pos = where(rec, "controller");
    c.territory = territory;
    c.controller = get(rec, "controller");
    c.date = date(rec, "change_date", false, cal);
    c.note.set(get(rec, "note"));
    if (c.controller.empty()) diags_.error(where(rec, "controller"), "the change has no controller");
    const std::string status = get(rec, "status");
    if (auto s = status_from_string(status)) c.status = *s;
    else diags_.error(where(rec, "status"), "status '" + status + "' is not known; use integral, autonomous, occupied, administered or self-declared");
    if (const std::string b = get(rec, "basis"); !b.empty()) {
        if (auto basis = basis_from_string(b)) c.basis = *basis;
        else diags_.error(where(rec, "basis"), "basis '" + b + "' is not known; use de_facto, de_jure or both");
    }
    if (!c.controller.empty()) ev.changes.push_back(std::move(c));
}

void EventRows::row(const CsvRecord& rec) {
    if (rec.fields.size() > header_size_)
        diags_.warning({file_, rec.line, rec.fields[header_size_].column},
                       "the row has " + std::to_string(rec.fields.size()) + " fields but the header " +
                           std::to_string(header_size_) + "; the ones after the last column are not read");
    const std::string id = get(rec, "event_id");
    if (id.empty()) {
        diags_.error(where(rec, "event_id"), "the row has no event_id");
        return;
    }
    Event* ev = event_of(rec, id);
    if (!ev) return;
    if (const std::string s = get(rec, "source"); !s.empty()) {
        SourceRef ref{s, get(rec, "locator"), where(rec, "source")};
        const bool known = std::any_of(ev->sources.begin(), ev->sources.end(), [&](const SourceRef& r) {
            return r.source == ref.source && r.locator == ref.locator;
        });
        if (!known) ev->sources.push_back(std::move(ref));
    }
    if (std::string party = get(rec, "party"); !party.empty()) ev->details.edit().parties.push_back(std::move(party));
    if (std::string note = get(rec, "event_note"); !note.empty()) ev->details.edit().notes.push_back(std::move(note));
    add_change(rec, *ev);
}

void EventRows::finish() {
    const std::size_t read = atlas_.events.size() - first_;
    if (atlas_.events.capacity() - atlas_.events.size() > read / 4 + 64) {
        index_.clear();
        atlas_.events.shrink_to_fit();
    }
}

}  // namespace chronomap::detail

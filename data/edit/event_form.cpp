#include "data/edit/event_form.h"

#include <algorithm>

#include "data/formats/event_rows.h"
#include "data/validate/event_check.h"

namespace chronomap {
namespace {

std::string cell(const FormRow& row, const char* column) {
    const auto it = row.find(column);
    return it == row.end() ? std::string() : it->second;
}

// The row as the events sheet's reader takes it: a header and one record, placed in "form".
void read_row(const FormRow& row, Diagnostics& diags, Atlas& into) {
    detail::EventRows rows("form", diags, into, 1);
    CsvRecord header, values;
    int column = 1;
    for (const char* name : detail::kEventColumns) {
        header.fields.push_back({name, 1, column});
        values.fields.push_back({cell(row, name), 2, column++});
    }
    header.line = 1;
    values.line = 2;
    if (rows.header(header)) rows.row(values);
}

template <class Items, class Item>
void add_new(Items& items, const Item& item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

// The event there already, with what the row gives.
Event merged(const Event& old, const Event& row_event, const FormRow& row) {
    Event e = old;
    if (!cell(row, "date").empty()) e.date = row_event.date;
    if (!cell(row, "title").empty()) e.title = row_event.title;
    if (!cell(row, "kind").empty()) e.kind = row_event.kind;
    const EventDetails& given = *row_event.details;
    if (!cell(row, "summary").empty()) e.details.edit().summary = given.summary;
    if (!cell(row, "signed").empty()) e.details.edit().signed_on = given.signed_on;
    if (!cell(row, "ratified").empty()) e.details.edit().ratified = given.ratified;
    if (!cell(row, "in_force").empty()) {
        e.details.edit().in_force = given.in_force;
        e.details.edit().never_in_force = given.never_in_force;
    }
    for (const auto& party : given.parties) add_new(e.details.edit().parties, party);
    for (const auto& note : given.notes) add_new(e.details.edit().notes, note);
    for (const auto& ref : row_event.sources) {
        const bool known = std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) {
            return r.source == ref.source && r.locator == ref.locator;
        });
        if (!known) e.sources.push_back(ref);
    }
    for (const auto& c : row_event.changes) {
        auto same = std::find_if(e.changes.begin(), e.changes.end(), [&](const Change& old_change) {
            return old_change.territory == c.territory && old_change.basis == c.basis && !old_change.date && !c.date;
        });
        if (same != e.changes.end()) {
            const auto kept_note = *same->note;
            *same = c;
            if (c.note->empty()) same->note.set(kept_note);
        } else {
            e.changes.push_back(c);
        }
    }
    return e;
}

}  // namespace

const Event* hand_written_event(const Atlas& atlas, const std::string& id) {
    for (const auto& e : atlas.events)
        if (!e.derived && std::string_view(e.id) == id) return &e;
    return nullptr;
}

EventDraft draft_event(const Atlas& atlas, const FormRow& in) {
    EventDraft d;
    FormRow row = in;
    const Event* old = hand_written_event(atlas, cell(row, "event_id"));
    d.adds_to = old != nullptr;
    if (old) {  // the reader needs a date and a title; merged() keeps the event's own
        if (cell(row, "date").empty()) row["date"] = "2000", row["calendar"] = "";
        if (cell(row, "title").empty()) row["title"] = "-";
    }
    Atlas scratch;
    read_row(row, d.in_row, scratch);
    for (const auto& problem : d.in_row.items()) d.problems.add(problem);
    if (scratch.events.empty()) return d;
    d.event = old ? merged(*old, scratch.events.front(), in) : scratch.events.front();
    EventChecker(atlas, d.problems).check(d.event);
    return d;
}

Result<> apply_event_row(Atlas& atlas, const FormRow& row) {
    EventDraft d = draft_event(atlas, row);
    for (const auto& problem : d.in_row.items())
        if (problem.severity == Severity::Error) return input_error(problem.message);
    if (d.event.id.empty()) return input_error("the row has no event_id");
    if (Event* old = hand_written_event(atlas, std::string(d.event.id))) {
        *old = std::move(d.event);
        return {};
    }
    d.event.pos = {};  // read from the form, kept in no file yet
    atlas.events.push_back(std::move(d.event));
    atlas.lookup.forget();
    return {};
}

}  // namespace chronomap

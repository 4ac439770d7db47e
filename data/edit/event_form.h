#pragma once
// The lesson editor's event, change and citation forms as rows of the workbook's events sheet
// (workbook.h): a form fills some of a row's columns (event_id, date, calendar, title, kind,
// summary, signed, ratified, in_force, territory, status, controller, basis, change_date, note,
// source, locator, party, event_note). The row is read by the workbook's own reader and the
// event it makes checked as `validate` checks one, so a form shows validate's words while it is
// filled in; applying it adds the event, or adds to the one with its id.

#include <map>
#include <string>

#include "data/model/atlas.h"
#include "data/support/result.h"
#include "data/validate/diagnostics.h"

namespace chronomap {

using FormRow = std::map<std::string, std::string>;

// The event with this id that was written by hand (not derived from a layer's data), or null.
const Event* hand_written_event(const Atlas& atlas, const std::string& id);
inline Event* hand_written_event(Atlas& atlas, const std::string& id) {
    return const_cast<Event*>(hand_written_event(static_cast<const Atlas&>(atlas), id));
}  // column -> text; a column left out is empty

struct EventDraft {
    Event event;            // the event as it would be after the edit
    bool adds_to = false;   // a hand-written event of that id is there already
    Diagnostics in_row;     // problems of the row itself (a date that is not one, an unknown status)
    Diagnostics problems;   // those, and what validate would say of the event in the atlas
};

// For an event there already, the row's empty event columns keep what it has; its change
// replaces one of the same territory on the same basis (and no date of its own); its source,
// party and note are added.
EventDraft draft_event(const Atlas& atlas, const FormRow& row);
// Applies the row; refused, with its first problem, when the row itself has one (the event's
// references to powers, territories and sources are checked by validate after, as for a sheet).
[[nodiscard]] Result<> apply_event_row(Atlas& atlas, const FormRow& row);

}  // namespace chronomap

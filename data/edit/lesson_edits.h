#pragma once
// Edits of a lesson kept in a workbook (data/formats/workbook.h), as the window's forms and
// script commands make them: each adds to (or replaces in) the atlas what one row of a sheet
// holds. The caller then writes the workbook and reads the atlas again, so what is shown is
// always what the files say.

#include <string>
#include <vector>

#include "data/model/atlas.h"
#include "data/support/result.h"
#include "data/validate/diagnostics.h"

namespace chronomap {

// Whether an id is one a row can have (not empty, no spaces or ';'); what it names, for the message.
[[nodiscard]] Result<> check_id(const std::string& id, const char* what);

// A territory made of base-map units ("GR/Kentriki Makedonia", or "MK" for a country), in the
// atlas's territories layer marked "units"; one with the same id is replaced. With no units, a
// drawn territory (drawn_shapes.h) is renamed and keeps its shape.
[[nodiscard]] Result<> edit_territory(Atlas& atlas, const std::string& id, const std::string& name,
                                      const std::vector<std::string>& units);
// A power: its English name, colour ("#1f77b4"), names in other languages ("tr: Osmanlı
// İmparatorluğu; ru: Османская империя"), parent (a power it is part of) and note. One with the
// same id is replaced; what is left empty stays as it was.
struct PowerFields {
    std::string id, name, colour, other_names, parent, note;
};
[[nodiscard]] Result<> edit_power(Atlas& atlas, const PowerFields& fields);
[[nodiscard]] Result<> edit_power(Atlas& atlas, const std::string& id, const std::string& name, const std::string& colour);
// "tr: Osmanlı İmparatorluğu; ru: Османская империя" as names by language.
[[nodiscard]] Result<Names> names_in_languages(const std::string& cell);
[[nodiscard]] Result<> edit_source(Atlas& atlas, const std::string& id, const std::string& title, const std::string& year,
                                   const std::string& author = "");
// A claim an event records: a power's claim to a territory from a date (to another, or on).
struct ClaimFields {
    std::string event, claimant, territory, from, to, note;
};
[[nodiscard]] Result<> add_claim(Atlas& atlas, const ClaimFields& fields);
// What validate would say of the claim, for the form while it is filled in.
Diagnostics check_claim(const Atlas& atlas, const ClaimFields& fields);
// An event; one with the same id keeps its changes and sources, and takes the new date, kind and title.
[[nodiscard]] Result<> edit_event(Atlas& atlas, const std::string& id, const std::string& date, const std::string& kind,
                                  const std::string& title);
// A change of control in an event; one of the same territory on the same basis (without a date
// of its own) is replaced, its note kept.
[[nodiscard]] Result<> add_change(Atlas& atlas, const std::string& event, const std::string& territory,
                                  const std::string& status, const std::string& controller, const std::string& basis);
// Removes a row: sheet is "territory", "power", "source" or "event" (an event goes with its
// changes and citations). What still names it is then a problem validate reports.
[[nodiscard]] Result<> remove_row(Atlas& atlas, const std::string& sheet, const std::string& id);
[[nodiscard]] Result<> add_citation(Atlas& atlas, const std::string& event, const std::string& source,
                                    const std::string& locator);

}  // namespace chronomap

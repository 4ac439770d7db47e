#pragma once
// The checks `validate` makes of one event against the rest of the atlas: the powers,
// territories and sources it names, its date within the atlas's range, and each change after
// its territory's shape exists. check_atlas runs it on every event; the lesson editor's forms
// run it on the event as it would be after the edit, so a problem shows before it is saved.

#include <map>
#include <optional>
#include <string>

#include "data/model/atlas.h"
#include "data/validate/diagnostics.h"

namespace chronomap {

class EventChecker {
  public:
    EventChecker(const Atlas& atlas, Diagnostics& diags);
    void check(const Event& ev);

  private:
    void check_power(const std::string& id, const SourcePos& pos, const std::string& role);
    bool check_territory(const std::string& id, const SourcePos& pos, const std::string& role);
    std::optional<Date> first_shape(const std::string& territory);

    const Atlas& atlas_;
    Diagnostics& diags_;
    // Territory ids can only be checked when every territories layer could be read; otherwise
    // each change would repeat the layer's own error.
    bool have_territories_ = false;
    // The earliest date each territory has a shape (none: always), made when first needed.
    std::optional<std::map<std::string, std::optional<Date>>> exists_from_;
};

// " (did you mean 'x'?)" for the known word nearest `word`, or nothing.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& known);

}  // namespace chronomap

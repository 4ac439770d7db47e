#pragma once
// Two dates (or one date in both views) compared: the territories whose controller or status
// differs, or which are on the map at one and not the other, with the number of changes between.

#include <optional>
#include <string>
#include <vector>

#include "data/time/timeline.h"

namespace chronomap {

struct Difference {
    std::string territory;
    std::optional<TerritoryState> before, after;  // nullopt where it is not on the map
    int changes_between = 0;                       // changes after the earlier date, to the later
    const Event* event = nullptr;                  // the event behind the state at the later date
};

// In atlas order. The view of each side is its own (de facto 1914 against de jure 1921).
std::vector<Difference> compare_dates(const Timeline& timeline, Date a, Basis view_a, Date b, Basis view_b);

}  // namespace chronomap

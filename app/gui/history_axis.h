#pragma once
// A time axis for one territory's history that gives eventful years room: each stretch between
// two changes (in either view) gets a width that grows with the square root of its length, plus
// one unit, so 1918-1923 with ten changes is not a few pixels beside the 66 quiet years after it.

#include <cstdint>
#include <vector>

#include "data/time/date.h"
#include "data/time/timeline.h"

namespace chronomap::gui {

class HistoryAxis {
public:
    // The atlas's range and the territory's history (both views).
    HistoryAxis(Date start, Date end, const std::vector<HistoryEntry>& history);
    // Where a day falls, 0 at the start and 1 at the end; and back.
    double fraction_of(std::int64_t day) const;
    std::int64_t day_at(double fraction) const;
    // The days the stretches begin on: the start, then each change's (for ticks).
    const std::vector<std::int64_t>& breaks() const { return days_; }

private:
    std::vector<std::int64_t> days_;  // stretch starts, then the end
    std::vector<double> at_;          // the fraction each of days_ lies at
};

}  // namespace chronomap::gui

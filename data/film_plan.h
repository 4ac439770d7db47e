#pragma once
// The frames of a film of the map changing: for each, the date shown and, when a change of
// control is under way, the date it blends from and how long ago the change began (the same
// ColourTransition as on screen). Plain code: the command line renders what it plans, the tests
// check the plan.

#include <optional>
#include <vector>

#include "timeline.h"

namespace chronomap {

struct FilmPacing {
    double fps = 30;
    // Steady time (years of history per second of film), or, when per_event > 0, a jump from event
    // to event holding each for per_event seconds.
    double years_per_second = 1;
    double per_event = 0;
    double hold_start = 0, hold_end = 0;  // seconds on the first and last date
};

struct FilmFrame {
    Date date;
    std::optional<Date> blend_from;  // the date whose colours the frame blends from
    double since_change = 0;         // seconds since that change began
};

// Frames from `from` to `to` (inclusive). Empty when the range is empty or the pacing is invalid.
std::vector<FilmFrame> plan_film(const Timeline& timeline, Date from, Date to, const FilmPacing& pacing);

}  // namespace chronomap

#pragma once
// The frames of a film of the map changing: for each, the date shown and, when a change of
// control is under way, the date it blends from and how long ago the change began (the same
// ColourTransition as on screen). Plain code: the command line renders what it plans, the tests
// check the plan.

#include <optional>
#include <vector>

#include "data/time/timeline.h"

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

// The most frames a film may have: 1,000,000 is over nine hours at 30 fps. Past it the plan alone
// would take the machine's memory (1e-6 years a second at 120 fps planned 9.4e9 frames).
inline constexpr double kMaxFilmFrames = 1'000'000;

// How many frames plan_film would make, counted without making them.
double film_frame_count(const Timeline& timeline, Date from, Date to, const FilmPacing& pacing);

// Frames from `from` to `to` (inclusive). Empty when the range is empty, the pacing is invalid or
// the film would have more than kMaxFilmFrames frames.
std::vector<FilmFrame> plan_film(const Timeline& timeline, Date from, Date to, const FilmPacing& pacing);

}  // namespace chronomap

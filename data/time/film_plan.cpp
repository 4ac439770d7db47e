#include "data/time/film_plan.h"

#include <cmath>

#include "data/time/playback.h"

namespace chronomap {

double film_frame_count(const Timeline& timeline, Date from, Date to, const FilmPacing& pacing) {
    if (!(pacing.fps > 0) || to < from) return 0;
    double seconds = pacing.hold_start + pacing.hold_end;
    if (pacing.per_event > 0) {
        seconds += pacing.per_event * static_cast<double>(timeline.events_between(from, to).size());
    } else {
        if (!(pacing.years_per_second > 0)) return 0;
        seconds += static_cast<double>(to.day - from.day) / 365.2425 / pacing.years_per_second;
    }
    return seconds * pacing.fps;
}

std::vector<FilmFrame> plan_film(const Timeline& timeline, Date from, Date to, const FilmPacing& pacing) {
    std::vector<FilmFrame> frames;
    if (!(pacing.fps > 0) || to < from) return frames;
    if (film_frame_count(timeline, from, to, pacing) > kMaxFilmFrames) return frames;
    auto hold = [&](Date date, double seconds, std::optional<Date> blend_from) {
        const auto n = static_cast<long>(std::lround(seconds * pacing.fps));
        for (long k = 0; k < n; ++k)
            frames.push_back({date, blend_from, static_cast<double>(k) / pacing.fps});
    };
    // The change under way: what the frames after a crossing blend from, until it has faded.
    std::optional<Date> blending;
    long crossed_at = 0;
    auto blend_state = [&](FilmFrame& f) {
        if (!blending) return;
        f.blend_from = blending;
        f.since_change = static_cast<double>(static_cast<long>(frames.size()) - crossed_at) / pacing.fps;
        if (f.since_change >= ColourTransition::kHighlight) {
            blending.reset();
            f.blend_from.reset();
            f.since_change = 0;
        }
    };
    hold(from, pacing.hold_start, std::nullopt);
    if (pacing.per_event > 0) {
        Date shown = from;
        for (const Event* e : timeline.events_between(from, to)) {
            if (e->date <= shown && !frames.empty()) continue;  // several events on one day: one hold
            hold(e->date, pacing.per_event, shown);
            shown = e->date;
        }
        hold(shown, pacing.hold_end, std::nullopt);
        return frames;
    }
    if (!(pacing.years_per_second > 0)) return {};
    const double days_per_frame = pacing.years_per_second * 365.2425 / pacing.fps;
    Date previous = from;
    for (long k = 0;; ++k) {
        Date d = from;
        d.day += static_cast<std::int64_t>(std::floor(static_cast<double>(k) * days_per_frame));
        d.precision = Precision::Day;
        if (d > to) d = to;
        const Event* next = timeline.next_event(previous);
        if (k > 0 && next && next->date <= d) {  // a change between the last frame and this one
            blending = previous;
            crossed_at = static_cast<long>(frames.size());
        }
        FilmFrame f{d, std::nullopt, 0};
        blend_state(f);
        frames.push_back(f);
        previous = d;
        if (d == to) break;
    }
    hold(to, pacing.hold_end, std::nullopt);
    return frames;
}

}  // namespace chronomap

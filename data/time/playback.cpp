#include "data/time/playback.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

double default_years_per_second(Date start, Date end) {
    const double years = static_cast<double>(end.day - start.day) / 365.2425;
    return std::clamp(years / 60.0, 1.0 / 60.0, 1e6);
}

Date playback_step(Playback& playback, Date at, double dt, Date start, Date end) {
    const double days = playback.years_per_second * 365.2425 * dt;
    Date next = at;
    next.day += std::max<std::int64_t>(1, static_cast<std::int64_t>(std::lround(days)));
    next.precision = Precision::Day;
    if (next > end) {
        if (playback.loop) return start;
        playback.playing = false;
        return end;
    }
    return next;
}

void ColourTransition::start(std::vector<std::uint32_t> from, std::vector<std::uint32_t> to,
                             std::vector<bool> changed, double now) {
    from_ = std::move(from);
    to_ = std::move(to);
    changed_ = std::move(changed);
    started_ = std::any_of(changed_.begin(), changed_.end(), [](bool c) { return c; }) ? now : -1;
}

std::uint32_t ColourTransition::fill(std::size_t i, double now) const {
    if (i >= to_.size()) return 0;
    if (!changed(i) || started_ < 0) return to_[i];
    const double t = (now - started_) / kDuration;
    if (t >= 1) return to_[i];
    const double s = std::max(0.0, t);
    return mix_rgba(from_[i], to_[i], s * s * (3 - 2 * s));  // smoothstep
}

std::uint8_t ColourTransition::highlight(std::size_t i, double now) const {
    if (!changed(i) || started_ < 0) return 0;
    const double h = 1.0 - (now - started_) / kHighlight;
    return static_cast<std::uint8_t>(std::clamp(h, 0.0, 1.0) * 255);
}

std::uint32_t mix_rgba(std::uint32_t a, std::uint32_t b, double t) {
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const double ca = (a >> shift) & 0xFF, cb = (b >> shift) & 0xFF;
        out |= static_cast<std::uint32_t>(std::lround(ca + (cb - ca) * t)) << shift;
    }
    return out;
}

}  // namespace chronomap

#pragma once
// Playback of an atlas through time and the colour transition shown when control changes: plain
// code with no window or GL, shared by the window, film export and the tests.

#include <cstdint>
#include <vector>

#include "data/time/date.h"

namespace chronomap {

struct Playback {
    bool playing = false;
    float years_per_second = 2.0f;
    bool loop = false;
};

// A speed that crosses [start, end] in about a minute, whatever its length (1 year a minute to
// a million years a second).
double default_years_per_second(Date start, Date end);

// The date dt seconds of playback after `at`: at least a day later; at the end it stops
// (playing becomes false) or, looping, starts again.
Date playback_step(Playback& playback, Date at, double dt, Date start, Date end);

// Colours blending from the old styles to the new when control changes, and the changed
// territories' outlines emphasised for a while after. Times are seconds on any clock.
class ColourTransition {
public:
    static constexpr double kDuration = 0.5;   // seconds of colour blending
    static constexpr double kHighlight = 1.6;  // seconds the changed outlines stay emphasised

    // from/to: fills (RGBA) before and after; changed: which of them count as a change of control.
    void start(std::vector<std::uint32_t> from, std::vector<std::uint32_t> to, std::vector<bool> changed,
               double now);
    void stop() { started_ = -1; }
    bool active(double now) const { return started_ >= 0 && now - started_ < kHighlight; }
    bool changed(std::size_t i) const { return i < changed_.size() && changed_[i]; }
    // The fill of feature i at `now` (smoothstep between the two), and its outline emphasis
    // (255 at the change, fading to 0).
    std::uint32_t fill(std::size_t i, double now) const;
    std::uint8_t highlight(std::size_t i, double now) const;

private:
    std::vector<std::uint32_t> from_, to_;
    std::vector<bool> changed_;
    double started_ = -1;
};

// Each RGBA channel of a and b mixed: t = 0 gives a, t = 1 gives b.
std::uint32_t mix_rgba(std::uint32_t a, std::uint32_t b, double t);

}  // namespace chronomap

#pragma once
// With CHRONOMAP_TIMING set, says on stderr how long each phase of a command took and the
// process's peak resident memory so far, for benchmarks: "timing: load 0.41 s, peak 212 MB".
// A timer for the parts of a phase indents them under it: "timing:   label anchors 0.067 s".

#include <chrono>

namespace chronomap {

class PhaseTimer {
public:
    enum class Level { Phase, Part };
    explicit PhaseTimer(Level level = Level::Phase) : level_(level) {}

    // Says how long since the last lap (or since the timer was made), when timing is on.
    void lap(const char* what);
    static bool on();  // CHRONOMAP_TIMING is set

private:
    Level level_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace chronomap

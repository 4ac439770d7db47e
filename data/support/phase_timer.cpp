#include "data/support/phase_timer.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace chronomap {

bool PhaseTimer::on() { return std::getenv("CHRONOMAP_TIMING") != nullptr; }

void PhaseTimer::lap(const char* what) {
    const auto now = std::chrono::steady_clock::now();
    if (on()) {
        const double seconds = std::chrono::duration<double>(now - last_).count();
        char line[256];
        if (level_ == Level::Part) {
            std::snprintf(line, sizeof line, "timing:   %s %.3f s\n", what, seconds);
        } else {
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);  // ru_maxrss is in kilobytes on Linux
            std::snprintf(line, sizeof line, "timing: %s %g s, peak %ld MB\n", what, seconds, usage.ru_maxrss / 1024);
        }
        std::cerr << line;  // through std::cerr, which the command-line tests capture
    }
    last_ = now;
}

}  // namespace chronomap

#pragma once
// The window: `chronomap [ATLAS] [--date D] [--screenshot F] [--exit-after-frames N] ...`.

#include <string>
#include <vector>

namespace chronomap::gui {

// Returns the process exit code: 0, 1 (no window could be opened) or 2 (bad arguments or a
// script that failed).
int run(const std::vector<std::string>& args);

}  // namespace chronomap::gui

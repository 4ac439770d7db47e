#pragma once
// How Chronomap is started: the exit codes every entry point returns, the atlas opened when none
// is named, and the window's launch settings. Shared by main, the command line and the window, so
// the window needs nothing from the command line.

#include <optional>
#include <string>
#include <vector>

#include "data/support/result.h"
#include "data/time/date.h"

namespace chronomap {

enum ExitCode { kOk = 0, kInternal = 1, kInputErrors = 2 };

// The atlas opened when none is named: the bundled one, found next to the executable (installed
// or in the build tree) or in the source tree.
std::string default_atlas_path();

// The window's command line: `chronomap [ATLAS] [--date D] [--screenshot F] ...`.
struct WindowLaunch {
    std::string atlas;  // empty: the last atlas opened, else the bundled one
    std::optional<Date> date;
    std::string screenshot, script, lang;
    int exit_after = 0;  // frames; 0 runs until closed
    float ui_scale = 0;  // 0 keeps the saved setting
    bool presentation = false;
    // Each frame takes at least this long (--frame-time MS): a slow machine, for testing that
    // no key press is lost whatever the frame time.
    int frame_time_ms = 0;
};

// Fails with a message naming the option and its range on any bad value.
Result<WindowLaunch> parse_window_launch(const std::vector<std::string>& args);

}  // namespace chronomap

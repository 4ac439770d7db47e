#pragma once
// The script commands that make and edit a lesson, one for each of the lesson editor's actions
// (panel_lesson.cpp, map_tools.h), so a test builds a lesson through the window as a teacher
// would. Places are given as LON,LAT and turned into the atlas's display CRS.

#include <string>

#include "app/gui/app.h"
#include "app/gui/panels.h"
#include "app/gui/script.h"

namespace chronomap::gui {

// The words of a script line from `first` on, joined by spaces (a date may be two words).
std::string words_from(const ScriptLine& l, std::size_t first);

// What is wrong with a lesson command as written, empty when nothing is; "-" for a command that
// is not a lesson command.
std::string check_lesson_command(const ScriptLine& l);
// Runs one; an edit a click on the map makes is requested in `req`, as the mouse's would be.
[[nodiscard]] Result<> run_lesson_command(App& app, UiRequests& req, const ScriptLine& l);

}  // namespace chronomap::gui

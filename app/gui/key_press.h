#pragma once
// A key pressed in the window, as GLFW reported it: queued by the window (WindowShell) and read
// by the map's keys in the next frame, each press once.

namespace chronomap::gui {

struct KeyPress {
    int key = 0;   // GLFW_KEY_...
    int mods = 0;  // GLFW_MOD_SHIFT, GLFW_MOD_CONTROL, ...
};

}  // namespace chronomap::gui

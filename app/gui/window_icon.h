#pragma once
// The window's icon, drawn as packaging/org.chronomap.Chronomap.svg draws it (territories of three
// colours on a sea, over a timeline with its marker), for the window managers that show the
// window's own icon rather than the desktop file's.

#include <cstdint>
#include <vector>

namespace chronomap::gui {

// size x size RGBA pixels, rows from the top.
std::vector<std::uint8_t> window_icon(int size);

}  // namespace chronomap::gui

#pragma once
// Two dates (or views) side by side in the window: where each side is, its camera, its overlays,
// and the line that says what differs.

#include <string>

#include "app/gui/map_input.h"
#include "app/gui/panels.h"

namespace chronomap::gui {

// The two sides of a comparison (the window's date, then the other): rectangles in ImGui units,
// and where each starts and how wide it is in the map's framebuffer pixels.
struct CompareSides {
    MapRect rect[2];
    int pixel_x[2] = {0, 0}, pixel_w[2] = {1, 1};
};
CompareSides compare_sides(const App& app, const MapRect& map);
// Side i's camera, in framebuffer pixels: one camera shared by both sides.
render::Camera side_camera(const App& app, const CompareSides& sides, int i);
// Each side's overlays (titled with its date and view) and the line between them.
void draw_compare_overlays(PanelContext& c, const MapRect& map, const CompareSides& sides);
// "Kars: Russian Empire -> Turkey, 3 changes between".
std::string difference_line(const Atlas& atlas, const Difference& d, const std::string& lang);

}  // namespace chronomap::gui

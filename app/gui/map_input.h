#pragma once
// Mouse and keyboard on the map: pan, zoom, pick, and the keys a presenter uses.

#include "app/gui/panels.h"

namespace chronomap::gui {

// The map's rectangle in ImGui coordinates and the framebuffer scale (pixels per ImGui unit).
struct MapRect {
    float x = 0, y = 0, w = 0, h = 0;
    float fb_scale = 1;
    int pixel_w() const { return static_cast<int>(w * fb_scale); }
    int pixel_h() const { return static_cast<int>(h * fb_scale); }
};

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

void handle_map_mouse(App& app, const MapRect& r);
void handle_keys(App& app, UiRequests& req, const MapRect& r);
void zoom_camera(render::Camera& cam, double factor, float px,
                 float py);  // around a pixel of the map

}  // namespace chronomap::gui

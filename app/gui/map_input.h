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

void handle_map_mouse(App& app, UiRequests& req, const MapRect& r);
// A click at display point (x, y) while the lesson editor picks provinces: the province there
// joins the territory form's list, or leaves it if it is in it.
void add_unit_picked(App& app, double x, double y);
void handle_keys(App& app, UiRequests& req, const MapRect& r);
void zoom_camera(render::Camera& cam, double factor, float px,
                 float py);  // around a pixel of the map

}  // namespace chronomap::gui

#pragma once
// One frame of the window laid out: the menu bar, side panels and timeline around the map; the
// map's camera, input, dialogs and overlay; then the maps drawn with GL under ImGui's draw data.

#include "app/gui/map_input.h"
#include "app/gui/panels.h"

namespace chronomap::gui {

// One map drawn into a part of the window: the window's pane, or a side of a comparison.
struct MapDraw {
    bool on = false;
    const render::PaneStyle* pane = nullptr;
    render::Camera cam;
    int x = 0;  // framebuffer pixels from the left
};

struct FrameMaps {
    MapRect map;
    MapDraw draws[2];
};

// Lays out the menu bar (not in presentation), the side panels and the timeline in a display of
// `display_w` x `display_h` ImGui units over `fb_w` framebuffer pixels; returns the map's place.
MapRect lay_out_panels(PanelContext& c, float display_w, float display_h, int fb_w);
// The map's camera (fitted when asked), the mouse and keys on it, the dialogs, and its overlay
// (or a hint when no atlas is open); returns what GL draws.
FrameMaps lay_out_map(PanelContext& c, const MapRect& map);
// Clears the window and draws each map into its rectangle; ImGui's draw data goes on top after.
void draw_maps(const App& app, const FrameMaps& maps, int fb_w, int fb_h);

}  // namespace chronomap::gui

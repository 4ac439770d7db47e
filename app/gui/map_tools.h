#pragma once
// The lesson editor's tools on the map: provinces picked into the territory form, a line drawn
// to split a territory, an outline drawn to add one, and a territory's points dragged, added (a
// click on its border) and removed (a right click). Each click lands on the nearest point or
// border of the shapes within a few pixels (snap_point), so new borders meet the old ones.

#include <functional>

#include <imgui.h>

#include "app/gui/app.h"
#include "app/gui/map_input.h"
#include "app/gui/panels.h"

namespace chronomap::gui {

// How near a click must be, in pixels, to a point or border to land on it.
constexpr double kSnapPixels = 8;

// A click at display point `at` with the chosen tool; false when no tool is chosen (the click
// then selects a territory). An edit it makes is requested in `req`.
bool tool_click(App& app, UiRequests& req, Vec2 at);
// A press at `at`: true when it takes hold of a point of the territory being adjusted (the map
// then does not pan); its release moves the point there.
bool tool_press(App& app, Vec2 at);
void tool_release(App& app, UiRequests& req, Vec2 at);
void tool_right_click(App& app, UiRequests& req, Vec2 at);

// The edits of the Split and Add the drawn territory buttons, from what is drawn.
std::function<Result<>(Atlas&)> split_along_sketch(const LessonFormState& f);
std::function<Result<>(Atlas&)> add_sketched_territory(const LessonFormState& f);

// The line or outline drawn, the side of the territory a split makes new, and the points of
// the territory being adjusted, over the map.
void draw_tool_overlay(App& app, ImDrawList* dl, const MapRect& map, const render::Camera& ui_cam, float s);
// The georeferencer's control points placed on the map, numbered as on the scan
// (panel_georeference.cpp).
void draw_scan_points(App& app, ImDrawList* dl, const MapRect& map, const render::Camera& cam, float s);

}  // namespace chronomap::gui

#include "app/gui/map_input.h"

#include "app/gui/map_tools.h"
#include "data/formats/workbook.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ClosePopupToLevel: Escape closes menus

namespace chronomap::gui {

void zoom_camera(render::Camera& cam, double factor, float px, float py) {
    // The display point under (px, py) stays where it is.
    const double ax = cam.center_x + (px - cam.width / 2.0) * cam.units_per_pixel;
    const double ay = cam.center_y - (py - cam.height / 2.0) * cam.units_per_pixel;
    cam.units_per_pixel /= factor;
    cam.center_x = ax - (px - cam.width / 2.0) * cam.units_per_pixel;
    cam.center_y = ay + (py - cam.height / 2.0) * cam.units_per_pixel;
}

// The lesson editor's province picking: the unit clicked joins the territory form's list, or
// leaves it when it is there already.
void add_unit_picked(App& app, double x, double y) {
    const auto unit = app.unit_at(x, y);
    if (!unit) return;
    char* units = app.panels.lesson.units;
    std::vector<std::string> parts = unit_list(units);
    const auto known = std::find(parts.begin(), parts.end(), *unit);
    if (known != parts.end()) parts.erase(known);
    else parts.push_back(*unit);
    std::snprintf(units, sizeof app.panels.lesson.units, "%s", unit_cell(parts).c_str());
}

void handle_map_mouse(App& app, UiRequests& req, const MapRect& r) {
    ImGuiIO& io = ImGui::GetIO();
    bool& pressed_here = app.panels.map_pressed;
    bool& dragged = app.panels.map_dragged;
    const ImVec2 m = io.MousePos;
    const bool over =
        !io.WantCaptureMouse && m.x >= r.x && m.y >= r.y && m.x < r.x + r.w && m.y < r.y + r.h;
    const float px = (m.x - r.x) * r.fb_scale, py = (m.y - r.y) * r.fb_scale;
    auto& cam = app.camera;
    const Vec2 at{cam.center_x + (px - cam.width / 2.0) * cam.units_per_pixel,
                  cam.center_y - (py - cam.height / 2.0) * cam.units_per_pixel};
    if (over && io.MouseWheel != 0) zoom_camera(cam, std::pow(1.2, io.MouseWheel), px, py);
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressed_here = !tool_press(app, at);  // a point taken hold of is dragged, not the map
        dragged = false;
    }
    if (app.panels.lesson.held && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) tool_release(app, req, at);
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) tool_right_click(app, req, at);
    if (pressed_here && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        dragged = true;
        cam.center_x -= io.MouseDelta.x * r.fb_scale * cam.units_per_pixel;
        cam.center_y += io.MouseDelta.y * r.fb_scale * cam.units_per_pixel;
    }
    if (pressed_here && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        pressed_here = false;
        if (!dragged && !tool_click(app, req, at)) app.select_territory(app.territory_at(at.x, at.y).value_or(""));
    }
    const bool drawing = app.lesson_editor_open && app.panels.lesson.tool != MapTool::None;
    if (over && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !drawing && !app.selected_territory.empty())
        app.zoom_to_territory(app.selected_territory, cam.width, cam.height);
}

namespace {

// Escape closes what is open over the map: menus, and a dialog with nothing running.
void close_what_is_open(App& app) {
    if (!app.export_job) app.export_dialog_open = false;
    if (!app.film_job) app.film_dialog_open = false;
    app.panels.files.purpose = BrowsePurpose::None;
    app.study_territory.clear();
    if (!app.export_job && !app.film_job) ImGui::ClosePopupToLevel(0, true);
}

void press(App& app, UiRequests& req, const MapRect& r, const KeyPress& k) {
    auto& cam = app.camera;
    const bool shift = k.mods & GLFW_MOD_SHIFT, ctrl = k.mods & GLFW_MOD_CONTROL;
    const double pan = 80.0 * r.fb_scale * cam.units_per_pixel;
    // With Shift, the arrows pan; without, left and right step through the events.
    if (shift && (k.key == GLFW_KEY_LEFT || k.key == GLFW_KEY_RIGHT || k.key == GLFW_KEY_UP || k.key == GLFW_KEY_DOWN)) {
        cam.center_x += k.key == GLFW_KEY_LEFT ? -pan : k.key == GLFW_KEY_RIGHT ? pan : 0;
        cam.center_y += k.key == GLFW_KEY_UP ? pan : k.key == GLFW_KEY_DOWN ? -pan : 0;
        return;
    }
    switch (k.key) {
        case GLFW_KEY_LEFT:
        case GLFW_KEY_PAGE_UP: app.step_event(-1); break;
        case GLFW_KEY_RIGHT:
        case GLFW_KEY_PAGE_DOWN: app.step_event(+1); break;
        case GLFW_KEY_HOME: app.go_start(); break;
        case GLFW_KEY_END: app.go_end(); break;
        case GLFW_KEY_SPACE: app.playback.playing = !app.playback.playing; break;
        case GLFW_KEY_E: if (ctrl && app.doc) app.export_dialog_open = true; break;
        case GLFW_KEY_O: if (ctrl) open_file_browser(app, BrowsePurpose::OpenAtlas); break;
        case GLFW_KEY_Q: if (ctrl) req.quit = true; break;
        case GLFW_KEY_F5:
            app.settings.presentation = !app.settings.presentation;
            req.rebuild_fonts = true;
            break;
        case GLFW_KEY_F11: req.toggle_fullscreen = true; break;
        case GLFW_KEY_ESCAPE: close_what_is_open(app); break;
        default: break;
    }
}

}  // namespace

void handle_keys(App& app, UiRequests& req, const MapRect& r) {
    ImGuiIO& io = ImGui::GetIO();
    // Keys typed into a field (a date, a file name) are the field's.
    if (io.WantTextInput) return;
    for (const KeyPress& k : req.keys) press(app, req, r, k);
    if (io.KeyCtrl) return;
    auto& cam = app.camera;
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch == '+' || ch == '=') zoom_camera(cam, 1.25, cam.width / 2.0f, cam.height / 2.0f);
        if (ch == '-') zoom_camera(cam, 0.8, cam.width / 2.0f, cam.height / 2.0f);
        if (ch == 'f' || ch == 'F') req.fit = true;
        if (ch == 'z' || ch == 'Z') req.zoom_to_selected = true;
        if (ch == 'd' || ch == 'D') app.set_basis(Basis::DeFacto);
        if (ch == 'j' || ch == 'J') app.set_basis(Basis::DeJure);
        if (ch == 'c' || ch == 'C') app.set_claims(!app.settings.claims);
    }
}

}  // namespace chronomap::gui

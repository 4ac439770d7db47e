#include "app/gui/map_input.h"

#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace chronomap::gui {

void zoom_camera(render::Camera& cam, double factor, float px, float py) {
    // The display point under (px, py) stays where it is.
    const double ax = cam.center_x + (px - cam.width / 2.0) * cam.units_per_pixel;
    const double ay = cam.center_y - (py - cam.height / 2.0) * cam.units_per_pixel;
    cam.units_per_pixel /= factor;
    cam.center_x = ax - (px - cam.width / 2.0) * cam.units_per_pixel;
    cam.center_y = ay + (py - cam.height / 2.0) * cam.units_per_pixel;
}

void handle_map_mouse(App& app, const MapRect& r) {
    ImGuiIO& io = ImGui::GetIO();
    bool& pressed_here = app.panels.map_pressed;
    bool& dragged = app.panels.map_dragged;
    const ImVec2 m = io.MousePos;
    const bool over =
        !io.WantCaptureMouse && m.x >= r.x && m.y >= r.y && m.x < r.x + r.w && m.y < r.y + r.h;
    const float px = (m.x - r.x) * r.fb_scale, py = (m.y - r.y) * r.fb_scale;
    auto& cam = app.camera;
    if (over && io.MouseWheel != 0) zoom_camera(cam, std::pow(1.2, io.MouseWheel), px, py);
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressed_here = true;
        dragged = false;
    }
    if (pressed_here && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        dragged = true;
        cam.center_x -= io.MouseDelta.x * r.fb_scale * cam.units_per_pixel;
        cam.center_y += io.MouseDelta.y * r.fb_scale * cam.units_per_pixel;
    }
    if (pressed_here && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        pressed_here = false;
        if (!dragged) {
            const double x = cam.center_x + (px - cam.width / 2.0) * cam.units_per_pixel;
            const double y = cam.center_y - (py - cam.height / 2.0) * cam.units_per_pixel;
            app.select_territory(app.territory_at(x, y).value_or(""));
        }
    }
    if (over && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) &&
        !app.selected_territory.empty())
        app.zoom_to_territory(app.selected_territory, cam.width, cam.height);
}

void handle_keys(App& app, UiRequests& req, const MapRect& r) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // With the GLFW backend of ImGui 1.86, key indices are GLFW key codes.
    auto pressed = [](int glfw_key) { return ImGui::IsKeyPressed(glfw_key); };
    auto& cam = app.camera;
    const double pan = 80.0 * r.fb_scale * cam.units_per_pixel;
    if (io.KeyShift) {
        if (pressed(GLFW_KEY_LEFT)) cam.center_x -= pan;
        if (pressed(GLFW_KEY_RIGHT)) cam.center_x += pan;
        if (pressed(GLFW_KEY_UP)) cam.center_y += pan;
        if (pressed(GLFW_KEY_DOWN)) cam.center_y -= pan;
    } else {
        if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_PAGE_UP)) app.step_event(-1);
        if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_PAGE_DOWN)) app.step_event(+1);
    }
    if (pressed(GLFW_KEY_HOME)) app.go_start();
    if (pressed(GLFW_KEY_END)) app.go_end();
    if (pressed(GLFW_KEY_SPACE)) app.playback.playing = !app.playback.playing;
    if (io.KeyCtrl && pressed(GLFW_KEY_E) && app.doc) app.export_dialog_open = true;
    if (io.KeyCtrl && pressed(GLFW_KEY_Q)) req.quit = true;
    if (pressed(GLFW_KEY_F5)) {
        app.settings.presentation = !app.settings.presentation;
        req.rebuild_fonts = true;
    }
    if (pressed(GLFW_KEY_F11)) req.toggle_fullscreen = true;
    if (io.KeyCtrl) return;
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

#include "app/gui/frame_layout.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "app/gui/map_tools.h"
#include "app/gui/panel_compare.h"
#include "app/view/overlay/i18n.h"
#include "render/screen.h"

namespace chronomap::gui {
namespace {

// Side by side, the shared camera frames one half; a swipe cuts one full picture.
void lay_out_comparison(PanelContext& c, const MapRect& map, const CompareSides& sides, float framed_scale,
                        FrameMaps& out) {
    App& app = c.app;
    app.preview_scale = c.map_fonts.scale * framed_scale;
    draw_compare_overlays(c, map, sides);
    for (int i = 0; i < 2; ++i) {
        out.draws[i].on = true;
        out.draws[i].pane = i == 0 ? &app.compare->left.style : &app.compare->right.style;
        out.draws[i].cam = side_camera(app, sides, i);
        out.draws[i].x = static_cast<int>(map.x * map.fb_scale) + sides.pixel_x[i];
    }
}

// The selected territory's rings with points closer than a pixel at this scale dropped: a
// coastline of 100,000 points becomes what the screen can show, once per selection and zoom.
const std::vector<std::vector<Vec2>>& thinned_outline(App& app, const Feature& f, double units_per_pixel) {
    SelectionOutline& cache = app.panels.selection_outline;
    if (cache.feature == &f && cache.units_per_pixel == units_per_pixel) return cache.rings;
    cache = {&f, units_per_pixel, {}};
    for (const Polygon& polygon : f.shape.polygons)
        for (const auto& ring : polygon.rings) {
            std::vector<Vec2> kept;
            for (const Vec2& v : ring)
                if (kept.empty() || std::abs(v.x - kept.back().x) + std::abs(v.y - kept.back().y) >= units_per_pixel)
                    kept.push_back(v);
            if (kept.size() >= 3) cache.rings.push_back(std::move(kept));
        }
    return cache.rings;
}

// The selected territory's outline, dark on a white halo, so the class sees what the inspector
// describes.
void outline_selection(App& app, ImDrawList* dl, const MapRect& map, const render::Camera& ui_cam,
                       float s) {
    if (app.selected_territory.empty()) return;
    const Feature* f = app.doc->atlas().find_territory(app.selected_territory, app.date);
    if (!f) return;
    std::vector<ImVec2> points;
    for (const auto& ring : thinned_outline(app, *f, ui_cam.units_per_pixel)) {
        points.clear();
        for (const Vec2& v : ring)
            points.push_back(
                {map.x + map.w / 2 +
                     static_cast<float>((v.x - ui_cam.center_x) / ui_cam.units_per_pixel),
                 map.y + map.h / 2 -
                     static_cast<float>((v.y - ui_cam.center_y) / ui_cam.units_per_pixel)});
        dl->AddPolyline(points.data(), static_cast<int>(points.size()),
                        IM_COL32(255, 255, 255, 230), ImDrawFlags_Closed, 5.0f * s);
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(20, 20, 30, 255),
                        ImDrawFlags_Closed, 2.5f * s);
    }
}

// The overlay works in ImGui units; the camera in framebuffer pixels.
void lay_out_one_map(PanelContext& c, const MapRect& map, float text_scale, FrameMaps& out) {
    App& app = c.app;
    render::Camera ui_cam = app.camera;
    ui_cam.width = static_cast<int>(map.w);
    ui_cam.height = static_cast<int>(map.h);
    ui_cam.units_per_pixel *= map.fb_scale;
    ImGui::GetBackgroundDrawList()->PushClipRect({map.x, map.y}, {map.x + map.w, map.y + map.h}, true);
    outline_selection(app, ImGui::GetBackgroundDrawList(), map, ui_cam, c.ui_scale);
    draw_tool_overlay(app, ImGui::GetBackgroundDrawList(), map, ui_cam, c.ui_scale);
    draw_scan_points(app, ImGui::GetBackgroundDrawList(), map, ui_cam, c.ui_scale);
    ImGui::GetBackgroundDrawList()->PopClipRect();
    ImGuiPainter painter(ImGui::GetBackgroundDrawList(), c.map_fonts);
    OverlayFrame of{&painter, map.x, map.y, map.w, map.h, ui_cam, &app.doc->view->geo(), text_scale};
    draw_overlay(of, app.doc->pane->overlay, app.doc->pane->labels, app.shown_overlays());
    out.draws[0] = {true, &app.doc->pane->style, app.camera, static_cast<int>(map.x * map.fb_scale)};
}

// The map's new size in pixels (full screen, presentation, a resized window): the area it showed
// stays in view and fills it, where keeping the scale left a projector's map in a corner.
void keep_area_shown(render::Camera& cam, int width, int height) {
    if (cam.width > 1 && cam.height > 1 && (width != cam.width || height != cam.height))
        cam.units_per_pixel *= std::max(static_cast<double>(cam.width) / width, static_cast<double>(cam.height) / height);
    cam.width = width;
    cam.height = height;
}

// The width a side panel needs for its tabs' names whole: ImGui narrows tabs that do not fit and
// cuts their names ("Խնդիրն..." at UI scale 2).
float tabs_width(std::initializer_list<const char*> labels) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = 2 * style.WindowPadding.x;
    for (const char* label : labels)
        if (*label) w += ImGui::CalcTextSize(label).x + 2 * style.FramePadding.x + style.ItemInnerSpacing.x;
    return w;
}

void hint_without_atlas(const MapRect& map) {
    const char* hint =
        _("No atlas is open. Drop an atlas.json (or its folder) here, or use File > Open.\n"
          "Diagnostics, on the left, says what went wrong.");
    const ImVec2 size = ImGui::CalcTextSize(hint);
    ImGui::GetBackgroundDrawList()->AddText({map.x + (map.w - size.x) / 2, map.y + (map.h - size.y) / 2},
                                            IM_COL32(60, 60, 60, 255), hint);
}

}  // namespace

MapRect lay_out_panels(PanelContext& c, float display_w, float display_h, int fb_w) {
    const Settings& settings = c.app.settings;
    const float s = c.ui_scale;
    const bool presenting = settings.presentation;
    float top = 0;
    if (!presenting) {
        draw_menu_bar(c);
        top = ImGui::GetFrameHeight();
    }
    const float timeline_h = std::min(display_h * 0.4f, settings.timeline_height * s);
    // A quarter of the window each, or up to 30 % where the tabs' names need it.
    auto side_width = [&](float wanted, float tabs) {
        return std::min(display_w * 0.3f, std::max(std::min(display_w * 0.25f, wanted * s), tabs));
    };
    const float left_w = presenting || !settings.show_left
                             ? 0
                             : side_width(settings.left_width, tabs_width({_("Events"), _("Layers & options"),
                                                                           (std::string(_("Diagnostics")) + " (00)").c_str()}));
    const float right_w = presenting || !settings.show_right
                              ? 0
                              : side_width(settings.right_width,
                                           tabs_width({c.app.compare ? _("Compare") : "", _("Event"), _("Territory"), _("Legend")}));
    const float mid_h = std::max(1.0f, display_h - top - timeline_h);
    if (left_w > 0) draw_left_panel(c, 0, top, left_w, mid_h);
    if (right_w > 0) draw_right_panel(c, display_w - right_w, top, right_w, mid_h);
    draw_timeline(c, 0, top + mid_h, display_w, timeline_h);
    return {left_w, top, std::max(1.0f, display_w - left_w - right_w), mid_h,
            display_w > 0 ? static_cast<float>(fb_w) / display_w : 1.0f};
}

FrameMaps lay_out_map(PanelContext& c, const MapRect& map) {
    App& app = c.app;
    FrameMaps out;
    out.map = map;
    const float text_scale = overlay_text_scale(c.map_fonts.scale, map.w, map.h);
    app.preview_scale = c.map_fonts.scale * text_scale;
    if (!app.doc) {
        handle_keys(app, c.requests, map);
        hint_without_atlas(map);
        return out;
    }
    handle_keys(app, c.requests, map);  // before the camera is fitted: F and Z ask for that
    CompareSides sides;
    if (app.compare) sides = compare_sides(app, map);
    const bool halves = app.compare && app.compare->layout == CompareLayout::SideBySide;
    const MapRect framed = halves ? sides.rect[0] : map;
    const float framed_scale = overlay_text_scale(c.map_fonts.scale, framed.w, framed.h);
    // Fitted to leave the room the overlay takes as drawn: a comparison's halves draw the settings' overlays.
    const OverlayOptions drawn = app.compare ? app.settings.overlays : app.shown_overlays();
    const int fit_w = framed.pixel_w(), fit_h = framed.pixel_h();
    const double column = overlay_column_inset(drawn, framed.w, c.map_fonts.scale * framed_scale) * map.fb_scale;
    if (!app.camera_set || c.requests.fit || app.refit_wanted(fit_w, fit_h, column)) {
        ImGuiPainter measurer(nullptr, c.map_fonts);  // the caption's height is measured only to fit
        const OverlayInsets inset =
            overlay_insets(measurer, app.doc->pane->overlay, drawn, framed.w, framed.h, framed_scale);
        app.fit(fit_w, fit_h, inset.bottom * map.fb_scale, inset.right * map.fb_scale);
    }
    keep_area_shown(app.camera, std::max(1, halves ? sides.pixel_w[0] : map.pixel_w()), std::max(1, map.pixel_h()));
    if (c.requests.zoom_to_selected && !app.selected_territory.empty())
        app.zoom_to_territory(app.selected_territory, app.camera.width, app.camera.height);
    const bool over_right = halves && ImGui::GetIO().MousePos.x >= sides.rect[1].x;
    handle_map_mouse(app, c.requests, over_right ? sides.rect[1] : framed);
    draw_export_dialog(c, app.camera.width, app.camera.height);
    draw_film_dialog(c);
    draw_workbook_dialog(c);
    draw_lesson_editor(c);
    draw_georeferencer(c);
    draw_study_window(c);
    draw_file_browser(c);
    draw_trust_prompt(c);
    if (app.compare)
        lay_out_comparison(c, map, sides, framed_scale, out);
    else
        lay_out_one_map(c, map, text_scale, out);
    return out;
}

void draw_maps(const App& app, const FrameMaps& maps, int fb_w, int fb_h) {
    render::bind_screen(fb_w, fb_h);
    render::clear_screen(0xF2F2EFFF);
    if (!app.doc) return;
    const MapRect& map = maps.map;
    for (const MapDraw& d : maps.draws) {
        if (!d.on) continue;
        render::bind_screen_rect(d.x, fb_h - static_cast<int>((map.y + map.h) * map.fb_scale), d.cam.width,
                                 d.cam.height);
        app.doc->view->draw(*d.pane, d.cam, app.preview_scale * map.fb_scale);
        render::bind_screen(fb_w, fb_h);
    }
}

}  // namespace chronomap::gui

#include "app/gui/map_tools.h"

#include <cmath>
#include <cstdio>

#include "data/edit/shape_edits.h"

namespace chronomap::gui {
namespace {

double tolerance(const App& app) { return kSnapPixels * app.camera.units_per_pixel; }

const Feature* adjusted(const App& app) {
    const char* id = app.panels.lesson.points_id;
    if (!app.doc || !*id) return nullptr;
    const Layer* units = app.doc->atlas().units_layer();
    if (!units) return nullptr;
    for (const auto& f : units->features)
        if (f.id == id) return &f;
    return nullptr;
}

// The adjusted territory's point within snapping distance of `at`, if any.
std::optional<Vec2> point_near(const App& app, Vec2 at) {
    const Feature* f = adjusted(app);
    if (!f) return std::nullopt;
    const double tol2 = tolerance(app) * tolerance(app);
    std::optional<Vec2> best;
    double best_d = tol2;
    for (const auto& poly : f->shape.polygons)
        for (const auto& ring : poly.rings)
            for (const Vec2& v : ring)
                if (const double d = (v.x - at.x) * (v.x - at.x) + (v.y - at.y) * (v.y - at.y); d <= best_d) best_d = d, best = v;
    return best;
}

std::string points_id(const App& app) { return app.panels.lesson.points_id; }

}  // namespace

bool tool_click(App& app, UiRequests& req, Vec2 at) {
    if (app.map_clicked_for_scan(at)) return true;  // the georeferencer's point on the map
    LessonFormState& f = app.panels.lesson;
    if (!app.lesson_editor_open || !app.doc || f.tool == MapTool::None) return false;
    switch (f.tool) {
        case MapTool::Provinces: add_unit_picked(app, at.x, at.y); break;
        case MapTool::Line:
        case MapTool::Outline: f.sketch.push_back(snap_point(app.doc->atlas(), at, tolerance(app))); break;
        case MapTool::Points:
            if (!adjusted(app)) {  // the first click chooses the territory
                const auto id = app.territory_at(at.x, at.y).value_or("");
                std::snprintf(f.points_id, sizeof f.points_id, "%s", id.c_str());
            } else if (!point_near(app, at)) {
                req.edit = [id = points_id(app), at](Atlas& a) { return insert_vertex(a, id, at); };
            }
            break;
        case MapTool::Territory: {  // the change form's territory
            const auto id = app.territory_at(at.x, at.y).value_or("");
            std::snprintf(f.change_territory, sizeof f.change_territory, "%s", id.c_str());
            break;
        }
        case MapTool::None: break;
    }
    return true;
}

bool tool_press(App& app, Vec2 at) {
    LessonFormState& f = app.panels.lesson;
    if (!app.lesson_editor_open || f.tool != MapTool::Points) return false;
    f.held = point_near(app, at);
    return f.held.has_value();
}

void tool_release(App& app, UiRequests& req, Vec2 at) {
    LessonFormState& f = app.panels.lesson;
    if (!f.held) return;
    const Vec2 from = *f.held;
    f.held.reset();
    const Vec2 to = snap_point(app.doc->atlas(), at, tolerance(app));
    if (to.x == from.x && to.y == from.y) return;
    req.edit = [id = points_id(app), from, to](Atlas& a) { return move_vertex(a, id, from, to); };
}

void tool_right_click(App& app, UiRequests& req, Vec2 at) {
    const LessonFormState& f = app.panels.lesson;
    if (!app.lesson_editor_open || f.tool != MapTool::Points) return;
    if (const auto point = point_near(app, at))
        req.edit = [id = points_id(app), p = *point](Atlas& a) { return delete_vertex(a, id, p); };
}

std::function<Result<>(Atlas&)> split_along_sketch(const LessonFormState& f) {
    return [id = std::string(f.split_id), line = f.sketch, new_id = std::string(f.new_id), name = std::string(f.new_name),
            left = f.new_on_left](Atlas& a) { return split_territory(a, id, line, new_id, name, left); };
}

std::function<Result<>(Atlas&)> add_sketched_territory(const LessonFormState& f) {
    return [id = std::string(f.draw_id), name = std::string(f.draw_name), outline = f.sketch, clip = f.clip](Atlas& a) {
        return draw_territory(a, id, name, outline, clip);
    };
}

}  // namespace chronomap::gui

namespace chronomap::gui {
namespace {

constexpr ImU32 kSketch = IM_COL32(230, 110, 20, 255), kHalo = IM_COL32(255, 255, 255, 220);

ImVec2 on_screen(const MapRect& map, const render::Camera& cam, Vec2 v) {
    return {map.x + map.w / 2 + static_cast<float>((v.x - cam.center_x) / cam.units_per_pixel),
            map.y + map.h / 2 - static_cast<float>((v.y - cam.center_y) / cam.units_per_pixel)};
}

// The side a split along the line drawn would make new, worked out again when the line changes.
void update_split_preview(App& app) {
    LessonFormState& f = app.panels.lesson;
    if (f.tool == MapTool::Line && !*f.split_id)  // the territory selected is the one to split
        std::snprintf(f.split_id, sizeof f.split_id, "%s", app.selected_territory.c_str());
    if (f.tool != MapTool::Line || f.sketch.size() < 2 || !*f.split_id) {
        f.split_preview.clear();
        f.split_preview_of.clear();
        return;
    }
    std::string key = std::string(f.split_id) + (f.new_on_left ? "<" : ">");
    for (const Vec2& v : f.sketch) key += std::to_string(v.x) + "," + std::to_string(v.y) + ";";
    if (key == f.split_preview_of) return;
    f.split_preview_of = key;
    f.split_preview.clear();
    const Feature* t = app.doc->atlas().find_territory(f.split_id, app.date);
    if (!t) return;
    if (auto sides = split_shape(t->shape, f.sketch)) f.split_preview = f.new_on_left ? sides->left : sides->right;
}

void draw_path(ImDrawList* dl, const std::vector<ImVec2>& points, bool closed, float s) {
    const ImDrawFlags flags = closed ? ImDrawFlags_Closed : ImDrawFlags_None;
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), kHalo, flags, 5.0f * s);
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), kSketch, flags, 2.5f * s);
}

}  // namespace

void draw_tool_overlay(App& app, ImDrawList* dl, const MapRect& map, const render::Camera& ui_cam, float s) {
    if (!app.lesson_editor_open || !app.doc) return;
    LessonFormState& f = app.panels.lesson;
    update_split_preview(app);
    std::vector<ImVec2> points;
    for (const auto& poly : f.split_preview)
        for (const auto& ring : poly.rings) {
            points.clear();
            for (const Vec2& v : ring) points.push_back(on_screen(map, ui_cam, v));
            dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(230, 110, 20, 160), ImDrawFlags_Closed,
                            6.0f * s);
        }
    if (f.tool == MapTool::Line || f.tool == MapTool::Outline) {
        points.clear();
        for (const Vec2& v : f.sketch) points.push_back(on_screen(map, ui_cam, v));
        if (points.size() >= 2) draw_path(dl, points, f.tool == MapTool::Outline && points.size() >= 3, s);
        for (const ImVec2& p : points) dl->AddCircleFilled(p, 4.0f * s, kSketch);
    }
    const Feature* t = f.tool == MapTool::Points ? adjusted(app) : nullptr;
    if (!t || t->shape.vertex_count() > 20000) return;
    const float half = 3.0f * s;
    for (const auto& poly : t->shape.polygons)
        for (const auto& ring : poly.rings)
            for (const Vec2& v : ring) {
                const ImVec2 p = on_screen(map, ui_cam, v);
                dl->AddRectFilled({p.x - half - 1, p.y - half - 1}, {p.x + half + 1, p.y + half + 1}, kHalo);
                dl->AddRectFilled({p.x - half, p.y - half}, {p.x + half, p.y + half}, kSketch);
            }
    if (f.held) dl->AddCircleFilled(ImGui::GetIO().MousePos, 5.0f * s, kSketch);
}

}  // namespace chronomap::gui

// File > Georeference a scan...: the scan beside the map; a click on it, then one on the same place
// on the map, make a control point. Each point's residual shows once three are placed.
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <imgui.h>

#include "app/gui/app.h"
#include "app/gui/panels.h"
#include "app/view/overlay/i18n.h"
#include "app/gui/map_tools.h"
#include "data/geometry/projection.h"
#include "data/load/raster_layer.h"

namespace chronomap::gui {
namespace {

constexpr ImU32 kPoint = IM_COL32(230, 110, 20, 255), kHalo = IM_COL32(255, 255, 255, 230);

void numbered_point(ImDrawList* dl, ImVec2 p, int n, float s) {
    dl->AddCircleFilled(p, 6 * s, kHalo);
    dl->AddCircleFilled(p, 4 * s, kPoint);
    const std::string label = std::to_string(n);
    dl->AddText({p.x + 7 * s + 1, p.y - 8 * s + 1}, kHalo, label.c_str());
    dl->AddText({p.x + 7 * s, p.y - 8 * s}, IM_COL32(40, 40, 40, 255), label.c_str());
}

// The scan at the window's width; a click on it places (or moves) the point that awaits.
void scan_image(App& app, GeoreferenceState& g, float s) {
    const render::UiTexture& tex = *app.scan_texture;
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = std::min(w * tex.height() / std::max(1, tex.width()), 420 * s);
    const float fit_w = h * tex.width() / std::max(1, tex.height());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex.id())), {fit_w, h});
    const double per_px = static_cast<double>(g.scan_width) / fit_w;
    if (ImGui::IsItemClicked()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        app.scan_clicked((m.x - origin.x) * per_px, (m.y - origin.y) * per_px);
    }
    for (std::size_t k = 0; k < g.points.size(); ++k)
        numbered_point(ImGui::GetWindowDrawList(),
                       {origin.x + static_cast<float>(g.points[k].pixel_x / per_px), origin.y + static_cast<float>(g.points[k].pixel_y / per_px)},
                       static_cast<int>(k + 1), s);
}

void points_table(GeoreferenceState& g) {
    std::vector<ControlPoint> placed;
    for (const auto& p : g.points)
        if (!std::isnan(p.lon)) placed.push_back(p);
    const auto fit = placed.size() >= 3 ? fit_control_points(placed) : Result<GeoreferenceReport>(input_error(""));
    if (!ImGui::BeginTable("points", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    for (const char* h : {"#", _("on the scan"), _("on the map"), _("off by (px)"), ""}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    std::size_t placed_index = 0, remove = g.points.size();
    for (std::size_t k = 0; k < g.points.size(); ++k) {
        const ControlPoint& p = g.points[k];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", k + 1);
        ImGui::TableNextColumn();
        ImGui::Text("%.0f, %.0f", p.pixel_x, p.pixel_y);
        ImGui::TableNextColumn();
        if (std::isnan(p.lon)) ImGui::TextDisabled("%s", _("click it on the map"));
        else ImGui::Text("%.4f, %.4f", p.lon, p.lat);
        ImGui::TableNextColumn();
        if (!std::isnan(p.lon) && fit) ImGui::Text("%.1f", fit->residual_px[placed_index]);
        placed_index += std::isnan(p.lon) ? 0 : 1;
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::SmallButton(_("Remove##gcp"))) remove = k;
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (remove < g.points.size()) g.points.erase(g.points.begin() + static_cast<std::ptrdiff_t>(remove));
    if (fit) ImGui::Text(_("Root mean square: %.1f px (%s)"), fit->rms_px, placed.size() >= 6 ? _("second order") : _("first order"));
    else if (!placed.empty() && placed.size() >= 3) ImGui::TextWrapped("%s", fit.message().c_str());
}

}  // namespace

void draw_georeferencer(PanelContext& c) {
    App& a = c.app;
    if (!a.georeferencer_open) return;
    GeoreferenceState& g = a.panels.georeference;
    ImGui::SetNextWindowSize({520 * c.ui_scale, 640 * c.ui_scale}, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(_("Georeference a scan"), &a.georeferencer_open)) return ImGui::End();
    const float w = ImGui::GetContentRegionAvail().x * 0.6f;
    form_field(_("scan (PNG, JPEG, TIFF)"), g.scan, sizeof g.scan, w);
    ImGui::SameLine();
    if (ImGui::Button(_("Show"))) {
        if (auto shown = a.load_scan(g.scan); !shown) g.result = shown.message();
    }
    if (a.scan_texture) {
        ImGui::TextWrapped("%s", _("Click a place on the scan, then the same place on the map; three or more points, spread "
                                   "over the scan (six or more fit a curved transform)."));
        scan_image(a, g, c.ui_scale);
        points_table(g);
        form_field(_("save as"), g.out, sizeof g.out, w);
        form_field(_("layer name"), g.layer_name, sizeof g.layer_name, w / 2);
        form_field(_("shown from"), g.from, sizeof g.from, w / 3);
        ImGui::SameLine();
        form_field(_("until"), g.to, sizeof g.to, w / 3);
        if (ImGui::Button(_("Save as a GeoTIFF"))) c.requests.save_scan = false;
        ImGui::SameLine();
        ImGui::BeginDisabled(!a.doc);
        if (ImGui::Button(_("Save and show it under the map"))) c.requests.save_scan = true;
        ImGui::EndDisabled();
    }
    if (!g.result.empty()) ImGui::TextWrapped("%s", g.result.c_str());
    ImGui::End();
}

// The control points placed on the map, numbered as on the scan.
void draw_scan_points(App& app, ImDrawList* dl, const MapRect& map, const render::Camera& cam, float s) {
    if (!app.georeferencer_open || !app.doc) return;
    const auto& points = app.panels.georeference.points;
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (std::isnan(points[k].lon)) continue;
        Bounds at;
        at.add(Vec2{points[k].lon, points[k].lat});
        const auto p = lonlat_to_display(app.doc->atlas().crs, at);
        if (!p) continue;
        numbered_point(dl, {map.x + map.w / 2 + static_cast<float>((p->min_x - cam.center_x) / cam.units_per_pixel),
                            map.y + map.h / 2 - static_cast<float>((p->min_y - cam.center_y) / cam.units_per_pixel)},
                       static_cast<int>(k + 1), s);
    }
}

}  // namespace chronomap::gui

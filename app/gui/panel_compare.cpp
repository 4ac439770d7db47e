// Two dates at once: where each side is on screen, its camera, its overlays and the swipe line,
// and the Comparison panel (the second date, its view, the layout and the list of differences).

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/gui/map_input.h"
#include "app/gui/panel_compare.h"
#include "app/view/overlay/overlay_painter.h"

namespace chronomap::gui {

CompareSides compare_sides(const App& app, const MapRect& map) {
    CompareSides s;
    const int pw = std::max(2, map.pixel_w());
    int left_px = 0, right_x = 0;
    if (app.compare->layout == CompareLayout::SideBySide) {
        const int gap = std::max(2, static_cast<int>(std::lround(3 * map.fb_scale)));
        left_px = std::max(1, (pw - gap) / 2);
        right_x = pw - left_px;
    } else {
        left_px = std::clamp(static_cast<int>(std::lround(app.compare->swipe * pw)), 1, pw - 1);
        right_x = left_px;
    }
    s.rect[0] = {map.x, map.y, left_px / map.fb_scale, map.h, map.fb_scale};
    s.rect[1] = {map.x + right_x / map.fb_scale, map.y, (pw - right_x) / map.fb_scale, map.h, map.fb_scale};
    s.pixel_x[0] = 0;
    s.pixel_x[1] = right_x;
    s.pixel_w[0] = left_px;
    s.pixel_w[1] = pw - right_x;
    return s;
}

render::Camera side_camera(const App& app, const CompareSides& s, int i) {
    // Side by side, each half shows what the shared camera frames; a swipe cuts one picture in two.
    if (app.compare->layout == CompareLayout::SideBySide) {
        render::Camera cam = app.camera;
        cam.width = s.pixel_w[i];
        return cam;
    }
    return camera_part(app.camera, s.pixel_x[i], s.pixel_w[i]);
}

void draw_compare_overlays(PanelContext& c, const MapRect& map, const CompareSides& sides) {
    App& a = c.app;
    Comparison& cmp = *a.compare;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (int i = 0; i < 2; ++i) {
        const MapPane& pane = i == 0 ? cmp.left : cmp.right;
        const MapRect& r = sides.rect[i];
        render::Camera ui_cam = side_camera(a, sides, i);
        ui_cam.width = static_cast<int>(r.w);
        ui_cam.height = static_cast<int>(r.h);
        ui_cam.units_per_pixel *= map.fb_scale;
        OverlayOptions o = a.settings.overlays;
        if (i == 0) o.source = false;  // one source line, bottom right
        ImGuiPainter painter(dl, c.map_fonts);
        const OverlayFrame frame{&painter, r.x, r.y, r.w, r.h, ui_cam, &a.doc->view->geo(),
                                 overlay_text_scale(c.map_fonts.scale, r.w, r.h)};
        draw_overlay(frame, pane.overlay, pane.labels, o);
    }
    if (cmp.layout == CompareLayout::SideBySide) {
        const float x = (sides.rect[0].x + sides.rect[0].w + sides.rect[1].x) / 2;
        dl->AddLine({x, map.y}, {x, map.y + map.h}, IM_COL32(40, 40, 40, 255), std::max(1.0f, 2 * c.ui_scale));
        return;
    }
    // The swipe line and its handle, dragged sideways.
    const float x = sides.rect[1].x, grip = 10 * c.ui_scale;
    ImGui::SetNextWindowPos({x - grip, map.y});
    ImGui::SetNextWindowSize({2 * grip, map.h});
    ImGui::Begin("##swipe", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos({0, 0});
    ImGui::InvisibleButton("##swipe-line", {2 * grip, map.h});
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsItemActive() && map.w > 0)
        cmp.swipe = std::clamp(cmp.swipe + ImGui::GetIO().MouseDelta.x / map.w, 0.02f, 0.98f);
    ImGui::End();
    dl->AddLine({x, map.y}, {x, map.y + map.h}, IM_COL32(255, 255, 255, 255), 5 * c.ui_scale);
    dl->AddLine({x, map.y}, {x, map.y + map.h}, IM_COL32(40, 40, 40, 255), 2 * c.ui_scale);
    const ImVec2 mid{x, map.y + map.h / 2};
    dl->AddCircleFilled(mid, 14 * c.ui_scale, IM_COL32(255, 255, 255, 255));
    dl->AddCircle(mid, 14 * c.ui_scale, IM_COL32(40, 40, 40, 255), 0, 2 * c.ui_scale);
    const float t = 5 * c.ui_scale;
    dl->AddTriangleFilled({mid.x - 3 * t / 2, mid.y}, {mid.x - t / 3, mid.y - t}, {mid.x - t / 3, mid.y + t},
                          IM_COL32(40, 40, 40, 255));
    dl->AddTriangleFilled({mid.x + 3 * t / 2, mid.y}, {mid.x + t / 3, mid.y + t}, {mid.x + t / 3, mid.y - t},
                          IM_COL32(40, 40, 40, 255));
}

namespace {

// One side of a difference in words: "Turkey, occupied", or "not on the map".
std::string side_label(const Atlas& atlas, const std::optional<TerritoryState>& s, const std::string& lang) {
    return s ? control_label(atlas, s->controller, s->status, lang) : std::string(_("not on the map"));
}

}  // namespace

std::string difference_line(const Atlas& atlas, const Difference& d, const std::string& lang) {
    char between[96];
    std::snprintf(between, sizeof between, _("changes between: %d"), d.changes_between);
    return atlas.territory_name(d.territory, lang) + ": " + side_label(atlas, d.before, lang) + " \xe2\x86\x92 " +
           side_label(atlas, d.after, lang) + ", " +
           between;
}

namespace {

// One difference as three lines (territory; before -> after; changes between), clipped to the panel.
void difference_entry(App& a, const Difference& d, float height) {
    const Atlas& atlas = a.doc->atlas();
    const std::string& lang = a.settings.lang;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##difference", a.selected_territory == d.territory, ImGuiSelectableFlags_AllowDoubleClick,
                          {0, height})) {
        a.select_difference(d);
        // A double click goes to the event: the left map moves to its date.
        if (d.event && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) a.select_event(d.event);
    }
    if (ImGui::IsItemHovered()) {
        const std::string tip = difference_line(atlas, d, lang) +
                                (d.event ? "\n" + std::string(_("last:")) + " " + d.event->title + ", " + d.event->date.readable(lang) : "");
        ImGui::SetTooltip("%s", tip.c_str());
    }
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string name = atlas.territory_name(d.territory, lang);
    const std::string change = side_label(atlas, d.before, lang) + " \xe2\x86\x92 " + side_label(atlas, d.after, lang);
    char count[96];
    std::snprintf(count, sizeof count, _("changes between: %d"), d.changes_between);
    const std::string between =
        count + (d.event ? " (" + std::string(_("last:")) + " " + d.event->date.readable(lang) + ")" : "");
    dl->AddText(at, ink, name.c_str());
    dl->AddText({at.x, at.y + line}, ink, change.c_str());
    dl->AddText({at.x, at.y + 2 * line}, muted, between.c_str());
}

}  // namespace

void draw_compare_panel(PanelContext& c) {
    App& a = c.app;
    if (!a.compare || !a.doc) return;
    Comparison& cmp = *a.compare;
    ImGui::TextUnformatted(_("Comparing with"));
    ImGui::SameLine();
    auto& [typed, problem] = a.panels.compare_date;
    ImGui::SetNextItemWidth(110 * c.ui_scale);
    if (ImGui::InputTextWithHint("##other", cmp.other.readable(c.lang).c_str(), typed, sizeof typed,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        const auto r = parse_date(typed);
        problem = r.date ? "" : r.error;
        if (r.date) {
            a.compare_with(*r.date, cmp.other_basis);
            typed[0] = 0;
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("The date on the right: YYYY, YYYY-MM or YYYY-MM-DD"));
    int basis = cmp.other_basis == Basis::DeJure ? 1 : 0;
    if (ImGui::RadioButton(_("de facto##other"), &basis, 0)) a.compare_with(cmp.other, Basis::DeFacto);
    ImGui::SameLine();
    if (ImGui::RadioButton(_("de jure##other"), &basis, 1)) a.compare_with(cmp.other, Basis::DeJure);
    int layout = cmp.layout == CompareLayout::Swipe ? 1 : 0;
    if (ImGui::RadioButton(_("Side by side"), &layout, 0)) cmp.layout = CompareLayout::SideBySide;
    ImGui::SameLine();
    if (ImGui::RadioButton(_("Swipe"), &layout, 1)) cmp.layout = CompareLayout::Swipe;
    if (ImGui::Button(_("Swap dates"))) {
        const Date right = cmp.other;
        const Basis right_basis = cmp.other_basis;
        cmp.other = a.date;
        cmp.other_basis = a.basis();
        a.settings.basis_de_jure = right_basis == Basis::DeJure;
        a.set_date(right, false);  // restyles both sides
    }
    ImGui::SameLine();
    if (ImGui::Button(_("One map"))) {
        a.stop_compare();
        return;
    }
    if (!problem.empty()) ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "%s", problem.c_str());
    ImGui::Separator();
    ImGui::Text(_("Territories that differ: %zu (%s and %s)"), cmp.differences.size(),
                a.date.readable(a.settings.lang).c_str(), cmp.other.readable(a.settings.lang).c_str());
    ImGui::BeginChild("##differences");
    const float entry_h = 3 * ImGui::GetTextLineHeight();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(cmp.differences.size()), entry_h + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::PushID(i);
            difference_entry(a, cmp.differences[static_cast<std::size_t>(i)], entry_h);
            ImGui::PopID();
        }
    ImGui::EndChild();
}

}  // namespace chronomap::gui

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"
#include "app/view/overlay/overlay.h"
#include "app/gui/panels.h"
#include "app/gui/timeline_layout.h"

namespace chronomap::gui {
namespace {

void controls(PanelContext& c) {
    App& a = c.app;
    ImGui::PushFont(c.fonts.title);
    ImGui::TextUnformatted(a.date.readable(c.lang).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 24 * c.ui_scale);
    if (ImGui::Button("|<")) a.go_start();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Start of the atlas (Home)"));
    ImGui::SameLine();
    if (ImGui::Button(_("< Event"))) a.step_event(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Previous event (Left or Page Up)"));
    ImGui::SameLine();
    if (ImGui::Button(a.playback.playing ? _("Pause") : _("Play"), ImVec2(70 * c.ui_scale, 0)))
        a.playback.playing = !a.playback.playing;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Play or pause (Space)"));
    ImGui::SameLine();
    if (ImGui::Button(_("Event >"))) a.step_event(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("Next event (Right or Page Down)"));
    ImGui::SameLine();
    if (ImGui::Button(">|")) a.go_end();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(_("End of the atlas (End)"));
    // At large UI scales in a small window, the rest goes on a second row.
    if (ImGui::GetWindowWidth() > 1250 * c.ui_scale) ImGui::SameLine();
    ImGui::SetNextItemWidth(150 * c.ui_scale);
    // The range follows the atlas: from a year a minute to the whole atlas in ten seconds.
    const float span_years = a.doc ? static_cast<float>((a.doc->atlas().end.day - a.doc->atlas().start.day) /
                                                        kDaysPerYear)
                                   : 100.0f;
    ImGui::SliderFloat("##speed", &a.playback.years_per_second, 1.0f / 60.0f,
                       std::max(20.0f, span_years / 10.0f),
                       a.playback.years_per_second < 1 ? _("%.2f years/s") : _("%.0f years/s"),
                       ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    ImGui::Checkbox(_("Loop"), &a.playback.loop);
    ImGui::SameLine(0, 24 * c.ui_scale);
    auto& [typed, problem] = a.panels.timeline_date;
    ImGui::SetNextItemWidth(130 * c.ui_scale);
    if (ImGui::InputTextWithHint("##date", _("go to date"), typed, sizeof typed,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        const auto r = parse_date(typed);
        if (r.date) {
            a.set_date(*r.date);
            problem.clear();
            typed[0] = 0;
        } else {
            problem = r.error;
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(_("YYYY, YYYY-MM or YYYY-MM-DD, or '500 BC', 'AD 5'; negative years are "
                          "astronomical (-0489 = 490 BC)"));
    ImGui::SameLine();
    int basis = a.settings.basis_de_jure ? 1 : 0;
    if (ImGui::RadioButton(_("de facto"), &basis, 0)) a.set_basis(Basis::DeFacto);
    ImGui::SameLine();
    if (ImGui::RadioButton(_("de jure"), &basis, 1)) a.set_basis(Basis::DeJure);
    if (!problem.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", problem.c_str());
    }
}

}  // namespace

namespace {

// The wheel zooms around the mouse; a drag with the right button pans.
void zoom_and_pan(TimelineView& tv, const TimelineLayout& layout, bool hovered, bool active) {
    ImGuiIO& io = ImGui::GetIO();
    const TimelineTrack& track = layout.track();
    const double span = tv.end - tv.start;
    if (hovered && io.MouseWheel != 0) {
        const double at = tv.start + (io.MousePos.x - track.x) / track.width * span, k = std::pow(0.85, io.MouseWheel);
        const double start = at - (at - tv.start) * k, end = start + span * k;
        // From about two weeks (days apart) to 250,000 years (the deepest atlas and a margin).
        const double days = layout.scale().day_at(end) - layout.scale().day_at(start);
        if ((k < 1 && days >= 14.0) || (k > 1 && days <= 250000.0 * kDaysPerYear)) {
            tv.start = start;
            tv.end = end;
        }
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        const double d = io.MouseDelta.x / track.width * span;
        tv.start -= d;
        tv.end -= d;
    }
}

// A label beside its tick, kept inside the track (`right`): the last one ("1990 թ.") was cut.
void draw_ticks(PanelContext& c, ImDrawList* dl, const std::vector<TimelineTick>& ticks, float axis_y, float right) {
    const ImFont* font = c.fonts.small;
    for (const auto& t : ticks) {
        dl->AddLine({t.x, axis_y + 4 * c.ui_scale}, {t.x, axis_y + 10 * c.ui_scale}, IM_COL32(90, 90, 90, 255), 1.0f);
        if (t.label.empty()) continue;
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.label.c_str()).x;
        const float x = std::min(t.x + 2 * c.ui_scale, right - w - 2 * c.ui_scale);
        dl->AddText(font, font->FontSize, {x, axis_y + 11 * c.ui_scale}, IM_COL32(70, 70, 70, 255), t.label.c_str());
    }
}

// What the mouse is over among the markers.
struct MarkerHover {
    const Event* event = nullptr;
    const MarkerBin* bin = nullptr;
};

// Event markers, coloured by kind; hollow when never in force; clusters with their count.
MarkerHover draw_markers(PanelContext& c, ImDrawList* dl, const TimelineLayout& layout,
                         const std::vector<MarkerBin>& bins, float axis_y, bool hovered) {
    const App& a = c.app;
    const ImGuiIO& io = ImGui::GetIO();
    const float r0 = 5.0f * c.ui_scale;
    MarkerHover hover;
    for (const auto& b : bins) {
        const Event& e = *b.first;
        const ImVec2 centre{b.x, axis_y - 12 * c.ui_scale};
        const bool near = hovered && std::abs(io.MousePos.x - b.x) <= r0 + 2 &&
                          std::abs(io.MousePos.y - centre.y) <= r0 + 6 * c.ui_scale;
        if (b.count > 1) {
            const float r = r0 + 2 * c.ui_scale;
            dl->AddCircleFilled(centre, r, IM_COL32(90, 90, 90, 255));
            const std::string n = b.count > 99 ? "99+" : std::to_string(b.count);
            const float fs = c.fonts.small->FontSize * 0.85f;
            const ImVec2 ts = c.fonts.small->CalcTextSizeA(fs, 1e9f, 0, n.c_str());
            dl->AddText(c.fonts.small, fs, {centre.x - ts.x / 2, centre.y - ts.y / 2}, IM_COL32(255, 255, 255, 255),
                        n.c_str());
            if (near) {
                hover.bin = &b;
                dl->AddCircle(centre, r + 2 * c.ui_scale, IM_COL32(20, 20, 20, 255), 0, 1.5f * c.ui_scale);
            }
            continue;
        }
        const float r = (&e == a.selected_event ? 6.5f : 5.0f) * c.ui_scale;
        // A date known only to the month or year is the span it covers, once that is wider than
        // a marker.
        const float end_x = layout.to_x(static_cast<double>(e.date.span_end()));
        if (a.settings.overlays.uncertainty && e.date.precision != Precision::Day && end_x - b.x > 2 * r) {
            const ImVec2 lo{b.x, centre.y - 0.8f * r}, hi{end_x, centre.y + 0.8f * r};
            const bool over = hovered && io.MousePos.x >= lo.x && io.MousePos.x <= hi.x &&
                              std::abs(io.MousePos.y - centre.y) <= r + 6 * c.ui_scale;
            if (over) hover.event = &e;
            const ImU32 kc = im_colour(kind_colour(e.kind));
            dl->AddRectFilled(lo, hi, never_in_force(e) ? IM_COL32(255, 255, 255, 255) : (kc & 0x00FFFFFFu) | 0xA0000000u,
                              0.8f * r);
            dl->AddRect(lo, hi, kc, 0.8f * r, 0, 1.5f * c.ui_scale);
            if (over || &e == a.selected_event)
                dl->AddRect({lo.x - 2 * c.ui_scale, lo.y - 2 * c.ui_scale}, {hi.x + 2 * c.ui_scale, hi.y + 2 * c.ui_scale},
                            IM_COL32(20, 20, 20, 255), 0.8f * r + 2 * c.ui_scale, 0, 1.5f * c.ui_scale);
            continue;
        }
        if (near) hover.event = &e;
        if (never_in_force(e)) {
            dl->AddCircleFilled(centre, r, IM_COL32(255, 255, 255, 255));
            dl->AddCircle(centre, r, im_colour(kind_colour(e.kind)), 0, 2.0f * c.ui_scale);
        } else {
            dl->AddCircleFilled(centre, r, im_colour(kind_colour(e.kind)));
        }
        if (near || &e == a.selected_event)
            dl->AddCircle(centre, r + 2 * c.ui_scale, IM_COL32(20, 20, 20, 255), 0, 1.5f * c.ui_scale);
    }
    return hover;
}

// A line down the track with a triangle on top: the playhead, and the date compared with.
void draw_time_mark(PanelContext& c, ImDrawList* dl, float x, ImVec2 p0, ImVec2 size, ImU32 colour, bool dashed) {
    const float s = c.ui_scale;
    if (dashed)
        for (float y = p0.y + 2; y < p0.y + size.y - 2; y += 8 * s)
            dl->AddLine({x, y}, {x, std::min(y + 5 * s, p0.y + size.y - 2)}, colour, 2.0f * s);
    else
        dl->AddLine({x, p0.y + 2}, {x, p0.y + size.y - 2}, colour, 2.0f * s);
    dl->AddTriangleFilled({x - 6 * s, p0.y}, {x + 6 * s, p0.y}, {x, p0.y + 8 * s}, colour);
}

// Tooltips, and what a click does: select an event, open up a cluster, or scrub.
void answer_the_mouse(PanelContext& c, const TimelineLayout& layout, const MarkerHover& hover) {
    App& a = c.app;
    const ImGuiIO& io = ImGui::GetIO();
    bool& pressed_on_marker = a.panels.timeline_pressed_on_marker;
    if (ImGui::IsItemActivated()) pressed_on_marker = hover.event != nullptr || hover.bin != nullptr;
    if (hover.bin) {
        ImGui::BeginTooltip();
        ImGui::Text(_n("%d event from %s", "%d events from %s", hover.bin->count), hover.bin->count,
                    hover.bin->first->date.readable(c.lang).c_str());
        ImGui::TextDisabled(_("click to zoom in on them"));
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            // Zoom so that the cluster's markers come apart around it.
            const TimelineTrack& track = layout.track();
            const double at = layout.to_day(hover.bin->x);
            const double new_span = std::max(14.0, (layout.to_day(track.x + track.width) - layout.to_day(track.x)) / 8);
            a.timeline_view.start = layout.scale().place(at - new_span / 2);
            a.timeline_view.end = layout.scale().place(at + new_span / 2);
        }
    }
    if (hover.event) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420 * c.ui_scale);
        atlas_text(hover.event->title);
        ImGui::TextDisabled("%s - %s%s", hover.event->date.readable(c.lang).c_str(), kind_name(hover.event->kind),
                            never_in_force(*hover.event) ? _(", never in force") : "");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) a.select_event(hover.event);
    } else if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && !pressed_on_marker) {
        // Scrubbing: the playhead follows the mouse, a day at a time.
        const auto day = static_cast<std::int64_t>(std::llround(layout.to_day(io.MousePos.x)));
        if (day != a.date.day) a.set_date(Date{day, Precision::Day});
    }
}

}  // namespace

void draw_timeline(PanelContext& c, float x, float y, float w, float h) {
    App& a = c.app;
    ImGui::SetNextWindowPos({x, y});
    ImGui::SetNextWindowSize({w, h});
    ImGui::Begin("Timeline", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    if (!a.doc) {
        ImGui::TextUnformatted(_("No atlas open. File > Open, or drop an atlas.json onto the window."));
        ImGui::End();
        return;
    }
    controls(c);
    const Atlas& atlas = a.doc->atlas();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 size{ImGui::GetContentRegionAvail().x, std::max(40.0f * c.ui_scale, ImGui::GetContentRegionAvail().y)};
    ImGui::InvisibleButton("##track", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const TimelineTrack track{p0.x, size.x, 80 * c.ui_scale, 90 * c.ui_scale, 6 * c.ui_scale, 12 * c.ui_scale};
    zoom_and_pan(a.timeline_view, TimelineLayout(atlas, a.timeline_view, track), hovered, ImGui::IsItemActive());
    // First phase: where everything goes; second: drawing it and answering the mouse.
    const TimelineLayout layout(atlas, a.timeline_view, track);
    const ImFont* small = c.fonts.small;
    const auto ticks = layout.ticks(c.lang, [small](const std::string& label) {
        return small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, label.c_str()).x;
    });
    const auto bins = layout.markers(atlas.events);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float axis_y = p0.y + size.y * 0.42f;
    dl->AddRectFilled(p0, {p0.x + size.x, p0.y + size.y}, IM_COL32(245, 245, 242, 255), 4 * c.ui_scale);
    // The atlas's own range, darker than the margins around it.
    dl->AddRectFilled({std::max(p0.x, layout.to_x(static_cast<double>(atlas.start.day))), axis_y - 3 * c.ui_scale},
                      {std::min(p0.x + size.x, layout.to_x(static_cast<double>(atlas.end.day))), axis_y + 3 * c.ui_scale},
                      IM_COL32(190, 190, 185, 255));
    dl->PushClipRect(p0, {p0.x + size.x, p0.y + size.y}, true);
    draw_ticks(c, dl, ticks, axis_y, p0.x + size.x);
    const MarkerHover hover = draw_markers(c, dl, layout, bins, axis_y, hovered);
    if (a.compare)  // the date compared with, dashed in blue, under the playhead
        draw_time_mark(c, dl, layout.to_x(static_cast<double>(a.compare->other.day)), p0, size,
                       IM_COL32(30, 90, 200, 255), true);
    draw_time_mark(c, dl, layout.to_x(static_cast<double>(a.date.day)), p0, size, IM_COL32(200, 30, 30, 255), false);
    dl->PopClipRect();
    answer_the_mouse(c, layout, hover);
    ImGui::End();
}

}  // namespace chronomap::gui

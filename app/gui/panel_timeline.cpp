#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "im_colour.h"
#include "panels.h"

namespace chronomap::gui {
namespace {

constexpr double kDaysPerYear = 365.2425;

void controls(PanelContext& c) {
    App& a = c.app;
    ImGui::PushFont(c.fonts.title);
    ImGui::TextUnformatted(a.date.readable().c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 24 * c.s);
    if (ImGui::Button("|<")) a.go_start();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start of the atlas (Home)");
    ImGui::SameLine();
    if (ImGui::Button("< Event")) a.step_event(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left or Page Up)");
    ImGui::SameLine();
    if (ImGui::Button(a.playback.playing ? "Pause" : "Play", ImVec2(70 * c.s, 0)))
        a.playback.playing = !a.playback.playing;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
    ImGui::SameLine();
    if (ImGui::Button("Event >")) a.step_event(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right or Page Down)");
    ImGui::SameLine();
    if (ImGui::Button(">|")) a.go_end();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("End of the atlas (End)");
    // At large UI scales in a small window, the rest goes on a second row.
    if (ImGui::GetWindowWidth() > 1250 * c.s) ImGui::SameLine();
    ImGui::SetNextItemWidth(150 * c.s);
    ImGui::SliderFloat("##speed", &a.playback.years_per_second, 0.1f, 20.0f, "%.1f years/s",
                       ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &a.playback.loop);
    ImGui::SameLine(0, 24 * c.s);
    static char typed[32] = "";
    static std::string problem;
    ImGui::SetNextItemWidth(130 * c.s);
    if (ImGui::InputTextWithHint("##date", "go to date", typed, sizeof typed,
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
        ImGui::SetTooltip("YYYY, YYYY-MM or YYYY-MM-DD; negative years are BC (-0489 = 490 BC)");
    ImGui::SameLine();
    int basis = a.settings.basis_de_jure ? 1 : 0;
    if (ImGui::RadioButton("de facto", &basis, 0)) a.set_basis(Basis::DeFacto);
    ImGui::SameLine();
    if (ImGui::RadioButton("de jure", &basis, 1)) a.set_basis(Basis::DeJure);
    if (!problem.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", problem.c_str());
    }
}

// Tick spacing: the finest step (in months) whose labels stay apart.
int tick_months(double px_per_year, float min_px) {
    for (int m : {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000, 12000})
        if (px_per_year * m / 12.0 >= min_px) return m;
    return 120000;
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
        ImGui::TextUnformatted(
            "No atlas open. File > Open, or drop an atlas.json onto the window.");
        ImGui::End();
        return;
    }
    controls(c);
    const Atlas& atlas = a.doc->atlas();
    auto& tv = a.timeline_view;
    if (tv.end <= tv.start) {
        tv.start = static_cast<double>(atlas.start.day) - 30;
        tv.end = static_cast<double>(atlas.end.day) + 30;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 size{ImGui::GetContentRegionAvail().x,
                      std::max(40.0f * c.s, ImGui::GetContentRegionAvail().y)};
    ImGui::InvisibleButton("##track", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const double span = tv.end - tv.start;
    auto to_x = [&](double day) {
        return p0.x + static_cast<float>((day - tv.start) / span) * size.x;
    };
    auto to_day = [&](float px) { return tv.start + (px - p0.x) / size.x * span; };
    const float axis_y = p0.y + size.y * 0.42f;

    // Zoom around the mouse with the wheel; pan by dragging with the right button.
    ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseWheel != 0) {
        const double at = to_day(io.MousePos.x), k = std::pow(0.85, io.MouseWheel);
        const double new_span = std::clamp(span * k, 60.0, 20000.0 * kDaysPerYear);
        tv.start = at - (at - tv.start) * new_span / span;
        tv.end = tv.start + new_span;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        const double d = io.MouseDelta.x / size.x * span;
        tv.start -= d;
        tv.end -= d;
    }

    dl->AddRectFilled(p0, {p0.x + size.x, p0.y + size.y}, IM_COL32(245, 245, 242, 255), 4 * c.s);
    // The atlas's own range, darker than the margins around it.
    dl->AddRectFilled(
        {std::max(p0.x, to_x(static_cast<double>(atlas.start.day))), axis_y - 3 * c.s},
        {std::min(p0.x + size.x, to_x(static_cast<double>(atlas.end.day))), axis_y + 3 * c.s},
        IM_COL32(190, 190, 185, 255));

    // Ticks: decades, years or months depending on zoom; labelled with readable dates.
    const double px_per_year = size.x / (span / kDaysPerYear);
    const int step = tick_months(px_per_year, 80 * c.s);
    const Date first = Date{static_cast<std::int64_t>(tv.start), Precision::Day};
    int month_index = (first.year() * 12 + first.month() - 1);
    month_index -= ((month_index % step) + step) % step;
    dl->PushClipRect(p0, {p0.x + size.x, p0.y + size.y}, true);
    for (int i = month_index;; i += step) {
        const int year = static_cast<int>(std::floor(i / 12.0)), month = i - year * 12 + 1;
        const Date d = step >= 12 ? Date::year_only(year) : Date::year_month(year, month);
        const float tx = to_x(static_cast<double>(d.day));
        if (tx > p0.x + size.x) break;
        dl->AddLine({tx, axis_y + 4 * c.s}, {tx, axis_y + 10 * c.s}, IM_COL32(90, 90, 90, 255),
                    1.0f);
        const std::string label = step >= 12 ? Date::year_only(year).readable()
                                             : Date::year_month(year, month).readable();
        dl->AddText(c.fonts.small, c.fonts.small->FontSize, {tx + 2 * c.s, axis_y + 11 * c.s},
                    IM_COL32(70, 70, 70, 255), label.c_str());
    }

    // Event markers, coloured by kind; hollow when never in force.
    const Event* hovered_event = nullptr;
    for (const auto& e : atlas.events) {
        const float ex = to_x(static_cast<double>(e.date.day));
        if (ex < p0.x - 8 || ex > p0.x + size.x + 8) continue;
        const ImVec2 centre{ex, axis_y - 12 * c.s};
        const float r = (&e == a.selected_event ? 6.5f : 5.0f) * c.s;
        const bool near = hovered && std::abs(io.MousePos.x - ex) <= r + 2 &&
                          std::abs(io.MousePos.y - centre.y) <= r + 6 * c.s;
        if (near) hovered_event = &e;
        if (never_in_force(e)) {
            dl->AddCircleFilled(centre, r, IM_COL32(255, 255, 255, 255));
            dl->AddCircle(centre, r, im_colour(kind_colour(e.kind)), 0, 2.0f * c.s);
        } else {
            dl->AddCircleFilled(centre, r, im_colour(kind_colour(e.kind)));
        }
        if (near || &e == a.selected_event)
            dl->AddCircle(centre, r + 2 * c.s, IM_COL32(20, 20, 20, 255), 0, 1.5f * c.s);
    }
    // The playhead.
    const float hx = to_x(static_cast<double>(a.date.day));
    dl->AddLine({hx, p0.y + 2}, {hx, p0.y + size.y - 2}, IM_COL32(200, 30, 30, 255), 2.0f * c.s);
    dl->AddTriangleFilled({hx - 6 * c.s, p0.y}, {hx + 6 * c.s, p0.y}, {hx, p0.y + 8 * c.s},
                          IM_COL32(200, 30, 30, 255));
    dl->PopClipRect();

    static bool pressed_on_marker = false;  // a click on a marker selects it and does not scrub
    if (ImGui::IsItemActivated()) pressed_on_marker = hovered_event != nullptr;
    if (hovered_event) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420 * c.s);
        ImGui::TextUnformatted(hovered_event->title.c_str());
        ImGui::TextDisabled("%s - %s%s", hovered_event->date.readable().c_str(),
                            to_string(hovered_event->kind),
                            never_in_force(*hovered_event) ? ", never in force" : "");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) a.select_event(hovered_event);
    } else if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
               !pressed_on_marker) {
        // Scrubbing: the playhead follows the mouse, a day at a time.
        const auto day = static_cast<std::int64_t>(std::llround(to_day(io.MousePos.x)));
        if (day != a.date.day) a.set_date(Date{day, Precision::Day});
    }
    ImGui::End();
}

}  // namespace chronomap::gui

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"
#include "app/view/overlay/overlay.h"
#include "app/gui/panels.h"
#include "app/gui/time_scale.h"

namespace chronomap::gui {
namespace {

constexpr double kDaysPerYear = 365.2425;

void controls(PanelContext& c) {
    App& a = c.app;
    ImGui::PushFont(c.fonts.title);
    ImGui::TextUnformatted(a.date.readable(ui_language()).c_str());
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
    static char typed[32] = "";
    static std::string problem;
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

// Tick spacing: the finest step (in days below a month, else in months) whose labels stay apart.
struct TickStep {
    int days = 0;    // 1 or 7 when ticks are days
    int months = 0;  // otherwise
};
TickStep tick_step(double px_per_year, float min_px) {
    for (int d : {1, 7})
        if (px_per_year / kDaysPerYear * d >= min_px) return {d, 0};
    for (int m : {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000, 12000, 60000, 120000, 600000,
                  1200000})
        if (px_per_year * m / 12.0 >= min_px) return {0, m};
    return {0, 2400000};
}

// Year ticks land on round years as people count them: 10,000 BC (astronomical -9999), 500 BC,
// AD 1, 500. Calls tick(date, label) for each tick between two days.
template <typename Tick>
void year_ticks(double from_day, double to_day, int step_years, Tick tick) {
    const int first_year =
        std::max(Date::kMinYear, Date{static_cast<std::int64_t>(std::max(from_day, -1e11)), Precision::Day}.year());
    // Historical numbering: -500 is 500 BC; there is no 0.
    const long long first_h = first_year <= 0 ? first_year - 1 : first_year;
    long long v = static_cast<long long>(std::floor(static_cast<double>(first_h) / step_years)) * step_years;
    for (;; v += step_years) {
        if (v == 0) continue;
        const int year = static_cast<int>(v < 0 ? v + 1 : v);
        if (year < Date::kMinYear || year > Date::kMaxYear) {
            if (year > Date::kMaxYear) break;
            continue;
        }
        const Date d = Date::year_only(year);
        if (static_cast<double>(d.day) > to_day) break;
        tick(d, d.readable(ui_language()));
    }
}

// Ticks on a logarithmic scale (time_scale.h): one about every `every` pixels, each on a year as
// round as the years that pixel stretch covers (10,000 BC far back, 1900 near the end).
template <typename ToDay, typename ToX, typename Tick>
void log_ticks(float x0, float x1, float every, ToDay to_day, ToX to_x, Tick tick) {
    float last_x = -1e9f;
    for (float px = x0; px <= x1; px += every) {
        const double from = to_day(px), to = to_day(px + every);
        const auto step = static_cast<long long>(std::max(1.0, round_number_below((to - from) / kDaysPerYear)));
        const int year = Date{static_cast<std::int64_t>(from), Precision::Day}.year();
        // Historical numbering (no year 0), rounded, then back to astronomical.
        const long long historical = year <= 0 ? year - 1 : year;
        long long rounded = std::llround(static_cast<double>(historical) / static_cast<double>(step)) * step;
        if (rounded == 0) rounded = 1;
        const long long astronomical = rounded < 0 ? rounded + 1 : rounded;
        if (astronomical < Date::kMinYear || astronomical > Date::kMaxYear) continue;
        const Date d = Date::year_only(static_cast<int>(astronomical));
        const float tx = to_x(static_cast<double>(d.day));
        if (tx - last_x < every * 0.6f) continue;
        tick(d, d.readable(ui_language()));
        last_x = tx;
    }
}

// One marker, or a cluster of the events whose markers would overlap, with their count.
struct MarkerBin {
    const Event* first = nullptr;
    int count = 0;
    float x = 0;
};

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
            _("No atlas open. File > Open, or drop an atlas.json onto the window."));
        ImGui::End();
        return;
    }
    controls(c);
    const Atlas& atlas = a.doc->atlas();
    auto& tv = a.timeline_view;  // in the scale's places, not days
    const TimeScale scale(static_cast<double>(atlas.start.day), static_cast<double>(atlas.end.day));
    if (tv.end <= tv.start) {
        tv.start = scale.place(static_cast<double>(atlas.start.day) - 30);
        tv.end = scale.place(static_cast<double>(atlas.end.day) + 30);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 size{ImGui::GetContentRegionAvail().x,
                      std::max(40.0f * c.ui_scale, ImGui::GetContentRegionAvail().y)};
    ImGui::InvisibleButton("##track", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered();
    const double span = tv.end - tv.start;
    auto to_x = [&](double day) {
        return p0.x + static_cast<float>((scale.place(day) - tv.start) / span) * size.x;
    };
    auto to_day = [&](float px) { return scale.day_at(tv.start + (px - p0.x) / size.x * span); };
    const float axis_y = p0.y + size.y * 0.42f;

    // Zoom around the mouse with the wheel; pan by dragging with the right button.
    ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseWheel != 0) {
        const double at = tv.start + (io.MousePos.x - p0.x) / size.x * span, k = std::pow(0.85, io.MouseWheel);
        const double start = at - (at - tv.start) * k, end = start + span * k;
        // From about two weeks (days apart) to 250,000 years (the deepest atlas and a margin).
        const double days = scale.day_at(end) - scale.day_at(start);
        if ((k < 1 && days >= 14.0) || (k > 1 && days <= 250000.0 * kDaysPerYear)) {
            tv.start = start;
            tv.end = end;
        }
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
        const double d = io.MouseDelta.x / size.x * span;
        tv.start -= d;
        tv.end -= d;
    }

    dl->AddRectFilled(p0, {p0.x + size.x, p0.y + size.y}, IM_COL32(245, 245, 242, 255), 4 * c.ui_scale);
    // The atlas's own range, darker than the margins around it.
    dl->AddRectFilled(
        {std::max(p0.x, to_x(static_cast<double>(atlas.start.day))), axis_y - 3 * c.ui_scale},
        {std::min(p0.x + size.x, to_x(static_cast<double>(atlas.end.day))), axis_y + 3 * c.ui_scale},
        IM_COL32(190, 190, 185, 255));

    // Ticks: millennia down to days depending on zoom; labelled with readable dates.
    const double px_per_year = size.x / (span / kDaysPerYear);
    const TickStep step = tick_step(px_per_year, 80 * c.ui_scale);
    dl->PushClipRect(p0, {p0.x + size.x, p0.y + size.y}, true);
    // A label that would run into the one before is left out (its tick stays): dates are longer
    // in some languages ("10 000 до н. э.") than the spacing was chosen for.
    float label_end = -1e9f;
    auto draw_tick = [&](const Date& d, const std::string& label) {
        const float tx = to_x(static_cast<double>(d.day));
        dl->AddLine({tx, axis_y + 4 * c.ui_scale}, {tx, axis_y + 10 * c.ui_scale}, IM_COL32(90, 90, 90, 255), 1.0f);
        const float lx = tx + 2 * c.ui_scale;
        if (lx < label_end + 6 * c.ui_scale) return;
        dl->AddText(c.fonts.small, c.fonts.small->FontSize, {lx, axis_y + 11 * c.ui_scale}, IM_COL32(70, 70, 70, 255),
                    label.c_str());
        label_end = lx + c.fonts.small->CalcTextSizeA(c.fonts.small->FontSize, FLT_MAX, 0, label.c_str()).x;
    };
    if (scale.logarithmic()) {
        log_ticks(p0.x, p0.x + size.x, 90 * c.ui_scale, to_day, to_x, draw_tick);
    } else if (step.days > 0) {
        for (auto day = static_cast<std::int64_t>(std::floor(tv.start)); day <= tv.end; ++day) {
            const Date d{day, Precision::Day};
            if (step.days == 1 || d.day_of_month() % 7 == 1) draw_tick(d, d.readable(ui_language()));
        }
    } else if (step.months >= 12) {
        year_ticks(tv.start, tv.end, step.months / 12, draw_tick);
    } else {
        const Date first = Date{static_cast<std::int64_t>(tv.start), Precision::Day};
        int i = first.year() * 12 + first.month() - 1;
        i -= ((i % step.months) + step.months) % step.months;
        for (;; i += step.months) {
            const int year = static_cast<int>(std::floor(i / 12.0)), month = i - year * 12 + 1;
            const Date d = Date::year_month(year, month);
            if (static_cast<double>(d.day) > tv.end) break;
            draw_tick(d, d.readable(ui_language()));
        }
    }

    // Event markers, coloured by kind; hollow when never in force. Only the events in view are
    // visited (they are sorted by date), and markers closer than their width are drawn as one
    // cluster with its count, so the cost and the picture follow what is visible.
    const Event* hovered_event = nullptr;
    const MarkerBin* hovered_bin = nullptr;
    const float r0 = 5.0f * c.ui_scale;
    std::vector<MarkerBin> bins;
    const auto& events = atlas.events;
    auto it = std::lower_bound(events.begin(), events.end(), to_day(p0.x - 8),
                               [](const Event& e, double day) { return static_cast<double>(e.date.day) < day; });
    // Each marker swallows the events within its width by a binary search, so the cost follows
    // the markers drawn, not the events that exist.
    const float gap = 2 * r0 + 2 * c.ui_scale;
    while (it != events.end()) {
        const float ex = to_x(static_cast<double>(it->date.day));
        if (ex > p0.x + size.x + 8) break;
        const auto next = std::lower_bound(it + 1, events.end(), to_day(ex + gap), [](const Event& e, double day) {
            return static_cast<double>(e.date.day) < day;
        });
        bins.push_back({&*it, static_cast<int>(next - it), ex});
        it = next;
    }
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
            dl->AddText(c.fonts.small, fs, {centre.x - ts.x / 2, centre.y - ts.y / 2},
                        IM_COL32(255, 255, 255, 255), n.c_str());
            if (near) {
                hovered_bin = &b;
                dl->AddCircle(centre, r + 2 * c.ui_scale, IM_COL32(20, 20, 20, 255), 0, 1.5f * c.ui_scale);
            }
            continue;
        }
        const float r = (&e == a.selected_event ? 6.5f : 5.0f) * c.ui_scale;
        // A date known only to the month or year is the span it covers, once that is wider than
        // a marker.
        const float end_x = to_x(static_cast<double>(e.date.span_end()));
        if (a.settings.overlays.uncertainty && e.date.precision != Precision::Day && end_x - b.x > 2 * r) {
            const ImVec2 lo{b.x, centre.y - 0.8f * r}, hi{end_x, centre.y + 0.8f * r};
            const bool over = hovered && io.MousePos.x >= lo.x && io.MousePos.x <= hi.x &&
                              std::abs(io.MousePos.y - centre.y) <= r + 6 * c.ui_scale;
            if (over) hovered_event = &e;
            const ImU32 kc = im_colour(kind_colour(e.kind));
            dl->AddRectFilled(lo, hi, never_in_force(e) ? IM_COL32(255, 255, 255, 255) : (kc & 0x00FFFFFFu) | 0xA0000000u,
                              0.8f * r);
            dl->AddRect(lo, hi, kc, 0.8f * r, 0, 1.5f * c.ui_scale);
            if (over || &e == a.selected_event)
                dl->AddRect({lo.x - 2 * c.ui_scale, lo.y - 2 * c.ui_scale}, {hi.x + 2 * c.ui_scale, hi.y + 2 * c.ui_scale}, IM_COL32(20, 20, 20, 255),
                            0.8f * r + 2 * c.ui_scale, 0, 1.5f * c.ui_scale);
            continue;
        }
        if (near) hovered_event = &e;
        if (never_in_force(e)) {
            dl->AddCircleFilled(centre, r, IM_COL32(255, 255, 255, 255));
            dl->AddCircle(centre, r, im_colour(kind_colour(e.kind)), 0, 2.0f * c.ui_scale);
        } else {
            dl->AddCircleFilled(centre, r, im_colour(kind_colour(e.kind)));
        }
        if (near || &e == a.selected_event)
            dl->AddCircle(centre, r + 2 * c.ui_scale, IM_COL32(20, 20, 20, 255), 0, 1.5f * c.ui_scale);
    }
    // The date compared with, dashed in blue, under the playhead.
    if (a.compare) {
        const float cx = to_x(static_cast<double>(a.compare->other.day));
        for (float y = p0.y + 2; y < p0.y + size.y - 2; y += 8 * c.ui_scale)
            dl->AddLine({cx, y}, {cx, std::min(y + 5 * c.ui_scale, p0.y + size.y - 2)}, IM_COL32(30, 90, 200, 255), 2.0f * c.ui_scale);
        dl->AddTriangleFilled({cx - 6 * c.ui_scale, p0.y}, {cx + 6 * c.ui_scale, p0.y}, {cx, p0.y + 8 * c.ui_scale}, IM_COL32(30, 90, 200, 255));
    }
    // The playhead.
    const float hx = to_x(static_cast<double>(a.date.day));
    dl->AddLine({hx, p0.y + 2}, {hx, p0.y + size.y - 2}, IM_COL32(200, 30, 30, 255), 2.0f * c.ui_scale);
    dl->AddTriangleFilled({hx - 6 * c.ui_scale, p0.y}, {hx + 6 * c.ui_scale, p0.y}, {hx, p0.y + 8 * c.ui_scale},
                          IM_COL32(200, 30, 30, 255));
    dl->PopClipRect();

    static bool pressed_on_marker = false;  // a click on a marker selects it and does not scrub
    if (ImGui::IsItemActivated()) pressed_on_marker = hovered_event != nullptr || hovered_bin != nullptr;
    if (hovered_bin) {
        ImGui::BeginTooltip();
        ImGui::Text(_n("%d event from %s", "%d events from %s", hovered_bin->count), hovered_bin->count, hovered_bin->first->date.readable(ui_language()).c_str());
        ImGui::TextDisabled(_("click to zoom in on them"));
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            // Zoom so that the cluster's markers come apart around it.
            const double at = to_day(hovered_bin->x);
            const double new_span = std::max(14.0, (to_day(p0.x + size.x) - to_day(p0.x)) / 8);
            tv.start = scale.place(at - new_span / 2);
            tv.end = scale.place(at + new_span / 2);
        }
    }
    if (hovered_event) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(420 * c.ui_scale);
        atlas_text(hovered_event->title);
        ImGui::TextDisabled("%s - %s%s", hovered_event->date.readable(ui_language()).c_str(),
                            kind_name(hovered_event->kind),
                            never_in_force(*hovered_event) ? _(", never in force") : "");
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

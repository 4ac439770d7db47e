#include "app/gui/timeline_layout.h"

#include <algorithm>
#include <cmath>

#include "app/view/overlay/overlay.h"  // round_number_below

namespace chronomap::gui {
namespace {

// Tick spacing: the finest step (in days below a month, else in months) whose labels stay apart.
struct TickStep {
    int days = 0;    // 1 or 7 when ticks are days
    int months = 0;  // otherwise
};

TickStep tick_step(double px_per_year, float min_px) {
    for (int d : {1, 7})
        if (px_per_year / kDaysPerYear * d >= min_px) return {d, 0};
    for (int m : {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 6000, 12000, 60000, 120000, 600000, 1200000})
        if (px_per_year * m / 12.0 >= min_px) return {0, m};
    return {0, 2400000};
}

// Year ticks land on round years as people count them: 10,000 BC (astronomical -9999), 500 BC,
// AD 1, 500.
void year_ticks(double from_day, double to_day, int step_years, std::vector<Date>& out) {
    const int first_year =
        std::max(Date::kMinYear, Date{static_cast<std::int64_t>(std::max(from_day, -1e11)), Precision::Day}.year());
    // Historical numbering: -500 is 500 BC; there is no 0.
    const long long first_h = first_year <= 0 ? first_year - 1 : first_year;
    long long v = static_cast<long long>(std::floor(static_cast<double>(first_h) / step_years)) * step_years;
    for (;; v += step_years) {
        if (v == 0) continue;
        const int year = static_cast<int>(v < 0 ? v + 1 : v);
        if (year > Date::kMaxYear) break;
        if (year < Date::kMinYear) continue;
        const Date d = Date::year_only(year);
        if (static_cast<double>(d.day) > to_day) break;
        out.push_back(d);
    }
}

void month_ticks(double from_day, double to_day, int step_months, std::vector<Date>& out) {
    const Date first = Date{static_cast<std::int64_t>(from_day), Precision::Day};
    int i = first.year() * 12 + first.month() - 1;
    i -= ((i % step_months) + step_months) % step_months;
    for (;; i += step_months) {
        const int year = static_cast<int>(std::floor(i / 12.0)), month = i - year * 12 + 1;
        const Date d = Date::year_month(year, month);
        if (static_cast<double>(d.day) > to_day) break;
        out.push_back(d);
    }
}

void day_ticks(double from_day, double to_day, int step_days, std::vector<Date>& out) {
    for (auto day = static_cast<std::int64_t>(std::floor(from_day)); static_cast<double>(day) <= to_day; ++day) {
        const Date d{day, Precision::Day};
        if (step_days == 1 || d.day_of_month() % 7 == 1) out.push_back(d);
    }
}

}  // namespace

TimelineLayout::TimelineLayout(const Atlas& atlas, TimelineView& view, const TimelineTrack& track)
    : scale_(static_cast<double>(atlas.start.day), static_cast<double>(atlas.end.day)), track_(track) {
    if (view.end <= view.start) {
        view.start = scale_.place(static_cast<double>(atlas.start.day) - 30);
        view.end = scale_.place(static_cast<double>(atlas.end.day) + 30);
    }
    view_ = view;
    track_.width = std::max(1.0f, track_.width);
}

double TimelineLayout::to_day(float px) const {
    return scale_.day_at(view_.start + (px - track_.x) / track_.width * (view_.end - view_.start));
}

float TimelineLayout::to_x(double day) const {
    return track_.x + static_cast<float>((scale_.place(day) - view_.start) / (view_.end - view_.start)) * track_.width;
}

std::vector<TimelineTick> TimelineLayout::ticks(const std::string& lang,
                                                const std::function<float(const std::string&)>& label_width) const {
    std::vector<Date> dates;
    const double first = to_day(track_.x), last = to_day(track_.x + track_.width);
    if (scale_.logarithmic()) {
        // One tick about every log_spacing pixels, each on a year as round as the years that
        // stretch covers (10,000 BC far back, 1900 near the end).
        const float every = track_.log_spacing;
        float last_x = -1e9f;
        for (float px = track_.x; px <= track_.x + track_.width; px += every) {
            const double from = to_day(px), to = to_day(px + every);
            const auto step = static_cast<long long>(std::max(1.0, round_number_below((to - from) / kDaysPerYear)));
            const int year = Date{static_cast<std::int64_t>(from), Precision::Day}.year();
            const long long historical = year <= 0 ? year - 1 : year;  // no year 0
            long long rounded = std::llround(static_cast<double>(historical) / static_cast<double>(step)) * step;
            if (rounded == 0) rounded = 1;
            const long long astronomical = rounded < 0 ? rounded + 1 : rounded;
            if (astronomical < Date::kMinYear || astronomical > Date::kMaxYear) continue;
            const Date d = Date::year_only(static_cast<int>(astronomical));
            const float tx = to_x(static_cast<double>(d.day));
            if (tx - last_x < every * 0.6f) continue;
            dates.push_back(d);
            last_x = tx;
        }
    } else {
        const double px_per_year = track_.width / ((view_.end - view_.start) / kDaysPerYear);
        const TickStep step = tick_step(px_per_year, track_.tick_spacing);
        if (step.days > 0)
            day_ticks(first, last, step.days, dates);
        else if (step.months >= 12)
            year_ticks(first, last, step.months / 12, dates);
        else
            month_ticks(first, last, step.months, dates);
    }
    // A label that would run into the one before is left out (its tick stays): dates are longer
    // in some languages ("10 000 до н. э.") than the spacing was chosen for.
    std::vector<TimelineTick> out;
    out.reserve(dates.size());
    float label_end = -1e9f;
    for (const Date& d : dates) {
        TimelineTick t{d, to_x(static_cast<double>(d.day)), {}};
        // A round year before the view starts would show as half a label at the left edge.
        if (t.x < track_.x || t.x > track_.x + track_.width) continue;
        if (t.x >= label_end + track_.label_gap) {
            t.label = d.readable(lang);
            label_end = t.x + label_width(t.label);
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<MarkerBin> TimelineLayout::markers(const std::vector<Event>& events) const {
    std::vector<MarkerBin> bins;
    const auto before = [](const Event& e, double day) { return static_cast<double>(e.date.day) < day; };
    auto it = std::lower_bound(events.begin(), events.end(), to_day(track_.x - 8), before);
    // Each marker swallows the events within its width by a binary search.
    while (it != events.end()) {
        const float ex = to_x(static_cast<double>(it->date.day));
        if (ex > track_.x + track_.width + 8) break;
        const auto next = std::lower_bound(it + 1, events.end(), to_day(ex + track_.marker_width), before);
        bins.push_back({&*it, static_cast<int>(next - it), ex});
        it = next;
    }
    return bins;
}

}  // namespace chronomap::gui

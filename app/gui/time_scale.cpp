#include "app/gui/time_scale.h"

#include <cmath>

namespace chronomap::gui {

namespace {

constexpr double kDaysPerYear = 365.2425;
// Atlases longer than this are drawn on the logarithmic scale.
constexpr double kLogarithmicFromYears = 5000;
// The unit of time back from the reference: the last decades before it stay nearly linear.
constexpr double kUnitDays = 50 * kDaysPerYear;

}  // namespace

TimeScale::TimeScale(double first_day, double last_day)
    : log_(last_day - first_day > kLogarithmicFromYears * kDaysPerYear), reference_(last_day + kUnitDays) {}

// Logarithmic: with u the time before the reference in units, the place is -log(1 + u); past the
// reference (u < 0, only when panned there) it goes on linearly, with the same slope where they meet.
double TimeScale::place(double day) const {
    if (!log_) return day;
    const double u = (reference_ - day) / kUnitDays;
    return u >= 0 ? -std::log1p(u) : -u;
}

double TimeScale::day_at(double place) const {
    if (!log_) return place;
    const double u = place <= 0 ? std::expm1(-place) : -place;
    return reference_ - u * kUnitDays;
}

}  // namespace chronomap::gui

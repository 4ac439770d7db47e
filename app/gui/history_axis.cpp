#include "app/gui/history_axis.h"

#include <algorithm>
#include <cmath>

namespace chronomap::gui {

HistoryAxis::HistoryAxis(Date start, Date end, const std::vector<HistoryEntry>& history) {
    days_.push_back(start.day);
    for (const auto& h : history)
        if (h.effective.day > start.day && h.effective.day < end.day) days_.push_back(h.effective.day);
    days_.push_back(std::max(end.day, start.day + 1));
    std::sort(days_.begin(), days_.end());
    days_.erase(std::unique(days_.begin(), days_.end()), days_.end());
    at_.assign(days_.size(), 0);
    for (std::size_t i = 1; i < days_.size(); ++i)
        at_[i] = at_[i - 1] + 1 + std::sqrt(static_cast<double>(days_[i] - days_[i - 1]) / 365.25);
    for (double& x : at_) x /= at_.back();
}

double HistoryAxis::fraction_of(std::int64_t day) const {
    if (day <= days_.front()) return 0;
    if (day >= days_.back()) return 1;
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(days_.begin(), days_.end(), day) - days_.begin()) - 1;
    const double t = static_cast<double>(day - days_[i]) / static_cast<double>(days_[i + 1] - days_[i]);
    return at_[i] + t * (at_[i + 1] - at_[i]);
}

std::int64_t HistoryAxis::day_at(double fraction) const {
    if (fraction <= 0) return days_.front();
    if (fraction >= 1) return days_.back();
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(at_.begin(), at_.end(), fraction) - at_.begin()) - 1;
    const double t = (fraction - at_[i]) / (at_[i + 1] - at_[i]);
    return days_[i] + static_cast<std::int64_t>(std::floor(t * static_cast<double>(days_[i + 1] - days_[i])));
}

}  // namespace chronomap::gui

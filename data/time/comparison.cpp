#include "data/time/comparison.h"

#include <algorithm>

namespace chronomap {

std::vector<Difference> compare_dates(const Timeline& timeline, Date a, Basis view_a, Date b, Basis view_b) {
    const auto before = timeline.state_at(a, view_a);
    const auto after = timeline.state_at(b, view_b);
    const Date lo = std::min(a, b), hi = std::max(a, b);
    std::vector<Difference> out;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const bool was = timeline.exists(before[i], a) && before[i].known;
        const bool is = timeline.exists(after[i], b) && after[i].known;
        if (!was && !is) continue;
        if (was && is && before[i].controller == after[i].controller && before[i].status == after[i].status)
            continue;
        Difference d;
        d.territory = timeline.territories()[i];
        if (was) d.before = before[i];
        if (is) d.after = after[i];
        for (const auto& h : timeline.history(d.territory))
            if (lo < h.effective && h.effective <= hi && (h.basis == Basis::Both || h.basis == view_b))
                ++d.changes_between;
        d.event = (b < a ? before[i] : after[i]).event;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace chronomap

#include "labels.h"

#include <algorithm>

namespace chronomap {
namespace {

Rect padded(const Rect& r, float p) {
    return {r.x0 - p, r.y0 - p, r.x1 + p, r.y1 + p};
}

bool free_at(const Rect& box, const Rect& frame, const std::vector<Rect>& taken, float padding) {
    if (!box.inside(frame)) return false;
    const Rect p = padded(box, padding);
    return std::none_of(taken.begin(), taken.end(), [&](const Rect& t) { return p.overlaps(t); });
}

}  // namespace

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates,
                                      const MeasureText& measure, const Rect& frame,
                                      const std::vector<Rect>& reserved, float padding) {
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
    std::vector<Rect> taken = reserved;
    std::vector<PlacedLabel> out;
    for (const auto& c : candidates) {
        float w = 0, h = 0;
        if (!c.town) {
            for (const bool small : {false, true}) {
                measure(c.text, small, w, h);
                if (c.room > 0 && w > c.room) continue;  // a name wider than its territory would mislead
                const Rect box{c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2};
                if (!free_at(box, frame, taken, padding)) continue;
                taken.push_back(box);
                out.push_back({c.text, box, false, small, c.x, c.y});
                break;
            }
            continue;
        }
        measure(c.text, true, w, h);
        // A town: its dot must stay clear; the name goes right, left, above or below it.
        const float r = h * 0.22f, gap = h * 0.3f;
        const Rect dot{c.x - r, c.y - r, c.x + r, c.y + r};
        if (!free_at(dot, frame, taken, 0)) continue;
        const Rect options[] = {
            {c.x + r + gap, c.y - h / 2, c.x + r + gap + w, c.y + h / 2},
            {c.x - r - gap - w, c.y - h / 2, c.x - r - gap, c.y + h / 2},
            {c.x - w / 2, c.y - r - h, c.x + w / 2, c.y - r},
            {c.x - w / 2, c.y + r, c.x + w / 2, c.y + r + h},
        };
        for (const Rect& box : options) {
            if (!free_at(box, frame, taken, padding)) continue;
            taken.push_back(box);
            taken.push_back(dot);
            out.push_back({c.text, box, true, true, c.x, c.y});
            break;
        }
    }
    return out;
}

}  // namespace chronomap

#include "app/view/overlay/labels.h"

#include <algorithm>
#include <cmath>

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
    // Territory names keep clear of town dots where they can (they are placed first, and a name
    // centred on a town would hide it); where they cannot, they go centred as before.
    std::vector<Rect> dots(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelCandidate& c = candidates[i];
        if (!c.town) continue;
        float w = 0, h = 0;
        measure(c.text, true, w, h);
        const float r = h * 0.22f;
        dots[i] = {c.x - r, c.y - r, c.x + r, c.y + r};
    }
    auto clear_of_dots = [&](const Rect& box, std::size_t self) {
        for (std::size_t k = 0; k < dots.size(); ++k)
            if (k != self && candidates[k].town && padded(box, padding).overlaps(dots[k])) return false;
        return true;
    };
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const LabelCandidate& c = candidates[i];
        float w = 0, h = 0;
        if (!c.town) {
            bool placed = false;
            for (const bool avoid_towns : {true, false}) {
                for (const bool small : {false, true}) {
                    measure(c.text, small, w, h);
                    if (c.room > 0 && w > c.room) continue;  // a name wider than its territory would mislead
                    // Centred, else moved up or down as far as the territory's inscribed circle allows.
                    const float radius = c.room / 2;
                    for (const float step : {0.0f, 0.7f, -0.7f, 1.4f, -1.4f}) {
                        const float dy = step * h;
                        const float reach = std::abs(dy) + h / 2;
                        if (dy != 0 && (c.room <= 0 || (w / 2) * (w / 2) + reach * reach > radius * radius)) continue;
                        const Rect box{c.x - w / 2, c.y + dy - h / 2, c.x + w / 2, c.y + dy + h / 2};
                        if (!free_at(box, frame, taken, padding) || (avoid_towns && !clear_of_dots(box, i))) continue;
                        taken.push_back(box);
                        out.push_back({c.text, box, false, small, c.x, c.y + dy});
                        placed = true;
                        break;
                    }
                    if (placed) break;
                }
                if (placed) break;
            }
            // Too wide for the circle: along the territory's widest stretch, if it fits there.
            for (const bool small : {false, true}) {
                if (placed || c.wide_room <= 0) break;
                measure(c.text, small, w, h);
                if (w > c.wide_room) continue;
                const Rect box{c.wide_x - w / 2, c.wide_y - h / 2, c.wide_x + w / 2, c.wide_y + h / 2};
                if (!free_at(box, frame, taken, padding) || !clear_of_dots(box, i)) continue;
                taken.push_back(box);
                out.push_back({c.text, box, false, small, c.wide_x, c.wide_y});
                placed = true;
            }
            continue;
        }
        measure(c.text, true, w, h);
        // A town: its dot must stay clear; the name goes right, left, above or below it.
        const float r = h * 0.22f, gap = h * 0.3f;
        const Rect& dot = dots[i];
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

#pragma once
// Label placement in screen space: the most important labels first, each placed where it overlaps
// no label already placed and no reserved box (title, legend, caption). Pure geometry, so it is
// tested without a window.

#include <functional>
#include <string>
#include <vector>

namespace chronomap {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const Rect& o) const {
        return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1;
    }
};

struct LabelCandidate {
    std::string text;
    float x = 0, y = 0;  // anchor in pixels
    bool town = false;   // towns get a dot and a label beside it; territories a centred label
    float priority = 0;  // larger first
    float room = 0;      // territories: how wide the label may be (pixels); 0 = no limit
    // Territories: where a name too wide for `room` may go instead, centred on (wide_x, wide_y)
    // and as wide as wide_room (a stretch inside the territory); 0 = nowhere.
    float wide_x = 0, wide_y = 0, wide_room = 0;
};

struct PlacedLabel {
    std::string text;
    Rect box;  // where the text goes
    bool town = false;
    bool small = false;  // a territory's name in the smaller type, where the larger did not fit
    float dot_x = 0, dot_y = 0;
};

// measure(text, small) gives the text's width and height in pixels, in the territory type or in
// the smaller type of towns. A territory's name that does not fit (its room, or free space) in
// the larger type is tried in the smaller before it is left out.
using MeasureText = std::function<void(const std::string& text, bool town, float& w, float& h)>;

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates,
                                      const MeasureText& measure, const Rect& frame,
                                      const std::vector<Rect>& reserved, float padding);

}  // namespace chronomap

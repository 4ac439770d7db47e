#pragma once
// Where a polygon's name goes: the centre of the largest circle inside its largest part (the pole
// of inaccessibility), so labels of bent or hollow shapes stay inside them.

#include <optional>

#include "data/geometry/geometry.h"

namespace chronomap {

struct LabelAnchor {
    Vec2 at;        // display CRS
    double radius;  // of the inscribed circle: how much room the label has, in display units
    // Where a name too long for the circle may run instead: the middle and width of the widest
    // horizontal stretch inside the shape whose lines half a radius above and below lie inside
    // too, on lines across the largest part; parts sharing an edge count as one. A long name then
    // fits a long shape, or one in provinces (the Ottoman Empire's Anatolia).
    Vec2 wide_at;
    double wide_width = 0;
};

// nullopt for shapes without polygons. Points and lines anchor at their first point.
std::optional<LabelAnchor> label_anchor(const Shape& shape);

}  // namespace chronomap

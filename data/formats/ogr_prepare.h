#pragma once
// OGR geometries as the layer reader prepares them for the map: checks, the repairs that never
// drop a polygon, and the conversion into the atlas's own shapes.

#include <memory>

#include <ogr_geometry.h>

#include "data/geometry/geometry.h"

namespace chronomap::detail {

// False when any coordinate is NaN or infinite.
bool all_finite(const OGRGeometry* g);
// True for polygons, multipolygons and collections holding one.
bool has_area(const OGRGeometry* g);
// Closes every ring that does not end where it began; true when one was closed.
bool close_open_rings(OGRGeometry* g);
// Longitude/latitude polygons crossing 180 degrees, cut there (so they do not draw as a band
// across the map). nullptr when nothing crosses; failed is set when a cut failed (the polygon
// is then kept whole).
std::unique_ptr<OGRGeometry> split_at_antimeridian(const OGRGeometry* g, bool& failed);
// Appends the geometry's polygons, lines and points to the shape.
void append_geometry(const OGRGeometry* g, Shape& shape);

}  // namespace chronomap::detail

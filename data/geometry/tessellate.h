#pragma once
// Polygons to triangles, robustly: no polygon is lost without saying so.
//
// 1. Ear clipping (earcut.h). Polygons larger than a tile (many vertices or many holes) are cut
//    into pieces with GEOS's rectangle clipping first, so the cost stays about O(n log n) and a
//    polygon with thousands of holes does not go quadratic.
// 2. The triangles' area is checked against the polygon's. When they disagree (an invalid ring:
//    self-intersection, a hole outside its shell), the polygon is repaired with GEOS MakeValid and
//    ear-clipped again, then triangulated with GEOS's constrained Delaunay triangulation.
// 3. What still fails is reported with the reason; the caller turns it into a diagnostic.

#include <cstdint>
#include <string>
#include <vector>

#include "data/geometry/geometry.h"

namespace chronomap {

struct Tessellation {
    std::vector<Vec2> vertices;
    std::vector<std::uint32_t> indices;  // three per triangle, into vertices

    double area() const;  // sum of the triangles' areas
};

// Unrepaired: invalid, and repair failed or was not tried (too tangled); ear-clipped as it is.
enum class TessMethod : std::uint8_t { EarClipping, Tiled, Repaired, GeosDelaunay, Unrepaired, Failed };
const char* to_string(TessMethod m);

struct TessResult {
    TessMethod method = TessMethod::Failed;
    double polygon_area = 0;  // of the polygon as given (after repair when repaired)
    double mismatch = 0;      // |triangles - polygon| / polygon
    std::string message;      // why it failed, or what was repaired
    bool no_area = false;     // failed because there is no area to fill
    bool ok() const { return method != TessMethod::Failed; }
};

// Area of a polygon (shell minus holes), by the shoelace formula.
double polygon_area(const Polygon& poly);

// Appends the polygon's triangles to `out`. Vertices are appended too (indices are absolute).
TessResult tessellate(const Polygon& poly, Tessellation& out);

// Above kDirectVertices (or kTileHoles holes) a polygon is cut into tiles of at most
// kTileVertices before ear clipping: densely sampled concave coasts make ear clipping grow with
// n times the length of a concave run, and small tiles bound both (measured in bench_tessellate).
inline constexpr std::size_t kDirectVertices = 8192;
inline constexpr std::size_t kTileVertices = 1024;
inline constexpr std::size_t kTileHoles = 32;
// Relative area difference accepted between a polygon and its triangles.
inline constexpr double kAreaTolerance = 1e-3;

}  // namespace chronomap

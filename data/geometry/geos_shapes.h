#pragma once
// Small RAII helpers around the GEOS C API, shared by meshing and label placement. Internal to
// the data library.

#include <memory>
#include <vector>

#include <geos_c.h>

#include "data/geometry/geometry.h"

namespace chronomap::geos {

struct Context {
    GEOSContextHandle_t h = GEOS_init_r();
    ~Context() { GEOS_finish_r(h); }
    Context() = default;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

struct GeomDeleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(h, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// A time limit on the GEOS calls this thread makes while it lives: MakeValid and triangulation
// can run for hours (and take gigabytes) on real polygons, such as a self-intersecting zigzag of
// a few thousand points. Past the limit, GEOS is interrupted and the call returns null;
// expired() then tells a timeout from a plain failure. GEOS 3.11's interruption is process-wide,
// so a call on another thread may rarely be interrupted instead: callers treat any null result
// as a failure with a fallback.
class Budget {
  public:
    explicit Budget(double seconds);
    ~Budget();
    Budget(const Budget&) = delete;
    Budget& operator=(const Budget&) = delete;
    bool expired() const;
};

// nullptr (in a GeomPtr) when the polygon has no usable exterior ring.
GeomPtr make_polygon(GEOSContextHandle_t h, const Polygon& poly);

// The polygons as one GEOS collection, not joined (they may overlap): GEOSUnaryUnion joins them.
GeomPtr make_collection(GEOSContextHandle_t h, const std::vector<Polygon>& polygons);
// A line string through the points (nullptr with fewer than two).
GeomPtr make_line(GEOSContextHandle_t h, const std::vector<Vec2>& points);

// A GEOS ring's points.
Ring ring_of(GEOSContextHandle_t h, const GEOSGeometry* ring);
// Appends every polygon inside a GEOS geometry (polygon, multipolygon or collection).
void polygons_of(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Polygon>& out);

}  // namespace chronomap::geos

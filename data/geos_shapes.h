#pragma once
// Small RAII helpers around the GEOS C API, shared by meshing and label placement. Internal to
// the data library.

#include <memory>

#include <geos_c.h>

#include "geometry.h"

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

// nullptr (in a GeomPtr) when the polygon has no usable exterior ring.
GeomPtr make_polygon(GEOSContextHandle_t h, const Polygon& poly);

}  // namespace chronomap::geos

#include "geos_shapes.h"

#include <vector>

namespace chronomap::geos {
namespace {

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& ring) {
    const bool closed =
        ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    const auto n = static_cast<unsigned>(ring.size() + (closed ? 0 : 1));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n, 2);
    for (unsigned i = 0; i < n; ++i) {
        const Vec2& p = ring[i % ring.size()];
        GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

}  // namespace

GeomPtr make_polygon(GEOSContextHandle_t h, const Polygon& poly) {
    if (poly.rings.empty() || poly.rings[0].size() < 3) return GeomPtr(nullptr, {h});
    GEOSGeometry* shell = make_ring(h, poly.rings[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < poly.rings.size(); ++i)
        if (poly.rings[i].size() >= 3) holes.push_back(make_ring(h, poly.rings[i]));
    return GeomPtr(
        GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())), {h});
}

}  // namespace chronomap::geos

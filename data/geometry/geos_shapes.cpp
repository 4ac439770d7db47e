#include "data/geometry/geos_shapes.h"

#include <chrono>
#include <mutex>
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

thread_local bool t_limited = false;
thread_local bool t_expired = false;
thread_local std::chrono::steady_clock::time_point t_deadline;

// Called by GEOS, on the thread doing the work, before it checks for an interruption.
void check_deadline() {
    if (t_limited && !t_expired && std::chrono::steady_clock::now() > t_deadline) {
        t_expired = true;
        GEOS_interruptRequest();
    }
}

}  // namespace

Budget::Budget(double seconds) {
    static std::once_flag registered;
    std::call_once(registered, [] { GEOS_interruptRegisterCallback(check_deadline); });
    t_limited = true;
    t_expired = false;
    t_deadline = std::chrono::steady_clock::now() +
                 std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

Budget::~Budget() { t_limited = false; }

bool Budget::expired() const { return t_expired; }

GeomPtr make_polygon(GEOSContextHandle_t h, const Polygon& poly) {
    if (poly.rings.empty() || poly.rings[0].size() < 3) return GeomPtr(nullptr, {h});
    GEOSGeometry* shell = make_ring(h, poly.rings[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < poly.rings.size(); ++i)
        if (poly.rings[i].size() >= 3) holes.push_back(make_ring(h, poly.rings[i]));
    return GeomPtr(
        GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())), {h});
}

GeomPtr make_collection(GEOSContextHandle_t h, const std::vector<Polygon>& polygons) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& poly : polygons)
        if (auto g = make_polygon(h, poly)) parts.push_back(g.release());
    return GeomPtr(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())),
                   {h});
}

GeomPtr make_line(GEOSContextHandle_t h, const std::vector<Vec2>& points) {
    if (points.size() < 2) return GeomPtr(nullptr, {h});
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(points.size()), 2);
    for (unsigned i = 0; i < points.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, points[i].x, points[i].y);
    return GeomPtr(GEOSGeom_createLineString_r(h, seq), {h});
}

Ring ring_of(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Ring out(n);
    for (unsigned k = 0; k < n; ++k) GEOSCoordSeq_getXY_r(h, seq, k, &out[k].x, &out[k].y);
    return out;
}

// Every polygon inside a GEOS geometry (polygon, multipolygon or collection).
void polygons_of(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Polygon>& out) {
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon p;
        p.rings.push_back(ring_of(h, GEOSGetExteriorRing_r(h, g)));
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i) p.rings.push_back(ring_of(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) polygons_of(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace chronomap::geos

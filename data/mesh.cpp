#include "mesh.h"

#include <memory>

#include <geos_c.h>

namespace chronomap {
namespace {

struct GeosContext {
    GEOSContextHandle_t h = GEOS_init_r();
    ~GeosContext() { GEOS_finish_r(h); }
    GeosContext() = default;
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
};

struct GeomDeleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(h, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& ring) {
    const bool closed = ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    const auto n = static_cast<unsigned>(ring.size() + (closed ? 0 : 1));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n, 2);
    for (unsigned i = 0; i < n; ++i) {
        const Vec2& p = ring[i % ring.size()];
        GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

GeomPtr make_polygon(GEOSContextHandle_t h, const Polygon& poly) {
    if (poly.rings.empty() || poly.rings[0].size() < 3) return GeomPtr(nullptr, {h});
    GEOSGeometry* shell = make_ring(h, poly.rings[0]);
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < poly.rings.size(); ++i)
        if (poly.rings[i].size() >= 3) holes.push_back(make_ring(h, poly.rings[i]));
    return GeomPtr(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())), {h});
}

void add_ring_segments(MapMesh& mesh, const Ring& ring, Vec2 o, std::uint32_t slot) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        mesh.segments.insert(mesh.segments.end(),
                             {static_cast<float>(ring[i].x - o.x), static_cast<float>(ring[i].y - o.y),
                              static_cast<float>(ring[i + 1].x - o.x), static_cast<float>(ring[i + 1].y - o.y)});
        mesh.segment_feature.push_back(slot);
    }
}

// Appends the triangles of a GEOS triangulation (a collection of triangles) to the mesh.
void append_triangles(GEOSContextHandle_t h, const GEOSGeometry* tris, MapMesh& mesh, Vec2 o,
                      std::uint32_t slot) {
    const int n = GEOSGetNumGeometries_r(h, tris);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
        const auto base = static_cast<std::uint32_t>(mesh.feature.size());
        for (unsigned k = 0; k < 3; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            mesh.positions.push_back(static_cast<float>(x - o.x));
            mesh.positions.push_back(static_cast<float>(y - o.y));
            mesh.feature.push_back(slot);
        }
        mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2});
    }
}

}  // namespace

MapMesh build_mesh(const std::vector<MeshInput>& inputs, Vec2 origin, double tolerance,
                   std::vector<std::string>* problems) {
    GeosContext ctx;
    const GEOSContextHandle_t h = ctx.h;
    MapMesh mesh;
    mesh.origin = origin;
    for (const auto& in : inputs) {
        for (const auto& poly : in.shape->polygons) {
            GeomPtr g = make_polygon(h, poly);
            if (!g) continue;
            if (tolerance > 0) {
                GeomPtr simple(GEOSTopologyPreserveSimplify_r(h, g.get(), tolerance), {h});
                if (simple && !GEOSisEmpty_r(h, simple.get())) g = std::move(simple);
            }
            GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(h, g.get()), {h});
            if (!tris) {
                if (problems) problems->push_back("slot " + std::to_string(in.slot) + ": triangulation failed");
                continue;
            }
            append_triangles(h, tris.get(), mesh, origin, in.slot);
            // Outlines follow the (possibly simplified) polygon that was filled.
            const int rings = 1 + GEOSGetNumInteriorRings_r(h, g.get());
            for (int r = 0; r < rings; ++r) {
                const GEOSGeometry* ring = r == 0 ? GEOSGetExteriorRing_r(h, g.get())
                                                  : GEOSGetInteriorRingN_r(h, g.get(), r - 1);
                const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
                unsigned n = 0;
                GEOSCoordSeq_getSize_r(h, seq, &n);
                Ring pts(n);
                for (unsigned k = 0; k < n; ++k) GEOSCoordSeq_getXY_r(h, seq, k, &pts[k].x, &pts[k].y);
                add_ring_segments(mesh, pts, origin, in.slot);
            }
        }
    }
    return mesh;
}

void add_lines(MapMesh& mesh, const Shape& shape, std::uint32_t slot) {
    for (const auto& line : shape.lines) add_ring_segments(mesh, line, mesh.origin, slot);
    for (const auto& poly : shape.polygons)
        for (const auto& ring : poly.rings) add_ring_segments(mesh, ring, mesh.origin, slot);
}

}  // namespace chronomap

#include "mesh.h"

#include <memory>

#include "geos_shapes.h"

namespace chronomap {
namespace {

void add_ring_segments(MapMesh& mesh, const Ring& ring, Vec2 o, std::uint32_t slot) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        mesh.segments.insert(
            mesh.segments.end(),
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
    geos::Context ctx;
    const GEOSContextHandle_t h = ctx.h;
    MapMesh mesh;
    mesh.origin = origin;
    for (const auto& in : inputs) {
        for (const auto& poly : in.shape->polygons) {
            geos::GeomPtr g = geos::make_polygon(h, poly);
            if (!g) continue;
            if (tolerance > 0) {
                geos::GeomPtr simple(GEOSTopologyPreserveSimplify_r(h, g.get(), tolerance), {h});
                if (simple && !GEOSisEmpty_r(h, simple.get())) g = std::move(simple);
            }
            geos::GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(h, g.get()), {h});
            if (!tris) {
                if (problems)
                    problems->push_back("slot " + std::to_string(in.slot) +
                                        ": triangulation failed");
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
                for (unsigned k = 0; k < n; ++k)
                    GEOSCoordSeq_getXY_r(h, seq, k, &pts[k].x, &pts[k].y);
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

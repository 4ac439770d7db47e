// OGR geometry preparation for the map (see ogr_prepare.h).
#include "data/formats/ogr_prepare.h"

#include <cmath>
#include <vector>

#include <ogr_geometry.h>

#include "data/geometry/geos_shapes.h"

namespace chronomap::detail {

bool all_finite(const OGRGeometry* g) {
    bool ok = true;
    struct Visitor : public OGRDefaultConstGeometryVisitor {
        bool* ok;
        using OGRDefaultConstGeometryVisitor::visit;
        void visit(const OGRPoint* p) override {
            // No IsEmpty() test: OGR reports a point with a NaN coordinate as empty.
            if (!std::isfinite(p->getX()) || !std::isfinite(p->getY())) *ok = false;
        }
    } v;
    v.ok = &ok;
    g->accept(&v);
    return ok;
}

namespace {

Ring to_ring(const OGRLinearRing* r) {
    Ring out;
    out.reserve(static_cast<std::size_t>(r->getNumPoints()));
    for (int i = 0; i < r->getNumPoints(); ++i) out.push_back({r->getX(i), r->getY(i)});
    return out;
}

}  // namespace

void append_geometry(const OGRGeometry* g, Shape& shape) {
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            if (!p->IsEmpty()) shape.points.push_back({p->getX(), p->getY()});
            break;
        }
        case wkbLineString: {
            const auto* l = g->toLineString();
            std::vector<Vec2> line;
            for (int i = 0; i < l->getNumPoints(); ++i) line.push_back({l->getX(i), l->getY(i)});
            if (line.size() >= 2) shape.lines.push_back(std::move(line));
            break;
        }
        case wkbPolygon: {
            const auto* poly = g->toPolygon();
            if (poly->IsEmpty()) break;
            Polygon out;
            out.rings.push_back(to_ring(poly->getExteriorRing()));
            for (int i = 0; i < poly->getNumInteriorRings(); ++i)
                out.rings.push_back(to_ring(poly->getInteriorRing(i)));
            shape.polygons.push_back(std::move(out));
            break;
        }
        default:
            if (OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbGeometryCollection))
                for (const auto* part : *g->toGeometryCollection()) append_geometry(part, shape);
            break;
    }
}

// Closes rings whose last point is not their first (GeoJSON requires closed rings; GDAL reads
// open ones with a warning, and GEOS then refuses them). Returns whether any was open.
bool close_open_rings(OGRGeometry* g) {
    bool any = false;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) {
        for (auto* ring : *g->toPolygon())
            if (ring->getNumPoints() >= 3 && !ring->get_IsClosed()) {
                ring->closeRings();
                any = true;
            }
    } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        for (auto* part : *g->toGeometryCollection()) any = close_open_rings(part) || any;
    }
    return any;
}

// A ring that jumps more than 180 degrees of longitude between two points crosses the
// antimeridian, and would be drawn as a band across the world. Unwrapped (longitudes made
// continuous), such a ring closes where it began; one that circles a pole (Antarctica) does not,
// and is left as it is. Returns whether the polygon crosses.
namespace {

bool crosses_antimeridian(OGRPolygon* poly) {
    bool jumps = false;
    for (auto* ring : *poly) {
        double offset = 0;
        for (int i = 1; i < ring->getNumPoints(); ++i) {
            const double dx = ring->getX(i) - ring->getX(i - 1);
            if (std::abs(dx) > 180) {
                jumps = true;
                offset += dx > 0 ? -360 : 360;
            }
        }
        if (std::abs(offset) > 1e-9) return false;  // circles a pole
    }
    return jumps;
}

// Splits polygons crossing the antimeridian into their parts east and west of it. Source
// coordinates must be longitude, latitude. Returns nullptr when nothing crosses, and also when a
// cut fails (the polygon is then kept whole, and `failed` says so): nothing is dropped here.
}  // namespace

std::unique_ptr<OGRGeometry> split_at_antimeridian(const OGRGeometry* g, bool& failed) {
    failed = false;
    std::vector<const OGRPolygon*> polys;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) polys.push_back(g->toPolygon());
    else if (t == wkbMultiPolygon)
        for (const auto* p : *g->toMultiPolygon()) polys.push_back(p);
    bool any = false;
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const OGRPolygon* p : polys) {
        std::unique_ptr<OGRPolygon> copy(p->clone());
        if (!crosses_antimeridian(copy.get())) {
            out->addGeometry(copy.get());
            continue;
        }
        any = true;
        // Continuous longitudes (east of 180 where the ring went over), then cut at 180.
        for (auto* ring : *copy) {
            double offset = 0;
            double prev = ring->getX(0);
            for (int i = 1; i < ring->getNumPoints(); ++i) {
                const double x = ring->getX(i);
                if (std::abs(x - prev) > 180) offset += x < prev ? 360 : -360;
                prev = x;
                ring->setPoint(i, x + offset, ring->getY(i));
            }
        }
        // Cut with GEOS's rectangle clipping, which is linear in the vertices. Unwrapped rings
        // often touch themselves along the meridian; the pieces are checked where they are drawn
        // (area, then repair), as every polygon is. Repairing the whole first (MakeValid) took
        // 0.8 s for Russia's outline densified to 91,000 points.
        OGREnvelope env;
        copy->getEnvelope(&env);
        const double shift = env.MinX < -180 ? 360 : 0;  // bring it to the east side first
        geos::Context ctx;
        geos::GeomPtr whole(copy->exportToGEOS(ctx.h), {ctx.h});
        if (!whole) {
            failed = true;
            return nullptr;
        }
        struct ShiftX : public OGRDefaultGeometryVisitor {
            double dx = 0;
            using OGRDefaultGeometryVisitor::visit;
            void visit(OGRPoint* pt) override { pt->setX(pt->getX() + dx); }
        } shift_x;
        for (const double west : {-180.0, 180.0}) {
            // The rectangle [west, west + 360] after the shift, in the unshifted coordinates.
            geos::GeomPtr clipped(GEOSClipByRect_r(ctx.h, whole.get(), west - shift, -91, west + 360 - shift, 91),
                                  {ctx.h});
            if (!clipped) {
                failed = true;
                return nullptr;
            }
            if (GEOSisEmpty_r(ctx.h, clipped.get())) continue;
            std::unique_ptr<OGRGeometry> piece(OGRGeometryFactory::createFromGEOS(ctx.h, clipped.get()));
            if (!piece) {
                failed = true;
                return nullptr;
            }
            // East of 180 goes back to the west edge.
            shift_x.dx = shift - (west > 0 ? 360 : 0);
            if (shift_x.dx != 0) piece->accept(&shift_x);
            const auto pt = wkbFlatten(piece->getGeometryType());
            if (pt == wkbPolygon) out->addGeometry(piece.get());
            else if (OGR_GT_IsSubClassOf(pt, wkbGeometryCollection))
                for (const auto* part : *piece->toGeometryCollection())
                    if (wkbFlatten(part->getGeometryType()) == wkbPolygon) out->addGeometry(part);
        }
    }
    if (!any) return nullptr;
    return out;
}

bool has_area(const OGRGeometry* g) {
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon || t == wkbMultiPolygon) return true;
    if (t == wkbGeometryCollection)
        for (const auto* part : *g->toGeometryCollection())
            if (has_area(part)) return true;
    return false;
}
}  // namespace chronomap::detail

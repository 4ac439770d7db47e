#include "label_point.h"

#include <cmath>

#include "geos_shapes.h"
#include "mesh.h"
#include "tessellate.h"

namespace chronomap {

std::optional<LabelAnchor> label_anchor(const Shape& shape) {
    if (shape.polygons.empty()) {
        if (!shape.points.empty()) return LabelAnchor{shape.points.front(), 0};
        if (!shape.lines.empty() && !shape.lines.front().empty())
            return LabelAnchor{shape.lines.front().front(), 0};
        return std::nullopt;
    }
    const Polygon* best = nullptr;
    double best_area = -1;
    for (const auto& poly : shape.polygons) {
        const double a = polygon_area(poly);
        if (a > best_area) {
            best_area = a;
            best = &poly;
        }
    }
    if (!best || best_area <= 0) return std::nullopt;
    // The circle is found to 1/100 of the part's size; rings simplified to a fifth of that keep
    // the search cheap on parts of many thousand vertices without moving the label visibly.
    const double tolerance = std::sqrt(best_area) / 100.0;
    Polygon simple;
    for (const Ring& r : best->rings) simple.rings.push_back(simplify_ring(r, tolerance / 5));
    geos::Context ctx;
    const auto h = ctx.h;
    geos::GeomPtr g = geos::make_polygon(h, simple);
    if (!g) return std::nullopt;
    auto circle = [&](const GEOSGeometry* geom) -> std::optional<LabelAnchor> {
        geos::GeomPtr line(GEOSMaximumInscribedCircle_r(h, geom, tolerance), {h});
        if (!line) return std::nullopt;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line.get());
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &x0, &y0) || !GEOSCoordSeq_getXY_r(h, seq, 1, &x1, &y1))
            return std::nullopt;
        return LabelAnchor{{x0, y0}, std::hypot(x1 - x0, y1 - y0)};
    };
    Shape part;
    part.polygons.push_back(*best);
    if (auto a = circle(g.get()); a && part.contains(a->at)) return a;
    // An invalid ring (self-intersecting) can put the circle outside: repair, then search again.
    geos::GeomPtr valid(GEOSMakeValid_r(h, g.get()), {h});
    if (!valid) return std::nullopt;
    return circle(valid.get());
}

}  // namespace chronomap

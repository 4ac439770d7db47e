#include "label_point.h"

#include <cmath>

#include "geos_shapes.h"

namespace chronomap {

std::optional<LabelAnchor> label_anchor(const Shape& shape) {
    if (shape.polygons.empty()) {
        if (!shape.points.empty()) return LabelAnchor{shape.points.front(), 0};
        if (!shape.lines.empty() && !shape.lines.front().empty())
            return LabelAnchor{shape.lines.front().front(), 0};
        return std::nullopt;
    }
    geos::Context ctx;
    const auto h = ctx.h;
    geos::GeomPtr best(nullptr, {h});
    double best_area = -1;
    for (const auto& poly : shape.polygons) {
        geos::GeomPtr g = geos::make_polygon(h, poly);
        double area = 0;
        if (g && GEOSArea_r(h, g.get(), &area) && area > best_area) {
            best_area = area;
            best = std::move(g);
        }
    }
    if (!best) return std::nullopt;
    // A tolerance of 1/100 of the part's size places the label to within a pixel or two.
    geos::GeomPtr line(GEOSMaximumInscribedCircle_r(h, best.get(), std::sqrt(best_area) / 100.0),
                       {h});
    if (!line) return std::nullopt;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line.get());
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!seq || !GEOSCoordSeq_getXY_r(h, seq, 0, &x0, &y0) ||
        !GEOSCoordSeq_getXY_r(h, seq, 1, &x1, &y1))
        return std::nullopt;
    return LabelAnchor{{x0, y0}, std::hypot(x1 - x0, y1 - y0)};
}

}  // namespace chronomap

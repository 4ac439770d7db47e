#include "label_point.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

#include "geos_shapes.h"
#include "mesh.h"
#include "tessellate.h"

namespace chronomap {

namespace {

// Signed distance from p to the polygon's boundary: positive inside (even-odd rule).
double signed_distance(Vec2 p, const Polygon& poly) {
    bool inside = false;
    double best = std::numeric_limits<double>::infinity();
    for (const Ring& r : poly.rings) {
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const Vec2 a = r[i], b = r[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
            t = std::clamp(t, 0.0, 1.0);
            const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
            best = std::min(best, ex * ex + ey * ey);
        }
    }
    return (inside ? 1 : -1) * std::sqrt(best);
}

// The pole of inaccessibility to within `precision` (the polylabel method of Agafonkin: a
// quadtree search of cells, best first). A fraction of GEOS's cost on small parts, where GEOS's
// per-call set-up dominated: 200,000 small territories took 10 s.
std::optional<LabelAnchor> pole_of_inaccessibility(const Polygon& poly, double precision) {
    if (poly.rings.empty() || poly.rings.front().size() < 3) return std::nullopt;
    Bounds b;
    for (const Vec2& v : poly.rings.front()) b.add(v);
    const double size = std::min(b.max_x - b.min_x, b.max_y - b.min_y);
    if (!(size > 0)) return std::nullopt;
    struct Cell {
        Vec2 c;
        double h, d, max;
    };
    auto make = [&](double x, double y, double h) {
        const double d = signed_distance({x, y}, poly);
        return Cell{{x, y}, h, d, d + h * std::sqrt(2.0)};
    };
    auto worse = [](const Cell& a, const Cell& b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(worse)> queue(worse);
    const double h = size / 2;
    for (double x = b.min_x; x < b.max_x; x += size)
        for (double y = b.min_y; y < b.max_y; y += size) queue.push(make(x + h, y + h, h));
    Cell best = make((b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2, 0);
    for (int visited = 0; !queue.empty() && visited < 20000; ++visited) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d) best = cell;
        if (cell.max - best.d <= precision) continue;
        const double q = cell.h / 2;
        for (const double dx : {-q, q})
            for (const double dy : {-q, q}) queue.push(make(cell.c.x + dx, cell.c.y + dy, q));
    }
    if (!(best.d > 0)) return std::nullopt;
    return LabelAnchor{best.c, best.d};
}

}  // namespace

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
    Shape part;
    part.polygons.push_back(*best);
    if (auto a = pole_of_inaccessibility(simple, tolerance); a && part.contains(a->at)) return a;
    // GEOS's inscribed circle for what the search above could not place (degenerate rings).
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
    if (auto a = circle(g.get()); a && part.contains(a->at)) return a;
    // An invalid ring (self-intersecting) can put the circle outside: repair, then search again.
    geos::GeomPtr valid(GEOSMakeValid_r(h, g.get()), {h});
    if (!valid) return std::nullopt;
    return circle(valid.get());
}

}  // namespace chronomap

#include "label_point.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

#include "simplify.h"
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
    std::size_t vertices = 0;
    for (const Ring& r : poly.rings) vertices += r.size();
    // Each cell costs a pass over every vertex: the search stops after kWork vertex visits, so a
    // polygon of 100,000 holes or a sliver of 1e-16 degrees takes milliseconds, not minutes.
    constexpr std::size_t kWork = 40'000'000;
    const std::size_t max_cells = std::clamp<std::size_t>(kWork / std::max<std::size_t>(vertices, 1), 64, 20000);
    std::size_t cells = 0;
    auto make = [&](double x, double y, double h) {
        ++cells;
        const double d = signed_distance({x, y}, poly);
        return Cell{{x, y}, h, d, d + h * std::sqrt(2.0)};
    };
    auto worse = [](const Cell& a, const Cell& b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(worse)> queue(worse);
    const double h = size / 2;
    // A long thin part would start with millions of cells: at most 64 along its length.
    const double step = std::max(size, std::max(b.max_x - b.min_x, b.max_y - b.min_y) / 64);
    for (double x = b.min_x; x < b.max_x; x += step)
        for (double y = b.min_y; y < b.max_y; y += step) queue.push(make(x + h, y + h, h));
    Cell best = make((b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2, 0);
    while (!queue.empty() && cells < max_cells) {
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
    // the search cheap on parts of many thousand vertices without moving the label visibly, and
    // holes smaller than that precision cannot hold the label's centre in a way anyone would see.
    const double tolerance = std::sqrt(best_area) / 100.0;
    Polygon simple;
    for (std::size_t r = 0; r < best->rings.size(); ++r) {
        if (r > 0) {
            Bounds hole;
            for (const Vec2& v : best->rings[r]) hole.add(v);
            if (std::max(hole.max_x - hole.min_x, hole.max_y - hole.min_y) < tolerance) continue;
        }
        simple.rings.push_back(simplify_ring(best->rings[r], tolerance / 5));
    }
    Shape part;
    part.polygons.push_back(*best);
    // No GEOS here: its inscribed circle never returned on slivers of real data (a 4-point ring
    // of 4e-16 square degrees), and repairing first can run away too. A shape the search cannot
    // place has no room for a name.
    if (auto a = pole_of_inaccessibility(simple, tolerance); a && part.contains(a->at)) return a;
    return std::nullopt;
}

}  // namespace chronomap

#include "data/geometry/label_point.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

#include "data/geometry/simplify.h"
#include "data/geometry/tessellate.h"

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
    return LabelAnchor{best.c, best.d, {}, 0};
}

}  // namespace

namespace {

// The stretches of the horizontal line at `y` that lie inside the shape, left to right. Parts
// that share an edge (a polity in provinces) count as one: a stretch ends only where no part holds
// the line any more, and gaps narrower than `gap` (thinned edges no longer meet exactly, real
// provinces leave slivers between them) do not end it.
std::vector<std::pair<double, double>> stretches(const Shape& shape, double y, double gap) {
    std::vector<std::pair<double, std::size_t>> crossings;  // x, part
    for (std::size_t p = 0; p < shape.polygons.size(); ++p)
        for (const auto& ring : shape.polygons[p].rings)
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const Vec2 a = ring[j], b = ring[i];
                if ((a.y > y) == (b.y > y)) continue;
                crossings.emplace_back(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x), p);
            }
    std::sort(crossings.begin(), crossings.end());
    std::vector<std::pair<double, double>> out;
    std::vector<char> inside(shape.polygons.size(), 0);
    std::size_t holding = 0;
    for (std::size_t k = 0; k < crossings.size();) {
        const double x = crossings[k].first;
        const std::size_t before = holding;
        for (; k < crossings.size() && crossings[k].first == x; ++k) {  // a shared edge: out of one, into the other
            char& in = inside[crossings[k].second];
            holding = in ? holding - 1 : holding + 1;
            in ^= 1;
        }
        if (before == 0 && holding > 0) {
            if (!out.empty() && x - out.back().second <= gap) out.back().second = x;  // across a sliver
            else out.emplace_back(x, x);
        }
        if (before > 0 && holding == 0) out.back().second = x;
    }
    return out;
}

// Of `line`'s stretches (left to right), the one that holds `x`, or an empty one at x.
std::pair<double, double> stretch_at(const std::vector<std::pair<double, double>>& line, double x) {
    const auto it = std::lower_bound(line.begin(), line.end(), x,
                                     [](const std::pair<double, double>& s, double v) { return s.second < v; });
    return it != line.end() && it->first <= x ? *it : std::pair<double, double>{x, x};
}

// `shape` without what is too small to matter at `tolerance`, its rings thinned: the search for a
// long stretch looks at many lines, and a coast of 146,000 points would make each costly.
Shape thinned(const Shape& shape, double tolerance) {
    Shape out;
    for (const auto& poly : shape.polygons) {
        Polygon kept;
        for (std::size_t r = 0; r < poly.rings.size(); ++r) {
            const Bounds b = bounds_of(poly.rings[r]);
            if (std::max(b.max_x - b.min_x, b.max_y - b.min_y) < tolerance) {
                if (r == 0) break;
                continue;
            }
            kept.rings.push_back(simplify_ring(poly.rings[r], tolerance / 5));
        }
        if (!kept.rings.empty()) out.polygons.push_back(std::move(kept));
    }
    return out;
}

// The widest stretch a label `band` high can run along, on lines across `part`'s height and
// through `at`: its middle and width.
void widest_stretch(const Shape& shape, const Polygon& part, double gap, LabelAnchor& a) {
    const Bounds box = bounds_of(part.rings.front());
    const double band = a.radius / 3;
    std::vector<double> lines{a.at.y};
    constexpr int kLines = 17;
    for (int k = 0; k < kLines; ++k) lines.push_back(box.min_y + (k + 0.5) / kLines * (box.max_y - box.min_y));
    a.wide_at = a.at;
    a.wide_width = 0;
    for (const double y : lines) {
        // The lines along the label's top and bottom, each crossed once for all its stretches.
        const auto above = stretches(shape, y + band, gap), below = stretches(shape, y - band, gap);
        for (const auto& [lo, hi] : stretches(shape, y, gap)) {
            if (hi - lo <= a.wide_width) continue;
            const double mid = (lo + hi) / 2;
            const auto up = stretch_at(above, mid), down = stretch_at(below, mid);
            const double left = std::max({lo, up.first, down.first}), right = std::min({hi, up.second, down.second});
            if (right - left > a.wide_width) {
                a.wide_width = right - left;
                a.wide_at = {(left + right) / 2, y};
            }
        }
    }
}
}  // namespace

std::optional<LabelAnchor> label_anchor(const Shape& shape) {
    if (shape.polygons.empty()) {
        if (!shape.points.empty()) return LabelAnchor{shape.points.front(), 0, {}, 0};
        if (!shape.lines.empty() && !shape.lines.front().empty())
            return LabelAnchor{shape.lines.front().front(), 0, {}, 0};
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
    auto a = pole_of_inaccessibility(simple, tolerance);
    if (!a || !part.contains(a->at)) return std::nullopt;
    widest_stretch(thinned(shape, tolerance), *best, tolerance, *a);
    return a;
}

}  // namespace chronomap

#include "data/geometry/simplify.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace chronomap {
namespace {

double perpendicular_sq(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len = dx * dx + dy * dy;
    if (len == 0) return (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y);
    const double cross = (p.x - a.x) * dy - (p.y - a.y) * dx;
    return cross * cross / len;
}

// The point of ring[a+1 .. b-1] farthest from the line a-b, and its squared distance.
std::pair<std::size_t, double> farthest(const Ring& ring, std::size_t a, std::size_t b) {
    double worst = -1;
    std::size_t at = a;
    for (std::size_t i = a + 1; i < b; ++i) {
        const double d = perpendicular_sq(ring[i], ring[a], ring[b]);
        if (d > worst) {
            worst = d;
            at = i;
        }
    }
    return {at, worst};
}

// A ring being simplified: its points, closed (the last repeats the first), and which are kept.
struct Work {
    Ring points;
    std::vector<char> keep;
    std::size_t kept() const { return static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1)); }
    Ring kept_ring() const {
        Ring out;
        for (std::size_t i = 0; i < points.size(); ++i)
            if (keep[i]) out.push_back(points[i]);
        return out;
    }
};

// Marks the points of ring[first..last] that Douglas-Peucker keeps.
void keep_points(const Ring& ring, std::size_t first, std::size_t last, double tol_sq, std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const auto [at, worst] = farthest(ring, a, b);
        if (worst > tol_sq) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}

// The ring split at its first point and the point farthest from it, each half simplified.
Work douglas_peucker(const Ring& ring, double tolerance) {
    const bool closed = ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    const std::size_t n = closed ? ring.size() - 1 : ring.size();
    Work w;
    w.points.assign(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(n));
    w.points.push_back(ring[0]);
    w.keep.assign(w.points.size(), 0);
    std::size_t far = 0;
    double best = -1;
    for (std::size_t i = 1; i < n; ++i) {
        const double d = (ring[i].x - ring[0].x) * (ring[i].x - ring[0].x) +
                         (ring[i].y - ring[0].y) * (ring[i].y - ring[0].y);
        if (d > best) {
            best = d;
            far = i;
        }
    }
    w.keep[0] = w.keep[far] = w.keep[w.points.size() - 1] = 1;
    const double tol_sq = tolerance * tolerance;
    keep_points(w.points, 0, far, tol_sq, w.keep);
    keep_points(w.points, far, w.points.size() - 1, tol_sq, w.keep);
    return w;
}

Work keep_all(const Ring& ring) { return {ring, std::vector<char>(ring.size(), 1)}; }

// An edge of the simplified rings: from point a to point b of ring `ring`; `fresh` when it may
// cross something new (see kept_edges).
struct Edge {
    std::uint32_t ring;
    std::size_t a, b;
    bool fresh;
};

std::vector<Edge> kept_edges(const std::vector<Work>& rings, const std::vector<std::vector<char>>& old_keep) {
    std::vector<Edge> edges;
    for (std::uint32_t r = 0; r < rings.size(); ++r) {
        const Work& w = rings[r];
        std::size_t prev = w.points.size();
        for (std::size_t i = 0; i < w.points.size(); ++i) {
            if (!w.keep[i]) continue;
            if (prev < i) {
                // The first round looks at the edges simplification made (the data's own edges
                // crossing each other are the data's fault, and left as they are); later rounds
                // at the edges the last one changed.
                const bool fresh = old_keep.empty() ? i - prev > 1 : !old_keep[r][prev] || !old_keep[r][i] ||
                                   std::find(old_keep[r].begin() + static_cast<std::ptrdiff_t>(prev) + 1,
                                             old_keep[r].begin() + static_cast<std::ptrdiff_t>(i), 1) !=
                                       old_keep[r].begin() + static_cast<std::ptrdiff_t>(i);
                edges.push_back({r, prev, i, fresh});
            }
            prev = i;
        }
    }
    return edges;
}

int orient(Vec2 p, Vec2 q, Vec2 r) {
    const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    return (v > 0) - (v < 0);
}

// Whether two segments cross at a point inside both (touching ends do not count).
bool crosses(Vec2 p1, Vec2 p2, Vec2 q1, Vec2 q2) {
    return orient(p1, p2, q1) * orient(p1, p2, q2) < 0 && orient(q1, q2, p1) * orient(q1, q2, p2) < 0;
}

// The kept edges in a grid of about two per cell, each edge in every cell its line passes.
// Crossings are looked for within cells, and rays are cast along a row: a sweep by x alone went
// quadratic on polar rings whose long edges span the map.
class EdgeGrid {
public:
    EdgeGrid(const std::vector<Edge>& edges, const std::vector<Work>& rings) : edges_(edges), rings_(rings) {
        for (const Work& w : rings)
            for (const Vec2& v : w.points) all_.add(v);
        side_ = static_cast<std::size_t>(std::clamp(std::sqrt(static_cast<double>(edges.size()) / 2), 1.0, 1024.0));
        width_ = std::max(all_.max_x - all_.min_x, 1e-300);
        height_ = std::max(all_.max_y - all_.min_y, 1e-300);
        // Cells as one array (counted, then filled): a vector per cell cost more than the checks.
        start_.assign(side_ * side_ + 1, 0);
        for (const Edge& e : edges) each_cell(e, [&](std::size_t cell) { ++start_[cell + 1]; });
        for (std::size_t c = 0; c < side_ * side_; ++c) start_[c + 1] += start_[c];
        members_.resize(start_.back());
        std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
        for (std::uint32_t i = 0; i < edges.size(); ++i)
            each_cell(edges[i], [&](std::size_t cell) { members_[fill[cell]++] = i; });
    }

    // Marks every edge that crosses another, among pairs with at least one fresh edge. Returns
    // false when there were too many pairs to look at (the rings are left as they are then).
    bool mark_crossings(std::vector<char>& crossing) const {
        crossing.assign(edges_.size(), 0);
        constexpr std::size_t kPairs = 20'000'000;
        std::size_t pairs = 0;
        for (std::size_t c = 0; c < side_ * side_; ++c)
            for (std::uint32_t m = start_[c]; m < start_[c + 1]; ++m)
                for (std::uint32_t n = m + 1; n < start_[c + 1]; ++n) {
                    const Edge &e = edges_[members_[m]], &f = edges_[members_[n]];
                    if (!e.fresh && !f.fresh) continue;
                    if (++pairs > kPairs) return false;
                    if (crosses(point(e.ring, e.a), point(e.ring, e.b), point(f.ring, f.a), point(f.ring, f.b)))
                        crossing[members_[m]] = crossing[members_[n]] = 1;
                }
        return true;
    }

    // Toggles inside[r] for each crossing of ring r by a ray from p to the nearer side of the
    // grid, listing r in `touched`: afterwards inside[] is set for the rings that enclose p
    // (even-odd).
    void enclosing_rings(Vec2 p, std::vector<char>& inside, std::vector<std::uint32_t>& touched) const {
        const std::size_t r = row(p.y), from = column(p.x);
        const bool right = from >= side_ / 2;
        for (std::size_t c = right ? from : 0; c < (right ? side_ : from + 1); ++c)
            for (std::uint32_t m = start_[r * side_ + c]; m < start_[r * side_ + c + 1]; ++m) {
                const Edge& e = edges_[members_[m]];
                const Vec2 a = point(e.ring, e.a), b = point(e.ring, e.b);
                if ((a.y > p.y) == (b.y > p.y)) continue;
                const double x = a.x + (b.x - a.x) * (p.y - a.y) / (b.y - a.y);
                if ((right ? x > p.x : x < p.x) && column(x) == c) {  // counted in one cell only
                    inside[e.ring] ^= 1;
                    touched.push_back(e.ring);
                }
            }
    }

private:
    Vec2 point(std::uint32_t ring, std::size_t i) const { return rings_[ring].points[i]; }
    std::size_t column(double x) const {
        return std::min(side_ - 1, static_cast<std::size_t>(std::max(0.0, (x - all_.min_x) / width_ * side_)));
    }
    std::size_t row(double y) const {
        return std::min(side_ - 1, static_cast<std::size_t>(std::max(0.0, (y - all_.min_y) / height_ * side_)));
    }
    template <class Visit>
    void each_cell(const Edge& e, Visit&& visit) const {
        Vec2 p = point(e.ring, e.a), q = point(e.ring, e.b);
        if (p.x > q.x) std::swap(p, q);
        const std::size_t c0 = column(p.x), c1 = column(q.x);
        auto y_at = [&](double x) { return q.x == p.x ? p.y : p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x); };
        for (std::size_t c = c0; c <= c1; ++c) {
            // The part of the edge inside this column, and the rows it passes.
            double ya = c == c0 ? p.y : y_at(all_.min_x + width_ * static_cast<double>(c) / side_);
            double yb = c == c1 ? q.y : y_at(all_.min_x + width_ * static_cast<double>(c + 1) / side_);
            if (ya > yb) std::swap(ya, yb);
            for (std::size_t r = row(ya), r1 = row(yb); r <= r1; ++r) visit(r * side_ + c);
        }
    }

    const std::vector<Edge>& edges_;
    const std::vector<Work>& rings_;
    Bounds all_;
    std::size_t side_ = 1;
    double width_ = 1, height_ = 1;
    std::vector<std::uint32_t> start_, members_;
};

// A hole that no longer crosses anything but lies outside its simplified shell, or inside another
// simplified hole, cuts nothing out of the fill: it is dropped, as it would otherwise need a repair.
void drop_misplaced_holes(std::vector<Work>& work) {
    if (work.size() < 2) return;
    const std::vector<Edge> edges = kept_edges(work, {});
    const EdgeGrid grid(edges, work);
    std::vector<char> drop(work.size(), 0), inside(work.size(), 0);
    std::vector<std::uint32_t> touched;
    for (std::size_t h = 1; h < work.size(); ++h) {
        touched.clear();
        grid.enclosing_rings(work[h].points.front(), inside, touched);
        inside[h] = 0;
        bool in_other_hole = false;
        for (std::uint32_t r : touched) in_other_hole = in_other_hole || (r > 0 && inside[r]);
        drop[h] = !inside[0] || in_other_hole;
        for (std::uint32_t r : touched) inside[r] = 0;
    }
    std::size_t out = 1;
    for (std::size_t h = 1; h < work.size(); ++h)
        if (!drop[h]) work[out++] = std::move(work[h]);
    work.resize(out);
}

}  // namespace

Ring simplify_ring(const Ring& ring, double tolerance) {
    if (ring.size() <= 4 || tolerance <= 0) return ring;
    const Ring out = douglas_peucker(ring, tolerance).kept_ring();
    return out.size() >= 4 ? out : ring;
}

bool simplify_polygon(const Polygon& poly, double tolerance, Polygon& out) {
    out.rings.clear();
    std::vector<Work> work;
    bool simplified = false;  // whether any ring lost a point
    for (std::size_t r = 0; r < poly.rings.size(); ++r) {
        const Ring& ring = poly.rings[r];
        const Bounds b = bounds_of(ring);
        if (b.empty() || (b.max_x - b.min_x < tolerance && b.max_y - b.min_y < tolerance)) {
            if (r == 0) return false;
            continue;
        }
        if (ring.size() <= 4 || tolerance <= 0) {
            work.push_back(keep_all(ring));
            continue;
        }
        work.push_back(douglas_peucker(ring, tolerance));
        if (work.back().kept() < 4) work.back() = keep_all(ring);
        simplified = simplified || work.back().kept() < work.back().points.size();
    }
    if (!simplified) {
        for (const Work& w : work) out.rings.push_back(w.points);
        return true;
    }
    // Each round puts back, between the ends of every crossing edge, the point farthest from it:
    // the step Douglas-Peucker would take next. Edges of the data itself never change.
    constexpr int kRounds = 64;
    std::vector<char> crossing;
    std::vector<std::vector<char>> old_keep;  // the kept points before the last round
    for (int round = 0; round < kRounds; ++round) {
        const std::vector<Edge> edges = kept_edges(work, old_keep);
        old_keep.clear();
        for (const Work& w : work) old_keep.push_back(w.keep);
        if (!EdgeGrid(edges, work).mark_crossings(crossing)) break;
        bool refined = false;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const Edge& e = edges[i];
            if (!crossing[i] || e.b - e.a < 2) continue;
            work[e.ring].keep[farthest(work[e.ring].points, e.a, e.b).first] = 1;
            refined = true;
        }
        if (!refined) break;
    }
    drop_misplaced_holes(work);
    for (const Work& w : work) out.rings.push_back(w.kept_ring());
    return true;
}

}  // namespace chronomap

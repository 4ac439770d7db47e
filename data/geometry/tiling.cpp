#include "data/geometry/tiling.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/geometry/geos_shapes.h"

namespace chronomap {
namespace {

struct Hole {
    const Ring* ring;
    Bounds box;
};

// A part of the polygon being cut: pieces of the exterior ring (with the few holes a cut went
// through, which GEOS clips with them) and the holes that lie in it.
struct Part {
    std::vector<Polygon> shells;
    std::vector<Hole> holes;
    Bounds box;
};


std::size_t vertices_of(const Part& part) {
    std::size_t n = 0;
    for (const Polygon& p : part.shells)
        for (const Ring& r : p.rings) n += r.size();
    for (const Hole& h : part.holes) n += h.ring->size();
    return n;
}


// A point where the ring turns back on itself along the same line, or repeats the point before:
// such spikes have no area, but GEOS's rectangle clipping fails on a ring that has one.
bool spike(Vec2 a, Vec2 b, Vec2 c) {
    if (b.x == c.x && b.y == c.y) return true;
    const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    const double dot = (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y);
    return cross == 0 && dot < 0;
}

Ring ring_without_spikes(const Ring& ring) {
    if (ring.size() < 4) return ring;
    Ring out;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {  // the closing point is added at the end
        while (out.size() >= 2 && spike(out[out.size() - 2], out.back(), ring[i])) out.pop_back();
        if (out.size() == 1 && out.back().x == ring[i].x && out.back().y == ring[i].y) continue;
        out.push_back(ring[i]);
    }
    // Where the ring closes: drop spikes at its end and at its start.
    while (out.size() >= 3 && spike(out[out.size() - 2], out.back(), out.front())) out.pop_back();
    while (out.size() >= 3 && spike(out.back(), out.front(), out[1])) out.erase(out.begin());
    if (out.size() < 3) return ring;
    out.push_back(out.front());
    return out;
}

Polygon without_spikes(const Polygon& poly) {
    Polygon out;
    for (const Ring& r : poly.rings) out.rings.push_back(ring_without_spikes(r));
    return out;
}

// The polygon's part inside a rectangle by GEOS's overlay, slower than its rectangle clipping
// but robust where that fails.
geos::GeomPtr clip_by_overlay(GEOSContextHandle_t h, const GEOSGeometry* g, const Bounds& rect) {
    const Ring box{{rect.min_x, rect.min_y}, {rect.max_x, rect.min_y}, {rect.max_x, rect.max_y},
                   {rect.min_x, rect.max_y}, {rect.min_x, rect.min_y}};
    geos::GeomPtr r = geos::make_polygon(h, Polygon{{box}});
    if (!r) return geos::GeomPtr(nullptr, {h});
    return geos::GeomPtr(GEOSIntersection_r(h, g, r.get()), {h});
}

// The shells clipped to a rectangle. A shell inside it is kept as it is.
std::vector<Polygon> clip_shells(GEOSContextHandle_t h, const std::vector<Polygon>& shells, const Bounds& rect) {
    std::vector<Polygon> out;
    for (const Polygon& shell : shells) {
        const Bounds b = bounds_of(shell.rings[0]);
        if (b.max_x < rect.min_x || b.min_x > rect.max_x || b.max_y < rect.min_y || b.min_y > rect.max_y) continue;
        if (b.min_x >= rect.min_x && b.max_x <= rect.max_x && b.min_y >= rect.min_y && b.max_y <= rect.max_y) {
            out.push_back(shell);
            continue;
        }
        geos::GeomPtr whole = geos::make_polygon(h, without_spikes(shell));
        if (!whole) continue;
        geos::GeomPtr piece(GEOSClipByRect_r(h, whole.get(), rect.min_x, rect.min_y, rect.max_x, rect.max_y), {h});
        if (!piece) piece = clip_by_overlay(h, whole.get(), rect);
        if (!piece) continue;
        geos::polygons_of(h, piece.get(), out);
    }
    return out;
}

// A coordinate on `axis` (0: x, 1: y) strictly inside [lo, hi] that no narrow hole's extent
// covers, with between a quarter and three quarters of the holes before it when `by_count`, as
// near `target` as can be; NaN when there is none.
double gap_between_holes(const std::vector<Hole>& holes, int axis, double lo, double hi, double target,
                         bool by_count) {
    std::vector<std::pair<double, double>> spans;
    for (const Hole& h : holes) {
        const auto span = axis == 0 ? std::pair{h.box.min_x, h.box.max_x} : std::pair{h.box.min_y, h.box.max_y};
        if (span.second - span.first <= (hi - lo) / 8) spans.push_back(span);  // wide ones are cut with the shell
    }
    std::sort(spans.begin(), spans.end());
    double best = std::numeric_limits<double>::quiet_NaN();
    auto consider = [&](double gap_lo, double gap_hi, std::size_t before) {
        gap_lo = std::max(gap_lo, lo);
        gap_hi = std::min(gap_hi, hi);
        if (!(gap_lo < gap_hi)) return;
        if (by_count && (before * 4 < spans.size() || before * 4 > spans.size() * 3)) return;
        const double c = target > gap_lo && target < gap_hi ? target : (gap_lo + gap_hi) / 2;
        if (c > lo && c < hi && (std::isnan(best) || std::abs(c - target) < std::abs(best - target))) best = c;
    };
    double covered_to = lo;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (spans[i].first > covered_to) consider(covered_to, spans[i].first, i);
        covered_to = std::max(covered_to, spans[i].second);
    }
    consider(covered_to, hi, spans.size());
    return best;
}

// Where to cut a part on `axis`: near the middle of the holes when they are what makes the part
// too large (so that each cut halves them), else near the middle of the part; between holes if
// such a gap is near.
double cut_at(const Part& part, int axis, std::size_t max_holes) {
    const double lo = axis == 0 ? part.box.min_x : part.box.min_y;
    const double hi = axis == 0 ? part.box.max_x : part.box.max_y;
    double target = (lo + hi) / 2;
    const bool by_holes = part.holes.size() > max_holes;
    if (by_holes) {
        std::vector<double> centres;
        for (const Hole& h : part.holes)
            centres.push_back(axis == 0 ? (h.box.min_x + h.box.max_x) / 2 : (h.box.min_y + h.box.max_y) / 2);
        std::nth_element(centres.begin(), centres.begin() + static_cast<std::ptrdiff_t>(centres.size() / 2), centres.end());
        target = centres[centres.size() / 2];
        if (!(target > lo && target < hi)) target = (lo + hi) / 2;
    }
    // Where lakes are dense no line misses them all: the cut goes through some, which are then
    // clipped with the shell.
    const double gap = gap_between_holes(part.holes, axis, lo, hi, target, by_holes);
    return !std::isnan(gap) && (by_holes || std::abs(gap - target) <= (hi - lo) / 4) ? gap : target;
}

// Calls place(shell, hole) with the shell whose exterior ring holds each hole's first point.
template <class Place>
void place_holes(const std::vector<Polygon>& shells, const std::vector<Hole>& holes, Place&& place) {
    std::vector<Bounds> boxes;
    for (const Polygon& shell : shells) boxes.push_back(bounds_of(shell.rings[0]));
    for (const Hole& h : holes) {
        const Vec2 p = h.ring->front();
        for (std::size_t s = 0; s < shells.size(); ++s) {
            const Bounds& b = boxes[s];
            if (p.x < b.min_x || p.x > b.max_x || p.y < b.min_y || p.y > b.max_y || !ring_contains(shells[s].rings[0], p))
                continue;
            place(s, h);
            break;
        }
    }
}

// Each hole goes to the piece of the exterior ring that holds its first point. A hole that no
// piece holds is dropped (the polygon was invalid; the area check that follows sees it).
void emit(const Part& part, std::vector<Polygon>& out) {
    const std::size_t first = out.size();
    out.insert(out.end(), part.shells.begin(), part.shells.end());
    place_holes(part.shells, part.holes, [&](std::size_t s, const Hole& h) { out[first + s].rings.push_back(*h.ring); });
}

void cut(GEOSContextHandle_t h, Part part, std::size_t max_vertices, std::size_t max_holes, int depth,
         std::vector<Polygon>& out) {
    if ((vertices_of(part) <= max_vertices && part.holes.size() <= max_holes) || depth > 40) return emit(part, out);
    // The box of what is left (a cut's half can be mostly empty), so that cuts keep shrinking it.
    part.box = Bounds{};
    for (const Polygon& shell : part.shells) part.box.add(bounds_of(shell.rings[0]));
    for (const Hole& hole : part.holes) part.box.add(hole.box);
    const double w = part.box.max_x - part.box.min_x, ht = part.box.max_y - part.box.min_y;
    const int axis = w >= ht ? 0 : 1;
    const double at = cut_at(part, axis, max_holes);
    Part low, high;
    low.box = high.box = part.box;
    (axis == 0 ? low.box.max_x : low.box.max_y) = at;
    (axis == 0 ? high.box.min_x : high.box.min_y) = at;
    std::vector<Hole> crossing;
    for (const Hole& hole : part.holes) {
        if ((axis == 0 ? hole.box.max_x : hole.box.max_y) <= at) low.holes.push_back(hole);
        else if ((axis == 0 ? hole.box.min_x : hole.box.min_y) >= at) high.holes.push_back(hole);
        else crossing.push_back(hole);
    }
    place_holes(part.shells, crossing, [&](std::size_t s, const Hole& h) { part.shells[s].rings.push_back(*h.ring); });
    low.shells = clip_shells(h, part.shells, low.box);
    high.shells = clip_shells(h, part.shells, high.box);
    part = Part{};  // the halves hold copies; free this level's before going deeper
    cut(h, std::move(low), max_vertices, max_holes, depth + 1, out);
    cut(h, std::move(high), max_vertices, max_holes, depth + 1, out);
}

}  // namespace

std::vector<Polygon> tile_polygon(GEOSContextHandle_t h, const Polygon& poly, std::size_t max_vertices,
                                  std::size_t max_holes) {
    std::vector<Polygon> out;
    if (poly.rings.empty()) return out;
    Part whole;
    whole.shells.push_back(Polygon{{poly.rings[0]}});
    whole.box = bounds_of(poly.rings[0]);
    for (std::size_t r = 1; r < poly.rings.size(); ++r)
        if (poly.rings[r].size() >= 4) whole.holes.push_back({&poly.rings[r], bounds_of(poly.rings[r])});
    cut(h, std::move(whole), max_vertices, max_holes, 0, out);
    return out;
}

}  // namespace chronomap

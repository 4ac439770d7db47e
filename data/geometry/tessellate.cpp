#include "data/geometry/tessellate.h"

#include <cmath>
#include <iterator>

#include "data/geometry/earcut.h"
#include "data/geometry/geos_shapes.h"
#include "data/support/parallel.h"
#include "data/geometry/tiling.h"

namespace chronomap {
namespace {

double ring_area(const Ring& r) {
    double sum = 0;
    for (std::size_t i = 0, j = r.size() ? r.size() - 1 : 0; i < r.size(); j = i++)
        sum += (r[j].x - r[i].x) * (r[i].y + r[j].y);
    return std::abs(sum) / 2;
}

std::size_t vertex_total(const Polygon& p) {
    std::size_t n = 0;
    for (const auto& r : p.rings) n += r.size();
    return n;
}

// Ear-clips one polygon into `out`; returns the area of the triangles added.
double clip_ears(const Polygon& poly, Tessellation& out) {
    const auto base = static_cast<std::uint32_t>(out.vertices.size());
    const std::size_t first = out.indices.size();
    for (const auto& r : poly.rings) out.vertices.insert(out.vertices.end(), r.begin(), r.end());
    earcut(poly, out.indices);
    double a = 0;
    for (std::size_t i = first; i < out.indices.size(); i += 3) {
        out.indices[i] += base;
        out.indices[i + 1] += base;
        out.indices[i + 2] += base;
        const Vec2 &p = out.vertices[out.indices[i]], &q = out.vertices[out.indices[i + 1]],
                   &r = out.vertices[out.indices[i + 2]];
        a += std::abs((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y)) / 2;
    }
    return a;
}

// Ear-clips the tiles of large polygons (tiling.h), on every core; returns the area of the
// triangles.
double clip_tiled(GEOSContextHandle_t h, const std::vector<const Polygon*>& polygons, Tessellation& out) {
    std::vector<Polygon> leaves;
    for (const Polygon* p : polygons) {
        std::vector<Polygon> tiles = tile_polygon(h, *p, kTileVertices, kTileHoles);
        std::move(tiles.begin(), tiles.end(), std::back_inserter(leaves));
    }
    std::vector<Tessellation> parts(leaves.size());
    std::vector<double> areas(leaves.size(), 0);
    parallel_for(leaves.size(), [&](std::size_t i) { areas[i] = clip_ears(leaves[i], parts[i]); });
    double total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto base = static_cast<std::uint32_t>(out.vertices.size());
        out.vertices.insert(out.vertices.end(), parts[i].vertices.begin(), parts[i].vertices.end());
        for (std::uint32_t k : parts[i].indices) out.indices.push_back(base + k);
        total += areas[i];
    }
    return total;
}

bool close_enough(double got, double want) {
    if (want <= 0) return got <= 0 || std::isnan(want);
    return std::abs(got - want) <= kAreaTolerance * want;
}

// A successful result: the method, how far the triangles' area is from the polygon's, and why.
TessResult& succeed(TessResult& r, TessMethod method, double got, double want, const char* message = "") {
    r.method = method;
    r.mismatch = want > 0 ? std::abs(got - want) / want : 0;
    r.message = message;
    return r;
}

// Rolls `out` back to a previous size, dropping a failed attempt.
void truncate(Tessellation& out, std::size_t vertices, std::size_t indices) {
    out.vertices.resize(vertices);
    out.indices.resize(indices);
}

}  // namespace

double Tessellation::area() const {
    double a = 0;
    for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
        const Vec2 &p = vertices[indices[i]], &q = vertices[indices[i + 1]], &r = vertices[indices[i + 2]];
        a += std::abs((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y)) / 2;
    }
    return a;
}

const char* to_string(TessMethod m) {
    switch (m) {
        case TessMethod::EarClipping: return "ear clipping";
        case TessMethod::Tiled: return "tiled ear clipping";
        case TessMethod::Repaired: return "repaired, then ear clipping";
        case TessMethod::GeosDelaunay: return "GEOS constrained Delaunay";
        case TessMethod::Unrepaired: return "unrepaired";
        case TessMethod::Failed: return "failed";
    }
    return "failed";
}

double polygon_area(const Polygon& poly) {
    if (poly.rings.empty()) return 0;
    double a = ring_area(poly.rings[0]);
    for (std::size_t i = 1; i < poly.rings.size(); ++i) a -= ring_area(poly.rings[i]);
    return a;
}

namespace {

// GEOS's repair gets this long per polygon; real polygons need milliseconds.
constexpr double kRepairSeconds = 2.0;

// Whether the rings cross each other more than `limit` times. GEOS's repair nodes every crossing
// and builds the overlay of the pieces: a self-intersecting zigzag of 1,000 points has tens of
// thousands of crossings, and MakeValid ran for hours on it, growing to gigabytes, without
// checking for interruption. Real invalid polygons cross themselves a few times. Segments are
// swept by x; the count stops at the limit, and the pairs looked at are capped too.
bool too_tangled(const Polygon& poly, std::size_t limit) {
    struct Seg {
        Vec2 a, b;
        double min_x, max_x;
    };
    std::vector<Seg> segs;
    for (const Ring& r : poly.rings)
        for (std::size_t i = 0; i + 1 < r.size(); ++i)
            segs.push_back({r[i], r[i + 1], std::min(r[i].x, r[i + 1].x), std::max(r[i].x, r[i + 1].x)});
    std::sort(segs.begin(), segs.end(), [](const Seg& p, const Seg& q) { return p.min_x < q.min_x; });
    auto orient = [](Vec2 p, Vec2 q, Vec2 r) {
        const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        return (v > 0) - (v < 0);
    };
    std::size_t crossings = 0, pairs = 0;
    constexpr std::size_t kPairs = 50'000'000;
    for (std::size_t i = 0; i < segs.size(); ++i)
        for (std::size_t j = i + 1; j < segs.size() && segs[j].min_x <= segs[i].max_x; ++j) {
            if (++pairs > kPairs) return false;
            const Seg &s = segs[i], &t = segs[j];
            if (std::max(s.a.y, s.b.y) < std::min(t.a.y, t.b.y) || std::max(t.a.y, t.b.y) < std::min(s.a.y, s.b.y))
                continue;
            if (orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 && orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0 &&
                ++crossings > limit)
                return true;
        }
    return false;
}

// When repair failed or ran out of time: the rings ear-clipped as they are, which fills an
// invalid polygon roughly (as an even-odd fill would, give or take its crossings) rather than not
// at all. Only for polygons small enough that ear clipping stays quick.
TessResult draw_unrepaired(const Polygon& poly, Tessellation& out, TessResult r, bool timed_out) {
    const std::string why = timed_out ? "its repair took longer than " + std::to_string(static_cast<int>(kRepairSeconds)) +
                                            " s and was stopped"
                                      : "GEOS could not repair it";
    if (vertex_total(poly) <= kDirectVertices * 4 && poly.rings.size() <= kTileHoles + 1) {
        const std::size_t v0 = out.vertices.size();
        const double a = clip_ears(poly, out);
        if (a > 0 && out.vertices.size() > v0) {
            r.method = TessMethod::Unrepaired;
            r.mismatch = r.polygon_area > 0 ? std::abs(a - r.polygon_area) / r.polygon_area : 0;
            r.message = "the polygon is invalid and " + why + "; it is drawn unrepaired and may be filled wrongly "
                        "where its rings cross";
            return r;
        }
    }
    r.message = "the polygon is invalid and " + why + "; it is not drawn";
    return r;
}

}  // namespace

TessResult tessellate(const Polygon& poly, Tessellation& out) {
    TessResult r;
    if (poly.rings.empty() || poly.rings[0].size() < 3) {
        r.message = "the polygon has no exterior ring with at least three points";
        return r;
    }
    const std::size_t v0 = out.vertices.size(), i0 = out.indices.size();
    r.polygon_area = polygon_area(poly);
    const bool large = vertex_total(poly) > kDirectVertices || poly.rings.size() > kTileHoles + 1;
    // No area by the shoelace formula: collinear points, or a self-intersecting ring whose lobes
    // cancel out; only repair can tell which.
    const bool flat = !(r.polygon_area > 0);

    if (!large && !flat) {
        const double a = clip_ears(poly, out);
        if (close_enough(a, r.polygon_area)) return succeed(r, TessMethod::EarClipping, a, r.polygon_area);
        truncate(out, v0, i0);
    }

    geos::Context ctx;
    const GEOSContextHandle_t h = ctx.h;
    if (large && !flat) {
        const double a = clip_tiled(h, {&poly}, out);
        if (close_enough(a, r.polygon_area)) return succeed(r, TessMethod::Tiled, a, r.polygon_area);
        truncate(out, v0, i0);
    }
    geos::GeomPtr g = geos::make_polygon(h, poly);
    if (!g) {
        r.message = "GEOS could not build the polygon from its rings";
        return r;
    }

    // The rings are probably invalid: repair, then try again on the repaired polygons, within
    // a time budget (geos_shapes.h).
    if (too_tangled(poly, 2000)) {
        TessResult t = draw_unrepaired(poly, out, r, false);
        t.message = "the polygon crosses itself more than 2,000 times, too often to repair; " +
                    std::string(t.ok() ? "it is drawn unrepaired and may be filled wrongly where its rings cross"
                                       : "it is not drawn");
        return t;
    }
    const geos::Budget budget(kRepairSeconds);
    geos::GeomPtr valid(GEOSMakeValid_r(h, g.get()), {h});
    if (!valid) return draw_unrepaired(poly, out, r, budget.expired());
    double want = 0;
    GEOSArea_r(h, valid.get(), &want);
    r.polygon_area = want;
    if (!(want > 0)) {
        r.no_area = true;
        r.message = "the polygon has no area (its points are collinear, or it collapsed when repaired); "
                    "nothing is drawn for it";
        return r;
    }
    std::vector<Polygon> repaired;
    geos::polygons_of(h, valid.get(), repaired);
    std::vector<const Polygon*> parts;
    for (const Polygon& p : repaired) parts.push_back(&p);
    const double a = clip_tiled(h, parts, out);
    if (close_enough(a, want))
        return succeed(r, TessMethod::Repaired, a, want,
                       "the polygon was invalid (for example self-intersecting) and was repaired");
    truncate(out, v0, i0);

    geos::GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(h, valid.get()), {h});
    if (!tris) return draw_unrepaired(poly, out, r, budget.expired());
    if (tris) {
        std::vector<Polygon> parts;
        geos::polygons_of(h, tris.get(), parts);
        for (const Polygon& t : parts) {
            if (t.rings[0].size() < 3) continue;
            const auto base = static_cast<std::uint32_t>(out.vertices.size());
            out.vertices.insert(out.vertices.end(), t.rings[0].begin(), t.rings[0].begin() + 3);
            out.indices.insert(out.indices.end(), {base, base + 1, base + 2});
        }
        Tessellation added;
        added.vertices.assign(out.vertices.begin() + static_cast<std::ptrdiff_t>(v0), out.vertices.end());
        for (std::size_t i = i0; i < out.indices.size(); ++i)
            added.indices.push_back(out.indices[i] - static_cast<std::uint32_t>(v0));
        const double ta = added.area();
        if (close_enough(ta, want))
            return succeed(r, TessMethod::GeosDelaunay, ta, want,
                           "the polygon was invalid and was repaired; triangulated by GEOS");
        // Within a tenth: drawn, with the difference said (real data has repaired polygons whose
        // triangles cover 97-105% of them; dropping those drew land as sea).
        if (want > 0 && std::abs(ta - want) <= 0.1 * want) {
            succeed(r, TessMethod::GeosDelaunay, ta, want, "");
            r.message = "the polygon was invalid and was repaired; its triangles cover " +
                        std::to_string(static_cast<int>(std::round(100.0 * ta / want))) + "% of its area";
            return r;
        }
        truncate(out, v0, i0);
        r.message = "no method covered the polygon: its triangles cover " +
                    std::to_string(static_cast<int>(std::round(100.0 * ta / std::max(want, 1e-300)))) +
                    "% of its area";
        return r;
    }
    r.message = std::string("no method could triangulate the polygon (GEOS: ") +
                "constrained Delaunay triangulation failed)";
    return r;
}

}  // namespace chronomap

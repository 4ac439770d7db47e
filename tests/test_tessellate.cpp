// Triangulation of hostile polygons: every polygon is covered, with its own area, or reported.
#include <gtest/gtest.h>

#include <cmath>
#include <geos_c.h>
#include <random>

#include "data/geometry/mesh.h"
#include "data/geometry/simplify.h"
#include "data/geometry/tessellate.h"

using namespace chronomap;

namespace {

Ring closed(Ring r) {
    r.push_back(r.front());
    return r;
}

Ring circle(double cx, double cy, double radius, int n, double wobble = 0, bool ccw = true) {
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * (ccw ? i : n - i) / n;
        const double rr = radius * (1 + wobble * std::sin(a * 37) * std::cos(a * 11));
        r.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
    }
    return closed(r);
}

// The triangles must cover the polygon's area, and lie inside it: a triangle's centroid inside.
void expect_covers(const Polygon& p, double tolerance = 0.005) {
    Tessellation t;
    const TessResult r = tessellate(p, t);
    ASSERT_TRUE(r.ok()) << r.message;
    const double want = r.method == TessMethod::Repaired || r.method == TessMethod::GeosDelaunay
                            ? r.polygon_area
                            : polygon_area(p);
    EXPECT_NEAR(t.area(), want, want * tolerance) << to_string(r.method);
    if (r.method == TessMethod::Repaired || r.method == TessMethod::GeosDelaunay) return;  // another polygon
    // Up to 2,000 triangles, spread over the mesh (each test costs a pass over every ring); a
    // degenerate one (three points in a line) has its centroid on the outline and is skipped.
    const std::size_t triangles = t.indices.size() / 3, step = std::max<std::size_t>(1, triangles / 2000);
    std::size_t outside = 0;
    for (std::size_t k = 0; k < triangles; k += step) {
        const Vec2 a = t.vertices[t.indices[3 * k]], b = t.vertices[t.indices[3 * k + 1]], c = t.vertices[t.indices[3 * k + 2]];
        if (std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2 < want * 1e-12) continue;
        const Vec2 centroid{(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
        int rings_holding = 0;
        for (const Ring& ring : p.rings) rings_holding += ring_contains(ring, centroid);
        outside += rings_holding % 2 == 0;
    }
    EXPECT_EQ(outside, 0u) << "triangles whose centroid lies outside the polygon, of " << triangles;
}

// JTS issue 1001: GEOS 3.11's constrained Delaunay triangulation throws "Unable to find a convex
// corner" on this valid polygon with two holes.
Polygon jts_1001() {
    return {{closed({{461527.55000000004656613, 5638016.75},
                     {461530.36926462681731209, 5638011.81626623962074518},
                     {461527.70430372917326167, 5638009.52959428261965513},
                     {461526.03410192765295506, 5638015.73833885975182056}}),
             closed({{461529.30000000004656613, 5638011.14999999944120646},
                     {461528.95000000001164153, 5638013.29999999981373549},
                     {461527.55000000004656613, 5638012.29999999981373549}}),
             closed({{461527.70000000001164153, 5638013},
                     {461527.55000000004656613, 5638012.75},
                     {461528, 5638012.94999999925494194}})}};
}

}  // namespace

TEST(Tessellate, ThePolygonGeosCannotTriangulate) {
    // First show the failure is real on this GEOS, so the test keeps its point.
    GEOSContextHandle_t h = GEOS_init_r();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
    GEOSGeometry* g = GEOSWKTReader_read_r(
        h, reader,
        "POLYGON ((461527.55000000004656613 5638016.75, 461530.36926462681731209 "
        "5638011.81626623962074518, 461527.70430372917326167 5638009.52959428261965513, "
        "461526.03410192765295506 5638015.73833885975182056, 461527.55000000004656613 5638016.75),"
        "(461529.30000000004656613 5638011.14999999944120646, 461528.95000000001164153 "
        "5638013.29999999981373549, 461527.55000000004656613 5638012.29999999981373549, "
        "461529.30000000004656613 5638011.14999999944120646),(461527.70000000001164153 5638013, "
        "461527.55000000004656613 5638012.75, 461528 5638012.94999999925494194, "
        "461527.70000000001164153 5638013))");
    ASSERT_NE(g, nullptr);
    GEOSGeometry* tris = GEOSConstrainedDelaunayTriangulation_r(h, g);
    if (tris) {
        GEOSGeom_destroy_r(h, tris);
        std::printf("note: this GEOS triangulates the JTS 1001 polygon\n");
    }
    GEOSGeom_destroy_r(h, g);
    GEOSWKTReader_destroy_r(h, reader);
    GEOS_finish_r(h);

    const Polygon p = jts_1001();
    Tessellation t;
    const TessResult r = tessellate(p, t);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.method, TessMethod::EarClipping);
    EXPECT_NEAR(t.area(), polygon_area(p), polygon_area(p) * 0.005);
}

TEST(Tessellate, SelfTouchingRingsSpikesAndDuplicateVertices) {
    // A hole touching the shell at one vertex (valid in OGC terms).
    expect_covers({{closed({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), closed({{0, 5}, {4, 3}, {4, 7}})}});
    // A shell touching itself: two squares sharing a corner, as one ring.
    expect_covers({{closed({{0, 0}, {5, 0}, {5, 5}, {10, 5}, {10, 10}, {5, 10}, {5, 5}, {0, 5}})}});
    // A spike: out and back along the same line.
    expect_covers({{closed({{0, 0}, {10, 0}, {10, 5}, {20, 5}, {10, 5}, {10, 10}, {0, 10}})}});
    // Duplicate vertices, collinear runs and a zero-length edge.
    expect_covers({{closed({{0, 0}, {0, 0}, {5, 0}, {10, 0}, {10, 0}, {10, 10}, {10, 10}, {0, 10}})}});
    // Holes touching each other.
    expect_covers({{closed({{0, 0}, {10, 0}, {10, 10}, {0, 10}}), closed({{2, 2}, {5, 2}, {5, 5}, {2, 5}}),
                    closed({{5, 5}, {8, 5}, {8, 8}, {5, 8}})}});
}

TEST(Tessellate, ABowTieIsRepairedNotLost) {
    // Self-intersecting: earcut's area disagrees, MakeValid splits it into two triangles of 25.
    Polygon p{{closed({{0, 0}, {10, 10}, {10, 0}, {0, 10}})}};
    Tessellation t;
    const TessResult r = tessellate(p, t);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.method, TessMethod::Repaired);
    EXPECT_NEAR(t.area(), 50.0, 0.25);
    EXPECT_FALSE(r.message.empty());
}

TEST(Tessellate, DegenerateInputIsReportedNotDrawn) {
    Tessellation t;
    EXPECT_FALSE(tessellate(Polygon{{Ring{{0, 0}, {1, 1}}}}, t).ok());
    EXPECT_FALSE(tessellate(Polygon{}, t).ok());
    const TessResult flat = tessellate(Polygon{{closed({{0, 0}, {1, 1}, {2, 2}})}}, t);  // collinear
    EXPECT_FALSE(flat.ok());
    EXPECT_NE(flat.message.find("no area"), std::string::npos) << flat.message;
    EXPECT_TRUE(t.indices.empty());
}

TEST(Tessellate, ThousandsOfHolesStayLinear) {
    // 2,500 holes in a grid (the 22,500 runs in the benchmark): tiled, so not quadratic.
    Polygon p{{closed({{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}})}};
    for (int i = 0; i < 50; ++i)
        for (int j = 0; j < 50; ++j) {
            const double x = 10 + i * 19.7, y = 10 + j * 19.7;
            p.rings.push_back(closed({{x, y}, {x, y + 5}, {x + 5, y + 5}, {x + 5, y}}));
        }
    Tessellation t;
    const TessResult r = tessellate(p, t);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.method, TessMethod::Tiled);
    EXPECT_NEAR(t.area(), 1000.0 * 1000 - 2500 * 25, 1.0);
}

TEST(Tessellate, LargeWobblyPolygonsAreCoveredExactly) {
    // 200,000 vertices, deeply concave, with a wobbly hole: tiled ear clipping.
    Polygon p{{circle(0, 0, 1000, 200000, 0.3), circle(0, 0, 200, 5000, 0.2, false)}};
    expect_covers(p, 0.001);
}

TEST(Tessellate, RandomStarPolygonsAreCovered) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> radius(0.2, 1.0);
    for (int k = 0; k < 200; ++k) {
        Ring r;
        const int n = 3 + k * 3;
        for (int i = 0; i < n; ++i) {
            const double a = 2 * M_PI * i / n, rr = radius(rng);
            r.push_back({rr * std::cos(a), rr * std::sin(a)});
        }
        expect_covers({{closed(r)}});
    }
}

TEST(Tessellate, SimplifiedRingsKeepTheirShape) {
    const Ring r = circle(0, 0, 100, 4000, 0.001);
    const Ring s = simplify_ring(r, 1.0);
    EXPECT_LT(s.size(), r.size() / 10);
    EXPECT_GE(s.size(), 4u);
    EXPECT_NEAR(polygon_area({{s}}), polygon_area({{r}}), polygon_area({{r}}) * 0.01);
}

TEST(Tessellate, MeshesAreTheSameOnAnyNumberOfThreads) {
    std::vector<Shape> shapes(40);
    for (std::size_t i = 0; i < shapes.size(); ++i)
        shapes[i].polygons.push_back({{circle(static_cast<double>(i) * 3, 0, 1, 3000, 0.2)}});
    std::vector<MeshInput> inputs;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        inputs.push_back({&shapes[i], static_cast<std::uint32_t>(i)});
    const auto one = build_meshes(inputs, {0, 0}, {0, 0.5}, nullptr, 1);
    const auto many = build_meshes(inputs, {0, 0}, {0, 0.5}, nullptr, 4);
    for (std::size_t l = 0; l < one.size(); ++l) {
        EXPECT_EQ(one[l].indices, many[l].indices);
        EXPECT_EQ(one[l].positions, many[l].positions);
        EXPECT_EQ(one[l].feature, many[l].feature);
    }
}

TEST(Tessellate, FailedPolygonsAreNamedByInputAndPart) {
    Shape good, bad;
    good.polygons.push_back({{closed({{0, 0}, {1, 0}, {1, 1}})}});
    bad.polygons.push_back({{closed({{0, 0}, {1, 0}, {1, 1}})}});
    bad.polygons.push_back({{Ring{{5, 5}, {6, 6}}}});  // two points: nothing to fill
    std::vector<MeshProblem> problems;
    build_mesh({{&good, 0}, {&bad, 1}}, {0, 0}, 0, &problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].input, 1u);
    EXPECT_EQ(problems[0].polygon, 1u);
    EXPECT_TRUE(problems[0].dropped);
}

namespace {

// Whether any two edges of the polygon's rings cross at a point inside both.
bool any_edges_cross(const Polygon& poly) {
    std::vector<std::pair<Vec2, Vec2>> edges;
    for (const Ring& r : poly.rings)
        for (std::size_t i = 0; i + 1 < r.size(); ++i) edges.push_back({r[i], r[i + 1]});
    auto orient = [](Vec2 p, Vec2 q, Vec2 r) {
        const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        return (v > 0) - (v < 0);
    };
    for (std::size_t i = 0; i < edges.size(); ++i)
        for (std::size_t j = i + 1; j < edges.size(); ++j) {
            const auto [p1, p2] = edges[i];
            const auto [q1, q2] = edges[j];
            if (orient(p1, p2, q1) * orient(p1, p2, q2) < 0 && orient(q1, q2, p1) * orient(q1, q2, p2) < 0)
                return true;
        }
    return false;
}

}  // namespace

// A shell with a plateau lower than the tolerance and a hole reaching into it: Douglas-Peucker
// cuts the plateau off, and its new edge would cross the hole.
TEST(Tessellate, SimplifiedPolygonsDoNotCrossThemselves) {
    const Polygon poly{{{{0, 0}, {100, 0}, {100, 100}, {70, 100}, {65, 108}, {35, 108}, {30, 100}, {0, 100}, {0, 0}},
                        {{40, 97}, {40, 106}, {60, 106}, {60, 97}, {40, 97}}}};
    ASSERT_FALSE(any_edges_cross(poly));
    const Polygon naive{{simplify_ring(poly.rings[0], 10), poly.rings[1]}};
    ASSERT_TRUE(any_edges_cross(naive)) << "the case no longer tests anything";

    Polygon simple;
    ASSERT_TRUE(simplify_polygon(poly, 10, simple));
    ASSERT_EQ(simple.rings.size(), 2u);
    EXPECT_FALSE(any_edges_cross(simple));
    EXPECT_LT(simple.rings[0].size(), poly.rings[0].size());  // still simplified where it can be
    Tessellation t;
    const TessResult r = tessellate(simple, t);
    EXPECT_EQ(r.method, TessMethod::EarClipping) << r.message;
}

// A hole left outside its simplified shell (the plateau it sat in is cut off without crossing
// it) is dropped rather than left for a repair.
TEST(Tessellate, HolesOutsideASimplifiedShellAreDropped) {
    const Polygon poly{{{{0, 0}, {100, 0}, {100, 100}, {70, 100}, {65, 108}, {35, 108}, {30, 100}, {0, 100}, {0, 0}},
                        {{40, 102}, {40, 106}, {60, 106}, {60, 102}, {40, 102}}}};
    Polygon simple;
    ASSERT_TRUE(simplify_polygon(poly, 10, simple));
    EXPECT_EQ(simple.rings.size(), 1u);
    Tessellation t;
    EXPECT_EQ(tessellate(simple, t).method, TessMethod::EarClipping);
}

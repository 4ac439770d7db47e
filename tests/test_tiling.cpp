// Cutting large polygons into pieces for ear clipping: lakes too dense for any straight cut to
// miss, and a spike in the exterior ring where a cut falls (both from real outlines; see tiling.h).
#include <gtest/gtest.h>

#include <geos_c.h>

#include "data/geometry/geos_shapes.h"
#include "data/geometry/tessellate.h"
#include "data/geometry/tiling.h"

using namespace chronomap;

namespace {

Ring square(double x, double y, double size) {
    return {{x, y}, {x, y + size}, {x + size, y + size}, {x + size, y}, {x, y}};
}

// A 200 x 200 square whose bottom edge has a spike up the middle (x = 0, out and back along the
// same line), holding rows of 2 x 2 lakes 2.5 apart, every other row shifted by half that: no
// vertical line misses them all.
Polygon lakes(int rows) {
    Polygon p;
    p.rings.push_back({{-100, -100}, {-100, 100}, {100, 100}, {100, -100}, {0, -100}, {0, -60}, {0, -100}, {-100, -100}});
    for (int r = 0; r < rows; ++r)
        for (double x = -95 + (r % 2) * 1.25; x < 93; x += 2.5) p.rings.push_back(square(x, -90 + r * 2.5, 2));
    return p;
}

}  // namespace

TEST(Tiling, DenseLakesAndASpikeAreCutWithoutLosingArea) {
    const Polygon p = lakes(72);
    ASSERT_GT(p.rings.size(), 5000u);
    geos::Context ctx;
    const std::vector<Polygon> pieces = tile_polygon(ctx.h, p, kTileVertices, kTileHoles);
    ASSERT_GT(pieces.size(), 10u);
    double sum = 0;
    for (const Polygon& piece : pieces) {
        sum += polygon_area(piece);
        EXPECT_LE(piece.rings.size() - 1, kTileHoles * 4);  // no piece keeps most of the lakes
    }
    EXPECT_NEAR(sum, polygon_area(p), polygon_area(p) * 1e-9);

    Tessellation t;
    const TessResult r = tessellate(p, t);
    EXPECT_EQ(r.method, TessMethod::Tiled) << r.message;
    EXPECT_NEAR(t.area(), polygon_area(p), polygon_area(p) * kAreaTolerance);
}

TEST(Tiling, SmallPolygonsAreOnePiece) {
    geos::Context ctx;
    const Polygon p{{square(0, 0, 10), square(2, 2, 1)}};
    const auto pieces = tile_polygon(ctx.h, p, kTileVertices, kTileHoles);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].rings.size(), 2u);
}

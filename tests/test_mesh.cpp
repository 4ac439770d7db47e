#include <gtest/gtest.h>

#include <cmath>

#include "data/load/loader.h"
#include "data/geometry/mesh.h"
#include "tests/support/mesh_area.h"

using namespace chronomap;
using test_support::mesh_area;

namespace {
Shape square_with_hole() {
    Shape s;
    s.polygons.push_back({{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {4, 6}, {6, 6}, {6, 4}, {4, 4}}}});
    return s;
}
}  // namespace

TEST(Mesh, TriangulatesAPolygonWithAHoleExactly) {
    const Shape s = square_with_hole();
    const MapMesh m = build_mesh({{&s, 7}}, {0, 0}, 0);
    EXPECT_NEAR(mesh_area(m), 100.0 - 4.0, 1e-4);  // the hole is not filled
    EXPECT_GE(m.triangle_count(), 8u);
    for (auto f : m.feature) EXPECT_EQ(f, 7u);
    EXPECT_EQ(m.segments.size() / 4, 8u);  // 4 exterior + 4 hole edges
}

TEST(Mesh, PositionsAreRelativeToTheOrigin) {
    Shape s;
    s.polygons.push_back({{{{4786700, 4950000}, {4786800, 4950000}, {4786800, 4950100}, {4786700, 4950000}}}});
    const MapMesh m = build_mesh({{&s, 0}}, {4786700, 4950000}, 0);
    EXPECT_NEAR(mesh_area(m), 5000.0, 1e-3);  // float precision kept thanks to the origin
}

TEST(Mesh, SimplificationReducesVerticesButKeepsTheShape) {
    Shape s;
    Ring r;
    for (int i = 0; i < 2000; ++i) {
        const double a = 2 * M_PI * i / 2000;
        r.push_back({100 * std::cos(a) + 0.01 * std::sin(a * 300), 100 * std::sin(a)});
    }
    r.push_back(r.front());
    s.polygons.push_back({{r}});
    const MapMesh fine = build_mesh({{&s, 0}}, {0, 0}, 0);
    const MapMesh coarse = build_mesh({{&s, 0}}, {0, 0}, 1.0);
    EXPECT_LT(coarse.vertex_count() * 10, fine.vertex_count());
    EXPECT_NEAR(mesh_area(coarse), mesh_area(fine), mesh_area(fine) * 0.01);
}

TEST(Mesh, TheBundledAtlasTriangulatesCompletely) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    std::vector<MeshInput> inputs;
    std::uint32_t slot = 0;
    for (const auto& layer : r.atlas.layers)
        if (layer.role == LayerRole::Territories)
            for (const auto& f : layer.features) inputs.push_back({&f.shape, slot++});
    std::vector<MeshProblem> problems;
    const MapMesh m = build_mesh(inputs, {4.9e6, 4.9e6}, 0, &problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_GT(m.triangle_count(), 1000u);
}

// Reading GeoJSON, GeoPackage and Shapefile written by the test itself, and reprojection.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "data/load/loader.h"
#include "tests/support/write_layer.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

using test_support::TempDir;

void write_manifest(const fs::path& dir, const std::string& source, const std::string& crs) {
    std::ofstream(dir / "atlas.json") << R"({"title": "formats", "crs": ")" << crs
                                      << R"(", "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "shapes", "source": ")" << source << R"(", "role": "territories"}],
        "events": []})";
}

const std::vector<test_support::TestFeature> kFeatures = {
    {"kars", "Kars", "POLYGON((42 40,44 40,44 41,42 41,42 40))"},
    {"nakhchivan", "Naxçıvan", "POLYGON((45 39,46 39,46 40,45 40,45 39),(45.4 39.4,45.6 39.4,45.6 39.6,45.4 39.6,45.4 39.4))"},
};

class Formats : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

}  // namespace

TEST_P(Formats, ReadsPolygonsWithNamesAndHoles) {
    const auto& [driver, file] = GetParam();
    TempDir dir;
    ASSERT_EQ(test_support::write_layer((dir.path / file).string(), driver, 4326, kFeatures), "");
    write_manifest(dir.path, file, "EPSG:4326");
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].features.size(), 2u);
    const Feature* n = r.atlas.find_territory("nakhchivan");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->names.get("en"), "Naxçıvan");
    ASSERT_EQ(n->shape.polygons.size(), 1u);
    EXPECT_EQ(n->shape.polygons[0].rings.size(), 2u);
    const Bounds b = r.atlas.find_territory("kars")->shape.bounds();
    EXPECT_DOUBLE_EQ(b.min_x, 42);
    EXPECT_DOUBLE_EQ(b.max_y, 41);
}

INSTANTIATE_TEST_SUITE_P(Drivers, Formats,
                         ::testing::Values(std::make_pair("GeoJSON", "shapes.geojson"),
                                           std::make_pair("GPKG", "shapes.gpkg"),
                                           std::make_pair("ESRI Shapefile", "shapes.shp")),
                         [](const auto& info) {
                             return info.param.first == "GeoJSON" ? std::string("GeoJSON")
                                    : info.param.first == "GPKG"  ? std::string("GeoPackage")
                                                                  : std::string("Shapefile");
                         });

TEST(Reprojection, KnownPointToWebMercator) {
    TempDir dir;
    // A tiny square at Kars: 43.0 E, 40.6 N (lon/lat in traditional GIS order).
    ASSERT_EQ(test_support::write_layer((dir.path / "p.gpkg").string(), "GPKG", 4326,
                                   {{"kars", "Kars", "POLYGON((43 40.6,43.001 40.6,43.001 40.601,43 40.601,43 40.6))"}}),
              "");
    write_manifest(dir.path, "p.gpkg", "EPSG:3857");
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    ASSERT_FALSE(r.diagnostics.has_errors());
    const Vec2 p = r.atlas.find_territory("kars")->shape.polygons[0].rings[0][0];
    // Spherical Mercator on the WGS84 semi-major axis.
    const double R = 6378137.0;
    const double x = R * 43.0 * M_PI / 180.0;
    const double y = R * std::log(std::tan(M_PI / 4 + 40.6 * M_PI / 180.0 / 2));
    EXPECT_NEAR(p.x, x, 0.01);
    EXPECT_NEAR(p.y, y, 0.01);
    EXPECT_NEAR(p.x, 4786738.1, 0.1);  // 6378137 m x 0.7504916 rad
    // The lon/lat bounds stay in degrees.
    EXPECT_NEAR(r.atlas.find_territory("kars")->lonlat_bounds.min_x, 43.0, 1e-9);
}

TEST(Reprojection, FromAProjectedSourceCrs) {
    TempDir dir;
    // The same point written in UTM zone 38N, read into lon/lat.
    ASSERT_EQ(test_support::write_layer((dir.path / "utm.gpkg").string(), "GPKG", 32638,
                                   {{"k", "K", "POLYGON((330778.854379249 4496277.27500048,331778 4496277,331778 4497277,330778.854379249 4496277.27500048))"}}),
              "");
    write_manifest(dir.path, "utm.gpkg", "EPSG:4326");
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    ASSERT_FALSE(r.diagnostics.has_errors());
    const Vec2 p = r.atlas.find_territory("k")->shape.polygons[0].rings[0][0];
    EXPECT_NEAR(p.x, 43.0, 1e-4);  // longitude first, whatever EPSG:4326's official axis order
    EXPECT_NEAR(p.y, 40.6, 1e-4);
}

TEST(Reprojection, LayerWithoutCrsIsTakenAsLonLatWithAWarning) {
    TempDir dir;
    ASSERT_EQ(test_support::write_layer((dir.path / "nocrs.shp").string(), "ESRI Shapefile", 0, kFeatures), "");
    write_manifest(dir.path, "nocrs.shp", "EPSG:4326");
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    EXPECT_EQ(r.diagnostics.error_count(), 0);
    ASSERT_EQ(r.diagnostics.warning_count(), 1);
    EXPECT_NE(r.diagnostics.items()[0].message.find("declares no CRS"), std::string::npos);
    EXPECT_EQ(r.atlas.layers[0].features.size(), 2u);
}

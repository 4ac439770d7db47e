#pragma once
// The Balkan Wars lesson of tests/fixtures/balkan-wars as a teacher makes it: `chronomap init`
// on Natural Earth's provinces (QGIS's world_map.gpkg, from Debian's qgis-common), then the
// sheets as the teacher filled them in.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "data/geometry/projection.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace chronomap::test_support {

inline std::filesystem::path make_balkan_lesson(const TempDir& dir) {
    namespace fs = std::filesystem;
    const fs::path atlas = dir.path / "balkans";
    const fs::path fixture = fs::path(CHRONOMAP_FIXTURES) / "balkan-wars";
    const auto init = run_cli({"init", "--workbook", "lesson", "--out", (atlas / "atlas.json").string(), "--title",
                               "The Balkan Wars, 1912–1913", "--from", "1912", "--to", "1913", "--region",
                               "18.5,39,29.5,45"});
    EXPECT_EQ(init.code, 0) << init.err;
    for (const char* sheet : {"events.csv", "powers.csv", "sources.csv", "territories.csv"})
        fs::copy_file(fixture / sheet, atlas / "lesson" / sheet, fs::copy_options::overwrite_existing);
    std::ofstream(atlas / "lesson" / "claims.csv") << "event_id,claimant,territory,from,to,note\n";  // example removed
    return atlas;
}

// A longitude and latitude in a lesson's display CRS (EPSG:3857).
inline Vec2 lesson_point(double lon, double lat) {
    Bounds at;
    at.add(Vec2{lon, lat});
    const auto p = lonlat_to_display("EPSG:3857", at);
    return p ? Vec2{p->min_x, p->min_y} : Vec2{};
}

}  // namespace chronomap::test_support

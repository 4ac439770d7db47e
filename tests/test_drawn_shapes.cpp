// Territories drawn, split and adjusted as the lesson editor's map tools do (shape_edits.h), on
// the Balkan Wars lesson's real provinces (Natural Earth, from QGIS's world_map.gpkg): the 1913
// border between Greece and Bulgaria ran along the Nesto river, through the middle of today's
// Greek region of East Macedonia and Thrace.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/view/export/workbook_template.h"
#include "data/edit/shape_edits.h"
#include "data/formats/drawn_shapes.h"
#include "data/load/base_map.h"
#include "data/load/loader.h"
#include "data/validate/overlap_check.h"
#include "tests/support/balkan_lesson.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::lesson_point;
using test_support::run_cli;
using test_support::TempDir;

namespace {

double ring_area(const Ring& r) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    if (!r.empty()) a += r.back().x * r.front().y - r.front().x * r.back().y;
    return std::abs(a) / 2;
}

double area(const std::vector<Polygon>& polygons) {
    double a = 0;
    for (const auto& p : polygons)
        for (std::size_t k = 0; k < p.rings.size(); ++k) a += (k ? -1 : 1) * ring_area(p.rings[k]);
    return a;
}

const Feature* territory(const Atlas& atlas, const std::string& id) {
    for (const auto& f : atlas.units_layer()->features)
        if (f.id == id) return &f;
    return nullptr;
}

std::size_t changes_of(const Atlas& atlas, const std::string& id) {
    std::size_t n = 0;
    for (const auto& ev : atlas.events)
        for (const auto& c : ev.changes) n += c.territory == id ? 1 : 0;
    return n;
}

// The territories with a vertex exactly at p, in order, each followed by a space.
std::string territories_with_vertex(const Atlas& atlas, Vec2 p) {
    std::string ids;
    for (const auto& f : atlas.units_layer()->features) {
        bool has = false;
        for (const auto& poly : f.shape.polygons)
            for (const auto& r : poly.rings)
                for (const Vec2& v : r) has = has || (v.x == p.x && v.y == p.y);
        if (has) ids += f.id + " ";
    }
    return ids;
}

// The Nesto from the Bulgarian border to the sea, and on past Thasos into the Aegean.
std::vector<Vec2> nesto() {
    return {lesson_point(23.9, 41.95), lesson_point(24.45, 41.25), lesson_point(24.75, 40.9), lesson_point(24.9, 40.6)};
}

}  // namespace

TEST(DrawnShapes, ARegionIsSplitAlongARiverAndSavedInAGeoPackage) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path folder = test_support::make_balkan_lesson(dir);
    const std::string manifest = (folder / "atlas.json").string();
    LoadResult lesson = load_atlas(manifest);
    Atlas& atlas = lesson.atlas;
    const double whole = area(territory(atlas, "east-macedonia-thrace")->shape.polygons);
    const std::size_t history = changes_of(atlas, "east-macedonia-thrace");
    ASSERT_GT(history, 0u);

    // Walking down the river, Western Thrace is on the left (east), Kavala and Thasos on the right.
    const auto split = split_territory(atlas, "east-macedonia-thrace", nesto(), "western-thrace", "Western Thrace");
    ASSERT_TRUE(split) << split.message();
    const Feature* thrace = territory(atlas, "western-thrace");
    const Feature* macedonia = territory(atlas, "east-macedonia-thrace");
    ASSERT_TRUE(thrace && macedonia);
    EXPECT_NEAR(area(thrace->shape.polygons) + area(macedonia->shape.polygons), whole, whole * 1e-6);
    EXPECT_TRUE(thrace->shape.contains(lesson_point(25.40, 41.12)));     // Komotini
    EXPECT_TRUE(macedonia->shape.contains(lesson_point(24.15, 41.15)));  // Drama
    EXPECT_FALSE(thrace->shape.contains(lesson_point(24.15, 41.15)));
    EXPECT_TRUE(is_drawn(*thrace) && is_drawn(*macedonia));
    EXPECT_EQ(changes_of(atlas, "western-thrace"), history);  // both halves keep the history so far

    // Saved, read again and validated: the two halves meet along the river without overlapping.
    ASSERT_TRUE(save_lesson(atlas, manifest));
    EXPECT_TRUE(fs::exists(folder / "drawn.gpkg"));
    const auto checked = run_cli({"validate", manifest});
    EXPECT_EQ(checked.code, 0) << checked.out << checked.err;
    EXPECT_NE(checked.out.find("0 error(s), 0 warning(s)"), std::string::npos) << checked.out;
    const LoadResult again = load_atlas(manifest);
    const Feature* read = territory(again.atlas, "western-thrace");
    ASSERT_TRUE(read);
    EXPECT_NEAR(area(read->shape.polygons), area(thrace->shape.polygons), whole * 1e-6);
    EXPECT_EQ(read->names.get("en"), "Western Thrace");
    EXPECT_EQ(changes_of(again.atlas, "western-thrace"), history);
}

TEST(DrawnShapes, ALineThatStopsInsideCutsNothing) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    LoadResult lesson = load_atlas((test_support::make_balkan_lesson(dir) / "atlas.json").string());
    std::vector<Vec2> half = nesto();
    half.resize(2);  // from the border to the middle of the region
    const auto cut = split_territory(lesson.atlas, "east-macedonia-thrace", half, "western-thrace", "Western Thrace");
    ASSERT_FALSE(cut);
    EXPECT_NE(cut.message().find("from outside"), std::string::npos) << cut.message();
    EXPECT_FALSE(territory(lesson.atlas, "western-thrace"));
    EXPECT_FALSE(is_drawn(*territory(lesson.atlas, "east-macedonia-thrace")));
}

// A rough outline drawn over North Macedonia and Albania keeps only what no territory holds:
// the borders meet, and the overlap check finds nothing.
TEST(DrawnShapes, ARoughOutlineIsClippedToItsNeighbours) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    LoadResult lesson = load_atlas((test_support::make_balkan_lesson(dir) / "atlas.json").string());
    Atlas& atlas = lesson.atlas;
    const Ring rough = {lesson_point(19.6, 41.6), lesson_point(21.2, 41.6), lesson_point(21.2, 42.6), lesson_point(19.6, 42.6)};
    Diagnostics unclipped_diags;
    {
        Atlas copy = atlas;
        ASSERT_TRUE(draw_territory(copy, "montenegro-south", "Southern Montenegro", rough, false));
        EXPECT_GT(check_overlaps(copy, unclipped_diags).overlaps, 0u);
    }
    ASSERT_TRUE(draw_territory(atlas, "montenegro-south", "Southern Montenegro", rough, true));
    const Feature* drawn = territory(atlas, "montenegro-south");
    ASSERT_TRUE(drawn);
    EXPECT_LT(area(drawn->shape.polygons), ring_area(rough) * 0.9);
    EXPECT_TRUE(drawn->shape.contains(lesson_point(19.75, 42.5)));    // Montenegro, which no territory holds
    EXPECT_FALSE(drawn->shape.contains(lesson_point(20.0, 41.8)));    // Albania's
    Diagnostics diags;
    EXPECT_EQ(check_overlaps(atlas, diags).overlaps, 0u);
}

// Moving a point two territories share moves it in both; a move that makes a border cross itself
// is refused and changes nothing.
TEST(DrawnShapes, ASharedPointMovesInBothTerritories) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    LoadResult lesson = load_atlas((test_support::make_balkan_lesson(dir) / "atlas.json").string());
    Atlas& atlas = lesson.atlas;
    ASSERT_TRUE(split_territory(atlas, "east-macedonia-thrace", nesto(), "western-thrace", "Western Thrace"));
    const Vec2 bend = lesson_point(24.45, 41.25);  // a vertex of both halves
    EXPECT_EQ(territories_with_vertex(atlas, bend), "east-macedonia-thrace western-thrace ");
    const Vec2 moved = lesson_point(24.5, 41.3);
    ASSERT_TRUE(move_vertex(atlas, "western-thrace", bend, moved));
    EXPECT_EQ(territories_with_vertex(atlas, bend), "");
    EXPECT_EQ(territories_with_vertex(atlas, moved), "east-macedonia-thrace western-thrace ");
    Diagnostics diags;
    EXPECT_EQ(check_overlaps(atlas, diags).overlaps, 0u);

    const double before = area(territory(atlas, "western-thrace")->shape.polygons);
    ASSERT_TRUE(insert_vertex(atlas, "western-thrace", lesson_point(24.6, 41.08)));
    const Vec2 inserted = snap_point(atlas, lesson_point(24.6, 41.08), 5000);
    EXPECT_EQ(territories_with_vertex(atlas, inserted), "east-macedonia-thrace western-thrace ");
    ASSERT_TRUE(move_vertex(atlas, "western-thrace", inserted, lesson_point(24.55, 41.05)));
    EXPECT_EQ(check_overlaps(atlas, diags).overlaps, 0u);  // inserted in both, moved in both
    EXPECT_NE(area(territory(atlas, "western-thrace")->shape.polygons), before);

    const auto crossing = move_vertex(atlas, "western-thrace", moved, lesson_point(26.5, 40.0));
    ASSERT_FALSE(crossing);
    EXPECT_NE(crossing.message().find("cross itself"), std::string::npos) << crossing.message();
    EXPECT_EQ(territories_with_vertex(atlas, moved), "east-macedonia-thrace western-thrace ");  // put back
    ASSERT_TRUE(delete_vertex(atlas, "western-thrace", moved));
    EXPECT_EQ(territories_with_vertex(atlas, moved), "");
    EXPECT_EQ(check_overlaps(atlas, diags).overlaps, 0u);
}

// A teacher's lesson from a base map and a workbook, end to end through the command line: the
// Balkan Wars of 1912-1913 (tests/fixtures/balkan-wars), whose territories are groups of the
// modern provinces that `init --region` copies from Natural Earth (QGIS's world_map.gpkg, from
// Debian's qgis-common, which the test setup installs).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "data/load/base_map.h"
#include "data/load/loader.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::run_cli;
using test_support::TempDir;

namespace {

const fs::path kLesson = fs::path(CHRONOMAP_FIXTURES) / "balkan-wars";

// `init` as the teacher runs it, then the sheets as the teacher filled them in.
fs::path make_lesson(const TempDir& dir) {
    const fs::path atlas = dir.path / "balkans";
    const auto init = run_cli({"init", "--workbook", "lesson", "--out", (atlas / "atlas.json").string(), "--title",
                               "The Balkan Wars, 1912–1913", "--from", "1912", "--to", "1913", "--region",
                               "18.5,39,29.5,45"});
    EXPECT_EQ(init.code, 0) << init.err;
    for (const char* sheet : {"events.csv", "powers.csv", "sources.csv", "territories.csv"})
        fs::copy_file(kLesson / sheet, atlas / "lesson" / sheet, fs::copy_options::overwrite_existing);
    std::ofstream(atlas / "lesson" / "claims.csv") << "event_id,claimant,territory,from,to,note\n";  // example removed
    return atlas;
}

std::string controller_on(const fs::path& atlas, const std::string& territory, const char* date) {
    const auto status = run_cli({"status", atlas.string(), "--date", date, "--basis", "de_jure", "--json"});
    const auto json = nlohmann::json::parse(status.out, nullptr, false);
    if (json.is_object())
        for (const auto& t : json["territories"])
            if (t["id"] == territory) return t["controller"].get<std::string>();
    return "(none) in " + status.out + status.err;
}

}  // namespace

TEST(Lesson, TheBalkanWarsFromABaseMapAndAWorkbook) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path atlas = make_lesson(dir);
    const auto checked = run_cli({"validate", atlas.string()});
    EXPECT_EQ(checked.code, 0) << checked.out;
    EXPECT_NE(checked.out.find("0 error(s), 0 warning(s)"), std::string::npos) << checked.out;
    // Each territory is its provinces joined: Vardar Macedonia is the whole of North Macedonia.
    const LoadResult lesson = load_atlas(atlas.string());
    const Feature* vardar = lesson.atlas.find_territory("vardar-macedonia");
    ASSERT_TRUE(vardar);
    EXPECT_NEAR(vardar->lonlat_bounds.min_x, 20.45, 0.1);
    EXPECT_NEAR(vardar->lonlat_bounds.max_x, 23.04, 0.1);
    EXPECT_EQ(vardar->border, BorderPrecision::Approximate);
    // What the treaties did, in the de jure view.
    EXPECT_EQ(controller_on(atlas, "vardar-macedonia", "1912-06-01"), "ottoman");
    EXPECT_EQ(controller_on(atlas, "vardar-macedonia", "1913-06-01"), "balkan-league");
    EXPECT_EQ(controller_on(atlas, "vardar-macedonia", "1913-12-31"), "serbia");
    EXPECT_EQ(controller_on(atlas, "southern-dobruja", "1913-12-31"), "romania");
    EXPECT_EQ(controller_on(atlas, "eastern-thrace", "1913-09-01"), "balkan-league");
    EXPECT_EQ(controller_on(atlas, "eastern-thrace", "1913-12-31"), "ottoman");

    // The same lesson as one spreadsheet gives the same answers.
    const auto exported = run_cli({"workbook", atlas.string(), "--out", (atlas / "lesson.xlsx").string()});
    ASSERT_EQ(exported.code, 0) << exported.err;
    const auto events_csv = run_cli({"events", atlas.string(), "--json"});
    auto manifest = nlohmann::ordered_json::parse(std::ifstream(atlas / "atlas.json"));
    manifest["workbook"] = "lesson.xlsx";
    std::ofstream(atlas / "atlas.json") << manifest.dump(2);
    const auto rechecked = run_cli({"validate", atlas.string()});
    EXPECT_EQ(rechecked.code, 0) << rechecked.out;
    EXPECT_NE(rechecked.out.find("0 error(s), 0 warning(s)"), std::string::npos) << rechecked.out;
    EXPECT_EQ(run_cli({"events", atlas.string(), "--json"}).out, events_csv.out);
    EXPECT_EQ(controller_on(atlas, "vardar-macedonia", "1913-12-31"), "serbia");
}

// A unit the base map does not have is named, with the nearest one that it has; a province in
// two territories at once is an overlap.
TEST(Lesson, UnknownUnitsAndUnitsGivenTwiceAreFound) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path atlas = make_lesson(dir);
    std::ofstream(atlas / "lesson" / "territories.csv", std::ios::app)
        << "salonica,Salonica,GR/Kentriki Makedonia,,\n"
        << "ohrid,Ohrid,MK/Ohird,,\n";
    const auto checked = run_cli({"validate", atlas.string()});
    EXPECT_EQ(checked.code, 2);
    EXPECT_NE(checked.out.find("territory 'ohrid' names unit 'MK/Ohird', which layer 'Territories' does not have "
                               "(did you mean 'MK/Ohrid'?)"),
              std::string::npos)
        << checked.out;
    EXPECT_NE(checked.out.find("lesson/territories.csv:12:3: error: territory 'ohrid'"), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find("feature 'salonica': warning: overlaps territory 'south-macedonia' by about 19"),
              std::string::npos)
        << checked.out;
}

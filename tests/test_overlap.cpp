// Overlapping territories (data/validate/overlap_check.h): two shapes that cover one place at
// one date are named, with how much and where; shapes that only touch, that hold at different
// dates or that are pieces of one territory are not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "data/load/loader.h"
#include "data/validate/overlap_check.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::TempDir;

namespace {

struct Square {
    std::string id;
    double x, y, size;
    std::string from, to;  // valid_from, valid_to; "" for none
};

std::string feature_json(const Square& s) {
    auto corner = [&](double dx, double dy) {
        return "[" + std::to_string(s.x + dx * s.size) + "," + std::to_string(s.y + dy * s.size) + "]";
    };
    std::string props = "\"id\":\"" + s.id + "\"";
    if (!s.from.empty()) props += ",\"from\":\"" + s.from + "\"";
    if (!s.to.empty()) props += ",\"to\":\"" + s.to + "\"";
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" +
           corner(0, 0) + "," + corner(1, 0) + "," + corner(1, 1) + "," + corner(0, 1) + "," + corner(0, 0) + "]]}}";
}

// An atlas of squares in lon/lat degrees, with one event so that it loads clean.
LoadResult atlas_of(const TempDir& dir, const std::vector<Square>& squares) {
    std::string features;
    for (const auto& s : squares) features += (features.empty() ? "" : ",") + feature_json(s);
    std::ofstream(dir.path / "t.geojson") << "{\"type\":\"FeatureCollection\",\"features\":[" << features << "]}";
    std::ofstream(dir.path / "atlas.json") << R"({"title": "Squares", "time_range": {"start": "1900", "end": "1950"},
      "layers": [{"name": "Lands", "source": "t.geojson", "role": "territories", "id_field": "id",
                  "valid_from_field": "from", "valid_to_field": "to"}],
      "powers": [], "sources": [], "events": []})";
    return load_atlas((dir.path / "atlas.json").string());
}

std::vector<std::string> warnings(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& item : d.items()) out.push_back(item.format());
    return out;
}

}  // namespace

TEST(Overlaps, TwoSquaresCoveringOnePlaceAreNamedWithSizeAndPlace) {
    TempDir dir;
    // One degree squares near the equator, overlapping by a quarter of a degree in x.
    LoadResult r = atlas_of(dir, {{"west", 20, 0, 1, "", ""}, {"east", 20.75, 0, 1, "", ""}});
    ASSERT_TRUE(r.manifest_read);
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    EXPECT_EQ(report.pairs_compared, 1u);
    ASSERT_EQ(report.overlaps, 1u);
    const auto w = warnings(d);
    ASSERT_EQ(w.size(), 1u);
    // A quarter of a square degree at the equator: about 111.3 km x 27.8 km.
    EXPECT_NE(w[0].find("overlaps territory"), std::string::npos) << w[0];
    EXPECT_NE(w[0].find("25 % of"), std::string::npos) << w[0];
    EXPECT_NE(w[0].find("about 3"), std::string::npos) << w[0];  // 3,08x km²
    EXPECT_NE(w[0].find("20.88° E, 0.50° N"), std::string::npos) << w[0];
}

TEST(Overlaps, TouchingSquaresAndSlivers) {
    TempDir dir;
    // Side by side, and a sliver of a thousandth of a square: neither is an overlap.
    LoadResult r = atlas_of(dir, {{"a", 20, 0, 1, "", ""}, {"b", 21, 0, 1, "", ""}, {"c", 21.999, 0, 1, "", ""}});
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    EXPECT_EQ(report.pairs_compared, 2u);
    EXPECT_EQ(report.overlaps, 0u) << warnings(d)[0];
}

TEST(Overlaps, OnlyShapesValidAtOneDateAreCompared) {
    TempDir dir;
    LoadResult r = atlas_of(dir, {{"old", 20, 0, 1, "1900", "1920"},
                                  {"new", 20, 0, 1, "1920", ""},       // follows the old one
                                  {"same", 20.5, 0, 1, "1910", "1915"},  // meets the old one
                                  {"old", 20, 0, 0.3, "1900", "1920"}});  // another piece of it
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    ASSERT_EQ(report.overlaps, 1u) << warnings(d)[0] << "\n" << warnings(d)[1];
    const std::string w = warnings(d)[0];
    EXPECT_NE(w.find("'same'"), std::string::npos) << w;
    EXPECT_NE(w.find("'old'"), std::string::npos) << w;
    EXPECT_NE(w.find("from 1910 to 1915"), std::string::npos) << w;
}

TEST(Overlaps, ASelfCrossingShapeIsComparedOrCountedNeverLost) {
    TempDir dir;
    std::ofstream(dir.path / "t.geojson") << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"bow"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[21,1],[21,0],[20,1],[20,0]]]}},
      {"type":"Feature","properties":{"id":"box"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[20.4,0],[20.4,1],[20,1],[20,0]]]}}]})";
    std::ofstream(dir.path / "atlas.json") << R"({"title": "Bow", "layers": [{"name": "Lands", "source": "t.geojson",
      "role": "territories", "id_field": "id"}], "powers": [], "sources": [], "events": []})";
    LoadResult r = load_atlas((dir.path / "atlas.json").string());
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    EXPECT_EQ(report.pairs_compared, 1u);
    // The bow tie's left wing lies inside the box: found on the repaired shape, or said unchecked.
    EXPECT_EQ(report.overlaps + report.unchecked, 1u);
    EXPECT_EQ(d.warning_count(), 1u);
}

TEST(Overlaps, TheBundledAtlasHasNone) {
    LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    ASSERT_TRUE(r.manifest_read);
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    EXPECT_GT(report.pairs_compared, 10u);
    EXPECT_EQ(report.overlaps, 0u) << (d.items().empty() ? "" : d.items()[0].format());
    EXPECT_EQ(report.unchecked, 0u);
}

// Real data nobody here shaped: nine snapshots of aourednik/historical-basemaps (GPL-3.0, read
// from ../shared/data, never copied into the project), with their real faults: slivers of
// near-zero area, unnamed land, empty controllers, one name with several controllers.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <gdal_priv.h>

#include "app/cli/cli_common.h"
#include "data/load/init_manifest.h"
#include "data/geometry/label_point.h"
#include "data/load/loader.h"
#include "app/view/scene/map_view.h"
#include "tests/support/png_io.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "data/geometry/tessellate.h"
#include "data/time/timeline.h"
#include "data/validate/overlap_check.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::TempDir;

namespace {

const fs::path kBasemaps = fs::path(CHRONOMAP_SHARED_DATA) / "historical-basemaps";

// The snapshots in a folder of the test's own, as a user would have them, with the atlas that
// `chronomap init` proposes for them.
struct Series {
    TempDir dir;
    LoadResult loaded;
    Series() {
        for (const auto& e : fs::directory_iterator(kBasemaps))
            if (e.path().extension() == ".geojson") fs::copy(e.path(), dir.path / e.path().filename());
        const InitProposal p = propose_manifest({dir.path.string()}, dir.path.string());
        std::ofstream(dir.path / "atlas.json") << p.manifest.dump(2);
        loaded = load_atlas((dir.path / "atlas.json").string());
    }
};

Series& series() {
    static Series s;
    return s;
}

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

Date d(const char* text) { return *parse_date(text).date; }

}  // namespace

class RealData : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(kBasemaps)) GTEST_SKIP() << "no " << kBasemaps << " (shared/ is beside the clone in CI)";
    }
};

TEST_F(RealData, InitSeesTheSeriesThoughTheFilesFieldsDiffer) {
    const InitProposal p = propose_manifest({kBasemaps.string()}, kBasemaps.string());
    ASSERT_EQ(p.manifest["layers"].size(), 1u) << p.manifest.dump(2);
    const auto& layer = p.manifest["layers"][0];
    EXPECT_EQ(layer["snapshots"].size(), 9u);
    EXPECT_EQ(layer["name_field"], "NAME");
    EXPECT_EQ(layer["controller_field"], "SUBJECTO");
    EXPECT_EQ(layer["precision_field"], "BORDERPRECISION");
    EXPECT_EQ(layer["snapshots"][0]["date"], "10000 BC");
    EXPECT_EQ(p.manifest["time_range"]["start"], "10000 BC");
    // The files whose fields differ are said in one note, not one a file.
    const auto differ = std::count_if(p.notes.begin(), p.notes.end(),
                                      [](const std::string& n) { return n.find("have other fields") != std::string::npos; });
    EXPECT_EQ(differ, 1);
    for (const auto& n : p.notes)
        if (n.find("have other fields") != std::string::npos) {
            EXPECT_NE(n.find("'BORDERPRECISION'"), std::string::npos) << n;
        }
}

TEST_F(RealData, TheSeriesLoadsWithoutErrors) {
    const auto& r = series().loaded;
    EXPECT_FALSE(r.diagnostics.has_errors());
    for (const auto& item : r.diagnostics.items())
        EXPECT_NE(item.severity, Severity::Error) << item.format();
    EXPECT_TRUE(r.unread_inputs.empty());
}

TEST_F(RealData, UnnamedLandIsDrawnAsLandAndCountedOnce) {
    const auto& r = series().loaded;
    // world_1800 has 69 features with no NAME: all of them are kept, as one territory.
    const auto file = read_json(kBasemaps / "world_1800.geojson");
    std::size_t unnamed = 0;
    for (const auto& f : file["features"])
        if (f["properties"]["NAME"].is_null() || f["properties"]["NAME"] == "") ++unnamed;
    ASSERT_EQ(unnamed, 69u);
    std::size_t parts = 0, said = 0;
    for (const auto& f : r.atlas.layers[0].features)
        if (f.id == Layer::kUnnamedLand && f.valid_at(d("1800"))) parts += f.shape.polygons.size();
    EXPECT_GE(parts, unnamed);
    for (const auto& item : r.diagnostics.items())
        if (item.pos.file.str() == "world_1800.geojson" && item.message.find("69 feature(s) have no value") == 0) ++said;
    EXPECT_EQ(said, 1u);
}

TEST_F(RealData, StatusListsEveryNamedPolityOfTheSnapshot) {
    const auto& r = series().loaded;
    const Timeline tl(r.atlas);
    for (const char* year : {"1800", "1914", "500 BC"}) {
        SCOPED_TRACE(year);
        const std::string name = std::string("world_") + (year[0] == '5' ? "bc500" : year) + ".geojson";
        // Every name, and "Name (Controller)" for pieces of a name under another controller than
        // its own (or than its first piece's), which are kept apart.
        std::map<std::string, std::vector<std::string>> controllers;  // name -> its pieces' controllers
        const auto file = read_json(kBasemaps / name);
        for (const auto& f : file["features"]) {
            const auto& p = f["properties"];
            if (!p["NAME"].is_string() || p["NAME"] == "") continue;
            controllers[p["NAME"].get<std::string>()].push_back(p["SUBJECTO"].is_string() ? p["SUBJECTO"].get<std::string>() : "");
        }
        std::set<std::string> names;
        for (const auto& [n, held] : controllers) {
            names.insert(n);
            const std::string home = std::find(held.begin(), held.end(), n) != held.end() ? n : held.front();
            for (const auto& c : held)
                if (c != home) names.insert(n + " (" + (c.empty() ? std::string("no controller") : c) + ")");
        }
        std::set<std::string> listed;
        const auto states = tl.state_at(d(year), Basis::DeFacto);
        ASSERT_FALSE(states.empty());
        for (const auto& s : states)
            if (tl.exists(s, d(year)) && s.territory != Layer::kUnnamedLand) listed.insert(std::string(s.territory));
        EXPECT_EQ(listed, names);
    }
}

TEST_F(RealData, AnEmptyControllerIsNoControllerRecorded) {
    const auto& r = series().loaded;
    const Timeline tl(r.atlas);
    // Sweden has an empty SUBJECTO in world_1530: shown, with no controller, not dropped or
    // left with an earlier one.
    const auto sweden = tl.territory_state("Sweden", d("1600"), Basis::DeFacto);
    ASSERT_TRUE(sweden);
    EXPECT_TRUE(sweden->known);
    EXPECT_EQ(sweden->controller, "");
    EXPECT_EQ(tl.territory_state("Sweden", d("1850"), Basis::DeFacto)->controller, "Sweden");
}

TEST_F(RealData, EachDerivedEventCitesTheSnapshotOfItsDate) {
    const auto& r = series().loaded;
    std::map<std::int64_t, std::string> file_of;
    for (const auto& s : r.atlas.layers[0].snapshots) file_of[s.date.day] = s.source;
    std::size_t derived = 0;
    for (const auto& e : r.atlas.events) {
        if (!e.derived) continue;
        ++derived;
        ASSERT_EQ(e.sources.size(), 1u);
        EXPECT_EQ(e.sources.front().locator.str(), file_of.at(e.date.day)) << e.id.str();
        EXPECT_NE(e.title.str().find(file_of.at(e.date.day)), std::string::npos) << e.title.str();
    }
    EXPECT_EQ(derived, 9u);
}

TEST_F(RealData, PiecesOfOneNameWithOtherControllersAreKeptApart) {
    const auto& r = series().loaded;
    std::set<std::string> reported;
    for (const auto& item : r.diagnostics.items())
        if (item.message.find("pieces with this name have different controllers") == 0) reported.insert(item.feature);
    for (const char* name : {"Kingdom of Sardinia", "Qatar", "Trucial Oman"}) EXPECT_TRUE(reported.count(name)) << name;
    // Sardinia in 1800: the French pieces are a territory of their own, the rest stays Sardinian.
    std::map<std::string, std::set<std::string>> controllers;  // id -> controllers at 1800
    const Date d1800 = *parse_date("1800").date;
    for (const auto& f : r.atlas.layers[0].features)
        if (f.valid_from && *f.valid_from == d1800) controllers[f.id].insert(f.controller.str());
    EXPECT_EQ(controllers["Kingdom of Sardinia"], std::set<std::string>{"Kingdom of Sardinia"});
    EXPECT_EQ(controllers["Kingdom of Sardinia (France)"], std::set<std::string>{"France"});
    for (const auto& [id, held_by] : controllers) EXPECT_EQ(held_by.size(), 1u) << id;  // one controller each
}

TEST_F(RealData, LabelAnchorsOfEverySliverFinish) {
    // world_900 feature 234 is a ring of 4 points and 4.4e-16 square degrees, on which GEOS's
    // inscribed circle never returned. Every shape of the series gets an anchor or none, quickly
    // (a ctest timeout guards the hang).
    const auto& r = series().loaded;
    std::size_t anchored = 0;
    for (const auto& f : r.atlas.layers[0].features) anchored += label_anchor(f.shape).has_value();
    EXPECT_GT(anchored, r.atlas.layers[0].features.size() / 2);
}

// The powers a legend lists first, the largest of each snapshot, have colours of their own (in
// 1500 Moscow, the Timurids and Tibet were one yellow-green in the legend). Neighbours on the map
// come first, so a few pairs may still share one: of the nine snapshots' top twenty, 55 pairs did
// before, 2 do now.
TEST_F(RealData, TheLargestPowersOfASnapshotHaveDistinctColours) {
    const auto& r = series().loaded;
    std::map<std::int64_t, std::map<std::string, double>> area;  // first day -> power -> area
    for (const auto& f : r.atlas.layers[0].features) {
        if (f.controller.str().empty() || !f.valid_from) continue;
        for (const auto& poly : f.shape.polygons) area[f.valid_from->day][f.controller.str()] += polygon_area(poly);
    }
    ASSERT_EQ(area.size(), 9u);
    int shared = 0;
    for (const auto& [day, by_power] : area) {
        std::vector<std::pair<double, std::string>> ranked;
        for (const auto& [power, a] : by_power) ranked.emplace_back(-a, power);
        std::sort(ranked.begin(), ranked.end());
        std::map<std::uint32_t, std::string> seen;
        for (std::size_t i = 0; i < ranked.size() && i < 20; ++i) {
            const Power* p = r.atlas.find_power(ranked[i].second);
            ASSERT_NE(p, nullptr) << ranked[i].second;
            if (const auto [it, fresh] = seen.emplace(p->rgba, p->id); !fresh) {
                ++shared;
                std::cout << p->id << " and " << it->second << " share a colour in the snapshot of day " << day << '\n';
            }
        }
    }
    EXPECT_LE(shared, 2);
}

// The largest polities are named on the map: long, narrow parts (Anatolia, Scandinavia) have room
// along their length that their inscribed circle alone did not give.
TEST_F(RealData, TheLargestPolitiesAreLabelled) {
    auto& s = series();
    for (const auto& [date, names] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"1800", {"Ottoman Empire", "Sweden", "Russian Empire", "Qing Empire"}},
             {"1914", {"Russian Empire", "Ottoman Empire"}}}) {
        const std::string svg = (s.dir.path / (date + "-labels.svg")).string();
        // Names at print size (0.4 of a room's, body text 16 px at 1080 lines): a world map in
        // room-sized type names only the largest two or three.
        const auto r = test_support::run_cli({"export", (s.dir.path / "atlas.json").string(), "--date", date, "--out", svg,
                                              "--size", "1920x1080", "--no-title", "--no-legend", "--no-caption",
                                              "--text-size", "0.4"});
        ASSERT_EQ(r.code, 0) << r.err;
        std::ifstream in(svg);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (const auto& name : names) EXPECT_NE(text.find(">" + name + "<"), std::string::npos) << name << " in " << date;
    }
}

// Every piece of land the file holds is drawn: the export's pixels against GDAL's rasterisation
// of the same file over the same extent. Unnamed land (14% of it in 1800) used to be drawn as sea.
TEST_F(RealData, TheExportCoversTheLandGdalRasterises) {
    auto& s = series();
    const int w = 1272, h = 600;
    const std::string png = (s.dir.path / "1800.png").string();
    const auto r = test_support::run_cli({"export", (s.dir.path / "atlas.json").string(), "--date", "1800", "--out", png,
                                          "--size", "1272x600", "--bbox", "-180,-85,180,85", "--no-title", "--no-legend",
                                          "--no-caption", "--no-labels", "--no-scale-bar", "--no-uncertainty"});
    ASSERT_EQ(r.code, 0) << r.err;
    // The export's frame (fit_camera with the bounding box's 3% margin), for gdal_rasterize.
    const double upp = std::max(360 * 1.06 / w, 170 * 1.06 / h);
    const std::string tif = (s.dir.path / "1800.tif").string();
    char extent[160];
    std::snprintf(extent, sizeof extent, "%.9f %.9f %.9f %.9f", -w / 2.0 * upp, -h / 2.0 * upp, w / 2.0 * upp, h / 2.0 * upp);
    const std::string cmd = "gdal_rasterize -q -burn 1 -ot Byte -init 0 -te " + std::string(extent) + " -ts 1272 600 " +
                            (kBasemaps / "world_1800.geojson").string() + " " + tif;
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    std::vector<std::uint8_t> land(static_cast<std::size_t>(w) * h);
    ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, land.data(), w, h, GDT_Byte, 0, 0), CE_None);
    const test::Png image = test::read_png(png);
    ASSERT_EQ(image.width, w);
    auto is_land = [&](int x, int y) { return land[static_cast<std::size_t>(y) * w + x] != 0; };
    std::size_t interior = 0, drawn_as_sea = 0;
    for (int y = 1; y + 1 < h; ++y)
        for (int x = 1; x + 1 < w; ++x) {
            // Inside the land by a pixel each way: borders and antialiasing are not counted.
            if (!is_land(x, y) || !is_land(x - 1, y) || !is_land(x + 1, y) || !is_land(x, y - 1) || !is_land(x, y + 1))
                continue;
            ++interior;
            drawn_as_sea += (image.at(x, y) >> 8) == (0xC6DBEBFFu >> 8);
        }
    ASSERT_GT(interior, 50000u);
    EXPECT_LT(static_cast<double>(drawn_as_sea) / static_cast<double>(interior), 0.005)
        << drawn_as_sea << " of " << interior << " land pixels are drawn as sea";
}

// The legend goes where it hides the least land: in 1800 the top right corner, its old place,
// covers Kamchatka, Japan and the Russian Empire's east; the Pacific has room for it.
TEST_F(RealData, TheLegendHidesLittleLand) {
    auto& s = series();
    const std::string atlas = (s.dir.path / "atlas.json").string();
    // Boxes over the map: where the legend goes is the question (in a column it hides nothing).
    const std::vector<std::string> common{"export", atlas, "--date", "1800", "--size", "1600x900", "--no-title",
                                          "--no-caption", "--no-labels", "--no-scale-bar", "--boxes-over-map",
                                          "--text-size", "0.4"};  // print size, as the shares below were measured
    auto export_with = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> args = common;
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), {"--out", (s.dir.path / name).string()});
        const auto r = test_support::run_cli(args);
        EXPECT_EQ(r.code, 0) << r.err;
        return test::read_png((s.dir.path / name).string());
    };
    const test::Png legend = export_with("legend.png", {}), bare = export_with("bare.png", {"--no-legend"});
    ASSERT_EQ(legend.width, bare.width);
    // The legend's box: where the two pictures differ.
    int x0 = legend.width, y0 = legend.height, x1 = -1, y1 = -1;
    for (int y = 0; y < legend.height; ++y)
        for (int x = 0; x < legend.width; ++x)
            if (legend.at(x, y) != bare.at(x, y)) {
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
            }
    ASSERT_GT(x1 - x0, 100);
    ASSERT_GT(y1 - y0, 200);
    auto land_under = [&](int left, int top) {  // share of a legend-sized box's pixels that are not sea
        std::size_t land = 0, all = 0;
        for (int y = top; y <= top + (y1 - y0); ++y)
            for (int x = left; x <= left + (x1 - x0); ++x, ++all) land += (bare.at(x, y) >> 8) != (0xC6DBEBFFu >> 8);
        return static_cast<double>(land) / static_cast<double>(all);
    };
    const double under_legend = land_under(x0, y0), top_right = land_under(bare.width - 1 - x1 + x0 - 12, 12);
    EXPECT_LT(under_legend, 0.02) << "the legend at " << x0 << "," << y0 << " hides land";
    EXPECT_GT(top_right, 0.05) << "the top right corner was as good a place";  // 10% in 1800
}

// Before loading, an export guesses the vertices its files hold (to choose cairo or GL): within a
// quarter of the count for each snapshot.
TEST_F(RealData, TheVerticesOfAFileAreEstimatedFromSamples) {
    for (const auto& e : fs::directory_iterator(kBasemaps)) {
        if (e.path().extension() != ".geojson") continue;
        const nlohmann::json doc = read_json(e.path());
        std::size_t vertices = 0;
        std::function<void(const nlohmann::json&)> count = [&](const nlohmann::json& j) {
            if (j.is_array() && !j.empty() && j[0].is_number()) return void(++vertices);
            if (j.is_array())
                for (const auto& item : j) count(item);
        };
        for (const auto& f : doc["features"])
            if (f["geometry"].is_object()) count(f["geometry"]["coordinates"]);
        const auto estimate = static_cast<double>(cli::estimated_vertices(e.path()));
        EXPECT_NEAR(estimate / static_cast<double>(vertices), 1.0, 0.25) << e.path().filename() << ": " << vertices;
    }
}

// An export's scene searches for label anchors only in the shapes of the dates it draws, when it
// draws them: the 1800 map searches the 1800 snapshot's shapes, not the eight others'.
TEST_F(RealData, AnExportSearchesOnlyTheShapesItShowsForLabelRoom) {
    auto& s = series();
    const Timeline tl(s.loaded.atlas);
    MapView view;
    view.build(s.loaded.atlas, tl, SceneLevels::OnDemand);
    const auto searched = [&] {
        return std::count_if(view.scene().labels.begin(), view.scene().labels.end(),
                             [](const LabelSeed& l) { return l.searched && !l.town; });
    };
    ASSERT_EQ(searched(), 0);
    const auto styles = view.styles(d("1800"), Basis::DeFacto, true, true);
    const auto shown = view.labels_for(styles);
    ASSERT_GT(shown.size(), 100u);
    for (const auto& seed : view.scene().labels)
        if (seed.searched && seed.slot >= 0) {
            EXPECT_TRUE(seed.feature == nullptr || seed.feature->valid_at(d("1800")));
        }
    const auto after_1800 = searched();
    EXPECT_LT(after_1800 * 2, static_cast<long>(view.scene().labels.size()));  // 548 of 1,630
    (void)view.labels_for(view.styles(d("1914"), Basis::DeFacto, true, true));
    EXPECT_GT(searched(), after_1800);
}

TEST(Tangled, ASelfIntersectingZigzagIsDrawnWithoutRepairInstead) {
    // The issue's case: 1,000 points crossing themselves tens of thousands of times; GEOS's
    // MakeValid ran for hours on it.
    Polygon zigzag;
    Ring ring;
    for (int i = 0; i < 1000; ++i) ring.push_back({40 + i * 0.001 * (i % 2 ? -1 : 1), 40.0 + i % 7});
    ring.push_back({40, 40});
    zigzag.rings.push_back(ring);
    Tessellation t;
    const TessResult r = tessellate(zigzag, t);
    EXPECT_EQ(r.method, TessMethod::Unrepaired) << r.message;
    EXPECT_NE(r.message.find("too often to repair"), std::string::npos);
    EXPECT_FALSE(t.indices.empty());
}

TEST(DateDisplay, TheSuggestionForAnAstronomicalYearIsADateThatReads) {
    const DateParseResult r = parse_date("-10000");
    ASSERT_TRUE(r.date);
    EXPECT_NE(r.warning.find("write '10000 BC'"), std::string::npos) << r.warning;
    EXPECT_GT(parse_date("10000 BC").date->day, r.date->day);  // 10000 BC is astronomical -9999
    EXPECT_TRUE(parse_date("10000 BC").date.has_value());
}

TEST(DateDisplay, YearsBeforeOneThousandReadAsPeopleWriteThem) {
    EXPECT_EQ(d("500 BC").display(), "500 BC");
    EXPECT_EQ(d("800").display(), "800");
    EXPECT_EQ(d("1914-07-28").display(), "1914-07-28");
    EXPECT_EQ(d("10000 BC").display(), "10000 BC");
    EXPECT_EQ(d("0800-03").display(), "0800-03");  // finer than a year: ISO, which reads back
    for (const char* text : {"500 BC", "800", "0800-03-01", "10000 BC"})
        EXPECT_EQ(parse_date(d(text).display()).date->day, d(text).day) << text;
}

TEST(Cliopatria, NegativeWholeYearsAreYearsBC) {
    // Cliopatria's form: FromYear/ToYear integers, negative = BCE, the end inclusive.
    TempDir dir;
    std::ofstream(dir.path / "polities.geojson")
        << R"({"type":"FeatureCollection","features":[)"
           R"({"type":"Feature","properties":{"Name":"Achaemenid Empire","FromYear":-550,"ToYear":-330},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[50,30],[60,30],[60,35],[50,35],[50,30]]]}},)"
           R"({"type":"Feature","properties":{"Name":"Parthia","FromYear":-247,"ToYear":224},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[50,30],[60,30],[60,35],[50,35],[50,30]]]}}]})";
    const InitProposal p = propose_manifest({(dir.path / "polities.geojson").string()}, dir.path.string());
    const auto& layer = p.manifest["layers"][0];
    EXPECT_EQ(layer["valid_from_field"], "FromYear");
    EXPECT_EQ(layer["valid_to_field"], "ToYear");
    EXPECT_EQ(layer["negative_years_bce"], true);
    EXPECT_EQ(p.manifest["time_range"]["start"], "550 BC");
    auto m = p.manifest;
    m["layers"][0]["valid_to_inclusive"] = true;
    std::ofstream(dir.path / "atlas.json") << m.dump(2);
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    for (const auto& item : r.diagnostics.items()) EXPECT_NE(item.severity, Severity::Error) << item.format();
    const Feature* persia = r.atlas.find_territory("Achaemenid Empire", d("500 BC"));
    ASSERT_NE(persia, nullptr);
    EXPECT_EQ(persia->valid_from->display(), "550 BC");
    EXPECT_TRUE(persia->valid_at(d("330 BC")));   // the end is inclusive
    EXPECT_FALSE(persia->valid_at(d("329 BC")));
    const Feature* parthia = r.atlas.find_territory("Parthia", d("224"));
    ASSERT_NE(parthia, nullptr);
    EXPECT_EQ(parthia->valid_from->display(), "247 BC");
    EXPECT_TRUE(parthia->valid_at(d("224")));
}

// A snapshot's changes make an event titled as the manifest says ("title" per snapshot), so a
// caption reads "The world on the eve of the First World War", not "Snapshot world_1914.geojson
// of layer 'territories'"; a snapshot without one keeps the file's name.
TEST_F(RealData, SnapshotsCanBeTitledInTheManifest) {
    TempDir dir;
    for (const char* name : {"world_1914.geojson", "world_1938.geojson"})
        fs::copy(fs::path(kBasemaps) / name, dir.path / name);
    const InitProposal p = propose_manifest({dir.path.string()}, dir.path.string());
    nlohmann::json manifest = p.manifest;
    auto& snapshots = manifest["layers"][0]["snapshots"];
    ASSERT_EQ(snapshots.size(), 2u);
    snapshots[1]["title"] = "Europe on the eve of the Second World War";
    std::ofstream(dir.path / "atlas.json") << manifest.dump(2);
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    std::set<std::string> titles;
    for (const auto& e : r.atlas.events) titles.insert(e.title.str());
    EXPECT_TRUE(titles.count("Europe on the eve of the Second World War"));
    EXPECT_EQ(std::count_if(titles.begin(), titles.end(), [](const std::string& t) { return t.find("world_1914") != std::string::npos; }), 1);
    EXPECT_EQ(std::count_if(titles.begin(), titles.end(), [](const std::string& t) { return t.find("world_1938") != std::string::npos; }), 0);
}

// The 1938 snapshot's Switzerland reaches into France's shape west of Lake Neuchâtel, a fault
// of the data that a teacher deriving a lesson from it should be told about; and the check
// finishes on all 1630 shapes of the nine snapshots within its limit.
TEST_F(RealData, OverlappingTerritoriesAreNamedWithSizeAndPlace) {
    TempDir dir;
    fs::copy(kBasemaps / "world_1938.geojson", dir.path / "world_1938.geojson");
    std::ofstream(dir.path / "atlas.json") << propose_manifest({dir.path.string()}, dir.path.string()).manifest.dump(2);
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    ASSERT_TRUE(r.manifest_read);
    Diagnostics d;
    const OverlapReport report = check_overlaps(r.atlas, d);
    EXPECT_EQ(report.unchecked, 0u);
    EXPECT_FALSE(report.out_of_time);
    std::string swiss;
    for (const auto& item : d.items())
        if (item.feature == "Switzerland" && item.message.find("'France'") != std::string::npos) swiss = item.message;
    ASSERT_FALSE(swiss.empty()) << report.overlaps << " overlaps, none of Switzerland and France";
    EXPECT_NE(swiss.find("about 14"), std::string::npos) << swiss;  // 1432 km²
    EXPECT_NE(swiss.find("6.6"), std::string::npos) << swiss;       // around 6.62° E, 46.90° N
    EXPECT_NE(swiss.find("46.9"), std::string::npos) << swiss;
}

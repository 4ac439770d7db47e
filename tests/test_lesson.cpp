// A teacher's lesson from a base map and a workbook, end to end through the command line: the
// Balkan Wars of 1912-1913 (tests/fixtures/balkan-wars), whose territories are groups of the
// modern provinces that `init --region` copies from Natural Earth (QGIS's world_map.gpkg, from
// Debian's qgis-common, which the test setup installs).
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include <nlohmann/json.hpp>

#include "app/gui/app.h"
#include "app/gui/map_input.h"
#include "app/gui/map_tools.h"
#include "data/load/raster_layer.h"
#include "data/geometry/projection.h"
#include "data/load/base_map.h"
#include "render/headless_context.h"
#include "data/load/loader.h"
#include "tests/support/balkan_lesson.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::run_cli;
using test_support::TempDir;

namespace {

fs::path make_lesson(const TempDir& dir) { return test_support::make_balkan_lesson(dir); }

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

namespace {

// A "scan" of the region's countries as a printed map would show them: land in one colour, sea
// and lakes in another, on a page turned by 3 degrees and with no georeferencing, as a PNG.
// The affine transform it was drawn with is returned: pixel (x, y) -> (lon, lat).
std::array<double, 6> draw_scan(const fs::path& base_gpkg, const fs::path& png) {
    const double a = 3 * M_PI / 180, px = 0.01;  // 0.01 degree a pixel
    const std::array<double, 6> gt = {18.3, px * std::cos(a), px * std::sin(a), 45.2, px * std::sin(a), -px * std::cos(a)};
    GDALDatasetUniquePtr page(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", 1150, 660, 3, GDT_Byte, nullptr));
    double transform[6];
    std::copy(gt.begin(), gt.end(), transform);
    page->SetGeoTransform(transform);
    page->SetProjection(SRS_WKT_WGS84_LAT_LONG);
    for (int b = 1; b <= 3; ++b) page->GetRasterBand(b)->Fill(250);
    GDALDatasetUniquePtr base(GDALDataset::Open(base_gpkg.string().c_str(), GDAL_OF_VECTOR));
    std::vector<std::string> args = {"-l", "countries", "-b", "1", "-b", "2", "-b", "3", "-burn", "190", "-burn", "90", "-burn", "70"};
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    GDALRasterizeOptions* options = GDALRasterizeOptionsNew(argv.data(), nullptr);
    int usage_error = 0;
    EXPECT_TRUE(GDALRasterize(nullptr, GDALDataset::ToHandle(page.get()), GDALDataset::ToHandle(base.get()), options, &usage_error));
    GDALRasterizeOptionsFree(options);
    GDALDatasetUniquePtr written(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(png.string().c_str(), page.get(), FALSE, nullptr, nullptr, nullptr));
    written.reset();
    fs::remove(png.string() + ".aux.xml");  // a scan has no georeferencing
    return gt;
}

const Layer* layer_named(const Atlas& atlas, const std::string& name) {
    for (const auto& l : atlas.layers)
        if (l.name == name) return &l;
    return nullptr;
}

// How many places of a placed scan (sampled every 7 pixels) are more than 3 pixels from where
// the base map's countries put land or sea; `checked` counts those sampled.
int places_off(const Atlas& atlas, const Layer& scan, int& checked) {
    const Layer* countries = layer_named(atlas, "Modern countries");
    if (!countries || !scan.raster) return -1;
    const RasterImage& image = *scan.raster;
    const double ux = (image.bounds.max_x - image.bounds.min_x) / image.width;
    const double uy = (image.bounds.max_y - image.bounds.min_y) / image.height;
    auto land_at = [&](int x, int y) {  // the scan's colour: land is reddish, sea and page white
        const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * image.width + x) * 4];
        return p[3] > 128 ? std::optional<bool>(p[1] < 170) : std::nullopt;
    };
    int off = 0;
    checked = 0;
    for (int y = 4; y < image.height - 4; y += 7)
        for (int x = 4; x < image.width - 4; x += 7) {
            if (!land_at(x, y)) continue;  // outside the scan
            const Vec2 at{image.bounds.min_x + (x + 0.5) * ux, image.bounds.max_y - (y + 0.5) * uy};
            bool land = false;
            for (const auto& f : countries->features) land = land || f.shape.contains(at);
            ++checked;
            bool near = false;
            for (int dy = -3; dy <= 3 && !near; ++dy)
                for (int dx = -3; dx <= 3 && !near; ++dx) near = land_at(x + dx, y + dy) == land;
            off += near ? 0 : 1;
        }
    return off;
}

// Four places on the scan, clicked a pixel off as a person would.
constexpr double kClicks[4][2] = {{80, 60}, {1080, 90}, {70, 600}, {1100, 620}};
constexpr double kSlips[4][2] = {{1, 0}, {0, -1}, {-1, 1}, {1, 1}};

}  // namespace

// A scanned map placed by four control points, clicked a pixel off as a person would, lines up
// with the base map within a few pixels: everywhere on the scan, land and sea lie where Natural
// Earth's countries say, or within three pixels of it (the borders themselves).
TEST(Lesson, AScannedMapLinesUpWithTheBaseMap) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path atlas = make_lesson(dir);
    const auto gt = draw_scan(atlas / "base.gpkg", dir.path / "scan.png");
    std::vector<std::string> args = {"georeference", (dir.path / "scan.png").string()};
    for (int i = 0; i < 4; ++i) {
        const double x = kClicks[i][0], y = kClicks[i][1];
        const double lon = gt[0] + x * gt[1] + y * gt[2], lat = gt[3] + x * gt[4] + y * gt[5];
        args.push_back(std::to_string(x + kSlips[i][0]) + "," + std::to_string(y + kSlips[i][1]) + "," + std::to_string(lon) +
                       "," + std::to_string(lat));
    }
    args.insert(args.end(), {"--out", (atlas / "scan.tif").string()});
    const auto placed = run_cli(args);
    ASSERT_EQ(placed.code, 0) << placed.err;
    EXPECT_NE(placed.out.find("root mean square: 0."), std::string::npos) << placed.out;  // under a pixel

    auto manifest = nlohmann::ordered_json::parse(std::ifstream(atlas / "atlas.json"));
    manifest["layers"].push_back({{"name", "Scan"}, {"source", "scan.tif"}, {"role", "raster"}, {"opacity", 0.8},
                                  {"from", "1912"}, {"to", "1913"}});
    std::ofstream(atlas / "atlas.json") << manifest.dump(2);
    const LoadResult lesson = load_atlas(atlas.string());
    EXPECT_FALSE(lesson.diagnostics.has_errors());
    const Layer* scan = layer_named(lesson.atlas, "Scan");
    ASSERT_TRUE(scan && scan->raster);
    int checked = 0;
    const int off = places_off(lesson.atlas, *scan, checked);
    EXPECT_GT(checked, 5000);
    EXPECT_EQ(off, 0) << off << " of " << checked << " places are more than 3 pixels from where the base map has them";
    // Shown fully in 1912-1913 and fading out over the year after.
    EXPECT_FLOAT_EQ(scan->raster_opacity(*parse_date("1913-12-31").date), 0.8f);
    EXPECT_NEAR(scan->raster_opacity(*parse_date("1914-07-02").date), 0.4f, 0.01f);
    EXPECT_EQ(scan->raster_opacity(*parse_date("1915-01-01").date), 0.0f);
}

// In the window, a click on the map while the lesson editor picks provinces adds the province
// under it to the territory form (and a second click takes it out): Skopje is in North Macedonia.
TEST(Lesson, ProvincesArePickedOnTheMap) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path atlas = make_lesson(dir);
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx);
    gui::App app;
    ASSERT_TRUE(app.open(atlas.string()));
    Bounds at;
    at.add(Vec2{21.43, 42.0});
    const auto skopje = lonlat_to_display("EPSG:3857", at);
    ASSERT_TRUE(skopje);
    const auto unit = app.unit_at(skopje->min_x, skopje->min_y);
    ASSERT_TRUE(unit);
    EXPECT_EQ(unit->rfind("MK/", 0), 0u) << *unit;
    gui::add_unit_picked(app, skopje->min_x, skopje->min_y);
    EXPECT_EQ(std::string(app.panels.lesson.units), *unit);
    gui::add_unit_picked(app, skopje->min_x, skopje->min_y);
    EXPECT_EQ(std::string(app.panels.lesson.units), "");
    EXPECT_FALSE(app.unit_at(skopje->min_x, skopje->min_y + 3e6));  // far north of the region: outside the base map
    app.doc.reset();  // GL objects go while the context is alive
}

// The same scan placed in the window: each point clicked on the scan, then on the map (through
// the map's click handling, as the mouse does), saved and shown under the map as a layer.
TEST(Lesson, AScanIsPlacedByClicksInTheWindow) {
    ASSERT_TRUE(find_base_map()) << "no base map: install Debian's qgis-common";
    TempDir dir;
    const fs::path atlas = make_lesson(dir);
    const auto gt = draw_scan(atlas / "base.gpkg", dir.path / "scan.png");
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx);
    gui::App app;
    ASSERT_TRUE(app.open(atlas.string()));
    ASSERT_TRUE(app.load_scan((dir.path / "scan.png").string()));
    gui::GeoreferenceState& g = app.panels.georeference;
    EXPECT_EQ(g.scan_width, 1150);
    gui::UiRequests req;
    EXPECT_FALSE(gui::tool_click(app, req, test_support::lesson_point(21, 42)));  // no point on the scan yet
    for (int i = 0; i < 4; ++i) {
        const double x = kClicks[i][0], y = kClicks[i][1];
        app.scan_clicked(x + kSlips[i][0], y + kSlips[i][1]);
        const double lon = gt[0] + x * gt[1] + y * gt[2], lat = gt[3] + x * gt[4] + y * gt[5];
        EXPECT_TRUE(gui::tool_click(app, req, test_support::lesson_point(lon, lat)));
    }
    ASSERT_EQ(g.points.size(), 4u);
    const auto fit = fit_control_points(g.points);
    ASSERT_TRUE(fit);
    EXPECT_LT(fit->rms_px, 1.0);
    std::snprintf(g.from, sizeof g.from, "1912");
    std::snprintf(g.to, sizeof g.to, "1913");
    const std::string manifest_before = [&] {
        std::ifstream in(atlas / "atlas.json");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    ASSERT_TRUE(app.save_scan(true));
    EXPECT_TRUE(fs::exists(atlas / "scan-placed.tif"));
    std::ifstream in(atlas / "atlas.json");
    const std::string manifest_after(std::istreambuf_iterator<char>(in), {});
    EXPECT_EQ(manifest_after.substr(0, manifest_before.find("\"Modern countries\"")),
              manifest_before.substr(0, manifest_before.find("\"Modern countries\"")));  // the layers before are as they were
    const Layer* scan = layer_named(app.doc->atlas(), "scan");
    ASSERT_TRUE(scan && scan->raster);
    int checked = 0;
    EXPECT_EQ(places_off(app.doc->atlas(), *scan, checked), 0);
    EXPECT_GT(checked, 5000);
    EXPECT_FLOAT_EQ(scan->raster_opacity(*parse_date("1913-06-01").date), 0.7f);
    app.doc.reset();  // GL objects go while the context is alive
    app.scan_texture.reset();
}

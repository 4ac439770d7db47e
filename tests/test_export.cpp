// Headless rendering (EGL surfaceless, llvmpipe): what the export shows matches the events.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/view/export/export.h"
#include "render/headless_context.h"
#include "render/headless_start.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "render/offscreen.h"
#include "render/png_writer.h"
#include "data/geometry/projection.h"
#include "tests/support/png_io.h"
#include "app/view/export/vector_export.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test::Png;
using test::read_png;

namespace {

struct Headless : ::testing::Test {
    Result<std::unique_ptr<render::HeadlessContext>> ctx = render::HeadlessContext::create();
    fs::path dir = fs::temp_directory_path() / ("chronomap-export-" + std::to_string(::getpid()));
    void SetUp() override {
        ASSERT_TRUE(test::succeeded(ctx));
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    // Pixel of a lon/lat point in an export of `area` (display CRS) at width x height.
    static std::pair<int, int> pixel_of(const Atlas& atlas, const Bounds& area, int w, int h,
                                        double lon, double lat) {
        Bounds p;
        p.add(Vec2{lon, lat});
        p.add(Vec2{lon + 1e-7, lat + 1e-7});
        const Bounds d = *lonlat_to_display(atlas.crs, p);
        const render::Camera cam = fit_camera(area, w, h);
        return {static_cast<int>((d.min_x - cam.center_x) / cam.units_per_pixel + w / 2.0),
                static_cast<int>(h / 2.0 - (d.min_y - cam.center_y) / cam.units_per_pixel)};
    }
};

std::uint32_t power_colour(const Atlas& a, const char* id) {
    return a.find_power(id)->rgba;
}

// Pixel-colour checks look at the map itself, so labels and boxes stay out of the way.
const OverlayOptions kMapOnly{false, false, false, false, false, false};

// Whether two views draw the same image for one request.
::testing::AssertionResult same_image(MapView& a, MapView& b, const Atlas& atlas, const ExportRequest& req) {
    std::vector<std::uint8_t> first, second;
    if (auto r = test::succeeded(render_image(a, atlas, req), first); !r) return r;
    if (auto r = test::succeeded(render_image(b, atlas, req), second); !r) return r;
    if (first != second) return ::testing::AssertionFailure() << "the images differ";
    return ::testing::AssertionSuccess();
}

}  // namespace

TEST_F(Headless, TerritoryColourChangesExactlyAsTheEventsSay) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    const auto [x, y] =
        pixel_of(r.atlas, view.default_area(), 960, 540, 43.0, 40.45);  // inside Kars province
    struct Case {
        const char* date;
        const char* power;
    };
    // Russian Empire until Brest-Litovsk takes effect on the ground (April 1918), Ottoman after;
    // Turkish from the Treaty of Moscow's entry into force (integral: a flat colour, no pattern).
    for (const auto& [date, power] :
         {Case{"1917-06-01", "russian-empire"}, Case{"1918-04-03", "ottoman-empire"},
          Case{"1921-09-22", "turkey"}, Case{"1960-01-01", "turkey"}}) {
        ExportRequest req;
        req.overlays = kMapOnly;
        req.date = *parse_date(date).date;
        req.width = 960;
        req.height = 540;
        const std::string out = (dir / (std::string(date) + ".png")).string();
        ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, out)));
        const Png png = read_png(out);
        ASSERT_EQ(png.width, 960);
        EXPECT_EQ(png.at(x, y), power_colour(r.atlas, power)) << date << " at " << x << "," << y;
    }
}

TEST_F(Headless, StatusPatternsShowInTheExport) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.overlays = kMapOnly;
    req.date = *parse_date("1921-11-01").date;  // Nakhchivan autonomous: hatched in two colours
    req.width = 960;
    req.height = 540;
    const std::string out = (dir / "nakhchivan.png").string();
    ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, out)));
    const Png png = read_png(out);
    const auto [x, y] = pixel_of(r.atlas, view.default_area(), 960, 540, 45.45, 39.35);
    std::map<std::uint32_t, int> colours;
    for (int dy = -6; dy <= 6; ++dy)
        for (int dx = -6; dx <= 6; ++dx) ++colours[png.at(x + dx, y + dy)];
    EXPECT_GT(colours[power_colour(r.atlas, "azerbaijan-ssr")], 20);
    EXPECT_GE(colours.size(), 2u);  // the hatching's second colour
}

TEST_F(Headless, ExportSizeMetadataAndTiling) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/sample/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.date = *parse_date("1921-11-01").date;
    req.width = 1000;
    req.height = 700;
    const std::string whole = (dir / "whole.png").string();
    ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, whole)));
    req.max_tile = 256;  // forces 4 x 3 tiles
    const std::string tiled = (dir / "tiled.png").string();
    ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, tiled)));
    const Png a = read_png(whole), b = read_png(tiled);
    EXPECT_EQ(a.width, 1000);
    EXPECT_EQ(a.height, 700);
    EXPECT_EQ(a.text.at("Title"), r.atlas.title);
    EXPECT_EQ(a.text.at("Date"), "1921-11-01");
    EXPECT_NE(a.text.at("Source").find("A chronicle of the Three Valleys"), std::string::npos);
    // Tiles join without seams: at most a few edge pixels of anti-aliasing differ.
    int differing = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        if (std::abs(int(a.rgba[i]) - int(b.rgba[i])) > 8) ++differing;
    EXPECT_LT(differing, 200) << "of " << a.rgba.size() / 4;
}

// The image data is deflated in bands of rows on every core and joined into one stream: what a
// PNG reader gets back is every pixel as written, flat areas and noise alike, in any band.
TEST_F(Headless, PngDeflatedInBandsReadsBackExactly) {
    for (const auto& [w, h] : {std::pair{1, 1}, std::pair{3, 129}, std::pair{257, 1000}, std::pair{1000, 2051}}) {
        std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
        for (std::size_t i = 0; i < rgba.size(); ++i)
            rgba[i] = (i / 4096) % 3 == 0 ? static_cast<std::uint8_t>(i * 2654435761u >> 13)
                                          : static_cast<std::uint8_t>(i % 4 == 3 ? 255 : 40 + (i / 9000) % 7);
        const std::string path = (dir / "bands.png").string();
        ASSERT_TRUE(test::succeeded(render::write_png(path, w, h, rgba, {{"Title", "Banded"}, {"Source", "Kars, 1921"}})));
        const Png back = read_png(path);
        ASSERT_EQ(back.width, w);
        ASSERT_EQ(back.height, h);
        EXPECT_TRUE(back.rgba == rgba) << w << "x" << h;
        EXPECT_EQ(back.text.at("Source"), "Kars, 1921");
    }
}

// The command line starts GL on another thread while it loads: the context comes to the thread
// that finishes the start, with a framebuffer the size of the export's first tile, ready to draw.
TEST(HeadlessStartTest, ContextAndFramebufferMoveToTheThreadThatFinishes) {
    render::HeadlessStart start(5000, 300, 4, 1024);
    const auto ctx = start.finish();
    ASSERT_TRUE(test::succeeded(ctx));
    render::Offscreen fb = start.take_target();
    EXPECT_EQ(fb.width(), 1024);  // cut to the tile size
    EXPECT_EQ(fb.height(), 300);
    EXPECT_GT(fb.samples(), 0);
    fb.bind();
    glClearColor(1, 0.5f, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    const auto px = fb.read_rgba();
    ASSERT_EQ(px.size(), 1024u * 300u * 4u);
    EXPECT_EQ(px[0], 255);
    EXPECT_NEAR(px[1], 128, 1);
    EXPECT_EQ(px[2], 0);
}

TEST(HeadlessStartTest, AVectorExportStartsWithNoFramebuffer) {
    render::HeadlessStart start(0, 0, 4, 1024);
    const auto ctx = start.finish();
    ASSERT_TRUE(test::succeeded(ctx));
    EXPECT_EQ(start.take_target().width(), 0);
}

// A start whose caller gave up (the atlas did not load) frees its context and framebuffer; the
// ASan build checks nothing leaks.
TEST(HeadlessStartTest, AStartNeverFinishedIsReleased) {
    { render::HeadlessStart start(640, 480, 4, 4096); }
    render::HeadlessStart again(64, 64, 4, 4096);
    EXPECT_TRUE(test::succeeded(again.finish()));
}

TEST_F(Headless, FailedExportLeavesNoFile) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/sample/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.date = *parse_date("1921").date;
    req.width = 64;
    req.height = 64;
    const std::string out = (dir / "no-such-folder" / "x.png").string();
    EXPECT_FALSE(export_png(view, r.atlas, req, out).ok());
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(fs::is_empty(dir));  // no temporary file left behind either
}

// Shapes with validity dates follow the date: Gamma (from 1950) is drawn in 1960 and gone again in
// 1920, with one view that was built in 1900.
TEST_F(Headless, ShapesFollowTheirValidityDates) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_FIXTURES) + "/good/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.width = 400;
    req.height = 300;
    req.overlays = kMapOnly;
    const auto at = pixel_of(r.atlas, view.default_area(), 400, 300, 42.5, 40.5);
    auto colour_on = [&, x = at.first, y = at.second](const char* date) {
        req.date = *parse_date(date).date;
        const std::string out = (dir / (std::string(date) + ".png")).string();
        EXPECT_TRUE(test::succeeded(export_png(view, r.atlas, req, out)));
        return read_png(out).at(x, y);
    };
    EXPECT_EQ(colour_on("1960"), power_colour(r.atlas, "blue"));
    EXPECT_EQ(colour_on("1920"), palette::kSea);
    EXPECT_EQ(colour_on("1950-01-01"), power_colour(r.atlas, "blue"));  // valid_from is inclusive
}

// An export draws in a pane of its own: the window's map (its colours, shapes and labels) is
// the same after exporting another date (it used to be recoloured per tile and restored).
TEST_F(Headless, AnExportLeavesTheWindowsMapAsItWas) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    MapPane window;
    window.style_at(view, r.atlas, *parse_date("1914").date, Basis::DeFacto, "en", true);
    const render::Camera cam = fit_camera(view.default_area(), 320, 180);
    render::Offscreen target;
    ASSERT_TRUE(test::succeeded(target.create(320, 180, 1)));
    auto window_pixels = [&] {
        target.bind();
        view.draw(window.style, cam);
        return target.read_rgba();
    };
    const auto before = window_pixels();
    const std::size_t labels_before = window.labels.size();
    ExportRequest req;
    req.date = *parse_date("1990-02-01").date;
    req.basis = Basis::DeJure;
    req.width = 320;
    req.height = 180;
    req.overlays = kMapOnly;
    std::vector<std::uint8_t> exported;
    ASSERT_TRUE(test::succeeded(render_image(view, r.atlas, req), exported));
    EXPECT_EQ(window_pixels(), before);
    EXPECT_EQ(window.labels.size(), labels_before);
    EXPECT_NE(exported, before);  // the export did show another date
}

// export --compare: two dates side by side over one camera, each half the map of its date.
TEST_F(Headless, ComparisonShowsBothDatesSideBySide) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.date = *parse_date("1914").date;
    req.width = 964;  // two halves of 480 and a 4-pixel rule
    req.height = 360;
    req.overlays = kMapOnly;
    const std::string path = (dir / "compare.png").string();
    ASSERT_TRUE(test::succeeded(export_comparison_png(view, r.atlas, tl, req, *parse_date("1921-11-01").date, Basis::DeFacto, path)));
    const Png png = read_png(path);
    ASSERT_EQ(png.width, 964);
    const auto [x, y] = pixel_of(r.atlas, view.default_area(), 480, 360, 43.0, 40.45);  // inside Kars
    EXPECT_EQ(png.at(x, y), power_colour(r.atlas, "russian-empire"));
    EXPECT_EQ(png.at(x + 484, y), power_colour(r.atlas, "turkey"));
    EXPECT_EQ(png.at(481, y), 0xFFFFFFFFu);  // the rule between them
    EXPECT_NE(png.text.at("Description").find("side by side"), std::string::npos);
}

// A one-shot export builds only the level of detail its scale draws, and the image is the one a
// scene built whole draws (at the atlas's extent and zoomed in to full detail).
TEST_F(Headless, LevelsBuiltOnDemandDrawTheSameImage) {
    // A whole scene from the cache would have every level.
    ::setenv("CHRONOMAP_NO_CACHE", "1", 1);
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView whole, lazy;
    ASSERT_TRUE(test::succeeded(whole.init(r.atlas, tl)));
    ASSERT_TRUE(test::succeeded(lazy.init(r.atlas, tl, SceneLevels::OnDemand)));
    auto levels_built = [&] { return std::count(lazy.scene().built.begin(), lazy.scene().built.end(), 1); };
    EXPECT_EQ(levels_built(), 0);
    ExportRequest req;
    req.date = *parse_date("1921-11-01").date;
    req.width = 960;
    req.height = 540;
    EXPECT_TRUE(same_image(whole, lazy, r.atlas, req)) << "at the atlas's extent";
    EXPECT_EQ(levels_built(), 1);
    EXPECT_GT(lazy.renderer().level_for(lazy.territory_mesh(), fit_camera(lazy.default_area(), 960, 540)), 0);

    Bounds kars;  // a few kilometres around Kars: full detail
    kars.add(Vec2{43.08, 40.58});
    kars.add(Vec2{43.12, 40.62});
    req.bbox_lonlat = kars;
    EXPECT_TRUE(same_image(whole, lazy, r.atlas, req)) << "at full detail";
    EXPECT_EQ(levels_built(), 2);
    EXPECT_EQ(lazy.scene().built[0], 1);  // full detail
}

// The command line builds the level its export draws before the GL context is ready, for the
// scale before the caption is laid out. The caption makes the map smaller, which may ask for a
// coarser level: the finer one built already is drawn, and nothing is built twice.
TEST_F(Headless, ALevelBuiltBeforeUploadIsTheOneDrawn) {
    ::setenv("CHRONOMAP_NO_CACHE", "1", 1);
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView lazy;
    lazy.build(r.atlas, tl, SceneLevels::OnDemand);
    ExportRequest req;
    req.date = *parse_date("1921-11-01").date;
    req.width = 960;
    req.height = 540;
    const auto scale = export_units_per_pixel(lazy, r.atlas, req);
    ASSERT_TRUE(scale);
    EXPECT_TRUE(lazy.build_level_for(*scale));
    EXPECT_FALSE(lazy.build_level_for(*scale * 64)) << "a coarser scale is served by the finer level";
    const auto built = [&] { return std::count(lazy.scene().built.begin(), lazy.scene().built.end(), 1); };
    ASSERT_EQ(built(), 1);
    const auto level = std::find(lazy.scene().built.begin(), lazy.scene().built.end(), 1) - lazy.scene().built.begin();
    ASSERT_TRUE(test::succeeded(lazy.upload()));
    std::vector<std::uint8_t> img;
    ASSERT_TRUE(test::succeeded(render_image(lazy, r.atlas, req), img));  // with its caption
    EXPECT_EQ(built(), 1);
    render::Camera coarse = fit_camera(lazy.default_area(), 960, 540);
    coarse.units_per_pixel *= 64;
    EXPECT_EQ(lazy.renderer().level_for(lazy.territory_mesh(), coarse), level);
    // The same export from a view built whole: the map is the same where both draw full shapes.
    MapView whole;
    ASSERT_TRUE(test::succeeded(whole.init(r.atlas, tl)));
    req.overlays = kMapOnly;
    EXPECT_TRUE(same_image(whole, lazy, r.atlas, req));
}

// An image without labels (export --no-labels) builds a scene that places none, and its map is
// the same.
TEST_F(Headless, AnImageWithoutLabelsPlacesNone) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView labelled, bare;
    labelled.build(r.atlas, tl, SceneLevels::OnDemand);
    bare.build(r.atlas, tl, SceneLevels::OnDemand, false);
    EXPECT_FALSE(labelled.scene().labels.empty());
    EXPECT_TRUE(bare.scene().labels.empty());
    ASSERT_TRUE(test::succeeded(labelled.upload()));
    ASSERT_TRUE(test::succeeded(bare.upload()));
    ExportRequest req;
    req.date = *parse_date("1921-11-01").date;
    req.width = 640;
    req.height = 360;
    req.overlays = kMapOnly;
    EXPECT_TRUE(same_image(labelled, bare, r.atlas, req));
}

// A polygon repaired to be drawn is said on demand too, once, whichever levels drew it; found in
// a simplified level, the message says so.
TEST_F(Headless, LevelsBuiltOnDemandSayWhatWasRepaired) {
    const fs::path d = dir / "bow";
    fs::create_directories(d);
    std::ofstream(d / "t.geojson") << R"({"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"id":"bow"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}},
        {"type":"Feature","properties":{"id":"square"},"geometry":{"type":"Polygon","coordinates":[[[3,0],[5,0],[5,2],[3,2],[3,0]]]}}]})";
    std::ofstream(d / "atlas.json") << R"({"title":"t","time_range":{"start":"1900","end":"2000"},
        "layers":[{"source":"t.geojson","role":"territories"}],"sources":[],"events":[]})";
    const LoadResult r = load_atlas((d / "atlas.json").string());
    const Timeline tl(r.atlas);
    MapView lazy;
    ASSERT_TRUE(test::succeeded(lazy.init(r.atlas, tl, SceneLevels::OnDemand)));
    EXPECT_TRUE(lazy.scene().problems.empty());  // nothing built, nothing known yet
    ExportRequest req;
    req.date = *parse_date("1950").date;
    req.width = 400;
    req.height = 200;
    req.overlays = kMapOnly;
    std::vector<std::uint8_t> img;
    ASSERT_TRUE(test::succeeded(render_image(lazy, r.atlas, req), img));
    req.width = 4000;  // a finer level
    req.height = 2000;
    ASSERT_TRUE(test::succeeded(render_image(lazy, r.atlas, req), img));
    EXPECT_GE(std::count(lazy.scene().built.begin(), lazy.scene().built.end(), 1), 2);
    ASSERT_EQ(lazy.scene().problems.size(), 1u);
    EXPECT_EQ(lazy.scene().problems[0].feature, "bow");
    EXPECT_NE(lazy.scene().problems[0].message.find("repaired"), std::string::npos);
    EXPECT_NE(lazy.scene().problems[0].message.find("as simplified for this scale"), std::string::npos);
}

// The PNG drawn on the CPU by cairo (small maps: no GL context to start) shows what GL draws:
// the same colours where the map is, the same overlays, within antialiasing and text hinting.
TEST_F(Headless, TheCpuExportDrawsWhatGlDraws) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.date = *parse_date("1921-10-13").date;
    req.width = 960;
    req.height = 540;
    req.text_size = 0.6f;  // the amount of text the tolerances below were measured for
    const std::string gl = (dir / "gl.png").string(), cpu = (dir / "cpu.png").string();
    ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, gl)));
    ASSERT_TRUE(test::succeeded(export_png_on_cpu(view, r.atlas, req, cpu)));
    const Png a = read_png(gl), b = read_png(cpu);
    ASSERT_EQ(b.width, 960);
    ASSERT_EQ(b.height, 540);
    EXPECT_EQ(b.text.at("Title"), a.text.at("Title"));
    // With overlays, text rasterised by FreeType through ImGui and through cairo differs at the
    // letters' edges (a small image is dense with labels).
    const auto diff = test::compare(a.rgba, b.rgba, 40);
    EXPECT_LT(diff.mean_abs, 3.0);
    EXPECT_LT(diff.share_over, 0.05);
    // The map alone differs along antialiased edges and where the status hatching's lines fall
    // (the pattern's phase), and a territory's colour is exactly its power's.
    req.overlays = kMapOnly;
    ASSERT_TRUE(test::succeeded(export_png(view, r.atlas, req, gl)));
    ASSERT_TRUE(test::succeeded(export_png_on_cpu(view, r.atlas, req, cpu)));
    const Png map_gl = read_png(gl), map_cpu = read_png(cpu);
    EXPECT_LT(test::compare(map_gl.rgba, map_cpu.rgba, 40).share_over, 0.03);
    const auto [x, y] = pixel_of(r.atlas, view.default_area(), 960, 540, 43.0, 40.45);  // inside Kars province
    EXPECT_EQ(map_cpu.at(x, y), power_colour(r.atlas, "turkey"));
}

// The window's comparison of two dates and its film export, driven as the panels drive them
// (App commands), with a headless GL context instead of a window.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "app/gui/app.h"
#include "render/headless_context.h"
#include "app/gui/map_input.h"
#include "app/gui/panel_compare.h"
#include "tests/support/decode_video.h"
#include "tests/support/temp_dir.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
using namespace chronomap::gui;
namespace fs = std::filesystem;

namespace {

const std::string kKars = std::string(CHRONOMAP_MAPS) + "/kars/atlas.json";
Date d(const char* s) { return *parse_date(s).date; }

struct WindowState : ::testing::Test {
    Result<std::unique_ptr<render::HeadlessContext>> ctx = render::HeadlessContext::create();
    App app;
    void SetUp() override {
        ASSERT_TRUE(test::succeeded(ctx));
        ASSERT_TRUE(app.open(kKars));
        app.enable_animation = false;
    }
    void TearDown() override {
        app.film_job.reset();
        app.compare.reset();
        app.doc.reset();  // GL objects go while the context is alive
    }
};

}  // namespace

// What the panels remember belongs to the atlas open: another atlas starts with no filtered rows
// of the old one's events, no pointer into them, and dates for its own range in the dialogs.
TEST_F(WindowState, OpeningAnotherAtlasForgetsWhatThePanelsHeldOfTheOld) {
    PanelState& p = app.panels;
    p.events.rows = {0, 1, 2};
    p.events.rows_filter = "";
    p.events.scrolled_to = &app.doc->atlas().events[1];
    std::snprintf(p.film_dialog.from, sizeof p.film_dialog.from, "1918");
    p.film_dialog.per_event = 4;  // a choice of the user's, kept
    std::snprintf(p.timeline_date.typed, sizeof p.timeline_date.typed, "1921-1");
    ASSERT_TRUE(app.open(std::string(CHRONOMAP_MAPS) + "/sample/atlas.json"));
    EXPECT_TRUE(p.events.rows.empty());
    EXPECT_NE(p.events.rows_filter, "");  // found again on the next frame
    EXPECT_EQ(p.events.scrolled_to, nullptr);
    EXPECT_STREQ(p.film_dialog.from, "");
    EXPECT_EQ(p.film_dialog.per_event, 4);
    EXPECT_STREQ(p.timeline_date.typed, "");
}

namespace {

const Difference* find(const std::vector<Difference>& list, const std::string& id) {
    for (const auto& x : list)
        if (x.territory == id) return &x;
    return nullptr;
}

TEST_F(WindowState, ComparisonListsAndOutlinesWhatDiffersAndFollowsTheDate) {
    app.set_date(d("1914"), false);
    app.compare_with(d("1921-11-01"), Basis::DeFacto);
    ASSERT_TRUE(app.compare);
    const Comparison& c = *app.compare;
    EXPECT_EQ(c.left.date, d("1914"));
    EXPECT_EQ(c.right.date, d("1921-11-01"));
    const Difference* kars = find(c.differences, "kars");
    ASSERT_NE(kars, nullptr);
    EXPECT_EQ(difference_line(app.doc->atlas(), *kars, "en").rfind("Kars: Russian Empire \xe2\x86\x92 Turkey, ", 0), 0u)
        << difference_line(app.doc->atlas(), *kars, "en");
    EXPECT_GE(kars->changes_between, 2);
    ASSERT_NE(kars->event, nullptr);
    // Each side titled with its own date; labels are those of its own shapes.
    EXPECT_EQ(c.left.overlay.date, d("1914").readable());
    EXPECT_EQ(c.right.overlay.date, d("1921-11-01").readable());
    EXPECT_FALSE(c.right.labels.empty());
    // Picking a difference shows its event without moving either date.
    app.select_difference(*kars);
    EXPECT_EQ(app.selected_territory, "kars");
    EXPECT_EQ(app.selected_event, kars->event);
    EXPECT_EQ(app.date, d("1914"));
    // Moving the window's date moves the left side and the list.
    app.set_date(d("1921-11-01"), false);
    EXPECT_EQ(app.compare->left.date, d("1921-11-01"));
    EXPECT_TRUE(app.compare->differences.empty());
    // The same date in the other view differs where the treaties had not caught up with the troops.
    app.set_date(d("1920-12-01"), false);
    app.compare_with(d("1920-12-01"), Basis::DeJure);
    EXPECT_FALSE(app.compare->differences.empty());
    app.stop_compare();
    EXPECT_FALSE(app.compare);
}

TEST(CompareSides, BothSidesShareOneCameraAndLineUp) {
    App app;
    app.compare = std::make_unique<Comparison>();
    app.camera = {1000, 2000, 5, 1600, 1200};
    const MapRect map{100, 50, 800, 600, 2};
    app.compare->layout = CompareLayout::Swipe;
    app.compare->swipe = 0.25f;
    auto s = compare_sides(app, map);
    EXPECT_EQ(s.pixel_w[0], 400);
    EXPECT_EQ(s.pixel_x[1], 400);
    EXPECT_FLOAT_EQ(s.rect[1].x, 300);
    const auto left = side_camera(app, s, 0), right = side_camera(app, s, 1);
    // A swipe cuts one picture: the left part's right edge is the right part's left edge.
    EXPECT_DOUBLE_EQ(left.center_x + left.width / 2.0 * left.units_per_pixel,
                     right.center_x - right.width / 2.0 * right.units_per_pixel);
    EXPECT_DOUBLE_EQ(left.center_x - left.width / 2.0 * left.units_per_pixel,
                     app.camera.center_x - app.camera.width / 2.0 * app.camera.units_per_pixel);
    // Side by side, each half shows the same place at the same scale.
    app.compare->layout = CompareLayout::SideBySide;
    s = compare_sides(app, map);
    EXPECT_NEAR(s.pixel_w[0], s.pixel_w[1], 1);
    EXPECT_LT(s.pixel_w[0] + s.pixel_w[1], 1600);  // a line between them
    const auto a = side_camera(app, s, 0), b = side_camera(app, s, 1);
    EXPECT_EQ(a.center_x, b.center_x);
    EXPECT_EQ(a.units_per_pixel, b.units_per_pixel);
}

TEST_F(WindowState, FilmRunsAFrameAtATimeAndCancelLeavesNothing) {
    test_support::TempDir tmp;
    FilmRequest req;
    req.path = (tmp.path / "kars.mp4").string();
    req.from = d("1920-10-01");
    req.to = d("1921-04-01");
    req.pacing.fps = 10;
    req.pacing.per_event = 0.2;
    req.frame.width = 160;
    req.frame.height = 90;
    app.start_film(req);
    ASSERT_TRUE(app.film_job) << app.film_result;
    const int total = app.film_job->frames_total();
    ASSERT_GT(total, 5);
    app.poll_film(0);  // a budget of nothing still makes one frame
    EXPECT_EQ(app.film_job->frames_done(), 1);
    app.poll_film(0);
    EXPECT_EQ(app.film_job->frames_done(), 2);
    app.cancel_film();
    EXPECT_FALSE(app.film_job);
    EXPECT_NE(app.film_result.find("Cancelled"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(tmp.path)) << "a cancelled film left a file";

    app.start_film(req);
    for (int guard = 0; app.film_job && guard < 10000; ++guard) app.poll_film(0.01);
    EXPECT_FALSE(app.film_job);
    EXPECT_EQ(app.film_result.rfind("Wrote ", 0), 0u) << app.film_result;
    const auto film = test_support::decode_video(req.path);
    ASSERT_EQ(film.error, "");
    EXPECT_EQ(static_cast<int>(film.frames.size()), total);
    EXPECT_EQ(film.metadata.at("title"), app.doc->atlas().title);
}

}  // namespace

// The window opens an atlas that reaches outside its folder without what it asks for, asks the
// user, and remembers the atlas as the last one only once the user has allowed it.
TEST(WindowTrust, AnAtlasAskingOutsideItsFolderWaitsForTheUser) {
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    test_support::TempDir t;
    fs::create_directories(t.path / "shared");
    fs::create_directories(t.path / "atlas");
    std::ofstream(t.path / "shared" / "t.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})";
    std::ofstream(t.path / "atlas" / "atlas.json")
        << R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326",)"
           R"("layers":[{"name":"x","source":"../shared/t.geojson","role":"territories","id_field":"id"}]})";
    const std::string atlas = (t.path / "atlas" / "atlas.json").string();
    App app;
    app.settings.last_atlas.clear();
    ASSERT_TRUE(app.open(atlas));
    ASSERT_TRUE(app.external_request);
    EXPECT_EQ(app.external_request->sources, std::vector<std::string>{"../shared/t.geojson"});
    EXPECT_TRUE(app.settings.last_atlas.empty());
    EXPECT_TRUE(app.doc->atlas().layers.empty() || app.doc->atlas().layers[0].features.empty());

    app.allow_external();
    EXPECT_FALSE(app.external_request);
    ASSERT_TRUE(app.doc);
    ASSERT_FALSE(app.doc->atlas().layers.empty());
    EXPECT_EQ(app.doc->atlas().layers[0].features.size(), 1u);
    EXPECT_FALSE(app.settings.last_atlas.empty());

    // Refused: it stays open without the source and is not remembered.
    app.settings.last_atlas.clear();
    ASSERT_TRUE(app.open(atlas));
    app.refuse_external();
    EXPECT_FALSE(app.external_request);
    EXPECT_TRUE(app.settings.last_atlas.empty());
    app.doc.reset();  // GL objects go while the context is alive
}

// A year typed for the comparison is the state at its end, shown as the day: "1921" is
// 31 December 1921, after Moscow and Kars, where it used to be 1 January, before both.
TEST_F(WindowState, AYearToCompareWithIsItsLastDay) {
    app.set_date(d("1920-06-01"), false);
    app.compare_with(d("1921"), Basis::DeFacto);
    ASSERT_TRUE(app.compare);
    EXPECT_EQ(app.compare->other.iso(), "1921-12-31");
    EXPECT_EQ(app.compare->other.readable("en"), "31 December 1921");
    const Difference* nakhchivan = find(app.compare->differences, "nakhchivan");
    ASSERT_NE(nakhchivan, nullptr);
    ASSERT_TRUE(nakhchivan->after);
    EXPECT_EQ(nakhchivan->after->status, Status::Autonomous);  // by the Treaty of Kars
    app.compare_with(d("1921-03"), Basis::DeFacto);
    EXPECT_EQ(app.compare->other.iso(), "1921-03-31");
}

// A data-derived atlas whose field names one state twice and carries a stray number: the
// window makes them one power ("Make them one" in the Territory tab), which writes power_aliases
// into the manifest and nothing else; reopened, the atlas has neither name as a power of its own.
TEST_F(WindowState, PowersTheDataNamesTwiceAreMadeOneInTheManifest) {
    test_support::TempDir dir;
    auto square = [](const char* name, const char* subject, int x) {
        return std::string("{\"type\":\"Feature\",\"properties\":{\"NAME\":\"") + name + "\",\"SUBJECTO\":\"" + subject +
               "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + std::to_string(x) + ",50],[" +
               std::to_string(x + 1) + ",50],[" + std::to_string(x + 1) + ",51],[" + std::to_string(x) + ",51],[" +
               std::to_string(x) + ",50]]]}}";
    };
    std::ofstream(dir.path / "world_1700.geojson")
        << "{\"type\":\"FeatureCollection\",\"features\":[" << square("Krakow", "Polish-Lithuanian Commonwealth", 19)
        << "," << square("Warsaw", "Poland", 21) << "," << square("Lublin", "3", 22) << "]}";
    const std::string manifest = R"({"title": "Poland",
  "time_range": {"start": "1700", "end": "1800"},
  "layers": [{"name": "territories", "role": "territories", "snapshots": [{"date": "1700", "source": "world_1700.geojson"}],
              "name_field": "NAME", "controller_field": "SUBJECTO"}]
})";
    std::ofstream(dir.path / "atlas.json") << manifest;
    ASSERT_TRUE(app.open((dir.path / "atlas.json").string()));
    std::string stray;
    for (const auto& item : app.doc->loaded.diagnostics.items())
        if (item.message.find("is a number") != std::string::npos) stray = item.format();
    EXPECT_NE(stray.find("the power '3' in field 'SUBJECTO' is a number"), std::string::npos) << stray;
    EXPECT_NE(stray.find("world_1700.geojson, feature 2 (Lublin)"), std::string::npos) << stray;

    ASSERT_TRUE(test::succeeded(app.alias_power("Poland", "Polish-Lithuanian Commonwealth")));
    ASSERT_TRUE(test::succeeded(app.alias_power("3", "Polish-Lithuanian Commonwealth")));
    std::ifstream in(dir.path / "atlas.json");
    const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // What was written by hand is kept as it was; the aliases follow it.
    EXPECT_EQ(saved.substr(0, manifest.size() - 2), manifest.substr(0, manifest.size() - 2)) << saved;
    EXPECT_NE(saved.find(R"("power_aliases": {"Poland":"Polish-Lithuanian Commonwealth","3":"Polish-Lithuanian Commonwealth"})"),
              std::string::npos)
        << saved;
    const Atlas& atlas = app.doc->atlas();
    EXPECT_FALSE(atlas.find_power("Poland"));
    EXPECT_FALSE(atlas.find_power("3"));
    const auto lublin = app.doc->timeline->territory_state("Lublin", d("1750"), Basis::DeFacto);
    ASSERT_TRUE(lublin);
    EXPECT_EQ(std::string(lublin->controller), "Polish-Lithuanian Commonwealth");
    EXPECT_FALSE(test::succeeded(app.alias_power("Warsaw", "nobody")));
}

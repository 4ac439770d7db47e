// A generated snapshot series with BCE dates, through the manifest alone: derived changes, no
// stale territory, pieces joined, ceased territories, colours, and every polygon in the image.
#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <map>
#include <array>
#include <fstream>
#include <set>

#include "app/view/export/export.h"
#include "render/headless_context.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "tests/support/series.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
using namespace chronomap::test_support;
namespace fs = std::filesystem;

namespace {

struct Series : ::testing::Test {
    fs::path dir = fs::temp_directory_path() / ("chronomap-series-" + std::to_string(::getpid()));
    SeriesSpec spec;
    LoadResult r;
    void SetUp() override {
        fs::create_directories(dir);
        r = load_atlas(write_series(dir.string(), spec));
    }
    void TearDown() override { fs::remove_all(dir); }
    Date snapshot_date(int s) const { return *parse_date(series_dates(spec.snapshots)[static_cast<std::size_t>(s)]).date; }
    std::set<std::string> names_in(int s) const {
        std::set<std::string> out;
        for (const auto& c : series_cells(spec, s)) out.insert(c.name);
        return out;
    }
};

// The RGB of the pixel showing display point (x, y) in an RGBA image rendered with `cam`.
std::uint32_t pixel_at(const std::vector<std::uint8_t>& px, const render::Camera& cam, double x, double y) {
    const int ix = static_cast<int>((x - cam.center_x) / cam.units_per_pixel + cam.width / 2.0);
    const int iy = static_cast<int>(cam.height / 2.0 - (y - cam.center_y) / cam.units_per_pixel);
    const std::size_t i = (static_cast<std::size_t>(iy) * static_cast<std::size_t>(cam.width) +
                           static_cast<std::size_t>(ix)) * 4;
    return (std::uint32_t{px[i]} << 24) | (std::uint32_t{px[i + 1]} << 16) | (std::uint32_t{px[i + 2]} << 8) | 0xFFu;
}

// The map alone (no overlays) at a date, w x h, as RGBA; fails the test on an error.
std::vector<std::uint8_t> map_only(MapView& view, const Atlas& atlas, Date date, int w, int h) {
    ExportRequest req;
    req.overlays = OverlayOptions{false, false, false, false, false, false};
    req.date = date;
    req.width = w;
    req.height = h;
    std::vector<std::uint8_t> px;
    EXPECT_TRUE(test::succeeded(render_image(view, atlas, req), px));
    return px;
}

}  // namespace

TEST_F(Series, LoadsThroughTheManifestAloneWithoutErrors) {
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
    EXPECT_EQ(r.atlas.start.year(), -122999);  // 123,000 BC
    EXPECT_GE(r.atlas.events.size(), static_cast<std::size_t>(spec.snapshots));
    EXPECT_EQ(r.atlas.powers.size(), 7u);  // named by SUBJECTO only
}

TEST_F(Series, StatusListsExactlyTheTerritoriesOfTheSnapshot) {
    const Timeline tl(r.atlas);
    for (int s = 0; s < spec.snapshots; ++s) {
        // The day before the next snapshot: still this one's territories, no stale ones.
        Date d = s + 1 < spec.snapshots ? snapshot_date(s + 1) : r.atlas.end;
        d.day -= 1;
        std::set<std::string> listed;
        for (const auto& st : tl.state_at(d, Basis::DeFacto))
            if (tl.exists(st, d)) listed.insert(std::string(st.territory));
        EXPECT_EQ(listed, names_in(s)) << "snapshot " << s << " (" << d.readable() << ")";
    }
}

TEST_F(Series, ControllersComeFromTheDataAndHistorySpansSnapshots) {
    const Timeline tl(r.atlas);
    for (int s : {0, 4, 9}) {
        const Date d = snapshot_date(s);
        for (const auto& c : series_cells(spec, s)) {
            if (c.name != "Cell " + std::to_string(c.x) + "-" + std::to_string(c.y)) continue;
            const auto st = tl.territory_state(c.name, d, Basis::DeFacto);
            ASSERT_TRUE(st && st->known) << c.name;
            EXPECT_EQ(st->controller, c.controller) << c.name << " at " << d.readable();
        }
    }
    // A cell of the eastern quarter: held, ceased in snapshots 3-5, held again.
    const auto h = tl.history("Cell 18-0");
    bool ceased = false, back = false;
    for (const auto& e : h) {
        if (e.change->status == Status::Ceased) ceased = true;
        else if (ceased) back = true;
    }
    EXPECT_TRUE(ceased);
    EXPECT_TRUE(back);
    for (const auto& e : h) EXPECT_FALSE(e.event->sources.empty());  // the file it came from
}

TEST_F(Series, NeighbouringPowersGetDifferentColoursAndKeepThem) {
    std::set<std::uint32_t> colours;
    for (const auto& p : r.atlas.powers) colours.insert(p.rgba);
    EXPECT_EQ(colours.size(), r.atlas.powers.size());
    const LoadResult again = load_atlas((dir / "atlas.json").string());
    for (std::size_t i = 0; i < r.atlas.powers.size(); ++i)
        EXPECT_EQ(again.atlas.powers[i].rgba, r.atlas.powers[i].rgba);
}

TEST_F(Series, EveryPolygonIsInTheImage) {
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    for (int s : {0, 3, 9}) {
        const std::vector<std::uint8_t> px = map_only(view, r.atlas, snapshot_date(s), 1600, 800);
        ASSERT_EQ(px.size(), 1600u * 800u * 4u);
        const render::Camera cam = fit_camera(view.default_area(), 1600, 800);
        auto at = [&](double lon, double lat) { return pixel_at(px, cam, lon, lat); };
        // The centre of every cell shows its controller's colour: no polygon is missing.
        for (const auto& c : series_cells(spec, s))
            EXPECT_EQ(at(10 + c.x + 0.5, 10 + c.y + 0.5), r.atlas.find_power(c.controller)->rgba)
                << c.name << " in snapshot " << s;
        // And the land covers the cells' area: count pixels that are not sea, allowing for the
        // anti-aliased coast and the half of the border line that lies outside (1 px a side).
        std::size_t land = 0;
        for (std::size_t i = 0; i < px.size(); i += 4) {
            const int dr = px[i] - 0xC6, dg = px[i + 1] - 0xDB, db = px[i + 2] - 0xEB;
            if (std::abs(dr) + std::abs(dg) + std::abs(db) > 60) ++land;
        }
        const std::size_t cells = series_cells(spec, s).size();
        const double cell_px = 1.0 / cam.units_per_pixel;
        const double expected = static_cast<double>(cells) * cell_px * cell_px;
        const double coast = 2.0 * (spec.columns + spec.rows) * cell_px;  // upper bound, in px
        EXPECT_NEAR(static_cast<double>(land), expected, expected * 0.005 + coast)
            << "snapshot " << s;
    }
}

TEST(SeriesColours, NeighboursNeverLookAlike) {
    const fs::path dir = fs::temp_directory_path() / ("chronomap-colours-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    SeriesSpec spec{4, 40, 20, 2, 150};
    const LoadResult r = load_atlas(write_series(dir.string(), spec));
    fs::remove_all(dir);
    ASSERT_FALSE(r.diagnostics.has_errors());
    ASSERT_EQ(r.atlas.powers.size(), 150u);
    auto distance = [](std::uint32_t a, std::uint32_t b) {
        const double r1 = (a >> 24) & 0xFF, g1 = (a >> 16) & 0xFF, b1 = (a >> 8) & 0xFF;
        const double r2 = (b >> 24) & 0xFF, g2 = (b >> 16) & 0xFF, b2 = (b >> 8) & 0xFF;
        return std::sqrt((r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2));
    };
    int pairs = 0;
    for (int s = 0; s < spec.snapshots; ++s) {
        std::map<std::pair<int, int>, std::string> owner;
        for (const auto& c : series_cells(spec, s)) owner[{c.x, c.y}] = c.controller;
        for (const auto& [at, p] : owner)
            for (const auto& d : {std::pair{1, 0}, std::pair{0, 1}}) {
                auto it = owner.find({at.first + d.first, at.second + d.second});
                if (it == owner.end() || it->second == p) continue;
                ++pairs;
                EXPECT_GT(distance(r.atlas.find_power(p)->rgba, r.atlas.find_power(it->second)->rgba), 60.0)
                    << p << " and " << it->second << " touch in snapshot " << s;
            }
    }
    EXPECT_GT(pairs, 1000);
}

TEST(ReferenceLayers, NeedNoIdAndHaveStyleAndLabels) {
    const fs::path dir = fs::temp_directory_path() / ("chronomap-ref-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    // Three squares side by side, with a label field and no id field.
    std::ofstream(dir / "ref.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"label":"West"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}},)"
        << R"({"type":"Feature","properties":{"label":"East"},"geometry":{"type":"Polygon","coordinates":[[[10,0],[20,0],[20,10],[10,10],[10,0]]]}}]})";
    std::ofstream(dir / "atlas.json") << R"({"title": "Reference", "time_range": {"start": "1900", "end": "2000"},
      "layers": [{"name": "modern", "source": "ref.geojson", "role": "reference", "label_field": "label",
                  "style": {"fill": "#FFFFFF", "outline": "#FF0000", "width": 3}}]})";
    const LoadResult r = load_atlas((dir / "atlas.json").string());
    fs::remove_all(dir);
    for (const auto& d : r.diagnostics.items())
        if (d.severity == Severity::Error) ADD_FAILURE() << d.format();
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].features.size(), 2u);
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    const Timeline tl(r.atlas);
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    MapPane pane;
    pane.style_at(view, r.atlas, r.atlas.start, Basis::DeFacto, "en", true);
    int labels = 0;
    for (const auto& s : pane.labels) labels += s.reference;
    EXPECT_EQ(labels, 2);
    const std::vector<std::uint8_t> px = map_only(view, r.atlas, r.atlas.start, 400, 200);
    ASSERT_EQ(px.size(), 400u * 200u * 4u);
    const render::Camera cam = fit_camera(view.default_area(), 400, 200);
    auto rgb = [&](double x, double y) { return pixel_at(px, cam, x, y); };
    EXPECT_EQ(rgb(5, 5), 0xFFFFFFFFu);  // the layer's fill
    const std::uint32_t border = rgb(10, 5);  // the shared edge, outlined in red
    EXPECT_GT(border >> 24, 200u);
    EXPECT_LT((border >> 16) & 0xFF, 80u);
}

// Overlays: label placement, legend and caption texts, export switches, and the preview/export
// match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "app/view/export/export.h"
#include "render/headless_context.h"
#include "data/geometry/label_point.h"
#include "app/view/overlay/labels.h"
#include "app/view/scene/land_cover.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "render/offscreen.h"
#include "app/view/overlay/overlay.h"
#include "app/view/overlay/overlay_canvas.h"
#include "tests/support/png_io.h"
#include "tests/support/succeeded.h"

using namespace chronomap;

namespace {

void measure_fixed(const std::string& text, bool town, float& w, float& h) {
    w = 8.0f * static_cast<float>(text.size());
    h = town ? 12.0f : 16.0f;
}

TEST(Labels, PlacedLabelsNeverOverlapEachOtherOrReservedBoxes) {
    std::vector<LabelCandidate> cands;
    // A dense grid of towns and a few territories, far more than fit.
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 20; ++j)
            cands.push_back({"Town" + std::to_string(i * 20 + j), 10.0f + i * 15, 10.0f + j * 14,
                             true, -float(i + j), 0});
    for (int k = 0; k < 5; ++k)
        cands.push_back(
            {"Territory " + std::to_string(k), 100.0f + k * 90, 150, false, 1000.0f + k, 0});
    const std::vector<Rect> reserved{{0, 0, 200, 60}};
    const auto placed = place_labels(cands, measure_fixed, {0, 0, 620, 300}, reserved, 2);
    ASSERT_GT(placed.size(), 10u);
    ASSERT_LT(placed.size(), cands.size());
    for (std::size_t a = 0; a < placed.size(); ++a) {
        EXPECT_FALSE(placed[a].box.overlaps(reserved[0])) << placed[a].text;
        EXPECT_TRUE(placed[a].box.inside({0, 0, 620, 300})) << placed[a].text;
        for (std::size_t b = a + 1; b < placed.size(); ++b)
            EXPECT_FALSE(placed[a].box.overlaps(placed[b].box))
                << placed[a].text << " / " << placed[b].text;
    }
    // Territories outrank towns: all five are placed.
    EXPECT_EQ(
        std::count_if(placed.begin(), placed.end(), [](const PlacedLabel& l) { return !l.town; }),
        5);
}

TEST(Labels, TerritoryNamesWiderThanTheirRoomAreLeftOut) {
    const auto placed =
        place_labels({{"Nakhchivan", 50, 50, false, 1, 30.0f}, {"Kars", 150, 50, false, 1, 60.0f}},
                     measure_fixed, {0, 0, 300, 100}, {}, 0);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "Kars");
}

TEST(Labels, ANameTooWideForItsTerritoryTriesTheSmallerTypeFirst) {
    auto measure = [](const std::string& text, bool small, float& w, float& h) {
        w = (small ? 6.0f : 8.0f) * static_cast<float>(text.size());
        h = small ? 12.0f : 16.0f;
    };
    // "Germany": 56 px large, 42 px small; its territory has room for 50.
    const auto placed = place_labels({{"Germany", 100, 50, false, 1, 50.0f}, {"Nakhchivan", 200, 50, false, 1, 40.0f}},
                                     measure, {0, 0, 300, 100}, {}, 0);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "Germany");
    EXPECT_TRUE(placed[0].small);
    EXPECT_NEAR(placed[0].box.x1 - placed[0].box.x0, 42.0f, 0.01f);
}

TEST(Labels, ATownNameMovesToAnotherSideWhenTheRightIsTaken) {
    const auto placed =
        place_labels({{"Kars", 200, 50, false, 10, 0}, {"Sarikamis", 160, 50, true, 1, 0}},
                     measure_fixed, {0, 0, 300, 100}, {}, 0);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_LT(placed[1].box.x1, 160.0f);  // to the left of its dot
}

TEST(Overlay, ScaleBarDistancesAreRound) {
    EXPECT_EQ(round_number_below(1234), 1000);
    EXPECT_EQ(round_number_below(180000), 100000);
    EXPECT_EQ(round_number_below(4999), 2000);
    EXPECT_EQ(round_number_below(5000), 5000);
    EXPECT_EQ(round_number_below(0), 0);
}

// A 100 x 100 grid over a square of 100 units with a hole of 50 in its middle: the ring's cells
// are land, the hole's are not, and an area beyond the grid is sea.
TEST(LandCover, CellsInsideTheShapeAreLandAndHolesAreNot) {
    Bounds extent;
    extent.add(Vec2{0, 0});
    extent.add(Vec2{100, 100});
    const LandGridFrame grid = land_grid_frame(extent, 100);
    ASSERT_EQ(grid.cols, 100);
    ASSERT_EQ(grid.rows, 100);
    Polygon framed;
    framed.rings = {{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}, {{25, 25}, {25, 75}, {75, 75}, {75, 25}, {25, 25}}};
    LandCover land;
    land.grid = grid;
    land.add(cell_runs(grid, {framed}));
    auto box = [](double x0, double y0, double x1, double y1) {
        Bounds b;
        b.add(Vec2{x0, y0});
        b.add(Vec2{x1, y1});
        return b;
    };
    EXPECT_DOUBLE_EQ(land.share(box(0, 0, 20, 100)), 1.0);   // the left side of the ring
    EXPECT_DOUBLE_EQ(land.share(box(30, 30, 70, 70)), 0.0);  // inside the hole
    EXPECT_NEAR(land.share(box(0, 0, 100, 100)), 0.75, 0.01);
    EXPECT_NEAR(land.share(box(-100, 0, 20, 100)), 20.0 / 120.0, 0.01);  // beyond the grid is sea
    EXPECT_DOUBLE_EQ(land.share(box(200, 200, 300, 300)), 0.0);
}

TEST(Overlay, AFittedMapKeepsTheCaptionBandFree) {
    Bounds area;
    area.add(Vec2{0, 0});
    area.add(Vec2{1000, 500});
    const render::Camera plain = fit_camera(area, 800, 600, 0),
                         inset = fit_camera(area, 800, 600, 0, 150);
    auto bottom_px = [&](const render::Camera& c) {
        return c.height / 2.0 - (area.min_y - c.center_y) / c.units_per_pixel;
    };
    auto top_px = [&](const render::Camera& c) {
        return c.height / 2.0 - (area.max_y - c.center_y) / c.units_per_pixel;
    };
    EXPECT_NEAR(bottom_px(plain) - top_px(plain), 400, 1e-6);  // width-bound: 1000 units in 800 px
    EXPECT_LE(bottom_px(inset), 600 - 150 + 1e-6);
    EXPECT_GE(top_px(inset), -1e-6);
    EXPECT_NEAR(top_px(inset), 600 - 150 - bottom_px(inset), 1e-6);  // centred in the free part
}

// The caption says what the event changed on this map, or why the map shows no change: a teacher
// in presentation mode has no event card to read it from.
TEST(Overlay, TheCaptionSaysWhatChangedOrWhyNothingDid) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    auto changes = [&](const char* date, Basis basis) {
        return overlay_text(r.atlas, tl, *parse_date(date).date, basis, "en", true).caption_changes;
    };
    const std::string kars = changes("1921-10-13", Basis::DeFacto);
    EXPECT_NE(kars.find("Nakhchivan: Turkey, military control \u2192 Azerbaijan SSR, autonomous"), std::string::npos)
        << kars;
    // The Treaty of Moscow changes the de jure map when it takes effect, not on the day it is signed.
    EXPECT_EQ(changes("1921-03-16", Basis::DeJure), "Takes effect on 22 September 1921.");
    // Brest-Litovsk gives up Kars on paper; the atlas records no change, and its notes say why.
    EXPECT_EQ(changes("1918-03-03", Basis::DeFacto), "No change of control recorded; the event's notes say why.");
}

TEST(Overlay, TextsFollowTheDateAndLanguage) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    const OverlayText en =
        overlay_text(r.atlas, tl, *parse_date("1921-03-16").date, Basis::DeFacto, "en", true);
    EXPECT_EQ(en.date, "16 March 1921");
    EXPECT_NE(en.caption_heading.find("Treaty of Moscow"), std::string::npos);
    // Sources as a reader cites them, not the atlas's ids.
    EXPECT_NE(en.source.find("Bolat 2019"), std::string::npos) << en.source;
    EXPECT_EQ(en.source.find("bolat"), std::string::npos) << en.source;
    auto has = [](const std::vector<LegendItem>& items, const std::string& label) {
        return std::any_of(items.begin(), items.end(),
                           [&](const LegendItem& i) { return i.label == label; });
    };
    EXPECT_TRUE(has(en.controllers, "Turkey"));
    // On the ground Batum is handed over at Moscow's signing (Bolat) and Nakhchivan is held by
    // Turkish troops; the autonomies are the treaty's, in force in September (issue 21, item 7).
    EXPECT_TRUE(has(en.statuses, "administered"));
    EXPECT_TRUE(has(en.statuses, "military control"));
    EXPECT_FALSE(has(en.statuses, "autonomous"));
    const OverlayText in_force =
        overlay_text(r.atlas, tl, *parse_date("1921-09-22").date, Basis::DeJure, "en", true);
    EXPECT_TRUE(has(in_force.statuses, "autonomous"));  // Batum and Nakhchivan
    // The caption keeps the first sentence whole, abbreviations and all.
    const OverlayText politburo =
        overlay_text(r.atlas, tl, *parse_date("1923-08-23").date, Basis::DeFacto, "en", true);
    EXPECT_EQ(politburo.caption_body.substr(politburo.caption_body.size() - 17),
              "(minutes No. 27).");
    const OverlayText tr =
        overlay_text(r.atlas, tl, *parse_date("1921-03-16").date, Basis::DeFacto, "tr", true);
    EXPECT_TRUE(has(tr.controllers, "Türkiye"));
    // The Soviet claim of 1945 shows in the legend while it stands, and not after its renunciation.
    EXPECT_FALSE(
        overlay_text(r.atlas, tl, *parse_date("1946-01-01").date, Basis::DeFacto, "en", true)
            .claims.empty());
    EXPECT_TRUE(
        overlay_text(r.atlas, tl, *parse_date("1946-01-01").date, Basis::DeFacto, "en", false)
            .claims.empty());
    EXPECT_TRUE(
        overlay_text(r.atlas, tl, *parse_date("1960-01-01").date, Basis::DeFacto, "en", true)
            .claims.empty());
}

struct Rendered : ::testing::Test {
    Result<std::unique_ptr<render::HeadlessContext>> ctx = render::HeadlessContext::create();
    LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    std::unique_ptr<Timeline> tl;
    MapView view;
    void SetUp() override {
        ASSERT_TRUE(test::succeeded(ctx));
        tl = std::make_unique<Timeline>(r.atlas);
        ASSERT_TRUE(test::succeeded(view.init(r.atlas, *tl)));
    }
    std::vector<std::uint8_t> image(ExportRequest req) {
        std::vector<std::uint8_t> rgba;
        EXPECT_TRUE(test::succeeded(render_image(view, r.atlas, req), rgba));
        return rgba;
    }
    // Share of pixels that differ inside a rectangle of two images of width w.
    static double changed_in(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                             int w, Rect box) {
        int changed = 0, total = 0;
        for (int y = int(box.y0); y < int(box.y1); ++y)
            for (int x = int(box.x0); x < int(box.x1); ++x, ++total) {
                const std::size_t i = (std::size_t(y) * std::size_t(w) + std::size_t(x)) * 4;
                changed += a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2];
            }
        return double(changed) / total;
    }
};

// The boxes over the map, each in its corner.
TEST_F(Rendered, EachOverlaySwitchRemovesItsBoxOnly) {
    ExportRequest req;
    req.date = *parse_date("1921-03-16").date;
    req.width = 960;
    req.height = 540;
    req.overlays.labels = false;
    req.overlays.column = false;
    req.text_size = 0.6f;  // 0.75 of the fonts' size, which the corners below were measured at
    const auto all = image(req);
    req.overlays = {false, false, false, false, false, false};
    const auto none = image(req);
    const Rect top_left{0, 0, 200, 60}, top_right{800, 0, 960, 100}, bottom_left{0, 480, 300, 540};
    req.overlays = {true, false, false, false, false, false};  // the title only
    const auto title = image(req);
    EXPECT_GT(changed_in(title, none, 960, top_left), 0.2);
    EXPECT_EQ(changed_in(title, none, 960, top_right), 0.0);
    EXPECT_EQ(changed_in(title, none, 960, bottom_left), 0.0);
    req.overlays = {false, true, false, false, false, false};  // the legend only
    const auto legend = image(req);
    EXPECT_GT(changed_in(legend, none, 960, top_right), 0.2);
    EXPECT_EQ(changed_in(legend, none, 960, top_left), 0.0);
    EXPECT_EQ(changed_in(all, legend, 960, top_right), 0.0);
    req.overlays = {false, false, true, false, false, false};  // the caption only
    EXPECT_GT(changed_in(image(req), none, 960, bottom_left), 0.2);
}

// What the window previews (the map drawn, then ImGui's overlay on top, in one framebuffer) and
// what the export dialog's "as on screen" request writes (tiled here) are the same picture.
TEST_F(Rendered, ExportMatchesThePreview) {
    const int w = 900, h = 500;
    const Date date = *parse_date("1921-10-13").date;
    render::Camera cam = fit_camera(view.default_area(), w, h);
    cam.center_x += 20 * cam.units_per_pixel;  // a view the user has panned and zoomed
    cam.units_per_pixel *= 0.8;
    OverlayOptions overlays;

    render::Offscreen target;
    ASSERT_TRUE(test::succeeded(target.create(w, h, 4)));
    MapPane pane;
    pane.style_at(view, r.atlas, date, Basis::DeFacto, "en", true);
    target.bind();
    view.draw(pane.style, cam, 1.0f);
    OverlayCanvas canvas;
    ASSERT_TRUE(test::succeeded(canvas.init(1.0f)));
    const OverlayText text = overlay_text(r.atlas, *tl, date, Basis::DeFacto, "en", true, &view.scene());
    ImGuiPainter painter(canvas.begin(w, h), canvas.fonts());
    draw_overlay({&painter, 0, 0, float(w), float(h), cam, &view.geo()}, text, pane.labels, overlays);
    canvas.end();
    canvas.render_tile(0, 0, w, h);
    const auto preview = target.read_rgba();

    ExportRequest req = as_previewed(cam, 1.0f, w, h);
    req.date = date;
    req.overlays = overlays;  // as the export dialog passes the window's
    req.max_tile = 256;  // 4 x 2 tiles
    const auto exported = image(req);
    const test::ImageDiff d = test::compare(preview, exported, 40);
    EXPECT_LT(d.mean_abs, 0.5);
    EXPECT_LT(d.share_over, 0.002);
}

}  // namespace

// A territory's name keeps clear of a town at its centre when its room allows, so both show.
TEST(Labels, TerritoryNamesMoveOffTownDots) {
    const auto placed = place_labels({{"Territory", 100, 100, false, 10, 200.0f}, {"Town", 100, 100, true, 1, 0}},
                                     measure_fixed, {0, 0, 300, 300}, {}, 2);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_NE(placed[0].box.y0 + placed[0].box.y1, 200.0f);  // not centred on the town
    EXPECT_TRUE(placed[1].town);
}

// Label anchors: inside the shape, at the centre of its largest inscribed circle.
TEST(LabelAnchor, IsTheCentreOfTheLargestInscribedCircle) {
    Shape l;  // an L: the bounding box's centre lies outside it
    l.polygons.push_back({{{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 10}, {0, 10}, {0, 0}}}});
    const auto a = label_anchor(l);
    ASSERT_TRUE(a);
    EXPECT_TRUE(l.contains(a->at));
    EXPECT_NEAR(a->radius, 2.0 / (1.0 + 1.0 / std::sqrt(2.0)), 0.03);  // in the corner: it touches both walls and the inner corner
    Shape square;
    square.polygons.push_back({{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}}});
    const auto b = label_anchor(square);
    ASSERT_TRUE(b);
    EXPECT_NEAR(b->at.x, 2.0, 0.05);
    EXPECT_NEAR(b->at.y, 2.0, 0.05);
    EXPECT_NEAR(b->radius, 2.0, 0.05);
}

TEST(LabelAnchor, ALongShapeHasRoomAlongItsLength) {
    Shape strip;  // 20 long, 2 high, in two provinces sharing an edge at x = 12
    strip.polygons.push_back({{{{0, 0}, {12, 0}, {12, 2}, {0, 2}, {0, 0}}}});
    strip.polygons.push_back({{{{12, 0}, {20, 0}, {20, 2}, {12, 2}, {12, 0}}}});
    const auto a = label_anchor(strip);
    ASSERT_TRUE(a);
    EXPECT_NEAR(a->radius, 1.0, 0.05);
    EXPECT_NEAR(a->wide_width, 20.0, 1e-6);  // the shared edge does not end it
    EXPECT_NEAR(a->wide_at.x, 10.0, 1e-6);
    Shape bay = strip;  // a bay from above, at x 15..16, down to 0.4: the label runs beside it
    bay.polygons[1].rings[0] = {{12, 0}, {20, 0}, {20, 2}, {16, 2}, {16, 0.4}, {15, 0.4}, {15, 2}, {12, 2}, {12, 0}};
    const auto b = label_anchor(bay);
    ASSERT_TRUE(b);
    EXPECT_LE(b->wide_width, 15.0 + 1e-6);
    EXPECT_GE(b->wide_width, 14.0);
    Shape apart = strip;  // the same provinces a gap apart: two shapes as far as a label goes
    for (auto& v : apart.polygons[1].rings[0]) v.x += 1;
    const auto c = label_anchor(apart);
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->wide_width, 12.0, 1e-6);
}

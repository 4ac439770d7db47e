// Films (chronomap animate): the plan of frames, frame accuracy against stills, and the MP4 as a
// player decodes it (libavcodec).
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "app/view/export/export.h"
#include "data/time/film_plan.h"
#include "app/view/film/gif_palette.h"
#include "render/headless_context.h"
#include "data/load/loader.h"
#include "app/view/scene/map_view.h"
#include "data/time/playback.h"
#include "tests/support/decode_video.h"
#include "tests/support/png_io.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

const std::string kKars = std::string(CHRONOMAP_MAPS) + "/kars";
Date d(const char* s) { return *parse_date(s).date; }

// `chronomap animate` of the bundled atlas into `out`, with the given options.
test_support::Captured animate(const std::string& out, const std::vector<std::string>& options) {
    std::vector<std::string> a = {"animate", kKars, "--out", out};
    a.insert(a.end(), options.begin(), options.end());
    return test_support::run_cli(a);
}

struct KarsAtlas {
    LoadResult r = load_atlas(kKars + "/atlas.json");
    Timeline tl{r.atlas};
};

}  // namespace

TEST(FilmPlan, PerEventHoldsEachEventAndBlendsFromThePreviousDate) {
    KarsAtlas k;
    FilmPacing p;
    p.fps = 10;
    p.per_event = 1;
    p.hold_start = 0.5;
    p.hold_end = 0.5;
    const auto frames = plan_film(k.tl, d("1920-10-01"), d("1921-04-01"), p);
    std::vector<Date> dates;
    for (const Event* e : k.tl.events_between(d("1920-10-01"), d("1921-04-01")))
        if (dates.empty() || dates.back() != e->date) dates.push_back(e->date);
    ASSERT_EQ(frames.size(), 5 + dates.size() * 10 + 5);
    EXPECT_EQ(frames.front().date, d("1920-10-01"));
    EXPECT_FALSE(frames.front().blend_from);
    EXPECT_EQ(frames[5].date, dates[0]);  // the first event, blending in from the start
    ASSERT_TRUE(frames[5].blend_from);
    EXPECT_EQ(*frames[5].blend_from, d("1920-10-01"));
    EXPECT_EQ(frames[5].since_change, 0);
    EXPECT_EQ(frames[15].date, dates[1]);
    EXPECT_EQ(*frames[15].blend_from, dates[0]);
    EXPECT_EQ(frames.back().date, dates.back());
}

TEST(FilmPlan, SteadyTimeEndsOnTheLastDateAndMarksCrossings) {
    KarsAtlas k;
    FilmPacing p;
    p.fps = 10;
    p.years_per_second = 1;
    const auto frames = plan_film(k.tl, d("1920-01-01"), d("1922-01-01"), p);
    ASSERT_GE(frames.size(), 20u);
    EXPECT_EQ(frames.back().date, d("1922-01-01"));
    for (std::size_t i = 1; i < frames.size(); ++i) EXPECT_LE(frames[i - 1].date, frames[i].date);
    // Kars was taken on 30 October 1920: the first frame after it blends from the frame before.
    const auto after = std::find_if(frames.begin(), frames.end(), [](const FilmFrame& f) { return f.date >= d("1920-10-30"); });
    ASSERT_NE(after, frames.end());
    ASSERT_TRUE(after->blend_from);
    EXPECT_LT(*after->blend_from, d("1920-10-30"));
    EXPECT_TRUE(plan_film(k.tl, d("1922"), d("1920"), p).empty());
}

// Frame k of a film is the still export at that frame's date and transition phase; the MP4 is
// H.264 with the atlas's title, and decodes to the same pictures within video tolerance.
TEST(Film, FramesAreTheStillsAndTheMp4DecodesToThem) {
    test_support::TempDir tmp;
    // Boxes over the map, as the video tolerances below were measured: at 320 x 180 the column
    // beside the map is mostly small text, whose edges H.264 blurs.
    const std::vector<std::string> common = {"--from", "1920-10-01", "--to", "1921-04-01", "--per-event", "0.3",
                                             "--fps", "10", "--size", "320x180", "--boxes-over-map"};
    const std::string folder = (tmp.path / "frames").string() + "/";
    auto r = animate(folder, common);
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string mp4 = (tmp.path / "kars.mp4").string();
    r = animate(mp4, common);
    ASSERT_EQ(r.code, 0) << r.err;

    // The stills, rendered the way export renders them.
    KarsAtlas k;
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    MapView view;
    ASSERT_TRUE(test::succeeded(view.init(k.r.atlas, k.tl)));
    FilmPacing p;
    p.fps = 10;
    p.per_event = 0.3;
    const auto frames = plan_film(k.tl, d("1920-10-01"), d("1921-04-01"), p);
    const auto film = test_support::decode_video(mp4);
    ASSERT_EQ(film.error, "");
    EXPECT_EQ(film.codec, "h264");
    EXPECT_EQ(film.width, 320);
    EXPECT_NEAR(film.fps, 10, 0.01);
    EXPECT_EQ(film.metadata.at("title"), k.r.atlas.title);
    ASSERT_EQ(film.frames.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); i += 3) {
        SCOPED_TRACE("frame " + std::to_string(i));
        char name[32];
        std::snprintf(name, sizeof name, "frame-%06zu.png", i + 1);
        const auto png = test::read_png(folder + name);
        // The still: this frame's date with its colours blended as on screen.
        auto to = view.styles(frames[i].date, Basis::DeFacto);
        if (frames[i].blend_from) {
            const auto from = view.styles(*frames[i].blend_from, Basis::DeFacto);
            std::vector<std::uint32_t> a, b;
            std::vector<bool> changed;
            for (std::size_t s = 0; s < to.size(); ++s) {
                a.push_back(from[s].fill);
                b.push_back(to[s].fill);
                changed.push_back(shown(from[s]) && shown(to[s]) &&
                                  (from[s].fill != to[s].fill || from[s].pattern != to[s].pattern || from[s].claim != to[s].claim));
            }
            ColourTransition t;
            t.start(a, b, changed, 0);
            for (std::size_t s = 0; s < to.size(); ++s)
                if (t.changed(s)) {
                    to[s].fill = t.fill(s, frames[i].since_change);
                    to[s].highlight = t.highlight(s, frames[i].since_change);
                }
        }
        ExportRequest req;
        req.date = frames[i].date;
        req.width = 320;
        req.height = 180;
        req.overlays.column = false;
        req.styles = &to;
        std::vector<std::uint8_t> still;
        ASSERT_TRUE(test::succeeded(render_image(view, k.r.atlas, req), still));
        EXPECT_EQ(png.rgba, still);  // the PNG frames are exact
        const auto diff = test::compare(film.frames[i], still, 40);
        EXPECT_LT(diff.mean_abs, 4.0);      // H.264 at CRF 20 in 4:2:0: small, blurred edges
        EXPECT_LT(diff.share_over, 0.03);
    }
}

TEST(Film, AFailedFilmLeavesNoFile) {
    test_support::TempDir tmp;
    const auto r = test_support::run_cli({"animate", kKars, "--out", (tmp.path / "missing" / "x.mp4").string(),
                                          "--per-event", "0.1", "--from", "1920", "--to", "1921"});
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(fs::is_empty(tmp.path));
    EXPECT_EQ(test_support::run_cli({"animate", kKars, "--out", (tmp.path / "x.avi").string()}).code, 2);
}

namespace {

// A GIF keeps the map's flat fills exactly (its palette is computed for the film) and decodes to
// the PNG frames of the same film: no dithering on the territories.
TEST(Film, GifKeepsTheFillsExactAndDecodesToTheFrames) {
    test_support::TempDir tmp;
    const std::vector<std::string> common = {"--from", "1920-10-01", "--to", "1921-04-01", "--per-event", "1",
                                             "--fps", "5", "--size", "320x180", "--boxes-over-map"};  // as above
    const std::string folder = (tmp.path / "frames").string() + "/", gif = (tmp.path / "kars.gif").string();
    ASSERT_EQ(animate(folder, common).code, 0);
    const auto r = animate(gif, common);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto film = test_support::decode_video(gif);
    ASSERT_EQ(film.error, "");
    EXPECT_EQ(film.codec, "gif");
    EXPECT_EQ(film.width, 320);
    const KarsAtlas k;
    FilmPacing p;
    p.fps = 5;
    p.per_event = 1;
    const auto plan = plan_film(k.tl, d("1920-10-01"), d("1921-04-01"), p);
    ASSERT_EQ(film.frames.size(), plan.size());
    int checked = 0;
    for (std::size_t i = 0; i < film.frames.size(); ++i) {
        SCOPED_TRACE("frame " + std::to_string(i));
        // During the half-second colour blend the palette has the colours before and after,
        // not every mix between: those frames show the nearest, and are not compared exactly.
        if (plan[i].blend_from && plan[i].since_change < ColourTransition::kDuration) continue;
        ++checked;
        char name[32];
        std::snprintf(name, sizeof name, "frame-%06zu.png", i + 1);
        const auto png = test::read_png(folder + name);
        // Flat areas (colours covering at least 0.5% of the frame: fills, sea, panels) are exact.
        std::map<std::uint32_t, std::size_t> count;
        auto rgb = [](const std::uint8_t* p) { return std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2]; };
        const std::size_t pixels = png.rgba.size() / 4;
        for (std::size_t px = 0; px < pixels; ++px) ++count[rgb(&png.rgba[px * 4])];
        std::size_t flat = 0, exact = 0;
        for (std::size_t px = 0; px < pixels; ++px) {
            if (count[rgb(&png.rgba[px * 4])] * 200 < pixels) continue;
            ++flat;
            exact += rgb(&png.rgba[px * 4]) == rgb(&film.frames[i][px * 4]);
        }
        EXPECT_GT(flat, pixels / 2);
        EXPECT_EQ(exact, flat);
        // Edges, patterns and text share the rest of the 255 colours: a few of their pixels
        // take a neighbouring colour.
        const auto diff = test::compare(film.frames[i], png.rgba, 40);
        EXPECT_LT(diff.mean_abs, 2.0);
        EXPECT_LT(diff.share_over, 0.015);
    }
    EXPECT_GT(checked, 5);
}

TEST(GifPalette, KeepsTheCommonColoursExactly) {
    // Three flat fills over most of the image and 2,000 one-pixel colours (edges, text).
    std::vector<std::uint8_t> rgba;
    const std::uint8_t fills[3][3] = {{0xE0, 0xC8, 0x70}, {0x2A, 0x6F, 0xB8}, {0xD0, 0x50, 0x60}};
    for (int i = 0; i < 30000; ++i) {
        const auto& f = fills[i % 3];
        rgba.insert(rgba.end(), {f[0], f[1], f[2], 255});
    }
    for (int i = 0; i < 2000; ++i)
        rgba.insert(rgba.end(), {std::uint8_t(i * 7), std::uint8_t(i * 13), std::uint8_t(i * 29), 255});
    GifPalette palette;
    palette.sample(rgba);
    palette.build();
    std::vector<std::uint8_t> index(rgba.size() / 4);
    palette.map(rgba, index.data());
    for (int i = 0; i < 3; ++i) {
        const std::uint32_t argb = palette.argb()[index[static_cast<std::size_t>(i)]];
        EXPECT_EQ(argb, 0xFF000000u | std::uint32_t(fills[i][0]) << 16 | std::uint32_t(fills[i][1]) << 8 | fills[i][2]);
    }
    EXPECT_EQ(palette.argb()[255] >> 24, 0u);  // the transparent entry
    for (std::uint8_t i : index) EXPECT_LT(i, 255);
}

}  // namespace

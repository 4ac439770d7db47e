// Films (chronomap animate): the plan of frames, frame accuracy against stills, and the MP4 as a
// player decodes it (libavcodec).
#include <filesystem>

#include <gtest/gtest.h>

#include "export.h"
#include "film_plan.h"
#include "headless_context.h"
#include "loader.h"
#include "map_view.h"
#include "playback.h"
#include "support/decode_video.h"
#include "support/png_io.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

const std::string kKars = std::string(CHRONOMAP_MAPS) + "/kars";
Date d(const char* s) { return *parse_date(s).date; }

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
    const std::vector<std::string> common = {"--from", "1920-10-01", "--to", "1921-04-01", "--per-event", "0.3",
                                             "--fps", "10", "--size", "320x180"};
    auto args = [&](const std::string& out) {
        std::vector<std::string> a = {"animate", kKars, "--out", out};
        a.insert(a.end(), common.begin(), common.end());
        return a;
    };
    const std::string folder = (tmp.path / "frames").string() + "/";
    auto r = test_support::run_cli(args(folder));
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string mp4 = (tmp.path / "kars.mp4").string();
    r = test_support::run_cli(args(mp4));
    ASSERT_EQ(r.code, 0) << r.err;

    // The stills, rendered the way export renders them.
    KarsAtlas k;
    std::string error;
    auto ctx = render::HeadlessContext::create(error);
    ASSERT_TRUE(ctx) << error;
    MapView view;
    ASSERT_TRUE(view.init(k.r.atlas, k.tl, d("1920-10-01"), error)) << error;
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
        req.styles = &to;
        std::vector<std::uint8_t> still;
        ASSERT_EQ(render_image(view, k.r.atlas, req, still), "");
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

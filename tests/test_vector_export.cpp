// SVG and PDF export: the PDF renders (poppler's pdftoppm) like the PNG export, its text can be
// extracted (pdftotext), the SVG is well-formed XML with real pattern fills, and geometry is
// thinned to the output resolution.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "app/view/overlay/overlay.h"
#include "app/view/scene/map_scene.h"
#include "data/load/loader.h"
#include "data/time/timeline.h"
#include "tests/support/png_io.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

const std::string kKars = std::string(CHRONOMAP_MAPS) + "/kars";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int shell(const std::string& command) { return std::system(command.c_str()); }

struct Exports : ::testing::Test {
    test_support::TempDir tmp;
    // Exports the bundled atlas on 1 November 1921 at 800x450 to `name`, with extra arguments.
    // Text at 0.7 of a room's size: two rasterisers place letters a pixel apart here and there,
    // and the tolerances below were measured for that much text.
    void run(const std::string& name, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"export", kKars, "--date", "1921-11-01", "--size", "800x450", "--text-size", "0.7",
                                         "--out", (tmp.path / name).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = test_support::run_cli(args);
        ASSERT_EQ(r.code, 0) << r.err;
    }
    // The PDF rasterised by poppler at one pixel a point.
    test::Png rasterise(const std::string& pdf) {
        const fs::path stem = tmp.path / (pdf + "-page");
        EXPECT_EQ(shell("pdftoppm -r 72 -png -singlefile '" + (tmp.path / pdf).string() + "' '" + stem.string() + "'"), 0);
        return test::read_png(stem.string() + ".png");
    }
};

TEST_F(Exports, PdfRendersLikeThePng) {
    const std::vector<std::string> map_only = {"--no-title", "--no-legend", "--no-caption", "--no-labels",
                                               "--no-scale-bar"};
    run("map.png", map_only);
    run("map.pdf", map_only);
    const auto png = test::read_png((tmp.path / "map.png").string());
    const auto pdf = rasterise("map.pdf");
    ASSERT_EQ(pdf.width, 800);
    ASSERT_EQ(pdf.height, 450);
    // The same shapes, colours and patterns; the two rasterisers anti-alias edges differently.
    auto diff = test::compare(pdf.rgba, png.rgba, 40);
    EXPECT_LT(diff.mean_abs, 3.0);
    EXPECT_LT(diff.share_over, 0.03);
    // With every overlay: the same boxes and labels in the same places (text is drawn by
    // another rasteriser, so a little more differs).
    run("full.png");
    run("full.pdf");
    diff = test::compare(rasterise("full.pdf").rgba, test::read_png((tmp.path / "full.png").string()).rgba, 40);
    EXPECT_LT(diff.mean_abs, 6.0);
    EXPECT_LT(diff.share_over, 0.08);
}

TEST_F(Exports, PdfTextCanBeExtracted) {
    run("map.pdf");
    const fs::path text = tmp.path / "map.txt";
    ASSERT_EQ(shell("pdftotext '" + (tmp.path / "map.pdf").string() + "' '" + text.string() + "'"), 0);
    const std::string t = slurp(text);
    EXPECT_NE(t.find("The Treaty of Kars and Nakhchivan"), std::string::npos) << t;
    EXPECT_NE(t.find("1 November 1921"), std::string::npos);
    EXPECT_NE(t.find("Sources: Bolat 2019"), std::string::npos);  // the source line, as a reader cites it
    EXPECT_NE(t.find("Azerbaijan SSR"), std::string::npos);  // the legend
    // Labels are drawn once as text (their halo is a stroked outline, not more copies).
    std::size_t count = 0;
    for (std::size_t at = t.find("Erzurum"); at != std::string::npos; at = t.find("Erzurum", at + 1)) ++count;
    EXPECT_EQ(count, 2u) << t;  // the territory and the town
}

TEST_F(Exports, SvgIsWellFormedWithPatternFills) {
    run("map.svg");
    const fs::path svg = tmp.path / "map.svg";
    EXPECT_EQ(shell("xmllint --noout '" + svg.string() + "'"), 0);
    const std::string s = slurp(svg);
    EXPECT_NE(s.find("<svg"), std::string::npos);
    EXPECT_NE(s.find("width=\"800px\""), std::string::npos);
    EXPECT_NE(s.find("<pattern"), std::string::npos);  // Nakhchivan's autonomy hatching
    // The overlays' text is SVG text: searchable and editable, in the Noto faces it embeds.
    EXPECT_NE(s.find("@font-face { font-family: 'Chronomap Noto Sans'; font-weight: bold; src: url(data:font/ttf;base64,"),
              std::string::npos);
    EXPECT_NE(s.find(">The Treaty of Kars and Nakhchivan, 1914\xE2\x80\x93" "1991</text>"), std::string::npos);
    EXPECT_NE(s.find(">Azerbaijan SSR</text>"), std::string::npos);
    // Rendered by librsvg (what GNOME and many converters use), it is the PNG export's picture.
    run("map.png");
    const fs::path raster = tmp.path / "svg.png";
    ASSERT_EQ(shell("rsvg-convert -o '" + raster.string() + "' '" + svg.string() + "'"), 0);
    const auto from_svg = test::read_png(raster.string());
    ASSERT_EQ(from_svg.width, 800);
    const auto diff = test::compare(from_svg.rgba, test::read_png((tmp.path / "map.png").string()).rgba, 40);
    EXPECT_LT(diff.mean_abs, 6.0);
    EXPECT_LT(diff.share_over, 0.08);
}

// A polygon of 300,000 vertices is a few thousand path points at 800x450 (its outline, 40 waves
// around a circle, is about 4,000 pixels long).
TEST_F(Exports, GeometryIsThinnedToTheOutputResolution) {
    fs::create_directories(tmp.path / "star");
    std::string ring = "[";
    const int n = 300000;
    char buf[64];
    for (int k = 0; k <= n; ++k) {
        const double a = 2 * M_PI * (k % n) / n;
        const double radius = 10 + 3 * std::sin(a * 40);
        std::snprintf(buf, sizeof buf, "%s[%.6f, %.6f]", k ? "," : "", 20 + radius * std::cos(a), 20 + radius * std::sin(a));
        ring += buf;
    }
    ring += "]";
    std::ofstream(tmp.path / "star" / "atlas.json") << R"({"title": "star", "time_range": {"start": "1900", "end": "2000"},
      "layers": [{"name": "l", "source": "l.geojson", "role": "territories"}],
      "powers": [{"id": "red", "name": "Red", "color": "#D55E00"}], "sources": [{"id": "s", "title": "S"}],
      "events": ["events.json"]})";
    std::ofstream(tmp.path / "star" / "events.json") << R"([{"id": "e", "date": "1900-01-01", "title": "E",
      "changes": [{"territory": "big", "status": "integral", "controller": "red"}],
      "sources": [{"source": "s", "locator": "p. 1"}]}])";
    std::ofstream(tmp.path / "star" / "l.geojson") << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
      "properties": {"id": "big"}, "geometry": {"type": "Polygon", "coordinates": [)" << ring << "]}}]}";
    const fs::path svg = tmp.path / "star.svg";
    const auto r = test_support::run_cli({"export", (tmp.path / "star").string(), "--date", "1950", "--size", "800x450",
                                          "--out", svg.string(), "--no-labels"});
    ASSERT_EQ(r.code, 0) << r.err;
    // The full ring would be 300,000 points, over 5 MB of path. (The embedded fonts are not
    // geometry: they are left out of the count.)
    std::string text = slurp(svg);
    const auto fonts = text.find("<defs><style"), fonts_end = text.find("</style></defs>");
    ASSERT_NE(fonts, std::string::npos);
    text.erase(fonts, fonts_end - fonts);
    EXPECT_LT(text.size(), 200u * 1024) << text.size();
}

}  // namespace

// A lesson's legend names every colour on the map: each controller, and the colour a territory
// had before a change of uncertain date (its checkerboard's other squares), with no "+ N more"
// while the corner has room. At 1 March 1919 it listed four powers and "+ 3 more" on a projector,
// and the Aras Turkish government, whose colour fills half of Nakhchivan's squares, not at all.
TEST_F(Exports, TheLegendNamesEveryColourOnALessonsMap) {
    const LoadResult r = load_atlas(kKars);
    const Timeline tl(r.atlas);
    const Date date = *parse_date("1919-03-01").date;
    const auto states = tl.state_at(date, Basis::DeFacto);
    std::set<std::string> colours;  // the powers whose colour is on the map
    for (const auto& s : states) {
        if (!tl.exists(s, date)) continue;
        if (!s.controller.empty()) colours.insert(std::string(s.controller));
        if (const auto before = controller_before_uncertain_change(tl, s, date, Basis::DeFacto)) colours.insert(std::string(*before));
    }
    ASSERT_TRUE(colours.count("aras-government")) << "the date no longer shows the stripes this test is about";
    for (const char* size : {"960x540", "1920x1080"}) {
        const std::string name = std::string("legend-") + size + ".svg";
        const auto out = test_support::run_cli({"export", kKars, "--date", "1919-03-01", "--size", size, "--out",
                                                (tmp.path / name).string()});
        ASSERT_EQ(out.code, 0) << out.err;
        const std::string svg = slurp(tmp.path / name);
        for (const auto& id : colours)
            EXPECT_NE(svg.find(r.atlas.power_name(id, "en")), std::string::npos) << size << ": " << id << " is not named";
        EXPECT_EQ(svg.find(" more<"), std::string::npos) << size;
    }
    // Listed in the atlas's order of powers, whatever their areas: the same order at every step.
    const OverlayText text = overlay_text(r.atlas, tl, date, Basis::DeFacto, "en", true);
    for (std::size_t i = 1; i < text.controllers.size(); ++i) EXPECT_LT(text.controllers[i - 1].rank, text.controllers[i].rank);
}

namespace {

// The font-size of the first SVG text element that reads `text`; 0 when there is none.
double font_size_of(const std::string& svg, const std::string& text) {
    const std::size_t at = svg.find(">" + text + "<");
    if (at == std::string::npos) return 0;
    const std::size_t open = svg.rfind("<text", at), size = svg.find("font-size=\"", open);
    if (open == std::string::npos || size == std::string::npos || size > at) return 0;
    return std::atof(svg.c_str() + size + 11);
}

}  // namespace

// By default an export's text is read across a room: the caption's heading a thirtieth of the
// image's height (font size, as CSS measures it), place names and the legend a little smaller;
// --text-size scales it (0.5 for print). A 1920 x 1080 slide had names of 10 px.
TEST_F(Exports, TextIsSizedForARoom) {
    for (const char* size : {"1920x1080", "1280x720"}) {
        const double height = std::atof(std::strchr(size, 'x') + 1);
        for (const char* factor : {"1", "0.5"}) {
            const std::string name = std::string("room-") + size + "-" + factor + ".svg";
            const auto out = test_support::run_cli({"export", kKars, "--date", "1921-10-13", "--size", size, "--text-size",
                                                    factor, "--out", (tmp.path / name).string()});
            ASSERT_EQ(out.code, 0) << out.err;
            const std::string svg = slurp(tmp.path / name);
            const double k = std::atof(factor), heading = font_size_of(svg, "13 October 1921 \xE2\x80\x94 Treaty of Kars"),
                         legend = font_size_of(svg, "Armenian SSR"), name_size = font_size_of(svg, "Azerbaijan");
            SCOPED_TRACE(std::string(size) + " x" + factor);
            EXPECT_NEAR(heading, k * height / 30, k * height / 30 * 0.1);
            EXPECT_GT(legend, 0.7 * heading);
            EXPECT_LT(legend, heading);
            EXPECT_GT(name_size, 0.7 * heading);
            EXPECT_LT(name_size, heading);
        }
    }
}

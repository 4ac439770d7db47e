// Uncertainty shown: border precision from a layer's field (soft and dashed borders), changes
// dated only to the month or year drawn as bands of both controllers across that span, their
// legend entries, and the switch that turns it all off.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "data/validate/border_precision.h"
#include "data/load/loader.h"
#include "app/view/scene/map_scene.h"
#include "app/view/overlay/overlay.h"
#include "tests/support/png_io.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "data/time/timeline.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

const std::string kKars = std::string(CHRONOMAP_MAPS) + "/kars";
Date d(const char* s) { return *parse_date(s).date; }

TEST(BorderPrecision, NumbersAndWords) {
    EXPECT_EQ(border_precision_from("3"), BorderPrecision::Exact);
    EXPECT_EQ(border_precision_from(" 2 "), BorderPrecision::Approximate);
    EXPECT_EQ(border_precision_from("1.0"), BorderPrecision::Schematic);
    EXPECT_EQ(border_precision_from("approximate (modern province)"), BorderPrecision::Approximate);
    EXPECT_EQ(border_precision_from("Schematic (position approximate)"), BorderPrecision::Schematic);
    EXPECT_EQ(border_precision_from("surveyed 1926"), BorderPrecision::Exact);
    EXPECT_FALSE(border_precision_from("roughly"));
    EXPECT_FALSE(border_precision_from("4"));
}

TEST(DateSpan, EndsAfterTheDayMonthOrYear) {
    EXPECT_EQ(d("1921-03-16").span_end(), d("1921-03-17").day);
    EXPECT_EQ(d("1921-03").span_end(), d("1921-04-01").day);
    EXPECT_EQ(d("1921-12").span_end(), d("1922-01-01").day);
    EXPECT_EQ(d("1921").span_end(), d("1922-01-01").day);
    EXPECT_EQ(d("500 BC").span_end(), d("499 BC").day);
}

struct KarsUncertainty : ::testing::Test {
    LoadResult r = load_atlas(kKars + "/atlas.json");
    Timeline tl{r.atlas};
    const Feature* territory(const std::string& id) {
        for (const auto& l : r.atlas.layers)
            if (l.role == LayerRole::Territories)
                for (const auto& f : l.features)
                    if (f.id == id) return &f;
        return nullptr;
    }
};

TEST_F(KarsUncertainty, BordersCarryThePrecisionOfTheirNotes) {
    EXPECT_EQ(territory("kars")->border, BorderPrecision::Approximate);
    EXPECT_EQ(territory("nakhchivan")->border, BorderPrecision::Approximate);
    EXPECT_EQ(territory("karki")->border, BorderPrecision::Schematic);
    EXPECT_EQ(r.diagnostics.warning_count(), 0);
}

// "March 1921: Soviet Georgia" is known to the month: all of March shows Georgia in bands of the
// Democratic Republic's colour over the Georgian SSR's, and April shows the SSR alone.
TEST_F(KarsUncertainty, AChangeKnownToTheMonthShowsBothControllersAcrossIt) {
    const int g = tl.territory_index("georgia");
    ASSERT_GE(g, 0);
    const auto georgia = static_cast<std::size_t>(g);
    const std::uint32_t drg = r.atlas.find_power("georgia-dr")->rgba, ssr = r.atlas.find_power("georgian-ssr")->rgba;
    for (const char* inside : {"1921-03-01", "1921-03-20", "1921-03-31"}) {
        const auto s = territory_styles(r.atlas, tl, d(inside), Basis::DeFacto)[georgia];
        EXPECT_EQ(s.fill, ssr) << inside;
        EXPECT_EQ(s.pattern, render::Pattern::Transition) << inside;
        EXPECT_EQ(s.pattern_colour, drg) << inside;
    }
    EXPECT_NE(territory_styles(r.atlas, tl, d("1921-04-01"), Basis::DeFacto)[georgia].pattern, render::Pattern::Transition);
    EXPECT_NE(territory_styles(r.atlas, tl, d("1921-03-20"), Basis::DeFacto, true, false)[georgia].pattern,
              render::Pattern::Transition);
}

TEST_F(KarsUncertainty, TheLegendExplainsWhatIsShownAndOnlyThat) {
    auto labels = [](const OverlayText& t) {
        std::string all;
        for (const auto& i : t.uncertainty) all += i.label + ";";
        return all;
    };
    const auto march = overlay_text(r.atlas, tl, d("1921-03-20"), Basis::DeFacto, "en", true, nullptr);
    EXPECT_NE(labels(march).find("change under way"), std::string::npos);
    const auto april = overlay_text(r.atlas, tl, d("1921-04-20"), Basis::DeFacto, "en", true, nullptr);
    EXPECT_EQ(labels(april).find("change under way"), std::string::npos);
    const auto off = overlay_text(r.atlas, tl, d("1921-03-20"), Basis::DeFacto, "en", true, nullptr, false);
    EXPECT_TRUE(off.uncertainty.empty());
}

TEST(Uncertainty, AnUnknownPrecisionIsAWarningNamingTheValue) {
    test_support::TempDir tmp;
    std::ofstream(tmp.path / "atlas.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
      "layers": [{"name": "l", "source": "l.geojson", "role": "territories", "precision_field": "prec"}],
      "powers": [{"id": "red", "name": "Red", "color": "#D55E00"}], "sources": [{"id": "s", "title": "S"}],
      "events": []})";
    std::ofstream(tmp.path / "l.geojson") << R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"id": "a", "prec": "roughly"},
       "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
      {"type": "Feature", "properties": {"id": "b", "prec": "2"},
       "geometry": {"type": "Polygon", "coordinates": [[[2,0],[3,0],[3,1],[2,0]]]}}]})";
    const auto r = load_atlas((tmp.path / "atlas.json").string());
    std::string all;
    for (const auto& i : r.diagnostics.items()) all += i.format() + "\n";
    EXPECT_NE(all.find("precision 'roughly' (1 feature) is not a known precision"), std::string::npos) << all;
    EXPECT_NE(all.find("atlas.json:"), std::string::npos) << all;  // located at the layer
    EXPECT_EQ(r.atlas.layers[0].features[1].border, BorderPrecision::Approximate);
    EXPECT_EQ(r.atlas.layers[0].features[0].border, BorderPrecision::Exact);
}

// The picture: in March 1921 Georgia shows the Democratic Republic's colour in bands; with
// --no-uncertainty it does not (and the soft borders go). Claims are left out of both pictures:
// the Democratic Republic's claim to Trabzon (Paris, 1919, to the Kars conference) is outlined
// in its colour too.
TEST(Uncertainty, ExportsShowItAndTheSwitchRemovesIt) {
    test_support::TempDir tmp;
    auto run = [&](const std::string& name, bool uncertainty) {
        std::vector<std::string> a = {"export", kKars, "--date", "1921-03-20", "--size", "640x360", "--no-claims",
                                      "--out", (tmp.path / name).string()};
        if (!uncertainty) a.push_back("--no-uncertainty");
        const auto r = test_support::run_cli(a);
        EXPECT_EQ(r.code, 0) << r.err;
        return test::read_png((tmp.path / name).string());
    };
    const auto on = run("on.png", true), off = run("off.png", false);
    const LoadResult r = load_atlas(kKars + "/atlas.json");
    const std::uint32_t drg = r.atlas.find_power("georgia-dr")->rgba;
    auto count = [&](const test::Png& p) {
        int n = 0;
        for (int y = 0; y < p.height; ++y)
            for (int x = 0; x < p.width; ++x) n += p.at(x, y) == drg;
        return n;
    };
    EXPECT_GT(count(on), 500);
    EXPECT_EQ(count(off), 0);
}

}  // namespace

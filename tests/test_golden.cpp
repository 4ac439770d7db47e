// Golden images: fixture atlases rendered headless (EGL surfaceless, llvmpipe) and compared with
// reference PNGs committed under tests/golden. Tolerance: a mean channel difference under 1.0 and
// under 0.5% of pixels differing by more than 40 in any channel (anti-aliasing and font hinting
// may move a little between Mesa and FreeType versions; a wrong colour, pattern, label or legend
// does not fit in that). CHRONOMAP_UPDATE_GOLDEN=1 rewrites the references.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/view/export/export.h"
#include "render/headless_context.h"
#include "app/view/overlay/i18n.h"
#include "data/load/loader.h"
#include "app/view/scene/map_view.h"
#include "render/png_writer.h"
#include "tests/support/png_io.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

struct GoldenCase {
    const char* name;
    const char* atlas;
    const char* date;
    const char* lang;
    bool overlays;
    Basis basis;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesTheCommittedReference) {
    const GoldenCase& c = GetParam();
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/" + c.atlas + "/atlas.json");
    ASSERT_TRUE(r.manifest_read);
    const Timeline tl(r.atlas);
    MapView view;
    const Date date = *parse_date(c.date).date;
    ASSERT_TRUE(test::succeeded(view.init(r.atlas, tl)));
    ExportRequest req;
    req.date = date;
    req.basis = c.basis;
    req.width = 640;
    req.height = 360;
    req.lang = c.lang;
    set_ui_language(c.lang);  // as export --lang does: the legend and captions in the language
    if (!c.overlays) req.overlays = {false, false, false, false, false, false};
    std::vector<std::uint8_t> rgba;
    const auto rendered = test::succeeded(render_image(view, r.atlas, req), rgba);
    set_ui_language("en");
    ASSERT_TRUE(rendered);

    const std::string reference = std::string(CHRONOMAP_GOLDEN) + "/" + c.name + ".png";
    if (std::getenv("CHRONOMAP_UPDATE_GOLDEN")) {
        ASSERT_TRUE(test::succeeded(render::write_png(reference, req.width, req.height, rgba, {})));
        GTEST_SKIP() << "rewrote " << reference;
    }
    const test::Png ref = test::read_png(reference);
    ASSERT_EQ(ref.width, req.width) << "missing or wrong-sized reference " << reference;
    ASSERT_EQ(ref.height, req.height);
    const test::ImageDiff d = test::compare(rgba, ref.rgba, 40);
    if (d.mean_abs >= 1.0 || d.share_over >= 0.005) {
        const std::string got =
            (fs::temp_directory_path() / (std::string("chronomap-golden-") + c.name + ".png"))
                .string();
        (void)render::write_png(got, req.width, req.height, rgba, {});
        ADD_FAILURE() << c.name << ": mean difference " << d.mean_abs << ", " << d.share_over * 100
                      << "% of pixels differ by more than 40; the rendering is in " << got;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Atlases, Golden,
    ::testing::Values(
        GoldenCase{"sample-1919-map", "sample", "1919-01-01", "en", false, Basis::DeFacto},
        GoldenCase{"sample-1921-overlays", "sample", "1921-01-01", "tr", true, Basis::DeFacto},
        GoldenCase{"kars-1918-overlays", "kars", "1918-06-01", "en", true, Basis::DeFacto},
        GoldenCase{"kars-1921-dejure", "kars", "1921-10-13", "hy", true, Basis::DeJure},
        GoldenCase{"kars-1990-overlays", "kars", "1990-01-19", "az", true, Basis::DeFacto}),
    [](const ::testing::TestParamInfo<GoldenCase>& i) {
        std::string n = i.param.name;
        for (auto& ch : n)
            if (ch == '-') ch = '_';
        return n;
    });

}  // namespace

// Right-to-left names on the map: put in visual order, Arabic letters joined, and the faces that
// draw them built into the fonts (app/view/overlay/bidi_text.h).
#include <gtest/gtest.h>

#include <imgui.h>

#include <string>
#include <vector>

#include "app/view/overlay/bidi_text.h"
#include "app/view/overlay/fonts.h"

using namespace chronomap;

namespace {

std::vector<std::uint32_t> code_points(const std::string& s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = n == 1 ? c : c & (0xFFu >> (n + 1));
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        out.push_back(cp);
        i += n;
    }
    return out;
}

}  // namespace

TEST(Bidi, PersianIsJoinedAndDrawnRightToLeft) {
    // تبریز (Tabriz): te initial, be medial, re final (it joins only to the right), farsi yeh
    // initial, ze final; drawn from the last letter on the left to the first on the right.
    EXPECT_EQ(code_points(visual_line("تبریز")),
              (std::vector<std::uint32_t>{0xFEB0, 0xFBFE, 0xFEAE, 0xFE92, 0xFE97}));
    // پارس (Pars): peh initial (a Persian letter), alef final, re isolated, sin isolated.
    EXPECT_EQ(code_points(visual_line("پارس")), (std::vector<std::uint32_t>{0xFEB1, 0xFEAD, 0xFE8E, 0xFB58}));
    // Lam and alef become one ligature.
    EXPECT_EQ(code_points(visual_line("لا")), (std::vector<std::uint32_t>{0xFEFB}));
}

TEST(Bidi, HebrewIsReversedAndLatinIsLeftAlone) {
    EXPECT_EQ(visual_line("ירושלים"), "םילשורי");
    EXPECT_EQ(visual_line("Kars (Ղարս) Qars"), "Kars (Ղարս) Qars");
    // A Latin name with a Persian one inside: the paragraph runs left to right, the Persian
    // part right to left within it.
    EXPECT_EQ(code_points(visual_line("Tabriz (تبریز)")),
              (std::vector<std::uint32_t>{'T', 'a', 'b', 'r', 'i', 'z', ' ', '(', 0xFEB0, 0xFBFE, 0xFEAE, 0xFE92,
                                          0xFE97, ')'}));
    EXPECT_TRUE(has_right_to_left("Tabriz (تبریز)"));
    EXPECT_TRUE(has_right_to_left("ירושלים"));
    EXPECT_FALSE(has_right_to_left("Nakhçıvan Нахичевань Ղարս ქართლი"));
    // Lines stay lines.
    EXPECT_EQ(visual_text("ירו\nשלים"), "ורי\nםילש");
}

TEST(Bidi, TheFontsHoldTheJoinedForms) {
    const FontFiles& files = font_files();
    if (files.arabic.empty() || files.hebrew.empty()) GTEST_SKIP() << "Noto Sans Arabic or Hebrew is not installed";
    ImFontAtlas atlas;
    const std::string text = "تبریز ירושלים";
    const FontSet set = build_fonts(atlas, 1.0f, &text);  // as an export builds them
    for (ImFont* font : {set.body, set.bold})
        for (const std::uint32_t cp : code_points(visual_text(text)))
            if (cp != ' ') {
                EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr) << std::hex << cp;
            }
}

// Headings in Armenian and Georgian are bold like the rest: the bold font draws their letters from
// Noto Sans Armenian Bold and Georgian Bold (they used to come from the regular faces, so a
// legend's headings looked like its entries).
TEST(Fonts, ArmenianAndGeorgianHeadingsAreBold) {
    const FontFiles& files = font_files();
    if (files.armenian_bold.empty() || files.georgian_bold.empty())
        GTEST_SKIP() << "Noto Sans Armenian Bold or Georgian Bold is not installed";
    ImFontAtlas atlas;
    const std::string text = "Կարգավիճակ სტატუსი";
    const FontSet set = build_fonts(atlas, 1.0f, &text);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    // The ink of a glyph: its coverage summed over its place in the font texture.
    auto ink = [&](const ImFontGlyph* g) {
        long sum = 0;
        for (int y = static_cast<int>(g->V0 * height); y < static_cast<int>(g->V1 * height); ++y)
            for (int x = static_cast<int>(g->U0 * width); x < static_cast<int>(g->U1 * width); ++x)
                sum += pixels[y * width + x];
        return sum;
    };
    for (const ImWchar letter : {ImWchar(0x053F), ImWchar(0x10E1)}) {  // Կ, ს
        const ImFontGlyph* body = set.body->FindGlyphNoFallback(letter);
        const ImFontGlyph* bold = set.bold->FindGlyphNoFallback(letter);
        ASSERT_TRUE(body && bold) << std::hex << letter;
        EXPECT_GT(ink(bold), ink(body) * 6 / 5) << std::hex << letter << ": the bold font's letter is the regular one";
    }
}

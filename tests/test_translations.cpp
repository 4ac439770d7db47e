// The interface in six languages: every marked string is in po/chronomap.pot (the template is
// current), every string has a translation in every language, dates are written in the language,
// and no translated label overflows the widgets with a fixed width at UI scale 1.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <imgui.h>

#include "data/time/date.h"
#include "render/headless_context.h"
#include "app/view/overlay/i18n.h"
#include "app/view/overlay/overlay_canvas.h"
#include "tests/support/temp_dir.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

const char* const kLanguages[] = {"tr", "az", "ru", "hy", "ka"};

// The quoted text of a .po line ("msgid \"a\"" or a continuation "\"b\""), escapes undone.
std::string po_text(const std::string& line) {
    const auto open = line.find('"'), close = line.rfind('"');
    std::string out;
    if (open == std::string::npos || close <= open) return out;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (line[i] == '\\' && i + 1 < close) {
            ++i;
            out += line[i] == 'n' ? '\n' : line[i];
        } else {
            out += line[i];
        }
    }
    return out;
}

// The msgids of a .pot or .po file (continuation lines joined). (std::regex is avoided: GCC 12
// warns inside <regex> under the sanitizer build's -Werror.)
std::set<std::string> msgids(const fs::path& file) {
    std::ifstream in(file);
    std::set<std::string> out;
    std::string line, id;
    bool in_id = false;
    while (std::getline(in, line)) {
        if (line.rfind("msgid ", 0) == 0) {
            in_id = true;
            id = po_text(line);
        } else if (in_id && !line.empty() && line[0] == '"') {
            id += po_text(line);
        } else if (in_id) {
            in_id = false;
            if (!id.empty()) out.insert(id);
        }
    }
    return out;
}

struct Languages : ::testing::Test {
    void TearDown() override { set_ui_language("en"); }
};

// A string marked in the code but missing from the template would ship untranslated.
TEST_F(Languages, TheTemplateHoldsEveryMarkedString) {
    test_support::TempDir tmp;
    const fs::path pot = tmp.path / "now.pot";
    std::string command = "cd '" + std::string(CHRONOMAP_SOURCE_DIR) +
                          "' && xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=_n:1,2 --keyword=N_ -o '" + pot.string() +
                          "' app/gui/*.cpp app/view/*/*.cpp";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    EXPECT_EQ(msgids(pot), msgids(fs::path(CHRONOMAP_SOURCE_DIR) / "po" / "chronomap.pot"))
        << "run po/update.sh and translate the new strings";
}

TEST_F(Languages, EveryStringIsTranslatedInEveryLanguage) {
    const auto ids = msgids(fs::path(CHRONOMAP_SOURCE_DIR) / "po" / "chronomap.pot");
    ASSERT_GT(ids.size(), 100u);
    for (const char* lang : kLanguages) {
        ASSERT_TRUE(set_ui_language(lang)) << lang << ": no catalogue in " << locale_dir();
        if (std::string(lang) != "en") {
            EXPECT_STRNE(translate("Export"), "Export") << lang << " is not the language read";
        }
        for (const auto& id : ids) {
            const std::string t = translate(id.c_str());
            EXPECT_FALSE(t.empty()) << lang << ": " << id;
            // Identical only where the words are the same in both ("Format", "Status", Turkish "(atlas)").
            if (t == id) {
                static const std::set<std::string> same = {"Format", "Status", "%s:", "(atlas)"};
                EXPECT_TRUE(same.count(id)) << lang << " leaves \"" << id << "\" in English";
            }
            // ImGui's hidden ids ("##other") must survive translation.
            if (const auto hash = id.find("##"); hash != std::string::npos) {
                EXPECT_NE(t.find(id.substr(hash)), std::string::npos) << lang << ": " << id;
            }
        }
    }
    EXPECT_TRUE(set_ui_language("en"));
    EXPECT_STREQ(translate("Export"), "Export");
}

// A count takes its language's form: Russian has three ("1 событие", "3 события", "5 событий",
// "21 событие"); the catalogue used to hold one, "%d событий", for every count.
TEST_F(Languages, CountsTakeTheFormTheirNumberNeeds) {
    ASSERT_TRUE(set_ui_language("ru"));
    auto form = [](unsigned long n) { return std::string(_n("%d event from %s", "%d events from %s", n)); };
    EXPECT_EQ(form(1), "%d событие с %s");
    EXPECT_EQ(form(3), "%d события с %s");
    EXPECT_EQ(form(5), "%d событий с %s");
    EXPECT_EQ(form(11), "%d событий с %s");
    EXPECT_EQ(form(21), "%d событие с %s");
    EXPECT_EQ(form(22), "%d события с %s");
    ASSERT_TRUE(set_ui_language("en"));
    EXPECT_EQ(form(1), "%d event from %s");
    EXPECT_EQ(form(2), "%d events from %s");
    // Switching back and forth reads the new language, not what was looked up before.
    ASSERT_TRUE(set_ui_language("tr"));
    EXPECT_STREQ(_("Export"), translate("Export"));
    const std::string turkish = _("Export");
    ASSERT_TRUE(set_ui_language("ru"));
    EXPECT_NE(std::string(_("Export")), turkish);
    EXPECT_FALSE(set_ui_language("xx"));
    EXPECT_STREQ(_("Export"), "Export");  // a language with no catalogue reads English
}

TEST_F(Languages, DatesAreWrittenInTheLanguage) {
    const Date d = *parse_date("1921-10-13").date;
    EXPECT_EQ(d.readable("en"), "13 October 1921");
    EXPECT_EQ(d.readable("tr"), "13 Ekim 1921");
    EXPECT_EQ(d.readable("az"), "13 oktyabr 1921");
    EXPECT_EQ(d.readable("ru"), "13 октября 1921");
    EXPECT_EQ(d.readable("hy"), "13 հոկտեմբերի 1921 թ.");
    EXPECT_EQ(d.readable("ka"), "13 ოქტომბერი 1921");
    EXPECT_EQ(parse_date("1921-03").date->readable("ru"), "март 1921");
    EXPECT_EQ(parse_date("500 BC").date->readable("ru"), "500 до н. э.");
    EXPECT_EQ(parse_date("500 BC").date->readable("tr"), "MÖ 500");
    EXPECT_EQ(parse_date("10000 BC").date->readable("az"), "e.ə. 10,000");
}

// The widgets whose width is fixed at UI scale 1 (side panels 320 and 380 pixels, buttons of 70
// and 120, the film dialog's label column of 150): each language's labels must fit, measured with
// the interface's own fonts.
TEST_F(Languages, NoTranslatedLabelOverflowsItsWidget) {
    std::string error, warning;
    const auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(test::succeeded(ctx));
    std::string all;  // every translation, so the canvas rasterises their characters
    const auto ids = msgids(fs::path(CHRONOMAP_SOURCE_DIR) / "po" / "chronomap.pot");
    for (const char* lang : kLanguages) {
        set_ui_language(lang);
        for (const auto& id : ids) all += translate(id.c_str());
    }
    OverlayCanvas canvas;
    ASSERT_TRUE(test::succeeded(canvas.init(1.0f, &all)));
    ImFont* font = canvas.fonts().body;
    const ImGuiStyle style;  // ImGui's default padding, as the window scales it at 1
    auto text_w = [&](const char* s) {
        std::string visible = s;
        visible = visible.substr(0, visible.find("##"));
        return font->CalcTextSizeA(font->FontSize, 1e9f, 0, visible.c_str()).x;
    };
    auto tab_w = [&](const char* s) { return text_w(s) + 2 * style.FramePadding.x + style.ItemInnerSpacing.x; };
    const float panel_inner = 2 * style.WindowPadding.x;
    for (const char* lang : kLanguages) {
        SCOPED_TRACE(lang);
        set_ui_language(lang);
        const std::string diagnostics = std::string(_("Diagnostics")) + " (10)";
        EXPECT_LE(tab_w(_("Events")) + tab_w(_("Layers & options")) + tab_w(diagnostics.c_str()), 320 - panel_inner);
        EXPECT_LE(tab_w(_("Compare")) + tab_w(_("Event")) + tab_w(_("Territory")) + tab_w(_("Legend")), 380 - panel_inner);
        for (const char* b : {"Play", "Pause"}) EXPECT_LE(text_w(_(b)) + 2 * style.FramePadding.x, 70) << b;
        for (const char* b : {"Export", "Cancel"}) EXPECT_LE(text_w(_(b)) + 2 * style.FramePadding.x, 120) << b;
        for (const char* l : {"Dates", "Pacing", "Hold", "Size", "Format"}) EXPECT_LE(text_w(_(l)), 150 - 8) << l;
        EXPECT_LE(text_w(_("Swap dates")) + text_w(_("One map")) + 4 * style.FramePadding.x + style.ItemSpacing.x,
                  380 - panel_inner);
    }
}

}  // namespace

// The overlay switches stand side by side in the export and film dialogs: in every language no two
// may read alike ("Подпись" beside "Подписи" for caption and labels, "Açıklama" beside
// "Açıklamalar" for caption and legend).
TEST_F(Languages, TheOverlaySwitchesReadDifferently) {
    const char* switches[] = {"Title and date", "Legend", "Caption", "Sources", "Scale bar", "Labels", "Uncertainty"};
    auto code_points = [](const std::string& s) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
            out.push_back(s.substr(i, n));
            i += n;
        }
        return out;
    };
    for (const char* lang : kLanguages) {
        ASSERT_TRUE(set_ui_language(lang));
        for (const char* a : switches)
            for (const char* b : switches) {
                if (a == b) continue;
                const auto x = code_points(translate(a)), y = code_points(translate(b));
                std::size_t same = 0;
                while (same < x.size() && same < y.size() && x[same] == y[same]) ++same;
                EXPECT_LT(same, 5u) << lang << ": \"" << translate(a) << "\" and \"" << translate(b) << "\"";
            }
    }
    ASSERT_TRUE(set_ui_language("en"));
}

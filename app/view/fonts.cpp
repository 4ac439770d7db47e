#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

namespace chronomap {
namespace {

// Latin with Turkish and Azerbaijani letters (ğ ı ş İ ə), Cyrillic and punctuation.
constexpr ImWchar kLatinCyrillic[] = {0x0020, 0x024F, 0x0250, 0x02FF, 0x0300, 0x036F, 0x0400,
                                      0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF,
                                      0x2100, 0x214F, 0x2212, 0x2212, 0};
constexpr ImWchar kArmenian[] = {0x0530, 0x058F, 0xFB13, 0xFB17, 0};
constexpr ImWchar kGeorgian[] = {0x10A0, 0x10FF, 0x1C90, 0x1CBF, 0x2D00, 0x2D2F, 0};
constexpr ImWchar kArrows[] = {0x2190, 0x21FF, 0};  // Noto Sans has none; Noto Sans Math does
constexpr ImWchar kSyllabics[] = {0x1400, 0x167F, 0x18B0, 0x18FF, 0};

using Files = FontFiles;

// fontconfig's matching, on a configuration of our own that is destroyed afterwards (the global
// one is never freed, which LeakSanitizer reports).
std::string match_file(FcConfig* config, const std::string& family, const std::string& style) {
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddString(pat, FC_STYLE, reinterpret_cast<const FcChar8*>(style.c_str()));
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pat, &result);
    std::string file;
    FcChar8* got_family = nullptr;
    FcChar8* got_file = nullptr;
    // fontconfig always answers with something; only accept the family we asked for.
    if (match && FcPatternGetString(match, FC_FAMILY, 0, &got_family) == FcResultMatch &&
        family == reinterpret_cast<const char*>(got_family) &&
        FcPatternGetString(match, FC_FILE, 0, &got_file) == FcResultMatch)
        file = reinterpret_cast<const char*>(got_file);
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return file;
}

Files find_files() {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return {};
    Files f{match_file(config, "Noto Sans", "Regular"), match_file(config, "Noto Sans", "Bold"),
            match_file(config, "Noto Sans Armenian", "Regular"),
            match_file(config, "Noto Sans Georgian", "Regular"),
            match_file(config, "Noto Sans Math", "Regular"),
            match_file(config, "Noto Sans Canadian Aboriginal", "Regular")};
    FcConfigDestroy(config);
    return f;
}

// `only`, when not null, limits every face to those characters (the merged faces supply the
// ones the main face lacks).
ImFont* add_font(ImFontAtlas& atlas, const Files& f, const std::string& main, float px,
                 const ImWchar* only) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hints each size; oversampling only blurs
    ImFont* font = atlas.AddFontFromFileTTF(main.c_str(), px, &cfg, only ? only : kLatinCyrillic);
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    if (!f.armenian.empty())
        atlas.AddFontFromFileTTF(f.armenian.c_str(), px, &merge, only ? only : kArmenian);
    if (!f.georgian.empty())
        atlas.AddFontFromFileTTF(f.georgian.c_str(), px, &merge, only ? only : kGeorgian);
    if (!f.math.empty())
        atlas.AddFontFromFileTTF(f.math.c_str(), px, &merge, only ? only : kArrows);
    if (!f.syllabics.empty())
        atlas.AddFontFromFileTTF(f.syllabics.c_str(), px, &merge, only ? only : kSyllabics);
    return font;
}

}  // namespace

const FontFiles& font_files() {
    // Looked up once per run: loading fontconfig's configuration costs tens of milliseconds.
    static const Files f = find_files();
    return f;
}

FontSet build_fonts(ImFontAtlas& atlas, float scale, std::string& warning,
                    const std::string* only_text) {
    atlas.Clear();
    // Rasterising every glyph of four faces takes FreeType about 90 ms; an export that knows its
    // text needs a few hundred glyphs.
    ImVector<ImWchar> only;
    if (only_text) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(
            atlas.GetGlyphRangesDefault());  // ASCII and Latin-1, for digits and units
        builder.AddText(only_text->c_str());
        builder.BuildRanges(&only);
    }
    const ImWchar* ranges = only_text ? only.Data : nullptr;
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    FontSet set;
    set.scale = scale;
    const Files& f = font_files();
    if (f.regular.empty()) {
        warning =
            "Noto Sans was not found (install fonts-noto-core); using ImGui's built-in font, which "
            "shows Latin letters only.";
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        set.body = set.bold = set.title = set.small = atlas.AddFontDefault(&cfg);
        atlas.Build();
        return set;
    }
    if (f.armenian.empty() || f.georgian.empty())
        warning =
            "Noto Sans Armenian or Noto Sans Georgian was not found (install fonts-noto-core); "
            "Armenian or Georgian names will show as boxes.";
    const std::string& bold = f.bold.empty() ? f.regular : f.bold;
    set.body = add_font(atlas, f, f.regular, kBodyPx * scale, ranges);
    set.bold = add_font(atlas, f, bold, kBodyPx * scale, ranges);
    set.title = add_font(atlas, f, bold, kTitlePx * scale, ranges);
    set.small = add_font(atlas, f, f.regular, kSmallPx * scale, ranges);
    atlas.Build();
    return set;
}

}  // namespace chronomap

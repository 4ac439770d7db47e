#include "app/view/overlay/fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>
#include <imgui_freetype.h>

#include <cmath>
#include <map>
#include <mutex>

#include "app/view/overlay/bidi_text.h"

namespace chronomap {
namespace {

// The ranges of the merged faces are those of script_of() (data/formats/utf8.h), which cairo's vector
// export picks faces by.
// Latin with Turkish and Azerbaijani letters (ğ ı ş İ ə), Cyrillic and punctuation.
constexpr ImWchar kLatinCyrillic[] = {0x0020, 0x024F, 0x0250, 0x02FF, 0x0300, 0x036F, 0x0400,
                                      0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20CF,
                                      0x2100, 0x214F, 0x2212, 0x2212, 0};
constexpr ImWchar kArmenian[] = {0x0530, 0x058F, 0xFB13, 0xFB17, 0};
constexpr ImWchar kGeorgian[] = {0x10A0, 0x10FF, 0x1C90, 0x1CBF, 0x2D00, 0x2D2F, 0};
constexpr ImWchar kArrows[] = {0x2190, 0x21FF, 0};  // Noto Sans has none; Noto Sans Math does
constexpr ImWchar kSyllabics[] = {0x1400, 0x167F, 0x18B0, 0x18FF, 0};
// Arabic with Persian and Urdu letters, and the presentation forms that joined letters are drawn
// with (bidi_text.h); Hebrew with its presentation forms.
constexpr ImWchar kArabic[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0x0870, 0x08FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
constexpr ImWchar kHebrew[] = {0x0590, 0x05FF, 0xFB1D, 0xFB4F, 0};

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
            match_file(config, "Noto Sans Canadian Aboriginal", "Regular"),
            match_file(config, "Noto Sans Arabic", "Regular"),
            match_file(config, "Noto Sans Arabic", "Bold"),
            match_file(config, "Noto Sans Hebrew", "Regular"),
            match_file(config, "Noto Sans Hebrew", "Bold"),
            match_file(config, "Noto Sans Armenian", "Bold"),
            match_file(config, "Noto Sans Georgian", "Bold")};
    FcConfigDestroy(config);
    return f;
}

// A face's line height (ascent plus descent) in ems. ImGui sizes a face by its line height, so
// a merged face whose line is taller than the main face's (Noto Sans Arabic's is 2.11 ems, for
// stacked vowel marks, against Noto Sans's 1.36) is sized up to draw letters at the same em.
double line_per_em(const std::string& file) {
    static std::mutex guard;
    static std::map<std::string, double> known;
    const std::lock_guard<std::mutex> lock(guard);
    if (const auto it = known.find(file); it != known.end()) return it->second;
    double ratio = 0;
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    if (FT_Init_FreeType(&library) == 0) {
        if (FT_New_Face(library, file.c_str(), 0, &face) == 0) {
            if (face->units_per_EM > 0)
                ratio = static_cast<double>(face->ascender - face->descender) / face->units_per_EM;
            FT_Done_Face(face);
        }
        FT_Done_FreeType(library);
    }
    return known[file] = ratio;
}

// `only`, when not null, limits every face to those characters (the merged faces supply the
// ones the main face lacks).
ImFont* add_font(ImFontAtlas& atlas, const Files& f, const std::string& main, bool bold, float px,
                 const ImWchar* only) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType hints each size; oversampling only blurs
    ImFont* font = atlas.AddFontFromFileTTF(main.c_str(), px, &cfg, only ? only : kLatinCyrillic);
    const double main_line = line_per_em(main);
    auto merge = [&](const std::string& file, const ImWchar* ranges) {
        if (file.empty()) return;
        ImFontConfig c;
        c.MergeMode = true;
        c.OversampleH = 1;
        // Faces drawn to Noto Sans's own line (Armenian, Georgian, Hebrew: 1.360 against 1.362)
        // keep its size exactly, so FreeType hints them as before.
        const double ratio = main_line > 0 && line_per_em(file) > 0 ? line_per_em(file) / main_line : 1.0;
        const float size = std::abs(ratio - 1.0) > 0.02 ? static_cast<float>(px * ratio) : px;
        atlas.AddFontFromFileTTF(file.c_str(), size, &c, only ? only : ranges);
    };
    merge(bold && !f.armenian_bold.empty() ? f.armenian_bold : f.armenian, kArmenian);
    merge(bold && !f.georgian_bold.empty() ? f.georgian_bold : f.georgian, kGeorgian);
    merge(f.math, kArrows);
    merge(f.syllabics, kSyllabics);
    merge(bold && !f.arabic_bold.empty() ? f.arabic_bold : f.arabic, kArabic);
    merge(bold && !f.hebrew_bold.empty() ? f.hebrew_bold : f.hebrew, kHebrew);
    return font;
}

}  // namespace

const FontFiles& font_files() {
    // Looked up once per run: loading fontconfig's configuration costs tens of milliseconds.
    static const Files f = find_files();
    return f;
}

namespace {

// Adds the four fonts at `scale` to `atlas` without building it.
FontSet add_font_set(ImFontAtlas& atlas, float scale, const ImWchar* ranges) {
    FontSet set;
    set.scale = scale;
    const Files& f = font_files();
    if (f.regular.empty()) {
        set.missing =
            "Noto Sans was not found (install fonts-noto-core); using ImGui's built-in font, which "
            "shows Latin letters only.";
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        set.body = set.bold = set.title = set.small = atlas.AddFontDefault(&cfg);
        return set;
    }
    if (f.armenian.empty() || f.georgian.empty())
        set.missing =
            "Noto Sans Armenian or Noto Sans Georgian was not found (install fonts-noto-core); "
            "Armenian or Georgian names will show as boxes.";
    const std::string& bold = f.bold.empty() ? f.regular : f.bold;
    set.body = add_font(atlas, f, f.regular, false, kBodyPx * scale, ranges);
    set.bold = add_font(atlas, f, bold, true, kBodyPx * scale, ranges);
    set.title = add_font(atlas, f, bold, true, kTitlePx * scale, ranges);
    set.small = add_font(atlas, f, f.regular, false, kSmallPx * scale, ranges);
    return set;
}

}  // namespace

WindowFonts build_window_fonts(ImFontAtlas& atlas, float ui_scale, float map_scale) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    WindowFonts fonts;
    fonts.ui = add_font_set(atlas, ui_scale, nullptr);
    fonts.map = std::abs(map_scale - ui_scale) < 0.01f ? fonts.ui : add_font_set(atlas, map_scale, nullptr);
    atlas.Build();
    return fonts;
}

FontSet build_fonts(ImFontAtlas& atlas, float scale, const std::string* only_text) {
    atlas.Clear();
    // Rasterising every glyph of four faces takes FreeType about 90 ms; an export that knows its
    // text needs a few hundred glyphs.
    ImVector<ImWchar> only;
    if (only_text) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(
            atlas.GetGlyphRangesDefault());  // ASCII and Latin-1, for digits and units
        builder.AddText(only_text->c_str());
        builder.AddText(visual_text(*only_text).c_str());  // joined Arabic letters are other characters
        builder.BuildRanges(&only);
    }
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    FontSet set = add_font_set(atlas, scale, only_text ? only.Data : nullptr);
    atlas.Build();
    return set;
}

}  // namespace chronomap

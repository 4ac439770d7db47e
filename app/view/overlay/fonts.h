#pragma once
// Fonts for the window and for exported overlays: Noto Sans (regular and bold) with Noto Sans
// Armenian, Georgian, Arabic, Hebrew, Math and Canadian Aboriginal merged in, found through
// fontconfig and rasterised by FreeType.

#include <string>

struct ImFont;
struct ImFontAtlas;

namespace chronomap {

struct FontSet {
    ImFont* body = nullptr;   // panels, legend entries, labels
    ImFont* bold = nullptr;   // headings, territory labels
    ImFont* title = nullptr;  // the map title and date
    ImFont* small = nullptr;  // source lines, tick labels, town names
    float scale = 1.0f;       // the pixel scale the set was built at
    // What the user should install when a Noto face is missing (empty when none is): the set
    // still works, with ImGui's built-in font or boxes for some scripts.
    std::string missing;
};

// The Noto files fontconfig finds (empty strings for those missing), for drawing text without
// ImGui (vector export).
struct FontFiles {
    std::string regular, bold, armenian, georgian, math;
    std::string syllabics;  // Canadian Aboriginal syllabics: names in world data (Inuktitut, Cree)
    std::string arabic, arabic_bold, hebrew, hebrew_bold;  // right-to-left names (bidi_text.h)
    // Bold Armenian and Georgian, so headings in those languages stand out from entries.
    std::string armenian_bold, georgian_bold;
};
const FontFiles& font_files();
// The pixel size of each overlay font at scale 1 (body 16, bold 16, title 26, small 13).
inline constexpr float kBodyPx = 16, kTitlePx = 26, kSmallPx = 13;

// Clears `atlas` and adds the four fonts at `scale` (1 = 16 px body text). Falls back to ImGui's
// built-in font when the Noto fonts are not installed (FontSet::missing says so). With
// `only_text`, just the characters in it (plus ASCII and Latin-1) are rasterised: exports know
// all their text in advance.
FontSet build_fonts(ImFontAtlas& atlas, float scale, const std::string* only_text = nullptr);

// The window's fonts: the interface's at the UI scale, and the map's (title, legend, caption,
// labels) at their own scale, which in presentation follows the map's height. One set serves
// both when the scales are the same.
struct WindowFonts {
    FontSet ui, map;
};
WindowFonts build_window_fonts(ImFontAtlas& atlas, float ui_scale, float map_scale);

}  // namespace chronomap

#pragma once
// Right-to-left text (Arabic, Persian, Hebrew) as the map draws it. ImGui and cairo's text calls
// draw characters left to right, one glyph per code point; so a line holding right-to-left
// characters is first put in visual order by the Unicode bidirectional algorithm and its Arabic
// letters joined, as FriBidi does: each letter becomes its initial, medial, final or isolated
// presentation form (lam-alef becomes one ligature), which Noto Sans Arabic maps. Lines are
// broken in reading order first, then each is reordered, so a wrapped caption reads on.
// HarfBuzz would position vowel marks better, but needs glyph indices that ImGui 1.86 cannot draw.

#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace chronomap {

// Which way a line runs as a whole. Atlas text takes the direction of its first strong character;
// a line the interface composes around atlas text ("Tabriz: no control recorded -> ...") runs
// as the interface does, left to right, with the names inside it right to left.
enum class Paragraph { FromText, LeftToRight };

// Whether `text` holds a character of a right-to-left script.
bool has_right_to_left(std::string_view text);

// One line as drawn left to right (no line breaks in it). Text with no right-to-left character
// comes back unchanged.
std::string visual_line(const std::string& line, Paragraph paragraph = Paragraph::FromText);

// `text` with each of its lines ('\n') put in visual order: what a font must hold to draw it.
std::string visual_text(const std::string& text);

// `text` broken where ImGui would wrap it at `wrap` pixels (0: only at line breaks) in `font`
// drawn `px` high, the breaks found in reading order, then each line put in visual order.
std::vector<std::string> visual_lines(const ImFont& font, float px, const std::string& text, float wrap,
                                      Paragraph paragraph = Paragraph::FromText);

}  // namespace chronomap

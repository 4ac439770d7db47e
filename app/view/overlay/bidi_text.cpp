#include "app/view/overlay/bidi_text.h"

#include <fribidi.h>
#include <imgui.h>

#include <cstring>
#include <vector>

#include "data/formats/utf8.h"

namespace chronomap {

bool has_right_to_left(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0xD6) {  // below U+0590: ASCII, Latin, Cyrillic...
            ++i;
            continue;
        }
        const auto [cp, n] = decode_utf8(text, i);
        if (right_to_left(script_of(cp))) return true;
        i += n;
    }
    return false;
}

std::string visual_line(const std::string& line, Paragraph paragraph) {
    if (!has_right_to_left(line)) return line;
    const auto length = static_cast<FriBidiStrIndex>(line.size());
    std::vector<FriBidiChar> logical(line.size() + 1), visual(line.size() + 1);
    const FriBidiStrIndex count = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, line.data(), length, logical.data());
    FriBidiParType direction = paragraph == Paragraph::LeftToRight ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
    if (!fribidi_log2vis(logical.data(), count, &direction, visual.data(), nullptr, nullptr, nullptr)) return line;
    // FriBidi drops nothing, but a lam-alef ligature leaves a zero-width filler behind.
    std::vector<FriBidiChar> kept;
    kept.reserve(static_cast<std::size_t>(count));
    for (FriBidiStrIndex i = 0; i < count; ++i)
        if (visual[static_cast<std::size_t>(i)] != 0xFEFF && visual[static_cast<std::size_t>(i)] != 0x200B)
            kept.push_back(visual[static_cast<std::size_t>(i)]);
    std::string out(kept.size() * 4 + 1, '\0');
    const FriBidiStrIndex bytes = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, kept.data(),
                                                             static_cast<FriBidiStrIndex>(kept.size()), out.data());
    out.resize(static_cast<std::size_t>(bytes));
    return out;
}

std::string visual_text(const std::string& text) {
    if (!has_right_to_left(text)) return text;
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        out += visual_line(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        out += '\n';
        start = nl + 1;
    }
    return out;
}

std::vector<std::string> visual_lines(const ImFont& font, float px, const std::string& text, float wrap,
                                      Paragraph paragraph) {
    std::vector<std::string> lines;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        const char* line_end = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!line_end) line_end = end;
        const char* cut = line_end;
        if (wrap > 0 && line_end > p) cut = font.CalcWordWrapPositionA(px / font.FontSize, p, line_end, wrap);
        if (cut == p && line_end > p) {  // a word wider than the wrap: as ImGui, at least one character
            ++cut;
            while (cut < line_end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;
        }
        if (cut > line_end) cut = line_end;
        lines.push_back(visual_line(std::string(p, cut), paragraph));
        p = cut;
        while (p < line_end && *p == ' ') ++p;  // the space where it wrapped
        if (p == line_end && line_end < end) ++p;
    }
    return lines;
}

}  // namespace chronomap

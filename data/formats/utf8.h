#pragma once
// UTF-8 encoding of one code point, for the parsers that unescape \uXXXX, and decoding of one,
// for code that picks fonts by script.

#include <string>
#include <string_view>
#include <utility>

namespace chronomap {

inline void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The code point starting at text[i] and its length in bytes. Text is assumed valid (the loaders
// replace invalid UTF-8); a stray byte counts as one character.
inline std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (n == 1 || i + n > text.size()) return {c, 1};
    char32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return {cp, n};
}

// The scripts that decide how a character is drawn: the face it comes from (app/view/overlay/fonts.h,
// whose glyph ranges are the same), whether a line is reordered (app/view/overlay/bidi_text.h), and what
// the map cannot draw at all (bound_texts.cpp).
enum class Script { Other, Armenian, Georgian, Arrows, Syllabics, Arabic, Hebrew, OtherRightToLeft, Emoji };

inline Script script_of(char32_t cp) {
    auto in = [cp](char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; };
    if (cp < 0x0530) return Script::Other;
    if (in(0x0530, 0x058F) || in(0xFB13, 0xFB17)) return Script::Armenian;
    if (in(0x0590, 0x05FF) || in(0xFB1D, 0xFB4F)) return Script::Hebrew;
    if (in(0x0600, 0x06FF) || in(0x0750, 0x077F) || in(0x0870, 0x08FF) || in(0xFB50, 0xFDFF) || in(0xFE70, 0xFEFF))
        return Script::Arabic;
    if (in(0x0700, 0x074F) || in(0x0780, 0x086F) || in(0x10800, 0x10FFF) || in(0x1E800, 0x1EFFF))
        return Script::OtherRightToLeft;  // Syriac, Thaana, N'Ko, Samaritan, Mandaic...
    if (in(0x10A0, 0x10FF) || in(0x1C90, 0x1CBF) || in(0x2D00, 0x2D2F)) return Script::Georgian;
    if (in(0x1400, 0x167F) || in(0x18B0, 0x18FF)) return Script::Syllabics;
    if (in(0x2190, 0x21FF)) return Script::Arrows;
    if (in(0x1F000, 0x1FAFF) || in(0x2600, 0x27BF)) return Script::Emoji;
    return Script::Other;
}

inline bool right_to_left(Script s) {
    return s == Script::Arabic || s == Script::Hebrew || s == Script::OtherRightToLeft;
}

// The character a JSON escape \e stands for ('"', '\\', '/', b, f, n, r, t), or -1 for any other.
inline int json_escape(char e) {
    switch (e) {
        case '"': case '\\': case '/': return e;
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return -1;
    }
}

}  // namespace chronomap

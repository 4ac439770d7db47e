#include "app/view/overlay/svg_text.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "app/view/overlay/fonts.h"
#include "data/formats/utf8.h"

namespace chronomap {
namespace {

std::string xml_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\t': case '\n': case '\r': out += c; break;
            // XML 1.0 has no other control characters (a form feed made the file unreadable).
            default: out += static_cast<unsigned char>(c) < 0x20 ? std::string("\xEF\xBF\xBD") : std::string(1, c);
        }
    }
    return out;
}

std::string svg_colour(std::uint32_t rgba, const char* what) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " %s=\"#%06x\" %s-opacity=\"%.3f\"", what, rgba >> 8, what, (rgba & 0xFF) / 255.0);
    return buf;
}

std::string base64(const std::string& in) {
    static const char* const k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const auto b = [&](std::size_t j) { return j < in.size() ? static_cast<unsigned char>(in[j]) : 0u; };
        const unsigned v = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
        out += k[(v >> 18) & 63];
        out += k[(v >> 12) & 63];
        out += i + 1 < in.size() ? k[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? k[v & 63] : '=';
    }
    return out;
}

// Whether any text has a character in [lo, hi] (UTF-8 decoded).
bool uses(const std::vector<SvgText>& texts, char32_t lo, char32_t hi) {
    for (const auto& t : texts)
        for (std::size_t i = 0; i < t.text.size();) {
            const auto [cp, n] = decode_utf8(t.text, i);
            if (cp >= lo && cp <= hi) return true;
            i += n;
        }
    return false;
}

// The Noto faces the text uses, embedded as @font-face rules, so the SVG shows its own fonts
// wherever it is opened (Armenian, Georgian and the arrows' face only when needed).
std::string embedded_fonts(const std::vector<SvgText>& texts) {
    const FontFiles& f = font_files();
    struct Face {
        const std::string* file;
        const char* family;
        bool bold;
        bool needed;
    };
    const bool any_bold = std::any_of(texts.begin(), texts.end(), [](const SvgText& t) { return t.bold; });
    const Face faces[] = {{&f.regular, "Chronomap Noto Sans", false, true},
                          {&f.bold, "Chronomap Noto Sans", true, any_bold},
                          {&f.armenian, "Chronomap Noto Sans Armenian", false, uses(texts, 0x0530, 0x058F)},
                          {&f.armenian_bold, "Chronomap Noto Sans Armenian", true,
                           any_bold && uses(texts, 0x0530, 0x058F)},
                          {&f.georgian, "Chronomap Noto Sans Georgian", false,
                           uses(texts, 0x10A0, 0x10FF) || uses(texts, 0x1C90, 0x1CBF)},
                          {&f.georgian_bold, "Chronomap Noto Sans Georgian", true,
                           any_bold && (uses(texts, 0x10A0, 0x10FF) || uses(texts, 0x1C90, 0x1CBF))},
                          {&f.math, "Chronomap Noto Sans Math", false, uses(texts, 0x2190, 0x21FF)},
                          {&f.syllabics, "Chronomap Noto Sans Canadian Aboriginal", false,
                           uses(texts, 0x1400, 0x167F) || uses(texts, 0x18B0, 0x18FF)}};
    std::string css;
    for (const auto& face : faces) {
        if (!face.needed || face.file->empty()) continue;
        std::ifstream in(*face.file, std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (data.empty()) continue;
        css += std::string("@font-face { font-family: '") + face.family + "'; font-weight: " +
               (face.bold ? "bold" : "normal") + "; src: url(data:font/ttf;base64," + base64(data) + "); }\n";
    }
    return css.empty() ? css : "<defs><style type=\"text/css\"><![CDATA[\n" + css + "]]></style></defs>\n";
}

}  // namespace

std::string with_svg_text(const std::string& svg, const std::vector<SvgText>& texts) {
    const auto end = svg.rfind("</svg>");
    if (end == std::string::npos) return svg;
    if (texts.empty()) return svg;
    std::string g = embedded_fonts(texts) +
                    "<g font-family=\"'Chronomap Noto Sans', 'Chronomap Noto Sans Armenian', 'Chronomap Noto Sans "
                    "Georgian', 'Chronomap Noto Sans Math', 'Chronomap Noto Sans Canadian Aboriginal', 'Noto Sans', "
                    "'Noto Sans Armenian', 'Noto Sans Georgian', "
                    "sans-serif\" xml:space=\"preserve\">\n";
    char buf[160];
    for (const auto& t : texts) {
        std::snprintf(buf, sizeof buf, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\"%s", t.x, t.baseline, t.em,
                      t.bold ? " font-weight=\"bold\"" : "");
        g += buf + svg_colour(t.rgba, "fill");
        if (t.halo & 0xFF) {
            std::snprintf(buf, sizeof buf, " stroke-width=\"%.2f\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                          2 * t.halo_width);
            g += svg_colour(t.halo, "stroke") + buf;
        }
        g += ">" + xml_escaped(t.text) + "</text>\n";
    }
    g += "</g>\n";
    return svg.substr(0, end) + g + svg.substr(end);
}

}  // namespace chronomap

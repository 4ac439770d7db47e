#include "svg_text.h"

#include <cstdio>

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
            default: out += c;
        }
    }
    return out;
}

std::string svg_colour(std::uint32_t rgba, const char* what) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " %s=\"#%06x\" %s-opacity=\"%.3f\"", what, rgba >> 8, what, (rgba & 0xFF) / 255.0);
    return buf;
}

}  // namespace

std::string with_svg_text(const std::string& svg, const std::vector<SvgText>& texts) {
    const auto end = svg.rfind("</svg>");
    if (end == std::string::npos) return svg;
    std::string g = "<g font-family=\"'Noto Sans', 'Noto Sans Armenian', 'Noto Sans Georgian', 'Noto Sans Math', "
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

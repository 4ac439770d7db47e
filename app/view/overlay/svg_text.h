#pragma once
// The overlays' text in an SVG as SVG <text> elements (cairo's SVG writer draws letters as
// outlines, which cannot be searched, selected or edited).

#include <string>
#include <vector>

#include "app/view/overlay/cairo_painter.h"

namespace chronomap {

// `svg` with one <text> a line added before the document ends, in Noto Sans (the Armenian,
// Georgian and Math faces as fallbacks) embedded as @font-face rules (only the faces the text
// uses), label halos as strokes painted under the letters.
std::string with_svg_text(const std::string& svg, const std::vector<SvgText>& texts);

}  // namespace chronomap

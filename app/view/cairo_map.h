#pragma once
// The map drawn with cairo, in the order the screen draws it: sea, reference fills, territories
// with their status patterns, reference outlines, claims, borders by their precision, outlines of
// what changed. Shared by vector export (SVG, PDF) and the PNG drawn on the CPU.

#include <vector>

#include <cairo.h>

#include "draw_data.h"

namespace chronomap {

struct Atlas;
class MapView;

// Draws `styles` (one per scene slot) through `cam` into `cr`; `scale` is the overlay scale
// (line widths and pattern spacing). Outlines are thinned to a quarter of a pixel.
void draw_cairo_map(cairo_t* cr, const render::Camera& cam, const MapView& view, const Atlas& atlas,
                    const std::vector<render::FeatureStyle>& styles, double scale);

}  // namespace chronomap

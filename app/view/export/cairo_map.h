#pragma once
// The map drawn with cairo, in the order the screen draws it: sea, reference fills, territories
// with their status patterns, reference outlines, claims, borders by their precision, outlines of
// what changed. Shared by vector export (SVG, PDF) and the PNG drawn on the CPU.

#include <cstdint>
#include <vector>

#include <cairo.h>

#include "data/time/date.h"
#include "render/draw_data.h"

namespace chronomap {

struct Atlas;
class MapView;

// Draws `styles` (one per scene slot) through `cam` into `cr`; `scale` is the overlay scale
// (line widths and pattern spacing). Outlines are thinned to a quarter of a pixel.
// Scanned maps (raster layers) are drawn at their opacity on `date`.
void draw_cairo_map(cairo_t* cr, const render::Camera& cam, const MapView& view, const Atlas& atlas,
                    const std::vector<render::FeatureStyle>& styles, double scale, Date date);
// The same into an RGB24 image of cam.width x cam.height pixels (rows of cam.width * 4 bytes),
// in bands of rows drawn on every core.
void draw_cairo_map_image(std::uint8_t* pixels, const render::Camera& cam, const MapView& view, const Atlas& atlas,
                          const std::vector<render::FeatureStyle>& styles, double scale, Date date);

}  // namespace chronomap

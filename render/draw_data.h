#pragma once
// What the renderer is given: meshes, per-feature styles and a camera. No atlas or model types.

#include <cstdint>

namespace chronomap::render {

// Transition: wide diagonal bands of the pattern colour (the controller before a change whose date
// is known only to the month or year), across the span the date covers.
enum class Pattern : std::uint8_t { None = 0, Hatch = 1, Dots = 2, CrossHatch = 3, Stripes = 4, Transition = 5 };

struct FeatureStyle {
    std::uint32_t fill = 0;  // RGBA, 0xRRGGBBAA; alpha 0 draws nothing
    std::uint32_t pattern_colour = 0;
    Pattern pattern = Pattern::None;
    std::uint8_t highlight = 0;  // 0..255: outline emphasis for recently changed features
    std::uint32_t claim =
        0;  // RGBA of a claimant, drawn as a band along the outline; alpha 0: none
    std::uint8_t edge = 0;  // the border: 0 exact (solid), 1 approximate (soft), 2 schematic (dashed)
};

struct Camera {
    double center_x = 0;
    double center_y = 0;
    double units_per_pixel = 1;  // display-CRS units per framebuffer pixel
    int width = 1;
    int height = 1;
};

}  // namespace chronomap::render

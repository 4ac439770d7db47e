#pragma once
// Our colours are 0xRRGGBBAA; ImGui's ImU32 packs them the other way round.

#include <cstdint>

#include <imgui.h>

namespace chronomap {

inline ImU32 im_colour(std::uint32_t rgba) {
    return IM_COL32((rgba >> 24) & 0xFF, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF, rgba & 0xFF);
}

}  // namespace chronomap

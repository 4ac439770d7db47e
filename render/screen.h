#pragma once
// The window's own framebuffer: where the map goes inside it, and reading it back for
// --screenshot. The window code calls these instead of issuing GL itself.

#include <cstdint>
#include <vector>

namespace chronomap::render {

// Binds the default framebuffer and limits drawing to a rectangle (pixels, origin bottom left).
void bind_screen_rect(int x, int y, int width, int height);
// Whole framebuffer again, no scissor.
void bind_screen(int width, int height);
// Clears whatever is bound to one colour (0xRRGGBBAA).
void clear_screen(std::uint32_t rgba);
// The back buffer as top-to-bottom RGBA rows (call before swapping).
std::vector<std::uint8_t> read_screen(int width, int height);

}  // namespace chronomap::render

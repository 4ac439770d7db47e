#include "render/screen.h"

#include <algorithm>

#include <epoxy/gl.h>

namespace chronomap::render {

void bind_screen_rect(int x, int y, int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(x, y, width, height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, width, height);
}

void bind_screen(int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, width, height);
}

void clear_screen(std::uint32_t rgba) {
    glClearColor(static_cast<float>((rgba >> 24) & 0xFF) / 255.0f,
                 static_cast<float>((rgba >> 16) & 0xFF) / 255.0f,
                 static_cast<float>((rgba >> 8) & 0xFF) / 255.0f,
                 static_cast<float>(rgba & 0xFF) / 255.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

std::vector<std::uint8_t> read_screen(int width, int height) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(width) *
                                 static_cast<std::size_t>(height) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL rows run bottom to top; PNG rows top to bottom.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(px.begin() + static_cast<std::ptrdiff_t>(y * row),
                         px.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         px.begin() + static_cast<std::ptrdiff_t>((height - 1 - y) * row));
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // the window is opaque
    return px;
}

}  // namespace chronomap::render

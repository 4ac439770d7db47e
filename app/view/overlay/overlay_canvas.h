#pragma once
// An ImGui context of its own for drawing overlays into offscreen images (exports, golden tests),
// with fonts built at the image's scale so text is crisp at any size. It leaves the window's ImGui
// context, if any, current when each call returns.

#include <string>

#include "app/view/overlay/fonts.h"
#include "data/support/result.h"

struct ImDrawList;
struct ImGuiContext;

namespace chronomap {

class OverlayCanvas {
  public:
    OverlayCanvas() = default;
    ~OverlayCanvas();
    OverlayCanvas(const OverlayCanvas&) = delete;
    OverlayCanvas& operator=(const OverlayCanvas&) = delete;

    // Needs a current GL 3.3 context. With `glyphs`, only those characters are rasterised (see
    // build_fonts); a missing font is in fonts().missing.
    Result<> init(float scale, const std::string* glyphs = nullptr);
    float scale() const { return fonts_.scale; }
    const FontSet& fonts() const { return fonts_; }

    // Starts an overlay for a width x height image and returns the list to draw into.
    ImDrawList* begin(int width, int height);
    void end();
    // Draws the part of the finished overlay at (x, y), w x h, into the bound framebuffer.
    void render_tile(int x, int y, int w, int h);

  private:
    ImGuiContext* ctx_ = nullptr;
    FontSet fonts_;
    bool backend_ = false;
    int width_ = 0, height_ = 0;
};

}  // namespace chronomap

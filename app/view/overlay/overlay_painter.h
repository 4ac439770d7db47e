#pragma once
// What the overlays need from a drawing surface: filled and stroked rectangles, lines, circles,
// text in four styles, measuring, clipping, and two layers (labels under the boxes although laid
// out after them). ImGuiPainter draws into an ImGui draw list, for the window and for raster
// exports; a vector export implements the same interface. Colours are 0xRRGGBBAA.

#include <cstdint>
#include <string>

#include "app/view/overlay/fonts.h"

struct ImDrawList;
struct ImDrawListSplitter;

namespace chronomap {

enum class TextStyle { Body, Bold, Title, Small };

struct PaintXY {
    float x = 0, y = 0;
};

class OverlayPainter {
  public:
    virtual ~OverlayPainter() = default;
    // The pixel scale the fonts were built at (1 = 16 px body text).
    virtual float scale() const = 0;
    // A style's text height in pixels at that scale.
    virtual float font_size(TextStyle style) const = 0;
    // The size of `text` drawn `px` pixels high, wrapped at `wrap` pixels (0: no wrapping).
    virtual PaintXY measure(TextStyle style, float px, const std::string& text, float wrap) const = 0;
    virtual void text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, const std::string& text,
                      float wrap) = 0;
    // Text with a halo `halo_width` pixels wide around its letters (map labels).
    virtual void haloed_text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, std::uint32_t halo,
                             float halo_width, const std::string& text) = 0;
    virtual void fill_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float rounding) = 0;
    virtual void stroke_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) = 0;
    virtual void line(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) = 0;
    virtual void fill_circle(PaintXY centre, float radius, std::uint32_t rgba) = 0;
    virtual void push_clip(PaintXY a, PaintXY b) = 0;
    virtual void pop_clip() = 0;
    // 0 is drawn under 1, whatever the order of the calls; end_layers() puts them together.
    virtual void set_layer(int layer) = 0;
    virtual void end_layers() = 0;
};

// Draws into an ImGui draw list with the given fonts. Without a list it only measures.
class ImGuiPainter final : public OverlayPainter {
  public:
    ImGuiPainter(ImDrawList* list, const FontSet& fonts);
    ~ImGuiPainter() override;
    ImGuiPainter(const ImGuiPainter&) = delete;
    ImGuiPainter& operator=(const ImGuiPainter&) = delete;

    float scale() const override { return fonts_.scale; }
    float font_size(TextStyle style) const override;
    PaintXY measure(TextStyle style, float px, const std::string& text, float wrap) const override;
    void text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, const std::string& text,
              float wrap) override;
    void haloed_text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, std::uint32_t halo, float halo_width,
                     const std::string& text) override;
    void fill_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float rounding) override;
    void stroke_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) override;
    void line(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) override;
    void fill_circle(PaintXY centre, float radius, std::uint32_t rgba) override;
    void push_clip(PaintXY a, PaintXY b) override;
    void pop_clip() override;
    void set_layer(int layer) override;
    void end_layers() override;

  private:
    ImDrawList* list_;
    FontSet fonts_;
    ImDrawListSplitter* split_ = nullptr;  // made on the first set_layer
};

}  // namespace chronomap

#pragma once
// The overlays drawn with cairo, for vector export (SVG, PDF): text stays text in the Noto fonts
// (Armenian, Georgian, Arabic, Hebrew and arrows from their own faces, as in the window), so it
// can be searched and edited; boxes, swatches and scale bars are vector shapes. A PDF gets
// right-to-left lines in visual order (bidi_text.h); an SVG keeps them in reading order, for its
// viewer orders and joins them itself.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <cairo.h>

#include "app/view/overlay/overlay_painter.h"

namespace chronomap {

// A line of text kept for an SVG's own <text> elements (cairo's SVG writer draws letters as
// outlines, which cannot be searched or edited).
struct SvgText {
    double x = 0, baseline = 0, em = 0;  // pixels; `em` is the CSS font size
    bool bold = false;
    std::uint32_t rgba = 0, halo = 0;  // halo alpha 0: none
    double halo_width = 0;
    std::string text;
};

class CairoPainter final : public OverlayPainter {
  public:
    // Draws into `cr` at `scale` (1 = 16 px body text). The fonts are those fontconfig finds.
    // With `keep_text`, text is measured as drawn but kept in texts() instead of drawn.
    CairoPainter(cairo_t* cr, float scale, bool keep_text = false);
    const std::vector<SvgText>& texts() const { return texts_; }
    ~CairoPainter() override;
    CairoPainter(const CairoPainter&) = delete;
    CairoPainter& operator=(const CairoPainter&) = delete;

    float scale() const override { return scale_; }
    float font_size(TextStyle style) const override;
    PaintXY measure(TextStyle style, float px, const std::string& text, float wrap) const override;
    void text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, const std::string& text,
              float wrap) override;
    // The halo is the letters' outline stroked (a path); the letters stay text.
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
    enum Face {
        kRegular, kBold, kArmenian, kArmenianBold, kGeorgian, kGeorgianBold, kMath, kSyllabics,
        kArabic, kArabicBold, kHebrew, kHebrewBold, kFaces
    };
    // A line of text cut where the face changes.
    std::vector<std::pair<Face, std::string>> runs(Face main, const std::string& text) const;
    double advance(Face main, double px, const std::string& text) const;
    // Selects a face at `px` pixels of line height, as ImGui sizes fonts (ascent plus descent),
    // which for Noto is about 1.36 times cairo's em size.
    void use_face(Face face, double px) const;
    std::vector<std::string> wrap_lines(Face main, double px, const std::string& text, float wrap) const;

    cairo_t* cr_;
    float scale_;
    bool keep_text_ = false;
    std::vector<SvgText> texts_;
    cairo_font_face_t* faces_[kFaces] = {};
    double line_per_em_[kFaces] = {};  // each face's ascent plus descent, in ems
    std::vector<std::pair<int, cairo_pattern_t*>> layers_;  // finished layers, painted at end_layers
    int layer_ = -1;                                        // the layer being drawn (a group), or none
};

// Sets the cairo source to a 0xRRGGBBAA colour.
void set_rgba(cairo_t* cr, std::uint32_t rgba);

}  // namespace chronomap

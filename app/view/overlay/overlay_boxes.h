#pragma once
// The overlay's boxes share a drawing vocabulary (colours, text at the frame's scale, legend
// swatches) and the legend; two layouts place them: over the map (overlay_draw.cpp) or in a
// column beside it (overlay_column.cpp).

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/labels.h"
#include "app/view/overlay/overlay.h"
#include "app/view/overlay/overlay_painter.h"

namespace chronomap::boxes {

inline constexpr std::uint32_t kInk = 0x1E1E1EFF;
inline constexpr std::uint32_t kMuted = 0x505050FF;
inline constexpr std::uint32_t kPanel = 0xFFFFFFE6;
inline constexpr std::uint32_t kHalo = 0xFFFFFFD7;
inline constexpr std::uint32_t kWhite = 0xFFFFFFFF;

// "+ 37 more": the powers a legend had no room for.
inline std::string more_text(std::size_t n) {
    char text[96];
    std::snprintf(text, sizeof text, _("%d more"), static_cast<int>(n));
    return std::string("+ ") + text;
}

// The overlay's drawing vocabulary over an OverlayPainter, at the frame's scale.
struct Painter {
    OverlayPainter* out;
    float s;  // pixel scale of everything drawn: the fonts' scale times the frame's text_scale
    float k;  // text_scale: the fonts are drawn at k times the size they were built at

    float px(TextStyle font) const { return out->font_size(font) * k; }
    PaintXY size(TextStyle font, const std::string& text, float wrap = 0, float larger = 1) const {
        return out->measure(font, px(font) * larger, text, wrap);
    }
    void text(TextStyle font, PaintXY at, std::uint32_t col, const std::string& t, float wrap = 0,
              float larger = 1) const {
        out->text(font, px(font) * larger, at, col, t, wrap);
    }
    void panel(const Rect& r) const { out->fill_rect({r.x0, r.y0}, {r.x1, r.y1}, kPanel, 4 * s); }

    // A legend swatch: fill, pattern as in the map, and a claim band when the swatch has one.
    void swatch(PaintXY p, float w, float h, const render::FeatureStyle& st) const {
        const PaintXY q{p.x + w, p.y + h};
        if (st.edge) {  // a border sample: soft for approximate, dashed for schematic
            out->fill_rect(p, q, kWhite, 0);
            const float y = p.y + h / 2;
            if (st.edge == 1) {
                out->line({p.x, y}, {q.x, y}, 0x2B2B2B30, 6.0f * s);
                out->line({p.x, y}, {q.x, y}, 0x2B2B2B60, 3.5f * s);
                out->line({p.x, y}, {q.x, y}, 0x2B2B2BA0, 1.5f * s);
            } else {
                for (float x = p.x; x < q.x; x += 6.0f * s)
                    out->line({x, y}, {std::min(x + 3.5f * s, q.x), y}, 0x2B2B2BFF, 1.5f * s);
            }
            return;
        }
        if (st.claim) {
            out->fill_rect(p, q, kWhite, 0);
            out->stroke_rect(p, q, st.claim, 3.5f * s);
            return;
        }
        out->fill_rect(p, q, st.fill, 0);
        const std::uint32_t pc = st.pattern_colour;
        const float step = 4.0f * s;
        out->push_clip(p, q);
        switch (st.pattern) {
            case render::Pattern::Hatch:
            case render::Pattern::CrossHatch:
                for (float d = -h; d < w; d += step * 2) {
                    out->line({p.x + d, q.y}, {p.x + d + h, p.y}, pc, 1.2f * s);
                    if (st.pattern == render::Pattern::CrossHatch)
                        out->line({p.x + d, p.y}, {p.x + d + h, q.y}, pc, 1.0f * s);
                }
                break;
            case render::Pattern::Dots:
                for (float y = p.y + step; y < q.y; y += step * 2)
                    for (float x = p.x + step; x < q.x; x += step * 2) out->fill_circle({x, y}, 0.9f * s, pc);
                break;
            case render::Pattern::Stripes:
                for (float y = p.y + step; y < q.y; y += step * 2) out->line({p.x, y}, {q.x, y}, pc, 1.2f * s);
                break;
            case render::Pattern::Transition: {  // a checkerboard, as on the map
                const float cell = step * 1.5f;
                int row = 0;
                for (float y = p.y; y < q.y; y += cell, ++row)
                    for (float x = p.x + (row % 2) * cell; x < q.x; x += 2 * cell)
                        out->fill_rect({x, y}, {std::min(x + cell, q.x), std::min(y + cell, q.y)}, pc, 0);
                break;
            }
            case render::Pattern::None:
                break;
        }
        out->pop_clip();
        out->stroke_rect(p, q, 0x3C3C3CFF, 1.0f);
    }

    void haloed(TextStyle font, PaintXY at, std::uint32_t col, const std::string& t) const {
        out->haloed_text(font, px(font), at, col, kHalo, std::max(1.0f, 1.2f * s), t);
    }
};

// The caption's heading is a little larger than the place names, which a class reads after it.
// Drawn in the title's face, smaller: fonts rasterised larger and scaled down stay sharp.
inline constexpr float kCaptionHeading = 1.25f * kBodyPx / kTitlePx;

// The legend's sections: the powers in view, the statuses, claims and uncertain borders on the
// map, each entry's label wrapped to `wrap` pixels (none when 0).
class Legend {
public:
    Legend(const Painter& P, const OverlayFrame& fr, const OverlayText& t, float wrap = 0);
    bool empty() const { return height_ == 0; }
    std::size_t powers() const { return sections_[0].items.size() + sections_[0].more; }
    float width() const { return width_; }
    float height() const { return height_; }
    // Cuts the powers of least area (never below one, "+ N more" for them) until the legend is at
    // most `room` high; those kept stay in the atlas's order.
    void cut_to(float room);
    void paint(PaintXY at) const;

private:
    struct Section {
        const char* heading;
        std::vector<const LegendItem*> items;
        std::size_t more = 0;  // items left out for lack of room
    };
    void measure();
    float item_height(const LegendItem& item) const;

    const Painter P_;
    float wrap_;
    Section sections_[4];
    float width_ = 0, height_ = 0;
};

// Whether a legend item's land is in the camera's view (items without bounds always are).
bool in_view(const OverlayFrame& fr, const LegendItem& item);

// The caption in a box whose bottom left corner is `at`, wrapped to `wrap`, with the event's
// sources under it when `with_source`; returns the box.
// Only measures it when not `paint`.
Rect draw_caption_at(const Painter& P, PaintXY bottom_left, float wrap, const OverlayText& t, bool with_source = false,
                     bool paint = true);
// The height of that box.
float caption_height(const Painter& P, float wrap, const OverlayText& t, bool with_source = false);
// A scale bar for the frame's camera: `px` long for a round distance (none when 0), with its
// label; `width` and `height` with the label.
struct ScaleBar {
    float px = 0, width = 0, height = 0, label_width = 0;
    std::string label;
};
ScaleBar measure_scale_bar(const Painter& P, const OverlayFrame& fr);
void paint_scale_bar(const Painter& P, const ScaleBar& bar, PaintXY top_right);

// Whether the options ask for the column layout and there is a title or legend to put in it (a
// scale bar and sources alone stay in a corner of the map).
bool column_layout(const OverlayOptions& o);

// The column layout: title, legend and sources in a column on the right, the caption under the
// map; adds the boxes to `reserved`.
void draw_column(const Painter& P, const OverlayFrame& fr, const OverlayText& t, const OverlayOptions& o,
                 std::vector<Rect>& reserved);
// The column layout's caption keeps to this share of the frame's height (its text gets smaller to
// fit, down to 70 %), so the map keeps the same room from one event to the next.
inline constexpr float kColumnCaptionShare = 0.3f;

// How the caption fits its band under the map in the column layout: with the sources or without
// (they then go to the column's foot), at `scale` (1 down to 0.7) and `height` high, less `cut`
// from its last lines when even that is too tall. Height 0: no caption at this date.
struct ColumnCaption {
    bool with_source = false;
    float scale = 1, height = 0, cut = 0;
};
ColumnCaption fit_column_caption(const Painter& P, float width, float height, const OverlayText& t, bool with_source);

// The column's width in a frame `width` wide at pixel scale `s`, and the caption's wrap width
// beside it.
float column_width(float width, float s);
float column_caption_wrap(float width, float s);

}  // namespace chronomap::boxes

#include <algorithm>

#include "app/view/overlay/overlay_boxes.h"

namespace chronomap::boxes {
namespace {

constexpr std::uint32_t kColumn = 0xF7F7F4FF;  // opaque: the map never shows through the text
constexpr std::uint32_t kRule = 0x3C3C3C80;

// Title, date and view at the column's top; returns the height they take. The atlas's title in
// small type: the date is what changes, and the legend needs the room.
float draw_column_title(const Painter& P, PaintXY at, float wrap, const OverlayText& t) {
    const PaintXY a = P.size(TextStyle::Small, t.title, wrap), b = P.size(TextStyle::Title, t.date, wrap),
                  c = P.size(TextStyle::Small, t.basis, wrap);
    P.text(TextStyle::Small, at, kInk, t.title, wrap);
    P.text(TextStyle::Title, {at.x, at.y + a.y}, kInk, t.date, wrap);
    P.text(TextStyle::Small, {at.x, at.y + a.y + b.y}, kMuted, t.basis, wrap);
    return a.y + b.y + c.y;
}

Painter scaled(const Painter& P, float f) { return Painter{P.out, P.s * f, P.k * f}; }

// The legend between `top` and `bottom`, and the sources under it (when `source` is not empty) in
// smaller type. Both get smaller together, the legend down to 60 %, until they fit; then the
// legend comes first, as every colour on the map needs its name: it names what fits ("+ N more"
// only when it alone does not), and the sources keep the lines left (the event card has them all).
void draw_legend_and_sources(const Painter& P, const OverlayFrame& fr, const OverlayText& t, const Rect& inner,
                             float top, float bottom, bool legend_on, const std::string& source) {
    const float wrap = inner.x1 - inner.x0, gap = 12 * P.s;
    auto sources_height = [&](float f) {
        return source.empty() ? 0.0f : scaled(P, std::min(0.8f, f)).size(TextStyle::Small, source, wrap).y + gap;
    };
    float f = 1;
    for (const float g : {1.0f, 0.9f, 0.8f, 0.7f, 0.6f}) {
        f = g;
        const float legend_h = legend_on ? Legend(scaled(P, g), fr, t, wrap).height() : 0;
        if (legend_h + sources_height(g) <= bottom - top) break;
    }
    const Painter small = scaled(P, f);
    float legend_bottom = top;
    if (legend_on) {
        Legend legend(small, fr, t, wrap);
        legend.cut_to(bottom - top);
        if (!legend.empty()) legend.paint({inner.x0, top});
        legend_bottom = top + legend.height();
    }
    if (source.empty()) return;
    const Painter text = scaled(P, std::min(0.8f, f));
    const float h = text.size(TextStyle::Small, source, wrap).y, y = std::max(legend_bottom + gap, bottom - h);
    if (y >= bottom) return;
    P.out->push_clip({inner.x0, y}, {inner.x1, bottom});
    text.text(TextStyle::Small, {inner.x0, y}, kMuted, source, wrap);
    P.out->pop_clip();
}

}  // namespace

float column_width(float width, float s) { return std::min(width * 0.36f, std::max(width * 0.26f, 240 * s)); }

float column_caption_wrap(float width, float s) { return width - column_width(width, s) - 2 * 12 * s - 2 * 8 * s; }

ColumnCaption fit_column_caption(const Painter& P, float width, float height, const OverlayText& t, bool with_source) {
    ColumnCaption fit;
    if (t.caption_heading.empty()) return fit;
    const float band = kColumnCaptionShare * height, wrap = column_caption_wrap(width, P.s);
    auto tall = [&](float f, bool source) { return caption_height(Painter{P.out, P.s * f, P.k * f}, wrap, t, source); };
    // The sources go to the column's foot before the caption's text gets smaller.
    fit.with_source = with_source && tall(1, true) <= band;
    for (const float f : {1.0f, 0.9f, 0.8f, 0.7f}) {
        fit.scale = f;
        fit.height = tall(f, fit.with_source);
        if (fit.height <= band) break;
    }
    fit.cut = std::max(0.0f, fit.height - band);
    fit.height -= fit.cut;
    return fit;
}

void draw_column(const Painter& P, const OverlayFrame& fr, const OverlayText& t, const OverlayOptions& o,
                 std::vector<Rect>& reserved) {
    const float m = 12 * P.s, pad = 12 * P.s;
    const Rect col{fr.x + fr.width - column_width(fr.width, P.s), fr.y, fr.x + fr.width, fr.y + fr.height};
    P.out->fill_rect({col.x0, col.y0}, {col.x1, col.y1}, kColumn, 0);
    P.out->line({col.x0, col.y0}, {col.x0, col.y1}, kRule, std::max(1.0f, P.s));
    reserved.push_back(col);
    const Rect inner{col.x0 + pad, col.y0 + pad, col.x1 - pad, col.y1 - pad};
    const float wrap = inner.x1 - inner.x0;
    float top = inner.y0;
    if (o.title) top += draw_column_title(P, {inner.x0, top}, wrap, t) + pad;
    const ColumnCaption caption = o.caption ? fit_column_caption(P, fr.width, fr.height, t, o.source) : ColumnCaption{};
    float bottom = inner.y1;
    if (const ScaleBar bar = o.scale_bar ? measure_scale_bar(P, fr) : ScaleBar{}; bar.px > 0) {
        bottom -= bar.height;
        paint_scale_bar(P, bar, {inner.x1, bottom});
        bottom -= pad;
    }
    const bool sources_here = o.source && !caption.with_source;
    draw_legend_and_sources(P, fr, t, inner, top, bottom, o.legend, sources_here ? t.source : std::string());
    // The caption under the map; what is still too long at 70 % loses its last lines.
    if (caption.height > 0) {
        const Painter fitted{P.out, P.s * caption.scale, P.k * caption.scale};
        const PaintXY at{fr.x + m, fr.y + fr.height - m};
        const float wrap_caption = column_caption_wrap(fr.width, P.s);
        Rect box = draw_caption_at(fitted, at, wrap_caption, t, caption.with_source, false);
        box.y0 += caption.cut;
        P.out->push_clip({box.x0, box.y0}, {box.x1, box.y1});
        draw_caption_at(fitted, {at.x, at.y + caption.cut}, wrap_caption, t, caption.with_source);
        P.out->pop_clip();
        reserved.push_back(box);
    }
}

}  // namespace chronomap::boxes

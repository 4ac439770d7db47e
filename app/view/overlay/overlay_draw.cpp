#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/overlay.h"
#include "app/view/overlay/overlay_painter.h"
#include "data/geometry/projection.h"

namespace chronomap {
namespace {

constexpr std::uint32_t kInk = 0x1E1E1EFF;
constexpr std::uint32_t kMuted = 0x505050FF;
constexpr std::uint32_t kPanel = 0xFFFFFFE6;
constexpr std::uint32_t kHalo = 0xFFFFFFD7;
constexpr std::uint32_t kWhite = 0xFFFFFFFF;

// "+ 37 more": the powers a legend had no room for.
std::string more_text(std::size_t n) {
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
    PaintXY size(TextStyle font, const std::string& text, float wrap = 0) const {
        return out->measure(font, px(font), text, wrap);
    }
    void text(TextStyle font, PaintXY at, std::uint32_t col, const std::string& t, float wrap = 0) const {
        out->text(font, px(font), at, col, t, wrap);
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

Rect draw_title(const Painter& P, const OverlayFrame& fr, const OverlayText& t) {
    const float m = 12 * P.s, pad = 8 * P.s, wrap = std::min(fr.width * 0.45f, 460 * P.s);
    const PaintXY a = P.size(TextStyle::Bold, t.title, wrap), b = P.size(TextStyle::Title, t.date),
                 c = P.size(TextStyle::Small, t.basis);
    const float w = std::max({a.x, b.x, c.x});
    Rect r{fr.x + m, fr.y + m, fr.x + m + w + 2 * pad, fr.y + m + a.y + b.y + c.y + 2 * pad};
    P.panel(r);
    P.text(TextStyle::Bold, {r.x0 + pad, r.y0 + pad}, kInk, t.title, wrap);
    P.text(TextStyle::Title, {r.x0 + pad, r.y0 + pad + a.y}, kInk, t.date);
    P.text(TextStyle::Small, {r.x0 + pad, r.y0 + pad + a.y + b.y}, kMuted, t.basis);
    return r;
}

// Whether a legend item's land is in the camera's view (items without bounds always are).
bool in_view(const OverlayFrame& fr, const LegendItem& item) {
    if (item.bounds.empty()) return true;
    const auto& c = fr.camera;
    const double hw = c.width * c.units_per_pixel / 2, hh = c.height * c.units_per_pixel / 2;
    return item.bounds.max_x >= c.center_x - hw && item.bounds.min_x <= c.center_x + hw &&
           item.bounds.max_y >= c.center_y - hh && item.bounds.min_y <= c.center_y + hh;
}

// The part of the map under a rectangle of the frame, in the display CRS.
Bounds map_area(const OverlayFrame& fr, const Rect& r) {
    const auto& c = fr.camera;
    auto x = [&](float px) { return c.center_x + (px - fr.x - c.width / 2.0) * c.units_per_pixel; };
    auto y = [&](float py) { return c.center_y + (c.height / 2.0 - (py - fr.y)) * c.units_per_pixel; };
    Bounds b;
    b.add(Vec2{x(r.x0), y(r.y1)});
    b.add(Vec2{x(r.x1), y(r.y0)});
    return b;
}

// Where a box of w x h goes along the frame's right or left edge, clear of `avoid`: the top right
// corner unless another place hides less land by at least 3% of the box.
Rect place_box(const OverlayFrame& fr, const LandCover& land, const std::vector<Rect>& avoid, float w, float h,
               float m) {
    const Rect top_right{fr.x + fr.width - m - w, fr.y + m, fr.x + fr.width - m, fr.y + m + h};
    if (land.cells.empty()) return top_right;
    Rect best = top_right;
    const double top_right_share = land.share(map_area(fr, top_right));
    double best_share = top_right_share;
    for (const float x0 : {fr.x + fr.width - m - w, fr.x + m}) {
        // The column's free stretches between the boxes already placed in it.
        std::vector<std::pair<float, float>> free{{fr.y + m, fr.y + fr.height - m}};
        for (const Rect& r : avoid) {
            if (!(r.x1 > r.x0) || r.x1 + m <= x0 || r.x0 - m >= x0 + w) continue;
            std::vector<std::pair<float, float>> left;
            for (const auto& [a, b] : free) {
                if (r.y0 - m > a) left.push_back({a, std::min(b, r.y0 - m)});
                if (r.y1 + m < b) left.push_back({std::max(a, r.y1 + m), b});
            }
            free = std::move(left);
        }
        const float step = std::max(h / 4, fr.height / 20);
        for (const auto& [a, b] : free) {
            if (b - a < h) continue;
            std::vector<float> tops;
            for (float y0 = a; y0 + h <= b; y0 += step) tops.push_back(y0);
            tops.push_back(b - h);
            for (const float y0 : tops) {
                const Rect r{x0, y0, x0 + w, y0 + h};
                const double share = land.share(map_area(fr, r));
                if (share < best_share) {
                    best = r;
                    best_share = share;
                }
            }
        }
    }
    return top_right_share - best_share >= 0.03 ? best : top_right;
}

// The legend: the powers and statuses on the map in view, largest first, cut to the room in the
// top right corner above `avoid` (the boxes below it) with "+ N more" for the rest, and put where
// it hides the least land (place_box).
Rect draw_legend(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                 const std::vector<Rect>& avoid) {
    const float m = 12 * P.s, pad = 8 * P.s, sw = 22 * P.s, sh = 14 * P.s, gap = 6 * P.s;
    const float line = std::max(P.px(TextStyle::Body) * 1.25f, sh + 4 * P.s);
    const float heading = P.px(TextStyle::Bold) * 1.3f;
    std::vector<const LegendItem*> controllers;
    for (const auto& i : t.controllers)
        if (in_view(fr, i)) controllers.push_back(&i);
    struct Section {
        const char* heading;
        std::vector<const LegendItem*> items;
        std::size_t more = 0;  // items left out for lack of room
    };
    Section sections[] = {{_("Control"), controllers, 0}, {_("Status"), {}, 0}, {_("Claims"), {}, 0}, {_("Uncertainty"), {}, 0}};
    for (const auto& i : t.statuses) sections[1].items.push_back(&i);
    for (const auto& i : t.claims) sections[2].items.push_back(&i);
    for (const auto& i : t.uncertainty) sections[3].items.push_back(&i);
    auto measure = [&](float& w, float& h) {
        w = 0;
        h = 0;
        for (const auto& sec : sections) {
            if (sec.items.empty() && sec.more == 0) continue;
            w = std::max(w, P.size(TextStyle::Bold, sec.heading).x);
            h += heading + static_cast<float>(sec.items.size() + (sec.more ? 1 : 0)) * line;
            for (const auto* i : sec.items) w = std::max(w, sw + gap + P.size(TextStyle::Body, i->label).x);
            if (sec.more) w = std::max(w, P.size(TextStyle::Body, more_text(sec.more)).x);
        }
    };
    float w = 0, h = 0;
    measure(w, h);
    if (h == 0) return {};
    // Room: down to the highest box below the legend's column, else the frame's bottom.
    float bottom = fr.y + fr.height - m;
    const float x0 = fr.x + fr.width - m - w - 2 * pad;
    for (const Rect& r : avoid)
        if (r.x1 > r.x0 && r.x1 > x0 && r.y0 > fr.y + m) bottom = std::min(bottom, r.y0 - m);
    // A lesson's few powers are all named while the corner has room for them; a world map with
    // dozens keeps to half the map's height (eight powers always, when the room is there), so it
    // stays a map.
    auto& powers = sections[0];
    constexpr std::size_t kFewPowers = 16;
    const float eight = heading + 9 * line;
    const float corner = bottom - (fr.y + m) - 2 * pad;
    const float room = powers.items.size() <= kFewPowers ? corner : std::min(corner, std::max(fr.height * 0.5f, eight));
    // Cut the smallest powers (never below one) until the legend fits; those kept stay in the
    // atlas's order.
    if (h > room && powers.items.size() > 1) {
        const std::size_t in_view = powers.items.size();
        std::vector<const LegendItem*> by_area = powers.items;
        std::stable_sort(by_area.begin(), by_area.end(),
                         [](const LegendItem* a, const LegendItem* b) { return a->area > b->area; });
        while (h > room && by_area.size() > 1) {
            by_area.pop_back();
            powers.items = by_area;
            powers.more = in_view - by_area.size();
            measure(w, h);
        }
        std::sort(powers.items.begin(), powers.items.end(),
                  [](const LegendItem* a, const LegendItem* b) { return a->rank < b->rank; });
    }
    const Rect r = place_box(fr, t.land, avoid, w + 2 * pad, h + 2 * pad, m);
    P.panel(r);
    float y = r.y0 + pad;
    for (const auto& sec : sections) {
        if (sec.items.empty() && sec.more == 0) continue;
        P.text(TextStyle::Bold, {r.x0 + pad, y}, kInk, sec.heading);
        y += heading;
        for (const auto* i : sec.items) {
            P.swatch({r.x0 + pad, y + (line - sh) / 2}, sw, sh, i->swatch);
            P.text(TextStyle::Body, {r.x0 + pad + sw + gap, y + (line - P.px(TextStyle::Body)) / 2}, kInk, i->label);
            y += line;
        }
        if (sec.more) {
            P.text(TextStyle::Body, {r.x0 + pad, y + (line - P.px(TextStyle::Body)) / 2}, kMuted,
                   more_text(sec.more));
            y += line;
        }
    }
    return r;
}

// The caption's wrap width leaves room for the widest source box, so the fitted map can keep
// a band of known height free for it (caption_band) whatever the scale bar turns out to be.
float caption_wrap(float width, float s) {
    const float m = 12 * s, pad = 8 * s;
    const float corner = std::min(width * 0.4f, 520 * s) + 12 * s + m;
    return std::max(100.0f, std::min(width * 0.6f, width - corner - 2 * m - 2 * pad));
}

Rect draw_caption(const Painter& P, const OverlayFrame& fr, const OverlayText& t) {
    if (t.caption_heading.empty()) return {};
    const float m = 12 * P.s, pad = 8 * P.s, wrap = caption_wrap(fr.width, P.s);
    const PaintXY a = P.size(TextStyle::Bold, t.caption_heading, wrap),
                 b = P.size(TextStyle::Body, t.caption_body, wrap),
                 c = P.size(TextStyle::Small, t.caption_changes, wrap);
    const float w = std::max({a.x, b.x, c.x});
    Rect r{fr.x + m, fr.y + fr.height - m - a.y - b.y - c.y - 2 * pad, fr.x + m + w + 2 * pad,
           fr.y + fr.height - m};
    P.panel(r);
    P.text(TextStyle::Bold, {r.x0 + pad, r.y0 + pad}, kInk, t.caption_heading, wrap);
    P.text(TextStyle::Body, {r.x0 + pad, r.y0 + pad + a.y}, kInk, t.caption_body, wrap);
    P.text(TextStyle::Small, {r.x0 + pad, r.y0 + pad + a.y + b.y}, kInk, t.caption_changes, wrap);
    return r;
}

// Scale bar above the source line, bottom right. Returns the box both take.
Rect draw_scale_and_source(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                           const OverlayOptions& o) {
    const float m = 12 * P.s, pad = 6 * P.s;
    const float wrap = std::min(fr.width * 0.4f, 520 * P.s);  // caption_wrap() relies on this
    const bool source = o.source && !t.source.empty();
    const PaintXY ss = source ? P.size(TextStyle::Small, t.source, wrap) : PaintXY{0, 0};
    double metres = 0;
    float bar_px = 0;
    if (o.scale_bar && fr.geo && fr.geo->valid()) {
        const auto& c = fr.camera;
        const double span = 150.0 * P.s * c.units_per_pixel;
        if (auto d = fr.geo->ground_distance({c.center_x - span / 2, c.center_y},
                                             {c.center_x + span / 2, c.center_y})) {
            metres = round_number_below(*d);
            bar_px = static_cast<float>(150.0 * P.s * metres / *d);
        }
    }
    if (!source && bar_px <= 0) return {};
    char label[32] = "";
    if (bar_px > 0)
        std::snprintf(label, sizeof label, metres >= 1000 ? "%.0f km" : "%.0f m",
                      metres >= 1000 ? metres / 1000 : metres);
    const PaintXY ls = P.size(TextStyle::Small, label);
    const float bar_h = bar_px > 0 ? ls.y + 8 * P.s : 0;
    const float w = std::max(ss.x, bar_px + ls.x + 6 * P.s);
    Rect r{fr.x + fr.width - m - w - 2 * pad, fr.y + fr.height - m - ss.y - bar_h - 2 * pad,
           fr.x + fr.width - m, fr.y + fr.height - m};
    P.panel(r);
    if (bar_px > 0) {
        const float y = r.y0 + pad + ls.y * 0.5f, x1 = r.x1 - pad - ls.x - 6 * P.s,
                    x0 = x1 - bar_px;
        P.out->fill_rect({x0, y - 2 * P.s}, {x1, y + 2 * P.s}, kInk, 0);
        P.out->fill_rect({x0 + bar_px / 2, y - 2 * P.s + 1}, {x1, y + 2 * P.s - 1}, kWhite, 0);
        P.text(TextStyle::Small, {x1 + 6 * P.s, r.y0 + pad}, kInk, label);
    }
    if (source) P.text(TextStyle::Small, {r.x1 - pad - ss.x, r.y0 + pad + bar_h}, kMuted, t.source, wrap);
    return r;
}

void draw_labels(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                 const std::vector<LabelSeed>& seeds, const std::vector<Rect>& reserved) {
    const auto& c = fr.camera;
    std::vector<LabelCandidate> cands;
    for (const auto& seed : seeds) {
        LabelCandidate lc;
        lc.text = seed.feature->names.get(t.lang, seed.feature->id);
        lc.x =
            fr.x + static_cast<float>((seed.at.x - c.center_x) / c.units_per_pixel + c.width / 2.0);
        lc.y = fr.y +
               static_cast<float>(c.height / 2.0 - (seed.at.y - c.center_y) / c.units_per_pixel);
        lc.town = seed.town;
        // Territories first, biggest first; then towns in their layer's order.
        // Reference layers' labels after the atlas's own territories and towns.
        const float size = static_cast<float>(seed.radius / c.units_per_pixel);
        lc.priority = seed.reference ? (seed.town ? -2e6f : -1e6f + size)
                      : seed.town    ? -static_cast<float>(seed.order)
                                     : 1e6f + size;
        lc.room = seed.town ? 0 : static_cast<float>(2.6 * seed.radius / c.units_per_pixel);
        if (!seed.town && seed.wide_width > 0) {
            lc.wide_x = fr.x + static_cast<float>((seed.wide_at.x - c.center_x) / c.units_per_pixel + c.width / 2.0);
            lc.wide_y = fr.y + static_cast<float>(c.height / 2.0 - (seed.wide_at.y - c.center_y) / c.units_per_pixel);
            lc.wide_room = static_cast<float>(seed.wide_width / c.units_per_pixel);
        }
        cands.push_back(std::move(lc));
    }
    auto measure = [&](const std::string& text, bool town, float& w, float& h) {
        const PaintXY sz = P.size(town ? TextStyle::Small : TextStyle::Bold, text);
        w = sz.x;
        h = sz.y;
    };
    const Rect frame{fr.x, fr.y, fr.x + fr.width, fr.y + fr.height};
    for (const auto& l : place_labels(std::move(cands), measure, frame, reserved, 3 * P.s)) {
        if (l.town) {
            // Small type on strong fills needs a ground of its own to stay legible.
            const float p = 2 * P.s;
            P.out->fill_rect({l.box.x0 - p, l.box.y0}, {l.box.x1 + p, l.box.y1}, 0xFFFFFFC8, 3 * P.s);
            P.out->fill_circle({l.dot_x, l.dot_y}, 3.2f * P.s, kWhite);
            P.out->fill_circle({l.dot_x, l.dot_y}, 2.2f * P.s, kInk);
            P.text(TextStyle::Small, {l.box.x0, l.box.y0}, kInk, l.text);
        } else {
            P.haloed(l.small ? TextStyle::Small : TextStyle::Bold, {l.box.x0, l.box.y0}, kInk, l.text);
        }
    }
}

}  // namespace

float caption_band(const OverlayPainter& painter, const OverlayText& t, float width, float text_scale) {
    if (t.caption_heading.empty()) return 0;
    const float s = painter.scale() * text_scale, wrap = caption_wrap(width, s);
    auto height = [&](TextStyle style, const std::string& text) {
        return painter.measure(style, painter.font_size(style) * text_scale, text, wrap).y;
    };
    const float a = height(TextStyle::Bold, t.caption_heading), b = height(TextStyle::Body, t.caption_body),
                c = height(TextStyle::Small, t.caption_changes);
    return a + b + c + 2 * 8 * s + 2 * 12 * s;  // text, padding, margins above and below
}

float overlay_text_scale(float font_scale, float width, float height) {
    // The boxes are laid out for a map of at least about 760 x 430 of their own pixels.
    return std::min({1.0f, width / (760.0f * font_scale), height / (430.0f * font_scale)});
}

void draw_overlay(const OverlayFrame& fr, const OverlayText& t, const std::vector<LabelSeed>& seeds,
                  const OverlayOptions& o) {
    OverlayPainter& out = *fr.painter;
    const Painter P{&out, out.scale() * fr.text_scale, fr.text_scale};
    out.push_clip({fr.x, fr.y}, {fr.x + fr.width, fr.y + fr.height});
    std::vector<Rect> reserved;
    // Boxes first (they reserve their space), labels after, on whatever room is left, drawn under.
    out.set_layer(1);
    if (o.title) reserved.push_back(draw_title(P, fr, t));
    reserved.push_back(draw_scale_and_source(P, fr, t, o));
    if (o.caption) reserved.push_back(draw_caption(P, fr, t));
    // The legend last: it takes the room the boxes below it leave.
    if (o.legend) reserved.push_back(draw_legend(P, fr, t, reserved));
    out.set_layer(0);
    if (o.labels) draw_labels(P, fr, t, seeds, reserved);
    out.end_layers();
    out.pop_clip();
}

}  // namespace chronomap

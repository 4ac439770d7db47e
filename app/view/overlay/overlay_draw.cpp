#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/overlay_boxes.h"
#include "data/geometry/projection.h"

namespace chronomap::boxes {
namespace {

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

// The legend: the powers and statuses on the map in view, cut to the room in the top right
// corner above `avoid` (the boxes below it) with "+ N more" for the rest, and put where it hides
// the least land (place_box).
Rect draw_legend(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                 const std::vector<Rect>& avoid) {
    const float m = 12 * P.s, pad = 8 * P.s;
    Legend legend(P, fr, t);
    if (legend.empty()) return {};
    // Room: down to the highest box below the legend's column, else the frame's bottom.
    float bottom = fr.y + fr.height - m;
    const float x0 = fr.x + fr.width - m - legend.width() - 2 * pad;
    for (const Rect& r : avoid)
        if (r.x1 > r.x0 && r.x1 > x0 && r.y0 > fr.y + m) bottom = std::min(bottom, r.y0 - m);
    // A lesson's few powers are all named while the corner has room for them; a world map with
    // dozens keeps to half the map's height (eight powers always, when the room is there), so it
    // stays a map.
    constexpr std::size_t kFewPowers = 16;
    const float line = P.px(TextStyle::Body) * 1.25f, eight = P.px(TextStyle::Bold) * 1.3f + 9 * line;
    const float corner = bottom - (fr.y + m) - 2 * pad;
    const bool few = legend.powers() <= kFewPowers;
    legend.cut_to(few ? corner : std::min(corner, std::max(fr.height * 0.5f, eight)));
    const Rect r = place_box(fr, t.land, avoid, legend.width() + 2 * pad, legend.height() + 2 * pad, m);
    P.panel(r);
    legend.paint({r.x0 + pad, r.y0 + pad});
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
    const float m = 12 * P.s;
    return draw_caption_at(P, {fr.x + m, fr.y + fr.height - m}, caption_wrap(fr.width, P.s), t);
}

// Scale bar above the source line, bottom right. Returns the box both take.
Rect draw_scale_and_source(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                           const OverlayOptions& o) {
    const float m = 12 * P.s, pad = 6 * P.s;
    const float wrap = std::min(fr.width * 0.4f, 520 * P.s);  // caption_wrap() relies on this
    const bool source = o.source && !t.source.empty();
    const PaintXY ss = source ? P.size(TextStyle::Small, t.source, wrap) : PaintXY{0, 0};
    const ScaleBar bar = o.scale_bar ? measure_scale_bar(P, fr) : ScaleBar{};
    if (!source && bar.px <= 0) return {};
    const float w = std::max(ss.x, bar.width);
    Rect r{fr.x + fr.width - m - w - 2 * pad, fr.y + fr.height - m - ss.y - bar.height - 2 * pad,
           fr.x + fr.width - m, fr.y + fr.height - m};
    P.panel(r);
    paint_scale_bar(P, bar, {r.x1 - pad, r.y0 + pad});
    if (source) P.text(TextStyle::Small, {r.x1 - pad - ss.x, r.y0 + pad + bar.height}, kMuted, t.source, wrap);
    return r;
}

void draw_labels(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                 const std::vector<LabelSeed>& seeds, const std::vector<Rect>& reserved) {
    const auto& c = fr.camera;
    // A modern country a territory is named after (a lesson's "Albania" over Natural Earth's)
    // is labelled once, as the territory.
    std::set<std::string> territory_names;
    for (const auto& seed : seeds)
        if (!seed.reference && !seed.town) territory_names.insert(seed.feature->names.get(t.lang, seed.feature->id));
    std::vector<LabelCandidate> cands;
    for (const auto& seed : seeds) {
        LabelCandidate lc;
        lc.text = seed.feature->names.get(t.lang, seed.feature->id);
        if (seed.reference && !seed.town && territory_names.count(lc.text)) continue;
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

// The boxes over the map: title top left, legend top right (or where it hides least land),
// caption bottom left, scale bar and sources bottom right.
void draw_boxes_over_map(const Painter& P, const OverlayFrame& fr, const OverlayText& t, const OverlayOptions& o,
                         std::vector<Rect>& reserved) {
    if (o.title) reserved.push_back(draw_title(P, fr, t));
    reserved.push_back(draw_scale_and_source(P, fr, t, o));
    if (o.caption) reserved.push_back(draw_caption(P, fr, t));
    // The legend last: it takes the room the boxes below it leave.
    if (o.legend) reserved.push_back(draw_legend(P, fr, t, reserved));
}

}  // namespace

ScaleBar measure_scale_bar(const Painter& P, const OverlayFrame& fr) {
    ScaleBar bar;
    if (!fr.geo || !fr.geo->valid()) return bar;
    const auto& c = fr.camera;
    const double span = 150.0 * P.s * c.units_per_pixel;
    const auto d = fr.geo->ground_distance({c.center_x - span / 2, c.center_y}, {c.center_x + span / 2, c.center_y});
    if (!d) return bar;
    const double metres = round_number_below(*d);
    bar.px = static_cast<float>(150.0 * P.s * metres / *d);
    char label[32] = "";
    std::snprintf(label, sizeof label, metres >= 1000 ? "%.0f km" : "%.0f m", metres >= 1000 ? metres / 1000 : metres);
    bar.label = label;
    const PaintXY ls = P.size(TextStyle::Small, bar.label);
    bar.label_width = ls.x;
    bar.height = ls.y + 8 * P.s;
    bar.width = bar.px + ls.x + 6 * P.s;
    return bar;
}

void paint_scale_bar(const Painter& P, const ScaleBar& bar, PaintXY top_right) {
    if (bar.px <= 0) return;
    const float y = top_right.y + (bar.height - 8 * P.s) * 0.5f, x1 = top_right.x - bar.label_width - 6 * P.s,
                x0 = x1 - bar.px;
    P.out->fill_rect({x0, y - 2 * P.s}, {x1, y + 2 * P.s}, kInk, 0);
    P.out->fill_rect({x0 + bar.px / 2, y - 2 * P.s + 1}, {x1, y + 2 * P.s - 1}, kWhite, 0);
    P.text(TextStyle::Small, {x1 + 6 * P.s, top_right.y}, kInk, bar.label);
}

float caption_height(const Painter& P, float wrap, const OverlayText& t, bool with_source) {
    const Rect r = draw_caption_at(P, {0, 0}, wrap, t, with_source, false);
    return r.y1 - r.y0;
}

Rect draw_caption_at(const Painter& P, PaintXY bottom_left, float wrap, const OverlayText& t, bool with_source,
                     bool paint) {
    if (t.caption_heading.empty()) return {};
    const float pad = 8 * P.s;
    const std::string& source = with_source ? t.source : std::string();
    const PaintXY a = P.size(TextStyle::Title, t.caption_heading, wrap, kCaptionHeading),
                  b = P.size(TextStyle::Body, t.caption_body, wrap),
                  c = P.size(TextStyle::Small, t.caption_changes, wrap),
                  d = source.empty() ? PaintXY{0, 0} : P.size(TextStyle::Small, source, wrap);
    const float gap = source.empty() ? 0 : pad / 2;
    const float w = std::max({a.x, b.x, c.x, d.x});
    const Rect r{bottom_left.x, bottom_left.y - a.y - b.y - c.y - gap - d.y - 2 * pad, bottom_left.x + w + 2 * pad,
                 bottom_left.y};
    if (!paint) return r;
    P.panel(r);
    float y = r.y0 + pad;
    P.text(TextStyle::Title, {r.x0 + pad, y}, kInk, t.caption_heading, wrap, kCaptionHeading);
    P.text(TextStyle::Body, {r.x0 + pad, y += a.y}, kInk, t.caption_body, wrap);
    P.text(TextStyle::Small, {r.x0 + pad, y += b.y}, kInk, t.caption_changes, wrap);
    if (!source.empty()) P.text(TextStyle::Small, {r.x0 + pad, y + c.y + gap}, kMuted, source, wrap);
    return r;
}

bool column_layout(const OverlayOptions& o) { return o.column && (o.title || o.legend); }

}  // namespace chronomap::boxes

namespace chronomap {

// The boxes are laid out for a map of at least about this many of their own pixels.
constexpr float kLayoutWidth = 760, kLayoutHeight = 350;

float overlay_text_scale(float font_scale, float width, float height) {
    return std::min({1.0f, width / (kLayoutWidth * font_scale), height / (kLayoutHeight * font_scale)});
}

float room_text_scale(float width, float height) {
    return std::max(0.1f, std::min(width / kLayoutWidth, height / 430.0f));
}

float overlay_column_inset(const OverlayOptions& o, float width, float scale) {
    return boxes::column_layout(o) ? boxes::column_width(width, scale) : 0.0f;
}

OverlayInsets overlay_insets(OverlayPainter& painter, const OverlayText& t, const OverlayOptions& o, float width,
                             float height, float text_scale) {
    using namespace boxes;
    const float s = painter.scale() * text_scale, m = 12 * s;
    const Painter P{&painter, s, text_scale};
    OverlayInsets in;
    if (column_layout(o)) {
        in.right = column_width(width, s);
        if (o.caption) in.bottom = fit_column_caption(P, width, height, t, o.source).height + 2 * m;
    } else if (o.caption) {
        in.bottom = caption_height(P, caption_wrap(width, s), t) + 2 * m;
    }
    if (in.bottom == 2 * m) in.bottom = 0;  // no caption at this date
    return in;
}

void draw_overlay(const OverlayFrame& fr, const OverlayText& t, const std::vector<LabelSeed>& seeds,
                  const OverlayOptions& o) {
    using namespace boxes;
    OverlayPainter& out = *fr.painter;
    const Painter P{&out, out.scale() * fr.text_scale, fr.text_scale};
    out.push_clip({fr.x, fr.y}, {fr.x + fr.width, fr.y + fr.height});
    std::vector<Rect> reserved;
    // Boxes first (they reserve their space), labels after, on whatever room is left, drawn under.
    out.set_layer(1);
    if (column_layout(o)) {
        draw_column(P, fr, t, o, reserved);
    } else {
        draw_boxes_over_map(P, fr, t, o, reserved);
    }
    out.set_layer(0);
    if (o.labels) draw_labels(P, fr, t, seeds, reserved);
    out.end_layers();
    out.pop_clip();
}

}  // namespace chronomap

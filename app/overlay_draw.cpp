#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "im_colour.h"
#include "overlay.h"
#include "projection.h"

namespace chronomap {
namespace {

constexpr ImU32 kInk = IM_COL32(30, 30, 30, 255);
constexpr ImU32 kMuted = IM_COL32(80, 80, 80, 255);
constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 215);

struct Painter {
    ImDrawList* dl;
    const FontSet& f;
    float s;  // pixel scale of everything drawn: the fonts' scale times the frame's text_scale
    float k;  // text_scale: the fonts are drawn at k times the size they were built at

    float px(const ImFont* font) const { return font->FontSize * k; }
    ImVec2 size(ImFont* font, const std::string& text, float wrap = 0) const {
        return font->CalcTextSizeA(px(font), 1e9f, wrap, text.c_str());
    }
    void text(ImFont* font, ImVec2 at, ImU32 col, const std::string& t, float wrap = 0) const {
        dl->AddText(font, px(font), at, col, t.c_str(), nullptr, wrap);
    }
    void panel(const Rect& r) const {
        dl->AddRectFilled({r.x0, r.y0}, {r.x1, r.y1}, kPanel, 4 * s);
    }

    // A legend swatch: fill, pattern as in the map, and a claim band when the swatch has one.
    void swatch(ImVec2 p, float w, float h, const render::FeatureStyle& st) const {
        const ImVec2 q{p.x + w, p.y + h};
        if (st.claim) {
            dl->AddRectFilled(p, q, IM_COL32(255, 255, 255, 255));
            dl->AddRect(p, q, im_colour(st.claim), 0, 0, 3.5f * s);
            return;
        }
        dl->AddRectFilled(p, q, im_colour(st.fill));
        const ImU32 pc = im_colour(st.pattern_colour);
        const float step = 4.0f * s;
        dl->PushClipRect(p, q, true);
        switch (st.pattern) {
            case render::Pattern::Hatch:
            case render::Pattern::CrossHatch:
                for (float d = -h; d < w; d += step * 2) {
                    dl->AddLine({p.x + d, q.y}, {p.x + d + h, p.y}, pc, 1.2f * s);
                    if (st.pattern == render::Pattern::CrossHatch)
                        dl->AddLine({p.x + d, p.y}, {p.x + d + h, q.y}, pc, 1.0f * s);
                }
                break;
            case render::Pattern::Dots:
                for (float y = p.y + step; y < q.y; y += step * 2)
                    for (float x = p.x + step; x < q.x; x += step * 2)
                        dl->AddCircleFilled({x, y}, 0.9f * s, pc);
                break;
            case render::Pattern::Stripes:
                for (float y = p.y + step; y < q.y; y += step * 2)
                    dl->AddLine({p.x, y}, {q.x, y}, pc, 1.2f * s);
                break;
            case render::Pattern::None:
                break;
        }
        dl->PopClipRect();
        dl->AddRect(p, q, IM_COL32(60, 60, 60, 255), 0, 0, 1.0f);
    }

    void haloed(ImFont* font, ImVec2 at, ImU32 col, const std::string& t) const {
        const float o = std::max(1.0f, 1.2f * s);
        for (ImVec2 d : {ImVec2{-o, 0}, ImVec2{o, 0}, ImVec2{0, -o}, ImVec2{0, o}, ImVec2{-o, -o},
                         ImVec2{o, o}})
            text(font, {at.x + d.x, at.y + d.y}, kHalo, t);
        text(font, at, col, t);
    }
};

Rect draw_title(const Painter& P, const OverlayFrame& fr, const OverlayText& t) {
    const float m = 12 * P.s, pad = 8 * P.s, wrap = std::min(fr.width * 0.45f, 460 * P.s);
    const ImVec2 a = P.size(P.f.bold, t.title, wrap), b = P.size(P.f.title, t.date),
                 c = P.size(P.f.small, t.basis);
    const float w = std::max({a.x, b.x, c.x});
    Rect r{fr.x + m, fr.y + m, fr.x + m + w + 2 * pad, fr.y + m + a.y + b.y + c.y + 2 * pad};
    P.panel(r);
    P.text(P.f.bold, {r.x0 + pad, r.y0 + pad}, kInk, t.title, wrap);
    P.text(P.f.title, {r.x0 + pad, r.y0 + pad + a.y}, kInk, t.date);
    P.text(P.f.small, {r.x0 + pad, r.y0 + pad + a.y + b.y}, kMuted, t.basis);
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

// The legend, top right: the powers and statuses on the map in view, largest first, cut to the
// room above `avoid` (the boxes below it) with "+ N more" for the rest.
Rect draw_legend(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                 const std::vector<Rect>& avoid) {
    const float m = 12 * P.s, pad = 8 * P.s, sw = 22 * P.s, sh = 14 * P.s, gap = 6 * P.s;
    const float line = std::max(P.px(P.f.body) * 1.25f, sh + 4 * P.s);
    const float heading = P.px(P.f.bold) * 1.3f;
    std::vector<const LegendItem*> controllers;
    for (const auto& i : t.controllers)
        if (in_view(fr, i)) controllers.push_back(&i);
    struct Section {
        const char* heading;
        std::vector<const LegendItem*> items;
        std::size_t more = 0;  // items left out for lack of room
    };
    Section sections[] = {{"Control", controllers, 0}, {"Status", {}, 0}, {"Claims", {}, 0}};
    for (const auto& i : t.statuses) sections[1].items.push_back(&i);
    for (const auto& i : t.claims) sections[2].items.push_back(&i);
    auto measure = [&](float& w, float& h) {
        w = 0;
        h = 0;
        for (const auto& sec : sections) {
            if (sec.items.empty() && sec.more == 0) continue;
            w = std::max(w, P.size(P.f.bold, sec.heading).x);
            h += heading + static_cast<float>(sec.items.size() + (sec.more ? 1 : 0)) * line;
            for (const auto* i : sec.items) w = std::max(w, sw + gap + P.size(P.f.body, i->label).x);
            if (sec.more) w = std::max(w, P.size(P.f.body, "+ " + std::to_string(sec.more) + " more").x);
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
    // At most half the map's height, so a world map with hundreds of powers stays a map; eight
    // powers are always kept when the room is there.
    const float eight = heading + 9 * line;
    const float room = std::min(bottom - (fr.y + m) - 2 * pad, std::max(fr.height * 0.5f, eight));
    // Cut the powers (never below one) until the legend fits.
    auto& powers = sections[0];
    while (h > room && powers.items.size() > 1) {
        powers.items.pop_back();
        ++powers.more;
        measure(w, h);
    }
    Rect r{fr.x + fr.width - m - w - 2 * pad, fr.y + m, fr.x + fr.width - m, fr.y + m + h + 2 * pad};
    P.panel(r);
    float y = r.y0 + pad;
    for (const auto& sec : sections) {
        if (sec.items.empty() && sec.more == 0) continue;
        P.text(P.f.bold, {r.x0 + pad, y}, kInk, sec.heading);
        y += heading;
        for (const auto* i : sec.items) {
            P.swatch({r.x0 + pad, y + (line - sh) / 2}, sw, sh, i->swatch);
            P.text(P.f.body, {r.x0 + pad + sw + gap, y + (line - P.px(P.f.body)) / 2}, kInk, i->label);
            y += line;
        }
        if (sec.more) {
            P.text(P.f.body, {r.x0 + pad, y + (line - P.px(P.f.body)) / 2}, kMuted,
                   "+ " + std::to_string(sec.more) + " more");
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
    const ImVec2 a = P.size(P.f.bold, t.caption_heading, wrap),
                 b = P.size(P.f.body, t.caption_body, wrap);
    const float w = std::max(a.x, b.x);
    Rect r{fr.x + m, fr.y + fr.height - m - a.y - b.y - 2 * pad, fr.x + m + w + 2 * pad,
           fr.y + fr.height - m};
    P.panel(r);
    P.text(P.f.bold, {r.x0 + pad, r.y0 + pad}, kInk, t.caption_heading, wrap);
    P.text(P.f.body, {r.x0 + pad, r.y0 + pad + a.y}, kInk, t.caption_body, wrap);
    return r;
}

// Scale bar above the source line, bottom right. Returns the box both take.
Rect draw_scale_and_source(const Painter& P, const OverlayFrame& fr, const OverlayText& t,
                           const OverlayOptions& o) {
    const float m = 12 * P.s, pad = 6 * P.s;
    const float wrap = std::min(fr.width * 0.4f, 520 * P.s);  // caption_wrap() relies on this
    const bool source = o.source && !t.source.empty();
    const ImVec2 ss = source ? P.size(P.f.small, t.source, wrap) : ImVec2{0, 0};
    double metres = 0;
    float bar_px = 0;
    if (o.scale_bar && fr.geo && fr.geo->valid()) {
        const auto& c = fr.camera;
        const double span = 150.0 * P.s * c.units_per_pixel;
        if (auto d = fr.geo->ground_distance({c.center_x - span / 2, c.center_y},
                                             {c.center_x + span / 2, c.center_y})) {
            metres = round_scale_distance(*d);
            bar_px = static_cast<float>(150.0 * P.s * metres / *d);
        }
    }
    if (!source && bar_px <= 0) return {};
    char label[32] = "";
    if (bar_px > 0)
        std::snprintf(label, sizeof label, metres >= 1000 ? "%.0f km" : "%.0f m",
                      metres >= 1000 ? metres / 1000 : metres);
    const ImVec2 ls = P.size(P.f.small, label);
    const float bar_h = bar_px > 0 ? ls.y + 8 * P.s : 0;
    const float w = std::max(ss.x, bar_px + ls.x + 6 * P.s);
    Rect r{fr.x + fr.width - m - w - 2 * pad, fr.y + fr.height - m - ss.y - bar_h - 2 * pad,
           fr.x + fr.width - m, fr.y + fr.height - m};
    P.panel(r);
    if (bar_px > 0) {
        const float y = r.y0 + pad + ls.y * 0.5f, x1 = r.x1 - pad - ls.x - 6 * P.s,
                    x0 = x1 - bar_px;
        P.dl->AddRectFilled({x0, y - 2 * P.s}, {x1, y + 2 * P.s}, kInk);
        P.dl->AddRectFilled({x0 + bar_px / 2, y - 2 * P.s + 1}, {x1, y + 2 * P.s - 1},
                            IM_COL32(255, 255, 255, 255));
        P.text(P.f.small, {x1 + 6 * P.s, r.y0 + pad}, kInk, label);
    }
    if (source) P.text(P.f.small, {r.x1 - pad - ss.x, r.y0 + pad + bar_h}, kMuted, t.source, wrap);
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
        cands.push_back(std::move(lc));
    }
    auto measure = [&](const std::string& text, bool town, float& w, float& h) {
        const ImVec2 sz = P.size(town ? P.f.small : P.f.bold, text);
        w = sz.x;
        h = sz.y;
    };
    const Rect frame{fr.x, fr.y, fr.x + fr.width, fr.y + fr.height};
    for (const auto& l : place_labels(std::move(cands), measure, frame, reserved, 3 * P.s)) {
        if (l.town) {
            // Small type on strong fills needs a ground of its own to stay legible.
            const float p = 2 * P.s;
            P.dl->AddRectFilled({l.box.x0 - p, l.box.y0}, {l.box.x1 + p, l.box.y1},
                                IM_COL32(255, 255, 255, 200), 3 * P.s);
            P.dl->AddCircleFilled({l.dot_x, l.dot_y}, 3.2f * P.s, IM_COL32(255, 255, 255, 255));
            P.dl->AddCircleFilled({l.dot_x, l.dot_y}, 2.2f * P.s, kInk);
            P.text(P.f.small, {l.box.x0, l.box.y0}, kInk, l.text);
        } else {
            P.haloed(l.small ? P.f.small : P.f.bold, {l.box.x0, l.box.y0}, kInk, l.text);
        }
    }
}

}  // namespace

float caption_band(const FontSet& f, const OverlayText& t, float width, float text_scale) {
    if (t.caption_heading.empty()) return 0;
    const Painter P{nullptr, f, f.scale * text_scale, text_scale};
    const float wrap = caption_wrap(width, P.s);
    const float a = P.size(f.bold, t.caption_heading, wrap).y,
                b = P.size(f.body, t.caption_body, wrap).y;
    return a + b + 2 * 8 * P.s + 2 * 12 * P.s;  // text, padding, margins above and below
}

float overlay_text_scale(float font_scale, float width, float height) {
    // The boxes are laid out for a map of at least about 760 x 430 of their own pixels.
    return std::min({1.0f, width / (760.0f * font_scale), height / (430.0f * font_scale)});
}

void draw_overlay(const OverlayFrame& fr, const OverlayText& t, const std::vector<LabelSeed>& seeds,
                  const OverlayOptions& o) {
    const Painter P{fr.draw, *fr.fonts, fr.fonts->scale * fr.text_scale, fr.text_scale};
    fr.draw->PushClipRect({fr.x, fr.y}, {fr.x + fr.width, fr.y + fr.height}, true);
    std::vector<Rect> reserved;
    // Boxes first (they reserve their space), labels after, on whatever room is left.
    ImDrawListSplitter split;
    split.Split(fr.draw, 2);
    split.SetCurrentChannel(fr.draw, 1);
    if (o.title) reserved.push_back(draw_title(P, fr, t));
    reserved.push_back(draw_scale_and_source(P, fr, t, o));
    if (o.caption) reserved.push_back(draw_caption(P, fr, t));
    // The legend last: it takes the room the boxes below it leave.
    if (o.legend) reserved.push_back(draw_legend(P, fr, t, reserved));
    split.SetCurrentChannel(fr.draw, 0);
    if (o.labels) draw_labels(P, fr, t, seeds, reserved);
    split.Merge(fr.draw);
    fr.draw->PopClipRect();
}

}  // namespace chronomap

#include <algorithm>

#include "app/view/overlay/overlay_boxes.h"

namespace chronomap::boxes {

bool in_view(const OverlayFrame& fr, const LegendItem& item) {
    if (item.bounds.empty()) return true;
    const auto& c = fr.camera;
    const double hw = c.width * c.units_per_pixel / 2, hh = c.height * c.units_per_pixel / 2;
    return item.bounds.max_x >= c.center_x - hw && item.bounds.min_x <= c.center_x + hw &&
           item.bounds.max_y >= c.center_y - hh && item.bounds.min_y <= c.center_y + hh;
}

namespace {

// Swatch size and the gap after it, at scale 1.
constexpr float kSwatchW = 22, kSwatchH = 14, kGap = 6;

}  // namespace

Legend::Legend(const Painter& P, const OverlayFrame& fr, const OverlayText& t, float wrap)
    : P_(P),
      wrap_(wrap),
      sections_{{_("Control"), {}, 0}, {_("Status"), {}, 0}, {_("Claims"), {}, 0}, {_("Uncertainty"), {}, 0}} {
    for (const auto& i : t.controllers)
        if (in_view(fr, i)) sections_[0].items.push_back(&i);
    for (const auto& i : t.statuses) sections_[1].items.push_back(&i);
    for (const auto& i : t.claims) sections_[2].items.push_back(&i);
    for (const auto& i : t.uncertainty) sections_[3].items.push_back(&i);
    measure();
}

float Legend::item_height(const LegendItem& item) const {
    const float label_wrap = wrap_ > 0 ? std::max(1.0f, wrap_ - (kSwatchW + kGap) * P_.s) : 0;
    const float text = P_.size(TextStyle::Body, item.label, label_wrap).y;
    return std::max(text + P_.px(TextStyle::Body) * 0.25f, (kSwatchH + 4) * P_.s);
}

void Legend::measure() {
    width_ = height_ = 0;
    const float heading = P_.px(TextStyle::Bold) * 1.3f, more = P_.px(TextStyle::Body) * 1.25f;
    const float label_wrap = wrap_ > 0 ? std::max(1.0f, wrap_ - (kSwatchW + kGap) * P_.s) : 0;
    for (const auto& sec : sections_) {
        if (sec.items.empty() && sec.more == 0) continue;
        width_ = std::max(width_, P_.size(TextStyle::Bold, sec.heading, wrap_).x);
        height_ += heading + (sec.more ? more : 0);
        for (const auto* i : sec.items) {
            width_ = std::max(width_, (kSwatchW + kGap) * P_.s + P_.size(TextStyle::Body, i->label, label_wrap).x);
            height_ += item_height(*i);
        }
        if (sec.more) width_ = std::max(width_, P_.size(TextStyle::Body, more_text(sec.more)).x);
    }
}

void Legend::cut_to(float room) {
    auto& powers = sections_[0];
    if (height_ <= room || powers.items.size() <= 1) return;
    const std::size_t in_view = powers.items.size();
    std::vector<const LegendItem*> by_area = powers.items;
    std::stable_sort(by_area.begin(), by_area.end(),
                     [](const LegendItem* a, const LegendItem* b) { return a->area > b->area; });
    while (height_ > room && by_area.size() > 1) {
        by_area.pop_back();
        powers.items = by_area;
        powers.more = in_view - by_area.size();
        measure();
    }
    std::sort(powers.items.begin(), powers.items.end(),
              [](const LegendItem* a, const LegendItem* b) { return a->rank < b->rank; });
}

void Legend::paint(PaintXY at) const {
    const float heading = P_.px(TextStyle::Bold) * 1.3f, more = P_.px(TextStyle::Body) * 1.25f;
    const float sw = kSwatchW * P_.s, sh = kSwatchH * P_.s, gap = kGap * P_.s;
    const float label_wrap = wrap_ > 0 ? std::max(1.0f, wrap_ - sw - gap) : 0;
    float y = at.y;
    for (const auto& sec : sections_) {
        if (sec.items.empty() && sec.more == 0) continue;
        P_.text(TextStyle::Bold, {at.x, y}, kInk, sec.heading, wrap_);
        y += heading;
        for (const auto* i : sec.items) {
            const float h = item_height(*i), first_line = std::max(P_.px(TextStyle::Body) * 1.25f, sh + 4 * P_.s);
            P_.swatch({at.x, y + (std::min(h, first_line) - sh) / 2}, sw, sh, i->swatch);
            const float text_h = P_.size(TextStyle::Body, i->label, label_wrap).y;
            P_.text(TextStyle::Body, {at.x + sw + gap, y + (h - text_h) / 2}, kInk, i->label, label_wrap);
            y += h;
        }
        if (sec.more) {
            P_.text(TextStyle::Body, {at.x, y + (more - P_.px(TextStyle::Body)) / 2}, kMuted, more_text(sec.more));
            y += more;
        }
    }
}

}  // namespace chronomap::boxes

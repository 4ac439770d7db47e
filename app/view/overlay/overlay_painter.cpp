#include "app/view/overlay/overlay_painter.h"

#include <imgui.h>

#include <algorithm>

#include "app/view/overlay/bidi_text.h"
#include "app/view/overlay/im_colour.h"

namespace chronomap {
namespace {

ImFont* font_of(const FontSet& f, TextStyle s) {
    switch (s) {
        case TextStyle::Bold: return f.bold;
        case TextStyle::Title: return f.title;
        case TextStyle::Small: return f.small;
        case TextStyle::Body: break;
    }
    return f.body;
}

ImVec2 v(PaintXY p) { return {p.x, p.y}; }

}  // namespace

ImGuiPainter::ImGuiPainter(ImDrawList* list, const FontSet& fonts) : list_(list), fonts_(fonts) {}

ImGuiPainter::~ImGuiPainter() { end_layers(); }

float ImGuiPainter::font_size(TextStyle style) const { return font_of(fonts_, style)->FontSize; }

PaintXY ImGuiPainter::measure(TextStyle style, float px, const std::string& text, float wrap) const {
    const ImFont* font = font_of(fonts_, style);
    if (!has_right_to_left(text)) {
        const ImVec2 s = font->CalcTextSizeA(px, 1e9f, wrap, text.c_str());
        return {s.x, s.y};
    }
    PaintXY size{0, 0};
    for (const auto& line : visual_lines(*font, px, text, wrap)) {
        size.x = std::max(size.x, font->CalcTextSizeA(px, 1e9f, 0, line.c_str()).x);
        size.y += px;
    }
    return size;
}

void ImGuiPainter::text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, const std::string& text,
                        float wrap) {
    ImFont* font = font_of(fonts_, style);
    if (!has_right_to_left(text)) {
        list_->AddText(font, px, v(at), im_colour(rgba), text.c_str(), nullptr, wrap);
        return;
    }
    for (const auto& line : visual_lines(*font, px, text, wrap)) {
        list_->AddText(font, px, v(at), im_colour(rgba), line.c_str());
        at.y += px;
    }
}

void ImGuiPainter::haloed_text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, std::uint32_t halo,
                               float o, const std::string& t) {
    // Six offset copies in the halo's colour under the text.
    for (PaintXY d : {PaintXY{-o, 0}, PaintXY{o, 0}, PaintXY{0, -o}, PaintXY{0, o}, PaintXY{-o, -o}, PaintXY{o, o}})
        text(style, px, {at.x + d.x, at.y + d.y}, halo, t, 0);
    text(style, px, at, rgba, t, 0);
}

void ImGuiPainter::fill_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float rounding) {
    list_->AddRectFilled(v(a), v(b), im_colour(rgba), rounding);
}

void ImGuiPainter::stroke_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) {
    list_->AddRect(v(a), v(b), im_colour(rgba), 0, 0, thickness);
}

void ImGuiPainter::line(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) {
    list_->AddLine(v(a), v(b), im_colour(rgba), thickness);
}

void ImGuiPainter::fill_circle(PaintXY c, float r, std::uint32_t rgba) {
    list_->AddCircleFilled(v(c), r, im_colour(rgba));
}

void ImGuiPainter::push_clip(PaintXY a, PaintXY b) { list_->PushClipRect(v(a), v(b), true); }

void ImGuiPainter::pop_clip() { list_->PopClipRect(); }

void ImGuiPainter::set_layer(int layer) {
    if (!split_) {
        split_ = IM_NEW(ImDrawListSplitter)();
        split_->Split(list_, 2);
    }
    split_->SetCurrentChannel(list_, layer);
}

void ImGuiPainter::end_layers() {
    if (!split_) return;
    split_->Merge(list_);
    IM_DELETE(split_);
    split_ = nullptr;
}

}  // namespace chronomap

#include "app/view/overlay/cairo_painter.h"

#include <algorithm>
#include <cmath>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "app/view/overlay/bidi_text.h"
#include "data/formats/utf8.h"

namespace chronomap {
namespace {

cairo_font_face_t* face_for_file(const std::string& file) {
    if (file.empty()) return nullptr;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, 0);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    return face;
}

}  // namespace

void set_rgba(cairo_t* cr, std::uint32_t rgba) {
    cairo_set_source_rgba(cr, ((rgba >> 24) & 0xFF) / 255.0, ((rgba >> 16) & 0xFF) / 255.0,
                          ((rgba >> 8) & 0xFF) / 255.0, (rgba & 0xFF) / 255.0);
}

CairoPainter::CairoPainter(cairo_t* cr, float scale, bool keep_text) : cr_(cr), scale_(scale), keep_text_(keep_text) {
    const FontFiles& f = font_files();
    faces_[kRegular] = face_for_file(f.regular);
    faces_[kBold] = face_for_file(f.bold.empty() ? f.regular : f.bold);
    faces_[kArmenian] = face_for_file(f.armenian);
    faces_[kArmenianBold] = face_for_file(f.armenian_bold.empty() ? f.armenian : f.armenian_bold);
    faces_[kGeorgian] = face_for_file(f.georgian);
    faces_[kGeorgianBold] = face_for_file(f.georgian_bold.empty() ? f.georgian : f.georgian_bold);
    faces_[kMath] = face_for_file(f.math);
    faces_[kSyllabics] = face_for_file(f.syllabics);
    faces_[kArabic] = face_for_file(f.arabic);
    faces_[kArabicBold] = face_for_file(f.arabic_bold.empty() ? f.arabic : f.arabic_bold);
    faces_[kHebrew] = face_for_file(f.hebrew);
    faces_[kHebrewBold] = face_for_file(f.hebrew_bold.empty() ? f.hebrew : f.hebrew_bold);
    for (int i = 0; i < kFaces; ++i) {
        if (!faces_[i]) continue;
        // Measured at 1000 units: an image surface rounds hinted metrics to whole pixels, which
        // at a size of 1 made every line twice as tall and the text half as large.
        cairo_set_font_face(cr_, faces_[i]);
        cairo_set_font_size(cr_, 1000.0);
        cairo_font_extents_t fe;
        cairo_font_extents(cr_, &fe);
        line_per_em_[i] = fe.ascent + fe.descent > 0 ? (fe.ascent + fe.descent) / 1000.0 : 1.0;
    }
}

void CairoPainter::use_face(Face face, double px) const {
    cairo_set_font_face(cr_, faces_[face]);
    // Every face at the main face's em, whatever its own line height (Arabic's is far taller).
    cairo_set_font_size(cr_, px / (line_per_em_[kRegular] > 0 ? line_per_em_[kRegular] : line_per_em_[face]));
}

CairoPainter::~CairoPainter() {
    end_layers();
    for (auto* face : faces_)
        if (face) cairo_font_face_destroy(face);
}

float CairoPainter::font_size(TextStyle style) const {
    switch (style) {
        case TextStyle::Title: return kTitlePx * scale_;
        case TextStyle::Small: return kSmallPx * scale_;
        case TextStyle::Body:
        case TextStyle::Bold: break;
    }
    return kBodyPx * scale_;
}

std::vector<std::pair<CairoPainter::Face, std::string>> CairoPainter::runs(Face main, const std::string& text) const {
    std::vector<std::pair<Face, std::string>> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decode_utf8(text, i);
        Face face = main;
        switch (script_of(cp)) {
            case Script::Armenian: face = main == kBold ? kArmenianBold : kArmenian; break;
            case Script::Georgian: face = main == kBold ? kGeorgianBold : kGeorgian; break;
            case Script::Arrows: face = kMath; break;
            case Script::Syllabics: face = kSyllabics; break;
            case Script::Arabic: face = main == kBold ? kArabicBold : kArabic; break;
            case Script::Hebrew: face = main == kBold ? kHebrewBold : kHebrew; break;
            default: break;
        }
        if (!faces_[face]) face = main;
        if (out.empty() || out.back().first != face) out.emplace_back(face, std::string());
        out.back().second.append(text, i, n);
        i += n;
    }
    return out;
}

double CairoPainter::advance(Face main, double px, const std::string& text) const {
    double x = 0;
    for (const auto& [face, run] : runs(main, text)) {
        if (!faces_[face]) continue;
        use_face(face, px);
        cairo_text_extents_t e;
        cairo_text_extents(cr_, run.c_str(), &e);
        x += e.x_advance;
    }
    return x;
}

// Greedy wrapping at spaces, as ImGui wraps, and at line breaks.
std::vector<std::string> CairoPainter::wrap_lines(Face main, double px, const std::string& text, float wrap) const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::string para = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (wrap <= 0) {
            lines.push_back(para);
        } else {
            std::string line;
            std::size_t i = 0;
            while (i <= para.size()) {
                const std::size_t sp = std::min(para.find(' ', i), para.size());
                const std::string word = para.substr(i, sp - i);
                const std::string longer = line.empty() ? word : line + " " + word;
                if (!line.empty() && advance(main, px, visual_line(longer)) > wrap) {
                    lines.push_back(line);
                    line = word;
                } else {
                    line = longer;
                }
                i = sp + 1;
            }
            lines.push_back(line);
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return lines;
}

PaintXY CairoPainter::measure(TextStyle style, float px, const std::string& text, float wrap) const {
    const Face main = style == TextStyle::Bold || style == TextStyle::Title ? kBold : kRegular;
    if (text.empty()) return {0, px};
    double w = 0;
    const auto lines = wrap_lines(main, px, text, wrap);
    for (const auto& l : lines) w = std::max(w, advance(main, px, visual_line(l)));
    return {static_cast<float>(w), px * static_cast<float>(lines.size())};
}

void CairoPainter::text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, const std::string& text,
                        float wrap) {
    const Face main = style == TextStyle::Bold || style == TextStyle::Title ? kBold : kRegular;
    if (!faces_[main]) return;
    use_face(main, px);
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    // ImGui puts the top of the line at `at`; cairo draws from the baseline.
    const double baseline = fe.ascent;
    set_rgba(cr_, rgba);
    double y = at.y + baseline;
    for (const auto& line : wrap_lines(main, px, text, wrap)) {
        if (keep_text_) {
            texts_.push_back({at.x, y, px / line_per_em_[main], main == kBold, rgba, 0, 0, line});
            y += px;
            continue;
        }
        double x = at.x;
        for (const auto& [face, run] : runs(main, visual_line(line))) {
            if (!faces_[face]) continue;
            use_face(face, px);
            cairo_move_to(cr_, x, y);
            cairo_show_text(cr_, run.c_str());
            cairo_text_extents_t e;
            cairo_text_extents(cr_, run.c_str(), &e);
            x += e.x_advance;
        }
        y += px;
    }
}

void CairoPainter::haloed_text(TextStyle style, float px, PaintXY at, std::uint32_t rgba, std::uint32_t halo,
                               float halo_width, const std::string& t) {
    const Face main = style == TextStyle::Bold || style == TextStyle::Title ? kBold : kRegular;
    if (!faces_[main]) return;
    use_face(main, px);
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    if (keep_text_) {
        texts_.push_back({at.x, at.y + fe.ascent, px / line_per_em_[main], main == kBold, rgba, halo, halo_width, t});
        return;
    }
    double x = at.x;
    cairo_new_path(cr_);
    for (const auto& [face, run] : runs(main, visual_line(t))) {
        if (!faces_[face]) continue;
        use_face(face, px);
        cairo_move_to(cr_, x, at.y + fe.ascent);
        cairo_text_path(cr_, run.c_str());
        cairo_text_extents_t e;
        cairo_text_extents(cr_, run.c_str(), &e);
        x += e.x_advance;
    }
    set_rgba(cr_, halo);
    cairo_set_line_width(cr_, 2 * halo_width);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr_);
    text(style, px, at, rgba, t, 0);
}

void CairoPainter::fill_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float r) {
    r = std::min({r, (b.x - a.x) / 2, (b.y - a.y) / 2});
    if (r > 0) {
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, b.x - r, a.y + r, r, -M_PI / 2, 0);
        cairo_arc(cr_, b.x - r, b.y - r, r, 0, M_PI / 2);
        cairo_arc(cr_, a.x + r, b.y - r, r, M_PI / 2, M_PI);
        cairo_arc(cr_, a.x + r, a.y + r, r, M_PI, 3 * M_PI / 2);
        cairo_close_path(cr_);
    } else {
        cairo_rectangle(cr_, a.x, a.y, b.x - a.x, b.y - a.y);
    }
    set_rgba(cr_, rgba);
    cairo_fill(cr_);
}

void CairoPainter::stroke_rect(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) {
    cairo_rectangle(cr_, a.x + 0.5, a.y + 0.5, b.x - a.x - 1, b.y - a.y - 1);
    set_rgba(cr_, rgba);
    cairo_set_line_width(cr_, thickness);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);  // square corners, whatever was drawn before
    cairo_stroke(cr_);
}

void CairoPainter::line(PaintXY a, PaintXY b, std::uint32_t rgba, float thickness) {
    cairo_move_to(cr_, a.x, a.y);
    cairo_line_to(cr_, b.x, b.y);
    set_rgba(cr_, rgba);
    cairo_set_line_width(cr_, thickness);
    cairo_stroke(cr_);
}

void CairoPainter::fill_circle(PaintXY c, float radius, std::uint32_t rgba) {
    cairo_new_sub_path(cr_);
    cairo_arc(cr_, c.x, c.y, radius, 0, 2 * M_PI);
    set_rgba(cr_, rgba);
    cairo_fill(cr_);
}

void CairoPainter::push_clip(PaintXY a, PaintXY b) {
    cairo_save(cr_);
    cairo_rectangle(cr_, a.x, a.y, b.x - a.x, b.y - a.y);
    cairo_clip(cr_);
}

void CairoPainter::pop_clip() { cairo_restore(cr_); }

void CairoPainter::set_layer(int layer) {
    if (layer == layer_) return;
    if (layer_ >= 0) layers_.emplace_back(layer_, cairo_pop_group(cr_));
    cairo_push_group(cr_);
    layer_ = layer;
}

void CairoPainter::end_layers() {
    if (layer_ < 0) return;
    layers_.emplace_back(layer_, cairo_pop_group(cr_));
    layer_ = -1;
    std::stable_sort(layers_.begin(), layers_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [layer, pattern] : layers_) {
        cairo_set_source(cr_, pattern);
        cairo_paint(cr_);
        cairo_pattern_destroy(pattern);
    }
    layers_.clear();
}

}  // namespace chronomap

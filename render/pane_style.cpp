#include "render/pane_style.h"

#include <algorithm>

namespace chronomap::render {
namespace {

constexpr int kStylesWidth = 1024;  // slots per texture row; kRowsPerSlot texels each

void put_rgba(std::vector<std::uint8_t>& px, std::size_t at, std::uint32_t c) {
    px[at] = static_cast<std::uint8_t>(c >> 24);
    px[at + 1] = static_cast<std::uint8_t>(c >> 16);
    px[at + 2] = static_cast<std::uint8_t>(c >> 8);
    px[at + 3] = static_cast<std::uint8_t>(c);
}

}  // namespace

PaneStyle::~PaneStyle() {
    if (texture_) glDeleteTextures(1, &texture_);
}

int PaneStyle::texture_width() const { return kStylesWidth; }

void PaneStyle::set_styles(const std::vector<FeatureStyle>& styles) {
    if (!texture_) {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
    const std::size_t n = std::max<std::size_t>(styles.size(), 1);
    const int rows = static_cast<int>((n + kStylesWidth - 1) / kStylesWidth);
    std::vector<std::uint8_t> px(
        static_cast<std::size_t>(kStylesWidth) * static_cast<std::size_t>(rows) * kRowsPerSlot * 4, 0);
    for (std::size_t i = 0; i < styles.size(); ++i) {
        const std::size_t x = i % kStylesWidth;
        const std::size_t y = (i / kStylesWidth) * kRowsPerSlot;
        auto at = [&](std::size_t row) { return ((y + row) * kStylesWidth + x) * 4; };
        put_rgba(px, at(0), styles[i].fill);
        put_rgba(px, at(1), styles[i].pattern_colour);
        px[at(2)] = static_cast<std::uint8_t>(styles[i].pattern);
        px[at(2) + 1] = styles[i].highlight;
        px[at(2) + 2] = styles[i].edge;
        put_rgba(px, at(3), styles[i].claim);
    }
    any_highlight_ =
        std::any_of(styles.begin(), styles.end(), [](const FeatureStyle& s) { return s.highlight > 0; });
    any_claim_ =
        std::any_of(styles.begin(), styles.end(), [](const FeatureStyle& s) { return (s.claim & 0xFF) != 0; });
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kStylesWidth, rows * static_cast<int>(kRowsPerSlot), 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, px.data());
}

void PaneStyle::set_visible_groups(int mesh, std::vector<char> visible) {
    if (mesh < 0) return;
    if (visible_.size() <= static_cast<std::size_t>(mesh)) visible_.resize(static_cast<std::size_t>(mesh) + 1);
    visible_[static_cast<std::size_t>(mesh)] = std::move(visible);
}

const std::vector<char>& PaneStyle::visible(int mesh) const {
    static const std::vector<char> all;
    return mesh >= 0 && static_cast<std::size_t>(mesh) < visible_.size() ? visible_[static_cast<std::size_t>(mesh)]
                                                                          : all;
}

}  // namespace chronomap::render

#pragma once
// What differs between two maps drawn over one upload of the geometry (the window and an export,
// or the two dates of a comparison): each feature's style, as a small texture, and which groups
// of each mesh (shapes valid at the pane's date) are drawn. Each draw is given one.

#include <cstdint>
#include <vector>

#include <epoxy/gl.h>

#include "render/draw_data.h"

namespace chronomap::render {

class PaneStyle {
public:
    PaneStyle() = default;
    ~PaneStyle();
    PaneStyle(const PaneStyle&) = delete;
    PaneStyle& operator=(const PaneStyle&) = delete;

    // Needs a current GL context. Uploads a few bytes per feature, no geometry.
    void set_styles(const std::vector<FeatureStyle>& styles);
    // Which groups of a mesh are drawn (by group id; ids past the end are drawn). Without a
    // call, every group is.
    void set_visible_groups(int mesh, std::vector<char> visible);

    GLuint texture() const { return texture_; }
    int texture_width() const;
    bool any_highlight() const { return any_highlight_; }
    bool any_claim() const { return any_claim_; }
    // The visible groups of a mesh; empty: all.
    const std::vector<char>& visible(int mesh) const;
    // Each image's opacity at the pane's date (a scanned map fades in and out around its dates).
    void set_image_opacity(std::vector<float> opacity) { image_opacity_ = std::move(opacity); }
    float image_opacity(std::size_t image) const { return image < image_opacity_.size() ? image_opacity_[image] : 0; }

    static constexpr std::size_t kRowsPerSlot = 4;  // texels per feature style

private:
    GLuint texture_ = 0;
    bool any_highlight_ = false;  // the highlight and claim passes are skipped when unused
    bool any_claim_ = false;
    std::vector<std::vector<char>> visible_;
    std::vector<float> image_opacity_;
};

}  // namespace chronomap::render

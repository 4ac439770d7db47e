#pragma once
// Draws images (scanned maps) into the map: each an RGBA texture uploaded once, drawn as one
// quad over a rectangle of display coordinates at an opacity.

#include <cstdint>
#include <vector>

#include <epoxy/gl.h>

#include "data/support/result.h"
#include "render/draw_data.h"

namespace chronomap::render {

// Where an image lies, in display-CRS units.
struct ImageArea {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

class ImageRenderer {
  public:
    ImageRenderer() = default;
    ~ImageRenderer();
    ImageRenderer(const ImageRenderer&) = delete;
    ImageRenderer& operator=(const ImageRenderer&) = delete;

    Result<> init();  // needs a current GL 3.3 core context
    // Uploads RGBA rows from the top; returns the image's handle.
    int add(const std::uint8_t* rgba, int width, int height);
    void draw(int image, const ImageArea& area, const Camera& cam, float opacity) const;

  private:
    GLuint program_ = 0, vao_ = 0, vbo_ = 0;
    GLint u_corner_ = -1, u_size_ = -1, u_scale_ = -1, u_opacity_ = -1, u_image_ = -1;
    std::vector<GLuint> textures_;
};

}  // namespace chronomap::render

#pragma once
// An image shown in the window's panels (ImGui::Image takes its GL name): one RGBA texture,
// replaced by each upload and deleted with it. Needs the GL context current.

#include <cstdint>

namespace chronomap::render {

class UiTexture {
  public:
    UiTexture() = default;
    ~UiTexture();
    UiTexture(const UiTexture&) = delete;
    UiTexture& operator=(const UiTexture&) = delete;

    // RGBA rows from the top.
    void upload(const std::uint8_t* rgba, int width, int height);
    unsigned id() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }

  private:
    unsigned texture_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace chronomap::render

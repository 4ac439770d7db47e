#pragma once
// An offscreen render target with multisampling, resolved and read back as RGBA rows.
// Used by export (and by tests); the window draws to its own framebuffer with the same renderer.

#include <cstdint>
#include <string>
#include <vector>

#include <epoxy/gl.h>

namespace chronomap::render {

class Offscreen {
public:
    Offscreen() = default;
    ~Offscreen();
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;

    // Samples are clamped to GL_MAX_SAMPLES (4 on llvmpipe; more leaves the FBO incomplete).
    bool create(int width, int height, int samples, std::string& error);
    void bind() const;
    // Resolves multisampling and returns top-to-bottom RGBA rows.
    std::vector<std::uint8_t> read_rgba() const;
    // The same into `px`, reusing its memory (a film reads every frame into one buffer).
    void read_rgba(std::vector<std::uint8_t>& px) const;

    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }

private:
    void release();
    int width_ = 0, height_ = 0, samples_ = 0;
    GLuint msaa_fbo_ = 0, msaa_rb_ = 0, resolve_fbo_ = 0, resolve_rb_ = 0;
};

int max_texture_size();

}  // namespace chronomap::render

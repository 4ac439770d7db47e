#pragma once
// An offscreen render target with multisampling, resolved and read back as RGBA rows.
// Used by export (and by tests); the window draws to its own framebuffer with the same renderer.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <epoxy/gl.h>

#include "data/support/result.h"

namespace chronomap::render {

class Offscreen {
public:
    Offscreen() = default;
    ~Offscreen();
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;
    // Moves hand the GL objects over (a target made while the data loads goes to the export).
    Offscreen(Offscreen&& other) noexcept { *this = std::move(other); }
    Offscreen& operator=(Offscreen&& other) noexcept;

    // Samples are clamped to GL_MAX_SAMPLES (4 on llvmpipe; more leaves the FBO incomplete).
    Result<> create(int width, int height, int samples);
    void bind() const;
    // Forgets the GL objects without deleting them: their context is gone, or is destroyed with them.
    void abandon() { msaa_fbo_ = msaa_rb_ = resolve_fbo_ = resolve_rb_ = 0; }
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

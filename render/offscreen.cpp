#include "render/offscreen.h"

#include <algorithm>

namespace chronomap::render {

Offscreen::~Offscreen() { release(); }

Offscreen& Offscreen::operator=(Offscreen&& other) noexcept {
    if (this != &other) {
        release();
        width_ = std::exchange(other.width_, 0);
        height_ = std::exchange(other.height_, 0);
        samples_ = std::exchange(other.samples_, 0);
        msaa_fbo_ = std::exchange(other.msaa_fbo_, 0);
        msaa_rb_ = std::exchange(other.msaa_rb_, 0);
        resolve_fbo_ = std::exchange(other.resolve_fbo_, 0);
        resolve_rb_ = std::exchange(other.resolve_rb_, 0);
    }
    return *this;
}

void Offscreen::release() {
    if (msaa_fbo_) glDeleteFramebuffers(1, &msaa_fbo_);
    if (resolve_fbo_) glDeleteFramebuffers(1, &resolve_fbo_);
    if (msaa_rb_) glDeleteRenderbuffers(1, &msaa_rb_);
    if (resolve_rb_) glDeleteRenderbuffers(1, &resolve_rb_);
    msaa_fbo_ = resolve_fbo_ = msaa_rb_ = resolve_rb_ = 0;
}

int max_texture_size() {
    GLint v = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &v);
    return v;
}

Result<> Offscreen::create(int width, int height, int samples) {
    release();
    GLint max_samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    samples_ = std::clamp(samples, 0, static_cast<int>(max_samples));
    width_ = width;
    height_ = height;
    auto make = [&](GLuint& fbo, GLuint& rb, int s) {
        glGenFramebuffers(1, &fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glGenRenderbuffers(1, &rb);
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        if (s > 0)
            glRenderbufferStorageMultisample(GL_RENDERBUFFER, s, GL_RGBA8, width, height);
        else
            glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
        return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    };
    if (!make(resolve_fbo_, resolve_rb_, 0)) {
        return internal_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                              " framebuffer");
    }
    if (samples_ > 0 && !make(msaa_fbo_, msaa_rb_, samples_)) {
        return internal_error("cannot create a multisampled framebuffer with " + std::to_string(samples_) +
                              " samples");
    }
    bind();
    return {};
}

void Offscreen::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 0 ? msaa_fbo_ : resolve_fbo_);
    glViewport(0, 0, width_, height_);
}

std::vector<std::uint8_t> Offscreen::read_rgba() const {
    std::vector<std::uint8_t> px;
    read_rgba(px);
    return px;
}

void Offscreen::read_rgba(std::vector<std::uint8_t>& px) const {
    if (samples_ > 0) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
        glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
    const auto row = static_cast<std::size_t>(width_) * 4;
    px.resize(row * static_cast<std::size_t>(height_));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's rows run bottom to top; images run top to bottom.
    for (std::size_t y = 0; y < static_cast<std::size_t>(height_) / 2; ++y)
        std::swap_ranges(px.begin() + static_cast<std::ptrdiff_t>(y * row),
                         px.begin() + static_cast<std::ptrdiff_t>((y + 1) * row),
                         px.begin() + static_cast<std::ptrdiff_t>((static_cast<std::size_t>(height_) - 1 - y) * row));
    bind();
}

}  // namespace chronomap::render

#include "render/headless_start.h"

#include <algorithm>

#include <epoxy/gl.h>

namespace chronomap::render {

HeadlessStart::HeadlessStart(int width, int height, int samples, int max_tile)
    : thread_([=, this] { run(width, height, samples, max_tile); }) {}

HeadlessStart::~HeadlessStart() {
    if (thread_.joinable()) thread_.join();
    // A framebuffer never taken is deleted with its context current; if no thread can take the
    // context, destroying it frees the framebuffer too.
    if (context_ && context_->make_current())
        target_ = Offscreen();
    else
        target_.abandon();
}

void HeadlessStart::run(int width, int height, int samples, int max_tile) {
    context_ = HeadlessContext::create(error_);
    if (!context_) return;
    const int tile = std::min(max_tile, max_texture_size());
    std::string ignored;  // the export makes its own framebuffer and reports the failure itself
    if (width < 1 || height < 1 || tile < 1 ||
        !target_.create(std::min(width, tile), std::min(height, tile), samples, ignored))
        target_ = Offscreen();
    // The export binds its own framebuffers; the context moves to the thread that finishes.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    context_->release_current();
}

std::unique_ptr<HeadlessContext> HeadlessStart::finish(std::string& error) {
    if (thread_.joinable()) thread_.join();
    if (!context_) {
        error = error_;
        return nullptr;
    }
    if (!context_->make_current()) {
        error = "cannot use the OpenGL context made for the export";
        return nullptr;
    }
    return std::move(context_);
}

}  // namespace chronomap::render

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
    Result<std::unique_ptr<HeadlessContext>> made = HeadlessContext::create();
    if (!made) {
        failure_ = made.failure();
        return;
    }
    context_ = std::move(*made);
    const int tile = std::min(max_tile, max_texture_size());
    // The export makes its own framebuffer when this one is missing, and reports its failure.
    if (width < 1 || height < 1 || tile < 1 || !target_.create(std::min(width, tile), std::min(height, tile), samples))
        target_ = Offscreen();
    // The export binds its own framebuffers; the context moves to the thread that finishes.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    context_->release_current();
}

Result<std::unique_ptr<HeadlessContext>> HeadlessStart::finish() {
    if (thread_.joinable()) thread_.join();
    if (!context_) return failure_.failure();
    if (!context_->make_current()) return internal_error("cannot use the OpenGL context made for the export");
    return std::move(context_);
}

}  // namespace chronomap::render

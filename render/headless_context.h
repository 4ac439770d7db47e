#pragma once
// An OpenGL 3.3 core context with no display: EGL on Mesa's surfaceless platform (works with
// DISPLAY unset and no X server; plain eglGetDisplay would fail there).

#include <memory>
#include <string>

#include "data/support/result.h"

namespace chronomap::render {

class HeadlessContext {
public:
    // The context current on the calling thread, or why none can be made.
    static Result<std::unique_ptr<HeadlessContext>> create();
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;
    std::string renderer() const;
    // A context is current on one thread at a time: release it on one, make it current on another.
    bool make_current();
    void release_current();

private:
    HeadlessContext() = default;
    void* display_ = nullptr;
    void* context_ = nullptr;
};

}  // namespace chronomap::render

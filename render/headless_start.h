#pragma once
// A headless context started on a thread of its own while the caller reads its data. On llvmpipe,
// loading the driver and allocating a 4K 4x multisampled framebuffer (Mesa clears its 133 MB)
// take about 0.15 s of one core; a command-line export overlaps them with loading the atlas.

#include <memory>
#include <string>
#include <thread>

#include "render/headless_context.h"
#include "render/offscreen.h"

namespace chronomap::render {

class HeadlessStart {
  public:
    // Starts the thread. The framebuffer is width x height with `samples`, cut to `max_tile` a
    // side (and to what the driver allows) the way an export cuts its tiles.
    HeadlessStart(int width, int height, int samples, int max_tile);
    ~HeadlessStart();  // waits for the thread; an unfinished start is released
    HeadlessStart(const HeadlessStart&) = delete;
    HeadlessStart& operator=(const HeadlessStart&) = delete;

    // Waits for the thread and makes the context current on the calling thread, or says why
    // there is no context.
    Result<std::unique_ptr<HeadlessContext>> finish();
    // The framebuffer made beside the context (empty if it could not be made: the export then
    // makes its own and says why). Call after finish().
    Offscreen take_target() { return std::move(target_); }

  private:
    void run(int width, int height, int samples, int max_tile);
    std::unique_ptr<HeadlessContext> context_;
    Offscreen target_;
    Result<> failure_;  // why context_ is missing
    std::thread thread_;
};

}  // namespace chronomap::render

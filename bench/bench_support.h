#pragma once
// What the rendering benchmarks share: one headless GL context, and the floor under every frame
// on llvmpipe (one flat quad over the whole target, whose cost is fill rate alone).

#include <stdexcept>
#include <string>

#include "render/headless_context.h"
#include "render/map_renderer.h"

namespace chronomap::bench {

// The process's headless context, made on first use.
// Work a benchmark cannot go on without: its failure stops the run with the message.
inline void require(const Result<>& done) {
    if (!done) throw std::runtime_error(done.message());
}

inline render::HeadlessContext& context() {
    static auto ctx = render::HeadlessContext::create();
    require(ctx.status());
    return **ctx;
}

// Adds a mesh covering exactly what `cam` shows; returns its handle in `renderer`.
inline int add_fullscreen_quad(render::MapRenderer& renderer, const render::Camera& cam) {
    render::LodLevel level{0, {}};
    level.mesh.origin = {cam.center_x, cam.center_y};
    const auto hw = static_cast<float>(cam.width * cam.units_per_pixel);
    const auto hh = static_cast<float>(cam.height * cam.units_per_pixel);
    level.mesh.positions = {-hw, -hh, hw, -hh, hw, hh, -hw, hh};
    level.mesh.feature = {0, 0, 0, 0};
    level.mesh.indices = {0, 1, 2, 0, 2, 3};
    return renderer.add_mesh({level});
}

}  // namespace chronomap::bench

#include "app/cli/cli_export.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli/cli_common.h"
#include "app/view/export/vector_export.h"
#include "app/view/overlay/i18n.h"
#include "app/view/scene/map_view.h"
#include "data/time/timeline.h"
#include "render/headless_start.h"

namespace chronomap::cli {
namespace {

// A box that holds none of the atlas's territories would export an empty map: say so instead.
Result<> check_bbox_shows_something(const Atlas& atlas, const Bounds& box) {
    Bounds all;
    for (const auto& layer : atlas.layers) {
        if (layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features) {
            if (f.lonlat_bounds.empty()) continue;
            all.add(f.lonlat_bounds);
            if (f.lonlat_bounds.min_x <= box.max_x && box.min_x <= f.lonlat_bounds.max_x &&
                f.lonlat_bounds.min_y <= box.max_y && box.min_y <= f.lonlat_bounds.max_y)
                return {};
        }
    }
    char where[160];
    std::snprintf(where, sizeof where, "the territories lie within longitudes %.1f to %.1f, latitudes %.1f to %.1f",
                  all.min_x, all.max_x, all.min_y, all.max_y);
    return input_error("--bbox shows none of the atlas's territories; " +
                       (all.empty() ? std::string("the atlas has none with a shape") : std::string(where)));
}

// Draws and writes the image the command asks for with the renderer chosen.
Result<> draw(const ExportCommand& cmd, ExportRequest& req, MapView& view, const Atlas& atlas, const Timeline& tl,
              bool on_cpu) {
    if (is_vector_path(cmd.out)) return export_vector(view, atlas, req, cmd.out);
    if (on_cpu) return export_png_on_cpu(view, atlas, req, cmd.out);
    if (cmd.compare) return export_comparison_png(view, atlas, tl, req, *cmd.compare, cmd.compare_basis, cmd.out);
    return export_png(view, atlas, req, cmd.out);
}

}  // namespace

Result<> run_export(const ExportCommand& cmd) {
    ExportRequest req = cmd.image;
    PhaseTimer timer;
    const bool vector = is_vector_path(cmd.out);
    const bool one_png = !vector && !cmd.compare;
    const Renderer renderer = vector ? Renderer::Cpu : choose_renderer(cmd.atlas.path, cmd.renderer, one_png);
    // The GL driver starts and the framebuffer is made on the other core while the atlas loads.
    std::optional<render::HeadlessStart> gl;
    if (renderer == Renderer::Gpu) gl.emplace(one_png ? req.width : 0, one_png ? req.height : 0, req.samples, req.max_tile);
    const Result<LoadResult> loaded = load(cmd.atlas, true);
    if (!loaded) return loaded.failure();
    const Atlas& atlas = loaded->atlas;
    timer.lap("load");
    if (req.bbox_lonlat)
        if (auto shown = check_bbox_shows_something(atlas, *req.bbox_lonlat); !shown) return shown;
    note_missing_language(atlas, req.lang);
    set_ui_language(req.lang);  // the image's legend and captions; messages here stay English
    // The scene and the one level of detail the image's scale draws are built while the GL start
    // finishes; they are uploaded once it has.
    std::unique_ptr<render::HeadlessContext> context;  // outlives the GL objects below
    const Timeline tl(atlas);
    MapView view;
    view.build(atlas, tl, SceneLevels::OnDemand, req.overlays.labels);
    // A GL start under way is left to finish on the other core while cairo draws.
    const bool on_cpu = !vector && (!gl || (one_png && draw_on_cpu_after_all(view, req, cmd.renderer)));
    if (one_png && !on_cpu)  // cairo and vectors draw the shapes themselves; a comparison's halves have their own scale
        if (const auto scale = export_units_per_pixel(view, atlas, req)) view.build_level_for(*scale);
    timer.lap("scene and level of detail");
    render::Offscreen framebuffer;
    if (gl && !on_cpu) {  // a vector export starts no GL
        auto started = gl->finish();
        if (!started) return started.failure();
        context = std::move(*started);
        if (auto uploaded = view.upload(); !uploaded) return uploaded;
        framebuffer = gl->take_target();
        req.framebuffer = &framebuffer;
        timer.lap("GL context and upload");
    }
    const Result<> written = draw(cmd, req, view, atlas, tl, on_cpu);
    timer.lap("render and write");
    // Polygons repaired or left out of the picture are said, never silently dropped.
    for (const auto& d : view.scene().problems) std::cerr << d.format() << '\n';
    if (!written) return written;
    std::cout << "wrote " << cmd.out << " (" << req.width << "x" << req.height << ", " << req.date.readable()
              << (cmd.compare ? " and " + cmd.compare->readable() : std::string()) << ")\n";
    return {};
}

}  // namespace chronomap::cli

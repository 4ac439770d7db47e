// Rendering on Mesa llvmpipe, headless (EGL surfaceless). Targets: a frame of the bundled atlas at
// 1920x1080 under 8 ms; a generated 1,000,000-vertex layer at full extent under 33 ms (level of
// detail); recolouring after a date change under 0.1 ms; a 3840x2160 export with 4x MSAA under 0.5
// s.
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>

#include <epoxy/gl.h>

#include "app/view/export/export.h"
#include "app/view/film/film_job.h"
#include "bench_support.h"
#include "render/headless_context.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "render/offscreen.h"
#include "app/view/overlay/overlay_canvas.h"

using namespace chronomap;

namespace {

using bench::context;

struct Loaded {
    LoadResult r;
    Timeline tl;
    MapView view;
    MapPane pane;  // 1 November 1921, de facto
    explicit Loaded(const std::string& path) : r(load_atlas(path)), tl(r.atlas) {
        context();
        bench::require(view.init(r.atlas, tl));
        pane.style_at(view, r.atlas, *parse_date("1921-11-01").date, Basis::DeFacto, "en", true);
    }
};

Loaded& kars() {
    static Loaded l(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    return l;
}

// Frames without and with 4x multisampling; 50 frames a run, medians of 5 runs.
void frame_runs(benchmark::internal::Benchmark* b) {
    b->ArgName("samples")
        ->Arg(0)
        ->Arg(4)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(50)
        ->Repetitions(5)
        ->ReportAggregatesOnly();
}

// Renders frames into a 1920x1080 4x MSAA target; glFinish makes the time include the GPU work.
void BM_FrameBundledAtlas(benchmark::State& state) {
    Loaded& k = kars();
    render::Offscreen target;
    bench::require(target.create(1920, 1080, static_cast<int>(state.range(0))));
    const render::Camera cam = fit_camera(k.view.default_area(), 1920, 1080);
    for (auto _ : state) {
        target.bind();
        k.view.draw(k.pane.style, cam);
        glFinish();
    }
}
BENCHMARK(BM_FrameBundledAtlas)->Apply(frame_runs);

// The floor under every frame: one flat quad over the whole 1920x1080 target. On llvmpipe this
// measures fill rate alone, which no change to the map's geometry can beat.
void BM_FullScreenQuad(benchmark::State& state) {
    Loaded& k = kars();
    render::Offscreen target;
    bench::require(target.create(1920, 1080, static_cast<int>(state.range(0))));
    const render::Camera cam = fit_camera(k.view.default_area(), 1920, 1080);
    static const int quad = bench::add_fullscreen_quad(k.view.renderer(), cam);
    const render::PaneStyle flat;
    for (auto _ : state) {
        target.bind();
        k.view.renderer().draw_fill(quad, flat, cam, 0xE9E5DCFF);
        glFinish();
    }
}
BENCHMARK(BM_FullScreenQuad)->Apply(frame_runs);

// The same frame with everything the window draws over the map: labels placed anew, legend,
// title, caption, source line and scale bar, built and rendered through ImGui every frame.
void BM_FrameWithOverlays(benchmark::State& state) {
    Loaded& k = kars();
    render::Offscreen target;
    bench::require(target.create(1920, 1080, static_cast<int>(state.range(0))));
    OverlayCanvas canvas;
    bench::require(canvas.init(1.0f));
    const Date date = *parse_date("1921-11-01").date;
    const OverlayText text = overlay_text(k.r.atlas, k.tl, date, Basis::DeFacto, "en", true);
    const render::Camera cam = fit_camera(k.view.default_area(), 1920, 1080);
    for (auto _ : state) {
        target.bind();
        k.view.draw(k.pane.style, cam);
        ImGuiPainter painter(canvas.begin(1920, 1080), canvas.fonts());
        draw_overlay({&painter, 0, 0, 1920, 1080, cam, &k.view.geo()}, text, k.pane.labels, OverlayOptions{});
        canvas.end();
        canvas.render_tile(0, 0, 1920, 1080);
        glFinish();
    }
}
BENCHMARK(BM_FrameWithOverlays)->Apply(frame_runs);

void BM_Recolour(benchmark::State& state) {
    Loaded& k = kars();
    const Date a = *parse_date("1918-04-03").date, b = *parse_date("1990-01-19").date;
    bool flip = false;
    for (auto _ : state) {
        k.view.prepare(k.pane.style, k.pane.labels, flip ? a : b, Basis::DeFacto);
        flip = !flip;
    }
    glFinish();
}
BENCHMARK(BM_Recolour)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly();

void BM_Export4K(benchmark::State& state) {
    Loaded& k = kars();
    const std::string out = (std::filesystem::temp_directory_path() /
                             ("chronomap-bench-" + std::to_string(::getpid()) + ".png"))
                                .string();
    ExportRequest req;
    req.date = *parse_date("1921-11-01").date;
    req.width = 3840;
    req.height = 2160;
    req.samples = 4;
    for (auto _ : state) {
        const Result<> written = export_png(k.view, k.r.atlas, req, out);
        if (!written) state.SkipWithError(written.message().c_str());
    }
    std::filesystem::remove(out);
}
BENCHMARK(BM_Export4K)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(5)
    ->ReportAggregatesOnly();

// A film of the bundled atlas, 1914-1991, one second an event at 30 frames/s, H.264: each
// iteration renders one frame (style, draw with 4x MSAA, overlays, read back) and encodes it.
// Target: at least 30 frames/s at 1280x720 (the "frames" rate counter).
void BM_FilmFrame(benchmark::State& state) {
    Loaded& k = kars();
    const std::string out = (std::filesystem::temp_directory_path() /
                             ("chronomap-bench-" + std::to_string(::getpid()) + ".mp4"))
                                .string();
    FilmRequest req;
    req.path = out;
    req.from = k.r.atlas.start;
    req.to = k.r.atlas.end;
    req.pacing.per_event = 1;
    req.frame.width = static_cast<int>(state.range(0));
    req.frame.height = static_cast<int>(state.range(1));
    FilmJob job;
    if (auto started = job.start(k.view, k.r.atlas, req); !started) state.SkipWithError(started.message().c_str());
    for (auto _ : state) {
        if (job.all_rendered()) state.SkipWithError("the film ended");
        if (auto stepped = job.step(); !stepped) state.SkipWithError(stepped.message().c_str());
    }
    state.counters["frames"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["render_ms"] = 1000 * job.render_seconds() / std::max(1, job.frames_done());
    state.counters["encode_ms"] = 1000 * job.encode_seconds() / std::max(1, job.frames_done());
}  // the unfinished film's temporary file goes with the job
BENCHMARK(BM_FilmFrame)
    ->Args({1280, 720})
    ->Args({1920, 1080})
    ->ArgNames({"w", "h"})
    ->UseRealTime()  // llvmpipe draws on its own threads: the main thread's CPU time is not the frame's
    ->Unit(benchmark::kMillisecond)
    ->Iterations(300)
    ->Repetitions(3)
    ->ReportAggregatesOnly();

// A generated layer: 100 polygons of 10,000 vertices each (one million), drawn whole.
void BM_FrameMillionVertices(benchmark::State& state) {
    context();
    static std::vector<Shape> shapes;
    static std::unique_ptr<render::MapRenderer> renderer;
    static std::unique_ptr<render::PaneStyle> pane;
    static int mesh = -1;
    static Bounds bounds;
    if (!renderer) {
        for (int i = 0; i < 100; ++i) {
            Ring ring;
            const double cx = (i % 10) * 100000.0, cy = (i / 10) * 100000.0;
            for (int k = 0; k < 10000; ++k) {
                const double a = 2 * M_PI * k / 10000;
                const double r = 45000 * (1 + 0.02 * std::sin(a * 50));
                ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
            }
            ring.push_back(ring.front());
            Shape s;
            s.polygons.push_back({{ring}});
            shapes.push_back(std::move(s));
        }
        std::vector<MeshInput> inputs;
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            inputs.push_back({&shapes[i], static_cast<std::uint32_t>(i)});
            bounds.add(shapes[i].bounds());
        }
        const double extent = bounds.max_x - bounds.min_x;
        std::vector<render::LodLevel> levels;
        levels.push_back({0, build_mesh(inputs, {0, 0}, 0)});
        for (double f : {2000.0, 500.0, 125.0})
            levels.push_back({extent / f, build_mesh(inputs, {0, 0}, extent / f)});
        renderer = std::make_unique<render::MapRenderer>();
        bench::require(renderer->init());
        mesh = renderer->add_mesh(levels);
        std::vector<render::FeatureStyle> styles(100);
        for (std::size_t i = 0; i < styles.size(); ++i)
            styles[i].fill = 0x3366CCFF + static_cast<std::uint32_t>(i << 8);
        pane = std::make_unique<render::PaneStyle>();
        pane->set_styles(styles);
    }
    render::Offscreen target;
    bench::require(target.create(1920, 1080, 4));
    const render::Camera cam = fit_camera(bounds, 1920, 1080);
    for (auto _ : state) {
        target.bind();
        renderer->clear(0xFFFFFFFF);
        renderer->draw_fill(mesh, *pane, cam);
        renderer->draw_outlines(mesh, *pane, cam, 1.0f, 0x000000FF);
        glFinish();
    }
    state.counters["triangles_drawn"] = static_cast<double>(renderer->triangles_drawn(mesh, cam));
}
BENCHMARK(BM_FrameMillionVertices)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20)
    ->Repetitions(5)
    ->ReportAggregatesOnly();

}  // namespace

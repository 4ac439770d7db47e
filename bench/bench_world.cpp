// A world-scale snapshot series (tests/support/series.h: 50 snapshots of 350 territories, about
// 1.96 million vertices, BCE dates) on Mesa llvmpipe, headless. Targets of the issue on real data
// at world scale: open to the first frame <= 2 s (cold) and <= 0.5 s from the cache; status
// <= 0.5 s; a frame <= 2x a full-screen quad; no frame over 2x the median while playback crosses
// snapshots; a 3840x2160 export <= 2 s end to end (see bench/compare_qgis.sh for end to end).
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include <epoxy/gl.h>

#include "app/view/export/export.h"
#include "bench_support.h"
#include "render/headless_context.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "render/offscreen.h"
#include "tests/support/series.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

using bench::context;

// The series, written once per run into a temporary folder with a cache folder beside it.
const fs::path& world_dir() {
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("chronomap-world-" + std::to_string(::getpid()));
        fs::create_directories(d / "data");
        test_support::write_series((d / "data").string(), test_support::SeriesSpec{50, 25, 14, 28, 60});
        ::setenv("XDG_CACHE_HOME", (d / "cache").c_str(), 1);
        std::atexit([] { fs::remove_all(fs::temp_directory_path() / ("chronomap-world-" + std::to_string(::getpid()))); });
        return d;
    }();
    return dir;
}
std::string manifest() { return (world_dir() / "data" / "atlas.json").string(); }

void cache_on(bool on) {
    if (on)
        ::unsetenv("CHRONOMAP_NO_CACHE");
    else
        ::setenv("CHRONOMAP_NO_CACHE", "1", 1);
}

struct World {
    LoadResult r;
    std::unique_ptr<Timeline> tl;
    MapView view;
    MapPane pane;  // 1914, de facto
};

// Load, build the scene, draw one 1920x1080 frame: what opening an atlas costs.
std::unique_ptr<World> open_world() {
    auto w = std::make_unique<World>();
    w->r = load_atlas(manifest());
    w->tl = std::make_unique<Timeline>(w->r.atlas);
    bench::require(w->view.init(w->r.atlas, *w->tl));
    w->pane.style_at(w->view, w->r.atlas, *parse_date("1914").date, Basis::DeFacto, "en", true);
    render::Offscreen target;
    bench::require(target.create(1920, 1080, 4));
    target.bind();
    w->view.draw(w->pane.style, fit_camera(w->view.default_area(), 1920, 1080));
    glFinish();
    return w;
}

void BM_WorldOpen(benchmark::State& state) {
    context();
    world_dir();
    const bool warm = state.range(0) == 1;
    cache_on(warm);
    if (warm) open_world();  // fills the cache
    for (auto _ : state) open_world();
    cache_on(true);
    state.SetLabel(warm ? "from the cache" : "no cache");
}
BENCHMARK(BM_WorldOpen)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly();

void BM_WorldStatus(benchmark::State& state) {
    world_dir();
    const bool warm = state.range(0) == 1;
    cache_on(warm);
    if (warm) (void)load_atlas(manifest(), LoadOptions{false});
    for (auto _ : state) {
        const LoadResult r = load_atlas(manifest(), LoadOptions{false});
        const Timeline tl(r.atlas);
        benchmark::DoNotOptimize(tl.state_at(*parse_date("1914").date, Basis::DeFacto));
    }
    cache_on(true);
    state.SetLabel(warm ? "from the cache" : "no cache");
}
BENCHMARK(BM_WorldStatus)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly();

World& world() {
    static std::unique_ptr<World> w = [] {
        context();
        world_dir();
        return open_world();
    }();
    return *w;
}

// A frame of the world map, and in the same run a flat full-screen quad (llvmpipe's fill-rate
// floor); the counter is their ratio (target <= 2).
void BM_WorldFrame(benchmark::State& state) {
    World& w = world();
    render::Offscreen target;
    bench::require(target.create(1920, 1080, 4));
    const render::Camera cam = fit_camera(w.view.default_area(), 1920, 1080);
    static const int quad = bench::add_fullscreen_quad(w.view.renderer(), cam);
    const render::PaneStyle flat;  // the quad is drawn in one flat colour
    using clock = std::chrono::steady_clock;
    std::vector<double> map_ms, quad_ms;
    for (auto _ : state) {
        target.bind();
        auto t0 = clock::now();
        w.view.draw(w.pane.style, cam);
        glFinish();
        auto t1 = clock::now();
        w.view.renderer().draw_fill(quad, flat, cam, 0xE9E5DCFF);
        glFinish();
        auto t2 = clock::now();
        map_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        quad_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    std::sort(map_ms.begin(), map_ms.end());
    std::sort(quad_ms.begin(), quad_ms.end());
    state.counters["map_ms"] = map_ms[map_ms.size() / 2];
    state.counters["quad_ms"] = quad_ms[quad_ms.size() / 2];
    state.counters["x_quad"] = map_ms[map_ms.size() / 2] / quad_ms[quad_ms.size() / 2];
}
BENCHMARK(BM_WorldFrame)->Unit(benchmark::kMillisecond)->Iterations(30)->Repetitions(3)->ReportAggregatesOnly();

// Playback across snapshot boundaries: every frame recolours for its date and draws; the
// counter is the slowest frame over the median (target <= 2: no stall at a crossing).
void BM_WorldPlayback(benchmark::State& state) {
    World& w = world();
    render::Offscreen target;
    bench::require(target.create(1920, 1080, 4));
    const render::Camera cam = fit_camera(w.view.default_area(), 1920, 1080);
    const Date from = *parse_date("1914").date;
    std::vector<double> ms;
    int frame = 0;
    for (auto _ : state) {
        Date d = from;
        d.day += frame++ * 73;  // a fifth of a year a frame: a snapshot every ten frames
        const auto t0 = std::chrono::steady_clock::now();
        w.view.prepare(w.pane.style, w.pane.labels, d, Basis::DeFacto);
        target.bind();
        w.view.draw(w.pane.style, cam);
        glFinish();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    state.counters["median_ms"] = sorted[sorted.size() / 2];
    state.counters["max_ms"] = sorted.back();
    state.counters["max_over_median"] = sorted.back() / sorted[sorted.size() / 2];
}
BENCHMARK(BM_WorldPlayback)->Unit(benchmark::kMillisecond)->Iterations(200)->Repetitions(3)->ReportAggregatesOnly();

void BM_WorldExport4K(benchmark::State& state) {
    World& w = world();
    const std::string out = (world_dir() / "export.png").string();
    ExportRequest req;
    req.date = *parse_date("1914").date;
    req.width = 3840;
    req.height = 2160;
    for (auto _ : state) {
        const Result<> written = export_png(w.view, w.r.atlas, req, out);
        if (!written) state.SkipWithError(written.message().c_str());
    }
}
BENCHMARK(BM_WorldExport4K)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5)->ReportAggregatesOnly();

}  // namespace

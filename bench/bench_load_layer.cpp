// Target: loading a generated 1,000,000-vertex polygon layer from GeoPackage in under 2 s,
// with peak memory reported.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "data/load/loader.h"
#include "tests/support/write_layer.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;  // KiB on Linux
}

// 100 polygons of 10,000 vertices each, written once per process.
long g_rss_before_any_load_kib = 0;

fs::path generated_atlas() {
    static fs::path dir;
    if (!dir.empty()) return dir / "atlas.json";
    dir = fs::temp_directory_path() / ("chronomap-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::atexit([] { fs::remove_all(dir); });
    // Generated in a child process, so that this process's peak memory is the load's alone.
    const pid_t child = fork();
    if (child == 0) {
        std::vector<test_support::TestFeature> features;
        for (int i = 0; i < 100; ++i) {
            const double cx = 40.0 + (i % 10) * 1.0;
            const double cy = 38.0 + (i / 10) * 1.0;
            features.push_back({"p" + std::to_string(i), "Polygon " + std::to_string(i),
                                test_support::big_polygon_wkt(cx, cy, 0.45, 10000)});
        }
        const std::string err = test_support::write_layer((dir / "big.gpkg").string(), "GPKG", 4326, features);
        _exit(err.empty() ? 0 : 1);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("could not generate the benchmark GeoPackage");
    g_rss_before_any_load_kib = peak_rss_kib();
    std::ofstream(dir / "atlas.json") << R"({"title": "bench", "crs": "EPSG:3857",
        "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "big", "source": "big.gpkg", "role": "territories"}], "events": []})";
    return dir / "atlas.json";
}

void BM_LoadMillionVertexGpkg(benchmark::State& state) {
    const std::string path = generated_atlas().string();
    std::size_t vertices = 0;
    for (auto _ : state) {
        LoadResult r = load_atlas(path);
        if (r.diagnostics.has_errors() || r.atlas.layers.empty()) {
            state.SkipWithError(r.diagnostics.items().empty() ? "no layer"
                                                              : r.diagnostics.items()[0].format().c_str());
            break;
        }
        vertices = 0;
        for (const auto& f : r.atlas.layers[0].features) vertices += f.shape.vertex_count();
        benchmark::DoNotOptimize(r);
    }
    state.counters["vertices"] = static_cast<double>(vertices);
    state.counters["peak_rss_MiB"] = static_cast<double>(peak_rss_kib()) / 1024.0;
    state.counters["before_load_MiB"] = static_cast<double>(g_rss_before_any_load_kib) / 1024.0;
}
BENCHMARK(BM_LoadMillionVertexGpkg)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(5);

}  // namespace

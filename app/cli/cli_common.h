#pragma once
// What the commands share: loading with diagnostics on stderr, and the choice of renderer.

#include <iosfwd>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "app/cli/cli_requests.h"
#include "app/view/export/export.h"
#include "data/load/loader.h"
#include "data/support/phase_timer.h"
#include "data/support/result.h"

namespace chronomap::cli {

void print_diagnostics(const Diagnostics& d, std::ostream& out);

// Loads the atlas; its problems go to stderr, one line each, plus a summary (warnings only when
// not `quiet_warnings`). Fails when the manifest or one of the atlas's inputs could not be read
// (what is shown would lack it: a class export with the database down must not quietly write a
// map with no territories), with the problems already said, or when loading failed inside
// Chronomap.
Result<LoadResult> load(const AtlasInput& atlas, bool quiet_warnings = false, bool geometry = true);
// Says on stderr when the atlas has no names in `lang` (English names are shown then).
void note_missing_language(const Atlas& atlas, const std::string& lang);

// What draws a PNG export: llvmpipe or a GPU through GL, or cairo on the CPU.
enum class Renderer { Gpu, Cpu };
// Below this many vertices drawn, cairo on the CPU (in bands on every core) draws a PNG as fast
// as GL on llvmpipe or faster, with a third of the memory (measured at 4K, end to end:
// world-atlas 1:10m, 545 K vertices, 0.59 s against 0.89 s; countries-land-1km, 1.34 M, 1.9 s
// both).
constexpr std::size_t kCpuVertices = 1'200'000;
// The vertices in a file of vector data, estimated without reading it all: a GeoJSON position is
// one '[', counted in three samples (start, middle, end) and scaled to the file's size, since bytes
// a vertex vary threefold between files (44 in world-atlas 1:10m, 16 in countries-land-1km);
// binary formats (GeoPackage, shapefile) spend 16 bytes a vertex, so their size over 16 is the
// most they can hold. A source that is not a file counts as kCpuVertices.
std::uintmax_t estimated_vertices(const std::filesystem::path& path);
// --renderer: auto decides from the atlas's files before they are loaded (their vertices
// estimated from samples), for the GL context starts while they load: atlases cairo draws faster
// never start it. A comparison is always drawn with GL.
Renderer choose_renderer(const std::string& atlas_path, RendererChoice choice, bool one_png);
// Whether an export that started GL (auto, large files) draws few enough vertices, once loaded,
// to be drawn on the CPU instead.
bool draw_on_cpu_after_all(const MapView& view, const ExportRequest& req, RendererChoice choice);

}  // namespace chronomap::cli

#pragma once
// What the commands share: loading with diagnostics on stderr, and the options read alike by
// status, events, history, export and diff.

#include <iosfwd>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "app/launch/launch_args.h"
#include "app/view/export/export.h"
#include "data/load/loader.h"
#include "data/support/phase_timer.h"

namespace chronomap::cli {

void print_diagnostics(const Diagnostics& d, std::ostream& out);

// Loads the atlas; problems go to stderr in one line each plus a summary. False when the
// manifest itself could not be read. An internal failure throws.
bool load(const std::string& path, LoadResult& result, bool quiet_warnings = false, bool geometry = true);
// --allow-external: the user trusts this atlas to read outside its folder (source_policy.h).
extern bool allow_external;
// A date option (nullopt when absent); a bad one throws std::invalid_argument.
std::optional<Date> date_option(const Args& a, const char* key);
// --basis (or another key): de_facto (the default) or de_jure.
Basis basis_option(const Args& a, const char* key = "--basis");
// The overlay switches export and animate share (--no-title, --no-legend, ...), and --no-claims:
// their names, and what they set.
inline const std::set<std::string> kOverlaySwitches = {"--no-title",     "--no-legend", "--no-caption",    "--no-labels",
                                                       "--no-scale-bar", "--no-claims", "--no-uncertainty"};
void overlay_switches(const Args& a, ExportRequest& req);
// --lang: a language code; one the atlas has no names in is noted on stderr.
std::string lang_option(const Args& a, const Atlas& atlas);

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
// --renderer gpu|cpu|auto (auto when absent). auto decides from the atlas's files before they are
// loaded (their vertices estimated from samples), for the GL context starts while they load:
// atlases cairo draws faster never start it.
// A comparison is always drawn with GL.
Renderer choose_renderer(const std::string& atlas_path, const std::optional<std::string>& flag, bool one_png);
// Whether an export that started GL (auto, large files) draws few enough vertices, once loaded,
// to be drawn on the CPU instead.
bool draw_on_cpu_after_all(const MapView& view, const ExportRequest& req, const std::optional<std::string>& flag);

}  // namespace chronomap::cli

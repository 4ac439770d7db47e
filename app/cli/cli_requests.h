#pragma once
// What each command was asked to do, parsed whole from its flags before any work: a flag with a
// bad value fails here, as the input's fault, before an atlas is read or a file is written.

#include <optional>
#include <string>
#include <vector>

#include "app/launch/launch_args.h"
#include "app/view/export/export.h"
#include "data/support/result.h"
#include "data/time/date.h"
#include "data/time/film_plan.h"

namespace chronomap::cli {

// The atlas a command reads, and whether the user trusts it beyond its folder (--allow-external).
struct AtlasInput {
    std::string path;
    bool allow_external = false;
};

struct ValidateRequest {
    AtlasInput atlas;
    bool geometry = true;
};

struct StatusRequest {
    AtlasInput atlas;
    Date date;
    Basis basis = Basis::DeFacto;
    std::string lang = "en";
    bool json = false;
};

struct EventsRequest {
    AtlasInput atlas;
    std::optional<Date> from, to;
    bool json = false;
};

struct HistoryRequest {
    AtlasInput atlas;
    std::string territory;
    std::string lang = "en";
    bool json = false;
};

struct DiffRequest {
    AtlasInput atlas;
    Date first, second;
    Basis first_basis = Basis::DeFacto, second_basis = Basis::DeFacto;
    std::string lang = "en";
    bool json = false;
};

// --renderer: auto (written out or implied) decides from the atlas's size.
enum class RendererChoice { Auto, Gpu, Cpu };

struct ExportCommand {
    AtlasInput atlas;
    std::string out;
    ExportRequest image;  // date, basis, size, area, language and overlays
    std::optional<Date> compare;
    Basis compare_basis = Basis::DeFacto;
    RendererChoice renderer = RendererChoice::Auto;
};

struct AnimateRequest {
    AtlasInput atlas;
    std::string out;
    std::optional<Date> from, to;  // the atlas's own range when absent
    FilmPacing pacing;             // years_per_second 0: chosen from the dates
    ExportRequest frame;           // size, basis, language and overlays of every frame
};

struct InitRequest {
    std::vector<std::string> inputs;
    std::string out;  // atlas.json in the one folder given, else in the working folder
    bool force = false;
    // --workbook: events, powers and sources in a spreadsheet beside the manifest (its name, or
    // empty), a template with one example a sheet, its columns explained in `lang`.
    std::string workbook;
    std::string lang = "en";
    std::string title;             // --title, else the proposal's
    std::optional<Date> from, to;  // --from, --to: the time range
    // --region: a base of modern countries and provinces for it (data/load/base_map.h), from
    // --base-map or the one found.
    std::optional<Bounds> region;
    std::string base_map;
};

struct GeoreferenceRequest {
    std::string scan, out;
    std::vector<ControlPoint> points;
};

struct WorkbookRequest {
    AtlasInput atlas;
    std::string out;  // .xlsx, .ods, or a folder of CSV files
    std::string lang = "en";
};

Result<ValidateRequest> parse_validate(const Args& a);
Result<StatusRequest> parse_status(const Args& a);
Result<EventsRequest> parse_events(const Args& a);
Result<HistoryRequest> parse_history(const Args& a);
Result<DiffRequest> parse_diff(const Args& a);
Result<ExportCommand> parse_export(const Args& a);
Result<AnimateRequest> parse_animate(const Args& a);
Result<InitRequest> parse_init(const Args& a);
Result<WorkbookRequest> parse_workbook(const Args& a);
Result<GeoreferenceRequest> parse_georeference(const Args& a);

// The switches export and animate share (--no-title, --no-legend, ...) and --no-claims.
inline const std::set<std::string> kOverlaySwitches = {"--no-title",     "--no-legend", "--no-caption",    "--no-labels",
                                                       "--no-scale-bar", "--no-claims", "--no-uncertainty",
                                                       "--boxes-over-map"};

}  // namespace chronomap::cli

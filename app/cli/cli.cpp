#include "app/cli/cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <new>
#include <set>

#include "app/cli/cli_animate.h"
#include "app/cli/cli_common.h"
#include "app/cli/cli_diff.h"
#include "app/cli/cli_export.h"
#include "app/cli/cli_output.h"
#include "app/cli/cli_requests.h"
#include "app/view/export/workbook_template.h"
#include "app/view/overlay/i18n.h"
#include "data/formats/output_file.h"
#include "data/formats/workbook.h"
#include "data/load/base_map.h"
#include "data/load/init_manifest.h"
#include "data/load/raster_layer.h"
#include "data/load/loader.h"
#include "data/time/timeline.h"
#include "data/validate/geometry_check.h"
#include "data/validate/overlap_check.h"
#include "version.h"

namespace chronomap::cli {
namespace {

Result<> run_validate(const ValidateRequest& req) {
    PhaseTimer timer;
    LoadResult r = load_atlas(req.atlas.path, LoadOptions{req.geometry, req.atlas.allow_external});
    if (!r.outcome) return r.outcome;
    timer.lap("load");
    // Every polygon is triangulated as the map would, so one that cannot be drawn is named here.
    if (req.geometry && r.manifest_read) check_geometry(r.atlas, r.diagnostics);
    timer.lap("geometry checks");
    if (req.geometry && r.manifest_read) (void)check_overlaps(r.atlas, r.diagnostics);
    timer.lap("overlap checks");
    print_diagnostics(r.diagnostics, std::cout);
    const auto& d = r.diagnostics;
    std::size_t features = 0;
    for (const auto& l : r.atlas.layers) features += l.features.size();
    std::cout << req.atlas.path << ": " << d.error_count() << " error(s), " << d.warning_count()
              << " warning(s); " << r.atlas.layers.size() << " layer(s), " << features
              << " feature(s), " << r.atlas.powers.size() << " power(s), " << r.atlas.events.size()
              << " event(s)\n";
    if (d.has_errors()) return input_error("");  // the list above says what
    return {};
}

Result<> run_status(const StatusRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true, false);
    if (!loaded) return loaded.failure();
    const Atlas& atlas = loaded->atlas;
    note_missing_language(atlas, req.lang);
    const Timeline tl(atlas);
    if (req.json)
        std::cout << status_json(atlas, tl, req.date, req.basis, req.lang).dump(2) << '\n';
    else
        print_status(std::cout, atlas, tl, req.date, req.basis, req.lang);
    return {};
}

Result<> run_events(const EventsRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true, false);
    if (!loaded) return loaded.failure();
    const Timeline tl(loaded->atlas);
    const auto events = tl.events_between(req.from, req.to);
    if (req.json)
        write_events_json(std::cout, events);
    else
        print_events(std::cout, loaded->atlas, events);
    return {};
}

Result<> run_history(const HistoryRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true, false);
    if (!loaded) return loaded.failure();
    const Atlas& atlas = loaded->atlas;
    const Timeline tl(atlas);
    if (tl.territory_index(req.territory) < 0) {
        const std::string best = closest_match(req.territory, tl.territories());
        return input_error("the atlas has no territory '" + req.territory + "'" +
                           (best.empty() ? "" : " (did you mean '" + best + "'?)"));
    }
    note_missing_language(atlas, req.lang);
    if (req.json)
        std::cout << history_json(atlas, tl, req.territory, req.lang).dump(2) << '\n';
    else
        print_history(std::cout, atlas, tl, req.territory, req.lang);
    return {};
}

// A manifest for a lesson kept in a workbook: its title and time range, and the workbook.
nlohmann::ordered_json workbook_manifest(const InitRequest& req, InitProposal& p) {
    nlohmann::ordered_json m = p.manifest;
    if (m.is_null()) {
        m["title"] = "Untitled lesson";
        m["time_range"] = {{"start", "1900"}, {"end", "2000"}};
        m["crs"] = "EPSG:3857";
        m["layers"] = nlohmann::ordered_json::array();
        p.notes.push_back("no vector data given: add a territories layer to the manifest's \"layers\"");
    }
    if (!req.title.empty()) m["title"] = req.title;
    if (req.region) {
        const Bounds& r = *req.region;
        m["default_view"] = {{"bbox", {r.min_x, r.min_y, r.max_x, r.max_y}}};
        m["layers"] = lesson_layers();
        p.notes.push_back("base.gpkg holds the modern countries and provinces of the region; a territory is a group of "
                          "provinces in the workbook's sheet 'territories' (\"GR/Kentriki Makedonia; MK\": a province, or "
                          "a whole country by its code)");
        p.notes.erase(std::remove_if(p.notes.begin(), p.notes.end(),
                                     [](const std::string& n) { return n.rfind("no vector data given", 0) == 0; }),
                      p.notes.end());
    }
    if (req.from) m["time_range"]["start"] = req.from->display();
    if (req.to) m["time_range"]["end"] = req.to->display();
    if (!req.from || !req.to) p.notes.push_back("the time range is a guess: give --from and --to");
    m["workbook"] = req.workbook;
    p.notes.push_back("events, powers and sources go in " + req.workbook +
                      " (one example row a sheet, to replace; its sheet 'columns' explains each column)");
    return m;
}


Result<> run_init(const InitRequest& req) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(req.out, ec) && !req.force) return input_error(req.out + " exists; add --force to replace it");
    const std::string base = fs::absolute(req.out).parent_path().string();
    const std::string workbook_path = req.workbook.empty() ? "" : (fs::path(base) / req.workbook).string();
    if (!workbook_path.empty() && fs::exists(workbook_path, ec) && !req.force)
        return input_error(workbook_path + " exists; add --force to replace it");
    InitProposal p = req.inputs.empty() ? InitProposal{} : propose_manifest(req.inputs, base);
    for (const auto& e : p.errors) std::cerr << "chronomap: " << e << '\n';
    if (!req.workbook.empty() && (p.errors.empty() || !p.manifest.is_null())) p.manifest = workbook_manifest(req, p);
    if (p.manifest.is_null()) return input_error("");  // the errors above say why
    if (!workbook_path.empty()) {
        fs::create_directories(base, ec);
        std::string central_unit;
        if (req.region) {
            const auto base_map = find_base_map(req.base_map);
            if (!base_map)
                return input_error(req.base_map.empty()
                                       ? "no base map: install Debian's qgis-common (its world_map.gpkg holds Natural "
                                         "Earth's countries and provinces) or give --base-map FILE"
                                       : "--base-map " + req.base_map + " is not a file");
            const auto made = extract_base_map(*base_map, *req.region, (fs::path(base) / "base.gpkg").string());
            if (!made) return made.failure();
            central_unit = made->central_unit;
            std::cout << "wrote " << (fs::path(base) / "base.gpkg").string() << ": " << made->countries << " countries, "
                      << made->provinces << " provinces from " << *base_map << '\n';
        }
        set_ui_language(req.lang);  // the sheet that explains the columns
        // With a base map, the template's example territory is the province nearest the
        // region's centre, so the lesson validates before anything is changed.
        if (auto written = write_workbook_template(workbook_path, req.lang, central_unit); !written) return written;
        std::cout << "wrote " << workbook_path << '\n';
    }
    Result<OutputFile> file = OutputFile::open(req.out);
    if (!file) return file.failure();
    {
        std::ofstream f(file->temp_path());
        f << p.manifest.dump(2) << '\n';
        if (!f) return internal_error("cannot write " + req.out);
    }
    if (auto committed = file->commit(); !committed) return committed;
    std::cout << "wrote " << req.out << '\n';
    for (const auto& n : p.notes) std::cout << "  - " << n << '\n';
    std::cout << "next: chronomap validate " << req.out << '\n';
    return {};
}

Result<> run_georeference(const GeoreferenceRequest& req) {
    const auto report = georeference(req.scan, req.points, req.out);
    if (!report) return report.failure();
    std::cout << "wrote " << req.out << " (" << report->width << "x" << report->height << ", longitude and latitude)\n";
    for (std::size_t i = 0; i < req.points.size(); ++i) {
        char line[160];
        std::snprintf(line, sizeof line, "  point %zu (%.1f, %.1f) -> %.5f, %.5f: %.2f px from the fit\n", i + 1,
                      req.points[i].pixel_x, req.points[i].pixel_y, req.points[i].lon, req.points[i].lat,
                      report->residual_px[i]);
        std::cout << line;
    }
    char rms[80];
    std::snprintf(rms, sizeof rms, "  root mean square: %.2f px\n", report->rms_px);
    std::cout << rms;
    return {};
}

Result<> run_workbook(const WorkbookRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true, false);
    if (!loaded) return loaded.failure();
    set_ui_language(req.lang);
    if (auto written = write_workbook(loaded->atlas, req.out, workbook_help()); !written) return written;
    std::size_t events = 0;
    for (const auto& ev : loaded->atlas.events) events += ev.derived ? 0 : 1;
    std::cout << "wrote " << req.out << ": " << events << " event(s), " << loaded->atlas.powers.size() << " power(s), "
              << loaded->atlas.sources.size() << " source(s)\n";
    return {};
}

// A command's flags parsed into its request, and the work that runs it: nothing is read or
// written before every flag is known to be good.
using Work = std::function<Result<>()>;
template <class Request, Result<Request> (*parse)(const Args&), Result<> (*run)(const Request&)>
Result<Work> parse_then_run(const Args& a) {
    Result<Request> req = parse(a);
    if (!req) return req.failure();
    return Work([request = std::move(*req)] { return run(request); });
}

}  // namespace

namespace {

// Every command: its name, what it takes (the usage lines), what it does, the options that take a
// value and the switches it accepts, and what runs it. The help, the completion and the checks of
// each command's flags all come from here.
struct Command {
    const char* name;
    const char* usage;
    const char* summary;
    std::set<std::string> values, switches;
    Result<Work> (*prepare)(const Args&);
    bool reads_atlas = true;  // and so takes --allow-external
};

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"validate", "chronomap validate ATLAS [--no-geometry]",
         "list every problem in the atlas; exit 0 = no errors, 2 = errors, 1 = internal failure;\n"
         "every polygon is triangulated as the map draws it (--no-geometry: attributes only)",
         {}, {"--no-geometry"}, parse_then_run<ValidateRequest, parse_validate, run_validate>},
        {"status", "chronomap status ATLAS --date DATE [--basis de_facto|de_jure] [--lang CODE] [--json]",
         "who held each territory on DATE", {"--date", "--basis", "--lang"}, {"--json"}, parse_then_run<StatusRequest, parse_status, run_status>},
        {"events", "chronomap events ATLAS [--from DATE] [--to DATE] [--json]", "the events in a range of dates",
         {"--from", "--to"}, {"--json"}, parse_then_run<EventsRequest, parse_events, run_events>},
        {"diff",
         "chronomap diff ATLAS DATE1 DATE2 [--basis de_facto|de_jure] [--compare-basis ...] [--lang CODE] [--json]",
         "the territories whose control differs between two dates (or two views)",
         {"--basis", "--compare-basis", "--lang"}, {"--json"}, parse_then_run<DiffRequest, parse_diff, run_diff>},
        {"history", "chronomap history ATLAS TERRITORY [--lang CODE] [--json]",
         "every change of one territory, with its sources", {"--lang"}, {"--json"}, parse_then_run<HistoryRequest, parse_history, run_history>},
        {"export",
         "chronomap export ATLAS --date DATE --out FILE.png|FILE.svg|FILE.pdf [--size WxH] [--bbox LONMIN,LATMIN,LONMAX,LATMAX]\n"
         "                 [--basis de_facto|de_jure] [--lang CODE] [--no-title] [--no-legend]\n"
         "                 [--no-caption] [--no-labels] [--no-scale-bar] [--no-claims] [--no-uncertainty]\n"
         "                 [--compare DATE2 [--compare-basis de_facto|de_jure]] [--renderer auto|cpu|gpu]\n"
         "                 [--text-size X] [--boxes-over-map]",
         "the map at DATE as a PNG, SVG or PDF, with no display needed; with --compare (PNG),\n"
         "DATE and DATE2 side by side (a year or month as its last day), the territories whose\n"
         "control differs outlined; a PNG of\n"
         "a small map is drawn on the CPU by cairo, a large one with OpenGL (--renderer chooses);\n"
         "text is sized to be read across a room (caption 1/30 of the height), times --text-size\n"
         "(0.5 for print), with title, legend and sources in a column beside the map\n"
         "(--boxes-over-map puts them over it)",
         {"--date", "--out", "--size", "--bbox", "--basis", "--lang", "--compare", "--compare-basis", "--renderer",
          "--text-size"},
         kOverlaySwitches, parse_then_run<ExportCommand, parse_export, run_export>},
        {"animate",
         "chronomap animate ATLAS --out FILE.mp4|FILE.webm|FILE.gif|FOLDER/ [--from DATE] [--to DATE] [--fps N]\n"
         "                 [--size WxH] [--years-per-second X | --per-event SECONDS] [--hold-start S]\n"
         "                 [--hold-end S] [--basis ...] [--lang CODE] [--text-size X] and export's --no-...\n"
         "                 and --boxes-over-map switches",
         "a film of the map changing (H.264 MP4, VP9 WebM or numbered PNGs), no display needed",
         {"--out", "--from", "--to", "--fps", "--size", "--years-per-second", "--per-event", "--hold-start",
          "--hold-end", "--basis", "--lang", "--text-size"},
         kOverlaySwitches, parse_then_run<AnimateRequest, parse_animate, run_animate>},
        {"init",
         "chronomap init FOLDER_OR_FILES... [--out atlas.json] [--force]\n"
         "chronomap init [FOLDER_OR_FILES...] --workbook lesson.xlsx|lesson.ods|FOLDER [--title T] [--from DATE]\n"
         "                 [--to DATE] [--lang CODE] [--region LONMIN,LATMIN,LONMAX,LATMAX [--base-map FILE]]\n"
         "                 [--out atlas.json] [--force]",
         "write a starting atlas.json for vector data (snapshot series or dated fields); with\n"
         "--workbook, also a spreadsheet beside it (relative to the manifest's folder) for the\n"
         "events, powers and sources, one example row a sheet and its columns explained in --lang;\n"
         "with --region, a base of the region's modern countries and provinces (Natural Earth,\n"
         "from QGIS's world_map.gpkg) whose provinces the workbook groups into territories",
         {"--out", "--workbook", "--title", "--from", "--to", "--lang", "--region", "--base-map"}, {"--force"},
         parse_then_run<InitRequest, parse_init, run_init>, false},
        {"georeference", "chronomap georeference SCAN PX,PY,LON,LAT PX,PY,LON,LAT PX,PY,LON,LAT... --out FILE.tif",
         "a scanned map placed by three or more control points (a pixel of the scan, counted from its\n"
         "top left corner, and the longitude and latitude it shows) written as a GeoTIFF, with how far\n"
         "each point lies from the fitted placement; a raster layer of an atlas shows it",
         {"--out"}, {}, parse_then_run<GeoreferenceRequest, parse_georeference, run_georeference>, false},
        {"workbook", "chronomap workbook ATLAS --out FILE.xlsx|FILE.ods|FOLDER [--lang CODE]",
         "the atlas's events, powers, sources and claims as a workbook (a spreadsheet, or CSV files\n"
         "in a folder) that the manifest can name instead (\"workbook\"); columns explained in --lang",
         {"--out", "--lang"}, {}, parse_then_run<WorkbookRequest, parse_workbook, run_workbook>},
    };
    return table;
}

const Command* find_command(const std::string& name) {
    for (const auto& c : commands())
        if (name == c.name) return &c;
    return nullptr;
}

// A command's entry in the help: its usage, then what it does, indented.
std::string entry(const char* usage, const char* summary) {
    std::string out = "  ";
    for (const char* p = usage; *p; ++p) out += *p == '\n' ? std::string("\n  ") : std::string(1, *p);
    out += "\n      ";
    for (const char* p = summary; *p; ++p) out += *p == '\n' ? std::string("\n      ") : std::string(1, *p);
    return out + "\n";
}

std::string notes() {
    return "ATLAS is an atlas manifest (JSON) or a folder holding atlas.json. An atlas reads only files\n"
           "inside its own folder; --allow-external lets one you trust reach other files, databases\n"
           "(PG:...) and the network.\n"
           "DATE is YYYY, YYYY-MM or YYYY-MM-DD, or a year such as '500 BC' or 'AD 5'; negative years\n"
           "are astronomical (there is a year 0): -0489 = 490 BC, and -0500 = 501 BC (noted when given).\n";
}

}  // namespace

std::string usage() {
    std::string out = "chronomap " CHRONOMAP_VERSION " - watch borders change through time\n\nUsage:\n";
    for (const auto& c : commands()) out += entry(c.usage, c.summary);
    out += entry("chronomap [ATLAS] [--date DATE] [--lang CODE] [--ui-scale S] [--presentation] [--frame-time MS]\n"
                 "          [--screenshot FILE.png] [--exit-after-frames N] [--script FILE]",
                 "open the window (the bundled atlas when none is named)");
    out += "  chronomap --help | --version | COMMAND --help\n\n" + notes();
    return out + "The bundled atlas is " + default_atlas_path() + "\n";
}

bool is_command(const std::vector<std::string>& argv) {
    if (argv.empty()) return false;
    for (const char* other : {"help", "--help", "-h", "--version"})
        if (argv[0] == other) return true;
    return find_command(argv[0]) != nullptr;
}

int run(const std::vector<std::string>& argv) {
    try {
        if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
            std::cout << usage();
            return kOk;
        }
        if (argv[0] == "--version") {
            std::cout << "chronomap " CHRONOMAP_VERSION "\n";
            return kOk;
        }
        const Command* command = find_command(argv[0]);
        if (!command) {
            std::cerr << "chronomap: unknown command '" << printable(argv[0]) << "'\n(see chronomap --help)\n";
            return kInputErrors;
        }
        const std::vector<std::string> rest(argv.begin() + 1, argv.end());
        if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
            std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
            std::cout << "Usage:\n" << entry(command->usage, command->summary) << '\n' << notes();
            return kOk;
        }
        // Only the command's own flags: `status --fps 3` is a mistake, said as one.
        std::set<std::string> switches = command->switches;
        if (command->reads_atlas) switches.insert("--allow-external");
        const Args a = parse_args(rest, command->values, switches);
        if (a.error.rfind("unknown option ", 0) == 0) {
            std::cerr << "chronomap: " << command->name << " takes no option " << printable(a.error.substr(15))
                      << "\n(see chronomap " << command->name << " --help)\n";
            return kInputErrors;
        }
        Result<Work> work = a.error.empty() ? command->prepare(a) : input_error(a.error);
        if (!work) {
            std::cerr << "chronomap: " << printable(work.message()) << "\n(see chronomap " << command->name
                      << " --help)\n";
            return work.exit_code();
        }
        const Result<> done = (*work)();
        if (!done.message().empty()) std::cerr << "chronomap: " << printable(done.message()) << '\n';
        return done.exit_code();
    } catch (const std::bad_alloc&) {
        std::cerr << "chronomap: internal error: out of memory\n";
        return kInternal;
    } catch (const std::exception& e) {
        std::cerr << "chronomap: internal error: " << printable(e.what()) << '\n';
        return kInternal;
    }
}

}  // namespace chronomap::cli

#include "app/cli/cli.h"

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <stdexcept>
#include <set>
#include <tuple>

#include "app/launch/launch_args.h"
#include "app/cli/cli_common.h"
#include "app/cli/cli_animate.h"
#include "app/cli/cli_diff.h"
#include "app/cli/cli_output.h"
#include "app/view/export/export.h"
#include "data/validate/geometry_check.h"
#include "data/load/init_manifest.h"
#include "render/headless_start.h"
#include "data/load/loader.h"
#include "app/view/scene/map_view.h"
#include "data/formats/output_file.h"
#include "data/time/timeline.h"
#include "app/view/overlay/i18n.h"
#include "app/view/export/vector_export.h"
#include "version.h"

namespace chronomap::cli {
namespace {

int cmd_validate(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("validate takes one ATLAS");
    const bool geometry = !a.has("--no-geometry");
    PhaseTimer timer;
    LoadResult r = load_atlas(a.positional[0], LoadOptions{geometry, allow_external});
    if (!r.internal_error.empty()) throw std::runtime_error(r.internal_error);
    timer.lap("load");
    // Every polygon is triangulated as the map would, so one that cannot be drawn is named here.
    if (geometry && r.manifest_read) check_geometry(r.atlas, r.diagnostics);
    timer.lap("geometry checks");
    print_diagnostics(r.diagnostics, std::cout);
    const auto& d = r.diagnostics;
    std::size_t features = 0;
    for (const auto& l : r.atlas.layers) features += l.features.size();
    std::cout << a.positional[0] << ": " << d.error_count() << " error(s), " << d.warning_count()
              << " warning(s); " << r.atlas.layers.size() << " layer(s), " << features
              << " feature(s), " << r.atlas.powers.size() << " power(s), " << r.atlas.events.size()
              << " event(s)\n";
    return d.has_errors() ? kInputErrors : kOk;
}

int cmd_status(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("status takes one ATLAS");
    const auto date = date_option(a, "--date");
    if (!date) throw std::invalid_argument("status needs --date DATE");
    const Basis basis = basis_option(a);
    LoadResult r;
    if (!load(a.positional[0], r, true, false)) return kInputErrors;
    const Timeline tl(r.atlas);
    const std::string lang = lang_option(a, r.atlas);
    if (a.has("--json"))
        std::cout << status_json(r.atlas, tl, *date, basis, lang).dump(2) << '\n';
    else
        print_status(std::cout, r.atlas, tl, *date, basis, lang);
    return kOk;
}

int cmd_events(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("events takes one ATLAS");
    const auto from = date_option(a, "--from");
    const auto to = date_option(a, "--to");
    LoadResult r;
    if (!load(a.positional[0], r, true, false)) return kInputErrors;
    const Timeline tl(r.atlas);
    const auto events = tl.events_between(from, to);
    if (a.has("--json"))
        write_events_json(std::cout, events);
    else
        print_events(std::cout, r.atlas, events);
    return kOk;
}

int cmd_history(const Args& a) {
    if (a.positional.size() != 2) throw std::invalid_argument("history takes ATLAS and TERRITORY");
    LoadResult r;
    if (!load(a.positional[0], r, true, false)) return kInputErrors;
    const Timeline tl(r.atlas);
    const std::string& id = a.positional[1];
    if (tl.territory_index(id) < 0) {
        const std::string best = closest_match(id, tl.territories());
        std::cerr << "chronomap: the atlas has no territory '" << id << "'"
                  << (best.empty() ? "" : " (did you mean '" + best + "'?)") << '\n';
        return kInputErrors;
    }
    const std::string lang = lang_option(a, r.atlas);
    if (a.has("--json"))
        std::cout << history_json(r.atlas, tl, id, lang).dump(2) << '\n';
    else
        print_history(std::cout, r.atlas, tl, id, lang);
    return kOk;
}

std::pair<int, int> size_option(const Args& a) {
    const std::string s = a.get("--size").value_or("1920x1080");
    const auto size = parse_size(s, 1, 16384, 16384);
    if (!size) throw std::invalid_argument("--size must look like 1920x1080, at most 16384 a side, not '" + s + "'");
    return *size;
}

std::optional<Bounds> bbox_option(const Args& a) {
    const auto s = a.get("--bbox");
    if (!s) return std::nullopt;
    const std::string form = "--bbox must be LONMIN,LATMIN,LONMAX,LATMAX in degrees";
    double v[4];
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t comma = i < 3 ? s->find(',', at) : s->size();
        if (comma == std::string::npos) throw std::invalid_argument(form + ", not '" + *s + "'");
        const double limit = i % 2 == 0 ? 180 : 90;
        const auto x = parse_real(s->substr(at, comma - at), -limit, limit);
        if (!x)
            throw std::invalid_argument(form + " (longitudes -180 to 180, latitudes -90 to 90), not '" + *s + "'");
        v[i] = *x;
        at = comma + 1;
    }
    if (v[0] >= v[2] || v[1] >= v[3])
        throw std::invalid_argument(form + ", the minimum before the maximum; '" + *s + "' has no area");
    Bounds b;
    b.add(Vec2{v[0], v[1]});
    b.add(Vec2{v[2], v[3]});
    return b;
}

// A box that holds none of the atlas's territories would export an empty map: say so instead.
void check_bbox_shows_something(const Atlas& atlas, const Bounds& box) {
    Bounds all;
    for (const auto& layer : atlas.layers) {
        if (layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features) {
            if (f.lonlat_bounds.empty()) continue;
            all.add(f.lonlat_bounds);
            if (f.lonlat_bounds.min_x <= box.max_x && box.min_x <= f.lonlat_bounds.max_x &&
                f.lonlat_bounds.min_y <= box.max_y && box.min_y <= f.lonlat_bounds.max_y)
                return;
        }
    }
    char where[160];
    std::snprintf(where, sizeof where, "the territories lie within longitudes %.1f to %.1f, latitudes %.1f to %.1f",
                  all.min_x, all.max_x, all.min_y, all.max_y);
    throw std::invalid_argument("--bbox shows none of the atlas's territories; " +
                                (all.empty() ? std::string("the atlas has none with a shape") : std::string(where)));
}

int cmd_export(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("export takes one ATLAS");
    const auto date = date_option(a, "--date");
    if (!date) throw std::invalid_argument("export needs --date DATE");
    const auto out = a.get("--out");
    if (!out || out->empty()) throw std::invalid_argument("export needs --out FILE.png, FILE.svg or FILE.pdf");
    ExportRequest req;
    req.date = *date;
    req.basis = basis_option(a);
    std::tie(req.width, req.height) = size_option(a);
    req.bbox_lonlat = bbox_option(a);
    req.lang = a.get("--lang").value_or("en");  // checked once the atlas is loaded
    overlay_switches(a, req);
    PhaseTimer timer;
    const bool vector = is_vector_path(*out);
    const bool one_png = !vector && !a.get("--compare");
    const Renderer renderer = vector ? Renderer::Cpu : choose_renderer(a.positional[0], a.get("--renderer"), one_png);
    // The GL driver starts and the framebuffer is made on the other core while the atlas loads.
    std::optional<render::HeadlessStart> gl;
    if (renderer == Renderer::Gpu) gl.emplace(one_png ? req.width : 0, one_png ? req.height : 0, req.samples, req.max_tile);
    LoadResult r;
    if (!load(a.positional[0], r, true)) return kInputErrors;
    timer.lap("load");
    if (req.bbox_lonlat) check_bbox_shows_something(r.atlas, *req.bbox_lonlat);
    req.lang = lang_option(a, r.atlas);
    set_ui_language(req.lang);  // the image's legend and captions; messages here stay English
    // The scene and the one level of detail the image's scale draws are built while the GL start
    // finishes; they are uploaded once it has.
    std::unique_ptr<render::HeadlessContext> context;  // outlives the GL objects below
    const Timeline tl(r.atlas);
    MapView view;
    view.build(r.atlas, tl, SceneLevels::OnDemand, req.overlays.labels);
    // A GL start under way is left to finish on the other core while cairo draws.
    const bool on_cpu = !vector && (!gl || (one_png && draw_on_cpu_after_all(view, req, a.get("--renderer"))));
    if (one_png && !on_cpu)  // cairo and vectors draw the shapes themselves; a comparison's halves have their own scale
        if (const auto scale = export_units_per_pixel(view, r.atlas, req)) view.build_level_for(*scale);
    timer.lap("scene and level of detail");
    std::string error;
    render::Offscreen framebuffer;
    if (gl && !on_cpu) {  // a vector export starts no GL
        context = gl->finish(error);
        if (!context || !view.upload(error)) {
            std::cerr << "chronomap: " << error << '\n';
            return kInternal;
        }
        framebuffer = gl->take_target();
        req.framebuffer = &framebuffer;
        timer.lap("GL context and upload");
    }
    if (vector) {
        if (a.get("--compare")) throw std::invalid_argument("--compare writes a PNG; give --out FILE.png");
        error = export_vector(view, r.atlas, req, *out);
    } else if (on_cpu) {
        error = export_png_on_cpu(view, r.atlas, req, *out);
    } else if (const auto other = date_option(a, "--compare")) {
        const Basis other_view = a.get("--compare-basis") ? basis_option(a, "--compare-basis") : req.basis;
        error = export_comparison_png(view, r.atlas, tl, req, *other, other_view, *out);
    } else {
        error = export_png(view, r.atlas, req, *out);
    }
    timer.lap("render and write");
    // Polygons repaired or left out of the picture are said, never silently dropped.
    for (const auto& d : view.scene().problems) std::cerr << d.format() << '\n';
    if (!error.empty()) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    std::cout << "wrote " << *out << " (" << req.width << "x" << req.height << ", " << date->readable()
              << (a.get("--compare") ? " and " + date_option(a, "--compare")->readable() : std::string()) << ")\n";
    return kOk;
}

int cmd_init(const Args& a) {
    namespace fs = std::filesystem;
    if (a.positional.empty()) throw std::invalid_argument("init takes a FOLDER or FILES of vector data");
    std::error_code ec;
    const bool one_folder = a.positional.size() == 1 && fs::is_directory(a.positional[0], ec);
    const std::string out = a.get("--out").value_or(one_folder ? (fs::path(a.positional[0]) / "atlas.json").string()
                                                               : std::string("atlas.json"));
    if (fs::exists(out, ec) && !a.has("--force")) {
        std::cerr << "chronomap: " << out << " exists; add --force to replace it\n";
        return kInputErrors;
    }
    const std::string base = fs::absolute(out).parent_path().string();
    const InitProposal p = propose_manifest(a.positional, base);
    for (const auto& e : p.errors) std::cerr << "chronomap: " << e << '\n';
    if (p.manifest.is_null()) return kInputErrors;
    OutputFile file(out);
    if (!file.error().empty()) {
        std::cerr << "chronomap: " << file.error() << '\n';
        return kInternal;
    }
    {
        std::ofstream f(file.temp_path());
        f << p.manifest.dump(2) << '\n';
        if (!f) {
            std::cerr << "chronomap: cannot write " << out << '\n';
            return kInternal;
        }
    }
    if (std::string e = file.commit(); !e.empty()) {
        std::cerr << "chronomap: " << e << '\n';
        return kInternal;
    }
    std::cout << "wrote " << out << '\n';
    for (const auto& n : p.notes) std::cout << "  - " << n << '\n';
    std::cout << "next: chronomap validate " << out << '\n';
    return kOk;
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
    int (*run)(const Args&);
    bool reads_atlas = true;  // and so takes --allow-external
};

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"validate", "chronomap validate ATLAS [--no-geometry]",
         "list every problem in the atlas; exit 0 = no errors, 2 = errors, 1 = internal failure;\n"
         "every polygon is triangulated as the map draws it (--no-geometry: attributes only)",
         {}, {"--no-geometry"}, cmd_validate},
        {"status", "chronomap status ATLAS --date DATE [--basis de_facto|de_jure] [--lang CODE] [--json]",
         "who held each territory on DATE", {"--date", "--basis", "--lang"}, {"--json"}, cmd_status},
        {"events", "chronomap events ATLAS [--from DATE] [--to DATE] [--json]", "the events in a range of dates",
         {"--from", "--to"}, {"--json"}, cmd_events},
        {"diff",
         "chronomap diff ATLAS DATE1 DATE2 [--basis de_facto|de_jure] [--compare-basis ...] [--lang CODE] [--json]",
         "the territories whose control differs between two dates (or two views)",
         {"--basis", "--compare-basis", "--lang"}, {"--json"}, cmd_diff},
        {"history", "chronomap history ATLAS TERRITORY [--lang CODE] [--json]",
         "every change of one territory, with its sources", {"--lang"}, {"--json"}, cmd_history},
        {"export",
         "chronomap export ATLAS --date DATE --out FILE.png|FILE.svg|FILE.pdf [--size WxH] [--bbox LONMIN,LATMIN,LONMAX,LATMAX]\n"
         "                 [--basis de_facto|de_jure] [--lang CODE] [--no-title] [--no-legend]\n"
         "                 [--no-caption] [--no-labels] [--no-scale-bar] [--no-claims] [--no-uncertainty]\n"
         "                 [--compare DATE2 [--compare-basis de_facto|de_jure]] [--renderer auto|cpu|gpu]",
         "the map at DATE as a PNG, SVG or PDF, with no display needed; with --compare (PNG),\n"
         "DATE and DATE2 side by side, the territories whose control differs outlined; a PNG of\n"
         "a small map is drawn on the CPU by cairo, a large one with OpenGL (--renderer chooses)",
         {"--date", "--out", "--size", "--bbox", "--basis", "--lang", "--compare", "--compare-basis", "--renderer"},
         kOverlaySwitches, cmd_export},
        {"animate",
         "chronomap animate ATLAS --out FILE.mp4|FILE.webm|FILE.gif|FOLDER/ [--from DATE] [--to DATE] [--fps N]\n"
         "                 [--size WxH] [--years-per-second X | --per-event SECONDS] [--hold-start S]\n"
         "                 [--hold-end S] [--basis ...] [--lang CODE] and export's --no-... switches",
         "a film of the map changing (H.264 MP4, VP9 WebM or numbered PNGs), no display needed",
         {"--out", "--from", "--to", "--fps", "--size", "--years-per-second", "--per-event", "--hold-start",
          "--hold-end", "--basis", "--lang"},
         kOverlaySwitches, cmd_animate},
        {"init", "chronomap init FOLDER_OR_FILES... [--out atlas.json] [--force]",
         "write a starting atlas.json for vector data (snapshot series or dated fields)", {"--out"}, {"--force"},
         cmd_init, false},
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
    out += entry("chronomap [ATLAS] [--date DATE] [--lang CODE] [--ui-scale S] [--presentation]\n"
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
        if (!command) throw std::invalid_argument("unknown command '" + argv[0] + "'");
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
        if (!a.error.empty()) throw std::invalid_argument(a.error);
        allow_external = a.has("--allow-external");
        return command->run(a);
    } catch (const std::invalid_argument& e) {
        std::cerr << "chronomap: " << printable(e.what()) << "\n(see chronomap --help)\n";
        return kInputErrors;
    } catch (const std::bad_alloc&) {
        std::cerr << "chronomap: internal error: out of memory\n";
        return kInternal;
    } catch (const std::exception& e) {
        std::cerr << "chronomap: internal error: " << printable(e.what()) << '\n';
        return kInternal;
    }
}

}  // namespace chronomap::cli

#include "app/cli/cli_requests.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/view/film/film_writer.h"
#include "data/formats/output_file.h"
#include "data/load/raster_layer.h"

namespace chronomap::cli {
namespace {

AtlasInput atlas_input(const Args& a) { return {a.positional.at(0), a.has("--allow-external")}; }

Result<> positionals(const Args& a, std::size_t count, const char* what) {
    if (a.positional.size() == count) return {};
    return input_error(what);
}

// A date option, nullopt when absent. A note (such as -0500 being 501 BC) goes to stderr.
Result<std::optional<Date>> date_option(const Args& a, const char* key) {
    const auto text = a.get(key);
    if (!text) return std::optional<Date>();
    const DateParseResult r = parse_date(*text);
    if (!r.date) return input_error(std::string(key) + ": " + r.error);
    if (!r.warning.empty()) std::cerr << "chronomap: note: " << key << ": " << r.warning << '\n';
    return r.date;
}

Result<Date> required_date(const Args& a, const char* key, const char* missing) {
    const auto date = date_option(a, key);
    if (!date) return date.failure();
    if (!*date) return input_error(missing);
    return **date;
}

Result<Basis> basis_option(const Args& a, const char* key, Basis fallback = Basis::DeFacto) {
    const auto text = a.get(key);
    if (!text) return fallback;
    const auto basis = basis_from_string(*text);
    if (!basis || *basis == Basis::Both)
        return input_error(std::string(key) + " must be de_facto or de_jure, not '" + *text + "'");
    return *basis;
}

Result<std::string> lang_option(const Args& a) {
    const std::string lang = a.get("--lang").value_or("en");
    if (!is_language_code(lang))
        return input_error("--lang takes a language code such as en, tr, az, ru, hy or ka, not '" + lang + "'");
    return lang;
}

Result<double> number_option(const Args& a, const char* key, double fallback, double lo, double hi) {
    const auto text = a.get(key);
    if (!text) return fallback;
    const auto v = parse_real(*text, lo, hi);
    if (!v)
        return input_error(std::string(key) + " must be a number from " + std::to_string(lo) + " to " +
                           std::to_string(hi) + ", not '" + *text + "'");
    return *v;
}

Result<std::optional<Bounds>> bbox_option(const Args& a, const char* flag = "--bbox") {
    const auto s = a.get(flag);
    if (!s) return std::optional<Bounds>();
    const auto box = parse_lonlat_box(*s);
    if (!box)
        return input_error(std::string(flag) + " must be LONMIN,LATMIN,LONMAX,LATMAX in degrees (longitudes -180 to 180, "
                           "latitudes -90 to 90, the minimum before the maximum), not '" + *s + "'");
    return std::optional<Bounds>(*box);
}

Result<RendererChoice> renderer_option(const Args& a) {
    const std::string how = a.get("--renderer").value_or("auto");
    if (how == "auto") return RendererChoice::Auto;
    if (how == "gpu") return RendererChoice::Gpu;
    if (how == "cpu") return RendererChoice::Cpu;
    return input_error("--renderer is gpu, cpu or auto, not '" + how + "'");
}

void overlay_switches(const Args& a, ExportRequest& req) {
    req.overlays.title = !a.has("--no-title");
    req.overlays.legend = !a.has("--no-legend");
    req.overlays.caption = !a.has("--no-caption");
    req.overlays.labels = !a.has("--no-labels");
    req.overlays.scale_bar = req.overlays.source = !a.has("--no-scale-bar");
    req.with_claims = !a.has("--no-claims");
    req.overlays.uncertainty = !a.has("--no-uncertainty");
    req.overlays.column = !a.has("--boxes-over-map");
}

// The size, basis, language and overlays an export and a film's frames share.
Result<> image_options(const Args& a, ExportRequest& req) {
    const auto basis = basis_option(a, "--basis");
    if (!basis) return basis.failure();
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    req.basis = *basis;
    req.lang = *lang;
    const auto text_size = number_option(a, "--text-size", 1, 0.25, 4);
    if (!text_size) return text_size.failure();
    req.text_size = static_cast<float>(*text_size);
    overlay_switches(a, req);
    return {};
}

}  // namespace

// Each parser below checks its command's arguments in the order the help lists them, so the
// first message names the first mistake.

Result<ValidateRequest> parse_validate(const Args& a) {
    if (auto n = positionals(a, 1, "validate takes one ATLAS"); !n) return n.failure();
    return ValidateRequest{atlas_input(a), !a.has("--no-geometry")};
}

Result<StatusRequest> parse_status(const Args& a) {
    if (auto n = positionals(a, 1, "status takes one ATLAS"); !n) return n.failure();
    const auto date = required_date(a, "--date", "status needs --date DATE");
    if (!date) return date.failure();
    const auto basis = basis_option(a, "--basis");
    if (!basis) return basis.failure();
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    return StatusRequest{atlas_input(a), *date, *basis, *lang, a.has("--json")};
}

Result<EventsRequest> parse_events(const Args& a) {
    if (auto n = positionals(a, 1, "events takes one ATLAS"); !n) return n.failure();
    const auto from = date_option(a, "--from");
    if (!from) return from.failure();
    const auto to = date_option(a, "--to");
    if (!to) return to.failure();
    return EventsRequest{atlas_input(a), *from, *to, a.has("--json")};
}

Result<HistoryRequest> parse_history(const Args& a) {
    if (auto n = positionals(a, 2, "history takes ATLAS and TERRITORY"); !n) return n.failure();
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    return HistoryRequest{atlas_input(a), a.positional[1], *lang, a.has("--json")};
}

Result<DiffRequest> parse_diff(const Args& a) {
    if (auto n = positionals(a, 3, "diff takes ATLAS DATE1 DATE2"); !n) return n.failure();
    DiffRequest req{atlas_input(a), {}, {}};
    for (int i : {1, 2}) {
        const DateParseResult r = parse_date(a.positional[static_cast<std::size_t>(i)]);
        if (!r.date) return input_error("diff: " + r.error);
        (i == 1 ? req.first : req.second) = *r.date;
    }
    const auto first = basis_option(a, "--basis");
    if (!first) return first.failure();
    const auto second = basis_option(a, "--compare-basis", *first);
    if (!second) return second.failure();
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    req.first_basis = *first;
    req.second_basis = *second;
    req.lang = *lang;
    req.json = a.has("--json");
    return req;
}

Result<ExportCommand> parse_export(const Args& a) {
    if (auto n = positionals(a, 1, "export takes one ATLAS"); !n) return n.failure();
    ExportCommand cmd{atlas_input(a), a.get("--out").value_or(""), {}, {}};
    const auto date = required_date(a, "--date", "export needs --date DATE");
    if (!date) return date.failure();
    cmd.image.date = *date;
    if (cmd.out.empty()) return input_error("export needs --out FILE.png, FILE.svg or FILE.pdf");
    const std::string s = a.get("--size").value_or("1920x1080");
    const auto size = parse_size(s, 1, 16384, 16384);
    if (!size) return input_error("--size must look like 1920x1080, at most 16384 a side, not '" + s + "'");
    std::tie(cmd.image.width, cmd.image.height) = *size;
    const auto bbox = bbox_option(a);
    if (!bbox) return bbox.failure();
    cmd.image.bbox_lonlat = *bbox;
    if (auto shared = image_options(a, cmd.image); !shared) return shared.failure();
    const auto compare = date_option(a, "--compare");
    if (!compare) return compare.failure();
    if (*compare) cmd.compare = (*compare)->last_day();  // as the window's Compare: "1921" is its last day
    const auto compare_basis = basis_option(a, "--compare-basis", cmd.image.basis);
    if (!compare_basis) return compare_basis.failure();
    cmd.compare_basis = *compare_basis;
    const auto renderer = renderer_option(a);
    if (!renderer) return renderer.failure();
    cmd.renderer = *renderer;
    const std::string ext = lower_extension(cmd.out);
    if (cmd.compare && (ext == ".svg" || ext == ".pdf"))
        return input_error("--compare writes a PNG; give --out FILE.png");
    return cmd;
}

Result<AnimateRequest> parse_animate(const Args& a) {
    if (auto n = positionals(a, 1, "animate takes one ATLAS"); !n) return n.failure();
    AnimateRequest req{atlas_input(a), a.get("--out").value_or(""), {}, {}, {}, {}};
    if (req.out.empty()) return input_error("animate needs --out FILE.mp4, FILE.webm, FILE.gif or a FOLDER/");
    if (!FilmWriter::known_format(req.out))
        return input_error("--out must end in .mp4, .webm or .gif, or name a folder for PNG frames");
    req.frame.width = 1280;
    req.frame.height = 720;
    if (const auto s = a.get("--size")) {
        const auto size = parse_size(*s, 2, 7680, 4320);
        if (!size) return input_error("--size must look like 1280x720, at most 7680x4320");
        req.frame.width = size->first & ~1;  // video formats need even sizes
        req.frame.height = size->second & ~1;
    }
    if (auto usable = check_frame_folder(req.out); !usable) return usable.failure();
    const auto from = date_option(a, "--from");
    if (!from) return from.failure();
    const auto to = date_option(a, "--to");
    if (!to) return to.failure();
    if (*from && *to && **to < **from) return input_error("--to is before --from");
    req.from = *from;
    req.to = *to;
    const Result<double> numbers[] = {number_option(a, "--fps", 30, 1, 120),
                                      number_option(a, "--per-event", 0, 0.1, 600),
                                      number_option(a, "--hold-start", 0, 0, 600),
                                      number_option(a, "--hold-end", 0, 0, 600),
                                      number_option(a, "--years-per-second", 0, 1e-6, 1e7)};
    for (const auto& n : numbers)
        if (!n) return n.failure();
    req.pacing.fps = *numbers[0];
    req.pacing.per_event = *numbers[1];
    req.pacing.hold_start = *numbers[2];
    req.pacing.hold_end = *numbers[3];
    req.pacing.years_per_second = *numbers[4];
    // A GIF's delays are whole hundredths of a second, and players slow anything under 2 to 10:
    // a 2.57 s film at 60 fps played for 7.16 s.
    if (lower_extension(req.out) == ".gif" && req.pacing.fps > 50)
        return input_error("a GIF plays at most 50 frames a second (its delays are in hundredths of a "
                           "second); use --fps 50 or less, or MP4 or WebM");
    if (auto shared = image_options(a, req.frame); !shared) return shared.failure();
    return req;
}

Result<InitRequest> parse_init(const Args& a) {
    namespace fs = std::filesystem;
    const auto workbook = a.get("--workbook");
    if (a.positional.empty() && !workbook)
        return input_error("init takes a FOLDER or FILES of vector data, or --workbook FILE for a lesson kept in a spreadsheet");
    std::error_code ec;
    const bool one_folder = a.positional.size() == 1 && fs::is_directory(a.positional[0], ec);
    const std::string fallback =
        one_folder ? (fs::path(a.positional[0]) / "atlas.json").string() : std::string("atlas.json");
    InitRequest req;
    req.inputs = a.positional;
    req.out = a.get("--out").value_or(fallback);
    req.force = a.has("--force");
    if (workbook) {
        const std::string ext = lower_extension(*workbook);
        if (ext != ".xlsx" && ext != ".ods" && !ext.empty())
            return input_error("--workbook takes a .xlsx or .ods file, or a folder for CSV files, not '" + *workbook + "'");
        req.workbook = *workbook;
    }
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    req.lang = *lang;
    req.title = a.get("--title").value_or("");
    const auto region = bbox_option(a, "--region");
    if (!region) return region.failure();
    req.region = *region;
    req.base_map = a.get("--base-map").value_or("");
    if (req.region && req.workbook.empty()) return input_error("--region makes a lesson's base map: it needs --workbook");
    for (auto [flag, date] : {std::pair{"--from", &req.from}, std::pair{"--to", &req.to}}) {
        if (const auto text = a.get(flag)) {
            const DateParseResult r = parse_date(*text);
            if (!r.date) return input_error(std::string(flag) + " '" + *text + "': " + r.error);
            *date = r.date;
        }
    }
    return req;
}

Result<GeoreferenceRequest> parse_georeference(const Args& a) {
    if (a.positional.size() < 4)
        return input_error("georeference takes a SCAN and three or more control points PX,PY,LON,LAT");
    const auto out = a.get("--out");
    if (!out) return input_error("georeference needs --out FILE.tif");
    GeoreferenceRequest req{a.positional[0], *out, {}};
    for (std::size_t i = 1; i < a.positional.size(); ++i) {
        const std::string& text = a.positional[i];
        double v[4];
        std::size_t at = 0;
        for (int k = 0; k < 4; ++k) {
            const std::size_t comma = k < 3 ? text.find(',', at) : text.size();
            const double lo = k == 2 ? -180 : k == 3 ? -90 : 0, hi = k == 2 ? 180 : k == 3 ? 90 : 1e6;
            const auto x = comma == std::string::npos ? std::nullopt : parse_real(text.substr(at, comma - at), lo, hi);
            if (!x)
                return input_error("a control point is PX,PY,LON,LAT (pixels from the scan's top left corner, then "
                                   "degrees), not '" + text + "'");
            v[k] = *x;
            at = comma + 1;
        }
        req.points.push_back({v[0], v[1], v[2], v[3]});
    }
    return req;
}

Result<WorkbookRequest> parse_workbook(const Args& a) {
    if (a.positional.size() != 1) return input_error("workbook takes one ATLAS");
    const auto out = a.get("--out");
    if (!out) return input_error("workbook needs --out FILE.xlsx, FILE.ods or a FOLDER for CSV files");
    const auto lang = lang_option(a);
    if (!lang) return lang.failure();
    return WorkbookRequest{atlas_input(a), *out, *lang};
}

}  // namespace chronomap::cli

#include "cli_animate.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "cli.h"
#include "cli_common.h"
#include "export.h"
#include "film_plan.h"
#include "film_writer.h"
#include "headless_context.h"
#include "map_view.h"
#include "overlay_canvas.h"
#include "playback.h"

namespace chronomap::cli {
namespace {

double seconds_option(const Args& a, const char* key, double fallback, double lo, double hi) {
    const auto text = a.get(key);
    if (!text) return fallback;
    const auto v = parse_real(*text, lo, hi);
    if (!v)
        throw std::invalid_argument(std::string(key) + " must be a number from " + std::to_string(lo) + " to " +
                                    std::to_string(hi) + ", not '" + *text + "'");
    return *v;
}

// The styles of a frame: those of its date, or blending from an earlier date's as on screen.
std::vector<render::FeatureStyle> frame_styles(const MapView& view, const FilmFrame& f, Basis basis, bool claims) {
    auto to = view.styles(f.date, basis, claims);
    if (!f.blend_from) return to;
    const auto from = view.styles(*f.blend_from, basis, claims);
    std::vector<std::uint32_t> a(to.size()), b(to.size());
    for (std::size_t i = 0; i < to.size() && i < from.size(); ++i) {
        a[i] = from[i].fill;
        b[i] = to[i].fill;
    }
    ColourTransition t;
    t.start(std::move(a), std::move(b), changed_slots(from, to), 0.0);
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (!t.changed(i)) continue;
        to[i].fill = t.fill(i, f.since_change);
        to[i].highlight = t.highlight(i, f.since_change);
    }
    return to;
}

}  // namespace

int cmd_animate(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("animate takes one ATLAS");
    const auto out = a.get("--out");
    if (!out || out->empty()) throw std::invalid_argument("animate needs --out FILE.mp4, FILE.webm or a FOLDER/");
    if (!FilmWriter::known_format(*out))
        throw std::invalid_argument("--out must end in .mp4 or .webm, or name a folder for PNG frames");
    int width = 1280, height = 720;
    if (const auto s = a.get("--size")) {
        const auto size = parse_size(*s, 2, 7680, 4320);
        if (!size) throw std::invalid_argument("--size must look like 1280x720, at most 7680x4320");
        width = size->first & ~1;  // video formats need even sizes
        height = size->second & ~1;
    }
    FilmPacing pacing;
    pacing.fps = seconds_option(a, "--fps", 30, 1, 120);
    pacing.per_event = seconds_option(a, "--per-event", 0, 0.1, 600);
    pacing.hold_start = seconds_option(a, "--hold-start", 0, 0, 600);
    pacing.hold_end = seconds_option(a, "--hold-end", 0, 0, 600);
    LoadResult r;
    if (!load(a.positional[0], r, true)) return kInputErrors;
    const Timeline tl(r.atlas);
    const Date from = date_option(a, "--from").value_or(r.atlas.start);
    const Date to = date_option(a, "--to").value_or(r.atlas.end);
    if (to < from) throw std::invalid_argument("--to is before --from");
    pacing.years_per_second = seconds_option(a, "--years-per-second", default_years_per_second(from, to) * 2, 1e-6, 1e7);
    const Basis basis = basis_option(a);
    const auto frames = plan_film(tl, from, to, pacing);
    if (frames.empty()) throw std::invalid_argument("the film has no frames (check --from, --to and the pacing)");
    std::string error;
    auto context = render::HeadlessContext::create(error);
    if (!context) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    MapView view;
    if (!view.init(r.atlas, tl, from, error)) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    ExportRequest req;
    req.view = basis;
    req.width = width;
    req.height = height;
    req.lang = lang_option(a, r.atlas);
    overlay_switches(a, req);
    std::string sources;
    for (const auto& s : r.atlas.sources) sources += (sources.empty() ? "" : "; ") + (s.author.empty() ? s.title : s.author + ", " + s.title);
    FilmWriter film;
    if (std::string e = film.open(*out, width, height, pacing.fps,
                                  {{"title", r.atlas.title},
                                   {"comment", from.readable() + " to " + to.readable() + " (" +
                                                   (basis == Basis::DeJure ? "de jure" : "de facto") + ")"},
                                   {"description", "Sources: " + sources},
                                   {"encoder", "Chronomap"}});
        !e.empty()) {
        std::cerr << "chronomap: " << e << '\n';
        return kInternal;
    }
    // One overlay canvas for the whole film, with every character its frames show: building the
    // fonts and the canvas's GL program for each frame cost more than drawing the map.
    std::string glyphs;
    {
        render::PaneStyle pane;
        std::vector<LabelSeed> labels;
        Date last{INT64_MIN, Precision::Day};
        for (const auto& f : frames) {
            if (f.date == last) continue;
            last = f.date;
            view.prepare(pane, labels, f.date, basis, req.with_claims);
            glyphs += overlay_characters(
                overlay_text(r.atlas, tl, f.date, basis, req.lang, req.with_claims, &view.scene()), labels);
        }
    }
    OverlayCanvas canvas;
    std::string warning;
    if (!canvas.init(default_overlay_scale(width, height), error, warning, &glyphs)) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    double render_s = 0, encode_s = 0;  // CHRONOMAP_TIMING=1 prints them
    std::vector<std::uint8_t> rgba;
    for (const auto& f : frames) {
        const auto t1 = clock::now();
        const auto styles = frame_styles(view, f, basis, req.with_claims);
        req.date = f.date;
        req.styles = &styles;
        if (std::string e = render_image(view, r.atlas, req, rgba, {}, &canvas); !e.empty()) {
            std::cerr << "chronomap: " << e << '\n';
            return kInternal;
        }
        const auto t2 = clock::now();
        render_s += std::chrono::duration<double>(t2 - t1).count();
        const std::string added = film.add_frame(rgba);
        encode_s += std::chrono::duration<double>(clock::now() - t2).count();
        if (const std::string& e = added; !e.empty()) {
            std::cerr << "chronomap: " << e << '\n';
            return kInternal;
        }
    }
    if (std::string e = film.finish(); !e.empty()) {
        std::cerr << "chronomap: " << e << '\n';
        return kInternal;
    }
    const double secs = std::chrono::duration<double>(clock::now() - t0).count();
    if (std::getenv("CHRONOMAP_TIMING"))
        std::cerr << "timing: per frame " << 1000 * render_s / frames.size() << " ms styling, drawing and reading back, "
                  << 1000 * encode_s / frames.size() << " ms colour conversion and encoding\n";
    std::cout << "wrote " << *out << " (" << frames.size() << " frames at " << pacing.fps << " fps, " << width << "x"
              << height << ", " << from.readable() << " to " << to.readable() << "; " << frames.size() / secs
              << " frames rendered and encoded per second)\n";
    return kOk;
}

}  // namespace chronomap::cli

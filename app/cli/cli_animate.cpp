#include "app/cli/cli_animate.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "app/cli/cli.h"
#include "app/cli/cli_common.h"
#include "app/view/export/export.h"
#include "app/view/film/film_job.h"
#include "render/headless_context.h"
#include "app/view/overlay/i18n.h"
#include "app/view/scene/map_view.h"
#include "data/time/playback.h"

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

}  // namespace

int cmd_animate(const Args& a) {
    if (a.positional.size() != 1) throw std::invalid_argument("animate takes one ATLAS");
    const auto out = a.get("--out");
    if (!out || out->empty()) throw std::invalid_argument("animate needs --out FILE.mp4, FILE.webm, FILE.gif or a FOLDER/");
    if (!FilmWriter::known_format(*out))
        throw std::invalid_argument("--out must end in .mp4, .webm or .gif, or name a folder for PNG frames");
    int width = 1280, height = 720;
    if (const auto s = a.get("--size")) {
        const auto size = parse_size(*s, 2, 7680, 4320);
        if (!size) throw std::invalid_argument("--size must look like 1280x720, at most 7680x4320");
        width = size->first & ~1;  // video formats need even sizes
        height = size->second & ~1;
    }
    if (std::string problem = frame_folder_problem(*out); !problem.empty()) throw std::invalid_argument(problem);
    FilmPacing pacing;
    pacing.fps = seconds_option(a, "--fps", 30, 1, 120);
    // A GIF's delays are whole hundredths of a second, and players slow anything under 2 to 10:
    // a 2.57 s film at 60 fps played for 7.16 s.
    if (out->size() > 4 && out->compare(out->size() - 4, 4, ".gif") == 0 && pacing.fps > 50)
        throw std::invalid_argument("a GIF plays at most 50 frames a second (its delays are in hundredths of a "
                                    "second); use --fps 50 or less, or MP4 or WebM");
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
    const double planned = film_frame_count(tl, from, to, pacing);
    if (planned > kMaxFilmFrames) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "the film would have %.3g frames (%.1f hours at %g fps); at most %.0f: raise "
                      "--years-per-second or --per-event's pace, or lower --fps",
                      planned, planned / pacing.fps / 3600, pacing.fps, kMaxFilmFrames);
        throw std::invalid_argument(text);
    }
    // A long film says its length before the minutes it takes.
    if (planned / pacing.fps > 60)
        std::cerr << "chronomap: a film of about " << static_cast<long>(planned) << " frames ("
                  << static_cast<long>(planned / pacing.fps / 60) << " min " << static_cast<long>(planned / pacing.fps) % 60
                  << " s at " << pacing.fps << " fps)\n";
    if (plan_film(tl, from, to, pacing).empty())
        throw std::invalid_argument("the film has no frames (check --from, --to and the pacing)");
    FilmRequest film;
    film.path = *out;
    film.from = from;
    film.to = to;
    film.pacing = pacing;
    film.frame.basis = basis_option(a);
    film.frame.width = width;
    film.frame.height = height;
    film.frame.lang = lang_option(a, r.atlas);
    set_ui_language(film.frame.lang);  // the frames' legend and captions; messages stay English
    overlay_switches(a, film.frame);
    std::string error;
    auto context = render::HeadlessContext::create(error);
    if (!context) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    MapView view;
    if (!view.init(r.atlas, tl, error, SceneLevels::OnDemand)) {
        std::cerr << "chronomap: " << error << '\n';
        return kInternal;
    }
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    FilmJob job;
    if (std::string e = job.start(view, r.atlas, film); !e.empty()) {
        std::cerr << "chronomap: " << e << '\n';
        return kInternal;
    }
    while (job.step()) {
    }
    if (std::string e = job.finish(); !e.empty()) {
        std::cerr << "chronomap: " << e << '\n';
        return kInternal;
    }
    // Polygons repaired or left out of the frames are said, as by export.
    for (const auto& d : view.scene().problems) std::cerr << d.format() << '\n';
    const double secs = std::chrono::duration<double>(clock::now() - t0).count();
    const int n = job.frames_total();
    if (PhaseTimer::on())
        std::cerr << "timing: per frame " << 1000 * job.render_seconds() / n
                  << " ms styling, drawing and reading back, " << 1000 * job.encode_seconds() / n
                  << " ms colour conversion and encoding\n";
    std::cout << "wrote " << *out << " (" << n << " frames at " << pacing.fps << " fps, " << width << "x" << height
              << ", " << from.readable() << " to " << to.readable() << "; " << n / secs
              << " frames rendered and encoded per second)\n";
    return kOk;
}

}  // namespace chronomap::cli

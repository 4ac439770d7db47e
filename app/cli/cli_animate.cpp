#include "app/cli/cli_animate.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

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

// The film's pacing once the atlas gives the dates: the speed chosen for them when not asked for.
FilmPacing paced(FilmPacing pacing, Date from, Date to) {
    if (pacing.years_per_second <= 0) pacing.years_per_second = default_years_per_second(from, to) * 2;
    return pacing;
}

// A film too long to make is refused with its length; a long one says its length before the
// minutes it takes.
Result<> check_length(const Timeline& tl, const FilmRequest& film) {
    const FilmPacing& pacing = film.pacing;
    const double planned = film_frame_count(tl, film.from, film.to, pacing);
    if (planned > kMaxFilmFrames) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "the film would have %.3g frames (%.1f hours at %g fps); at most %.0f: raise "
                      "--years-per-second or --per-event's pace, or lower --fps",
                      planned, planned / pacing.fps / 3600, pacing.fps, kMaxFilmFrames);
        return input_error(text);
    }
    if (planned / pacing.fps > 60)
        std::cerr << "chronomap: a film of about " << static_cast<long>(planned) << " frames ("
                  << static_cast<long>(planned / pacing.fps / 60) << " min " << static_cast<long>(planned / pacing.fps) % 60
                  << " s at " << pacing.fps << " fps)\n";
    if (plan_film(tl, film.from, film.to, pacing).empty())
        return input_error("the film has no frames (check --from, --to and the pacing)");
    return {};
}

// "frame 120 of 2,400, about 95 s left" on one line of a terminal, rewritten at most a few times
// a second; nothing when stderr is a file or a pipe (a log should not fill with it).
class Progress {
  public:
    Progress() : on_(::isatty(STDERR_FILENO) == 1), start_(clock::now()), last_(start_) {}
    void show(int done, int total) {
        const auto now = clock::now();
        if (!on_ || (done < total && now - last_ < std::chrono::milliseconds(250))) return;
        last_ = now;
        const double spent = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\rframe %d of %d", done, total);
        if (const auto left = film_seconds_left(done, total, spent)) std::fprintf(stderr, ", about %.0f s left ", *left);
        if (done >= total) std::fprintf(stderr, "%24s\n", "");
        std::fflush(stderr);
    }

  private:
    using clock = std::chrono::steady_clock;
    bool on_;
    clock::time_point start_, last_;
};

// Renders and encodes every frame; the film is in place when this succeeds.
Result<> make_film(FilmJob& job, MapView& view, const Atlas& atlas, const FilmRequest& film) {
    if (auto started = job.start(view, atlas, film); !started) return started;
    Progress progress;
    while (!job.all_rendered()) {
        if (auto stepped = job.step(); !stepped) return stepped;
        progress.show(job.frames_done(), job.frames_total());
    }
    return job.finish();
}

}  // namespace

Result<> run_animate(const AnimateRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true);
    if (!loaded) return loaded.failure();
    const Atlas& atlas = loaded->atlas;
    const Timeline tl(atlas);
    FilmRequest film;
    film.path = req.out;
    film.from = req.from.value_or(atlas.start);
    film.to = req.to.value_or(atlas.end);
    if (film.to < film.from) return input_error("--to is before --from");
    film.pacing = paced(req.pacing, film.from, film.to);
    film.frame = req.frame;
    if (auto length = check_length(tl, film); !length) return length;
    note_missing_language(atlas, film.frame.lang);
    set_ui_language(film.frame.lang);  // the frames' legend and captions; messages stay English
    auto context = render::HeadlessContext::create();
    if (!context) return context.failure();
    MapView view;
    if (auto ready = view.init(atlas, tl, SceneLevels::OnDemand); !ready) return ready;
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    FilmJob job;
    const Result<> made = make_film(job, view, atlas, film);
    // Polygons repaired or left out of the frames are said, as by export.
    for (const auto& d : view.scene().problems) std::cerr << d.format() << '\n';
    if (!made) return made;
    const double secs = std::chrono::duration<double>(clock::now() - t0).count();
    const int n = job.frames_total();
    if (PhaseTimer::on())
        std::cerr << "timing: per frame " << 1000 * job.render_seconds() / n
                  << " ms styling, drawing and reading back, " << 1000 * job.encode_seconds() / n
                  << " ms colour conversion and encoding\n";
    std::cout << "wrote " << req.out << " (" << n << " frames at " << film.pacing.fps << " fps, " << film.frame.width
              << "x" << film.frame.height << ", " << film.from.readable() << " to " << film.to.readable() << "; "
              << n / secs << " frames rendered and encoded per second)\n";
    return {};
}

}  // namespace chronomap::cli

#include "app/view/film/film_job.h"

#include <chrono>

#include "app/view/scene/map_view.h"
#include "data/time/playback.h"

namespace chronomap {

std::map<std::string, std::string> film_metadata(const Atlas& atlas, Date from, Date to, Basis basis) {
    std::string sources;
    for (const auto& s : atlas.sources)
        sources += (sources.empty() ? "" : "; ") + (s.author.empty() ? s.title : s.author + ", " + s.title);
    return {{"title", atlas.title},
            {"comment", from.readable() + " to " + to.readable() + " (" + (basis == Basis::DeJure ? "de jure" : "de facto") + ")"},
            {"description", "Sources: " + sources},
            {"encoder", "Chronomap"}};
}

Result<> FilmJob::start(MapView& view, const Atlas& atlas, const FilmRequest& req) {
    view_ = &view;
    atlas_ = &atlas;
    req_ = req;
    const std::string& p = req.path;
    if (p.size() > 4 && p.compare(p.size() - 4, 4, ".gif") == 0 && req.pacing.fps > 50)
        return input_error("a GIF plays at most 50 frames a second (its delays are in hundredths of a second)");
    if (film_frame_count(view.timeline(), req.from, req.to, req.pacing) > kMaxFilmFrames)
        return input_error("the film would have more than 1,000,000 frames; raise the speed or lower the frame rate");
    frames_ = plan_film(view.timeline(), req.from, req.to, req.pacing);
    if (frames_.empty()) return input_error("the film has no frames (check the dates and the pacing)");
    if (auto opened = writer_.open(req.path, req.frame.width, req.frame.height, req.pacing.fps,
                                   film_metadata(atlas, req.from, req.to, req.frame.basis));
        !opened)
        return opened;
    // One canvas for the whole film: building fonts for each frame cost more than drawing it.
    std::string glyphs;
    const auto& fr = req.frame;
    std::optional<Date> last;
    std::vector<Date> dates;  // each date shown, once
    for (const auto& f : frames_) {
        if (f.date == last) continue;
        last = f.date;
        dates.push_back(f.date);
        const auto labels = view.labels_for(view.styles(f.date, fr.basis, fr.with_claims, fr.overlays.uncertainty));
        glyphs += overlay_characters(overlay_text(atlas, view.timeline(), f.date, fr.basis, fr.lang, fr.with_claims,
                                                  &view.scene(), fr.overlays.uncertainty),
                                     labels);
    }
    const float scale = export_text_scale(req.frame);
    if (auto ready = canvas_.init(scale, &glyphs); !ready) return ready;
    // A GIF's palette from the film itself: up to 24 of its dates as they settle, and 24 frames
    // spread over the film (blends and fading outlines included).
    if (GifPalette* palette = writer_.palette()) {
        std::vector<FilmFrame> samples;
        const std::size_t n = std::min<std::size_t>(24, dates.size()), m = std::min<std::size_t>(24, frames_.size());
        for (std::size_t i = 0; i < n; ++i)
            samples.push_back({dates[n == 1 ? 0 : i * (dates.size() - 1) / (n - 1)], std::nullopt, 0});
        for (std::size_t i = 0; i < m; ++i) samples.push_back(frames_[m == 1 ? 0 : i * (frames_.size() - 1) / (m - 1)]);
        for (const auto& f : samples) {
            if (auto drawn = render(f); !drawn) return drawn;
            palette->sample(frame_.image());
        }
        palette->build();
    }
    return {};
}

std::vector<render::FeatureStyle> FilmJob::styles_of(const FilmFrame& f) const {
    const Basis basis = req_.frame.basis;
    const bool uncertain = req_.frame.overlays.uncertainty;
    auto to = view_->styles(f.date, basis, req_.frame.with_claims, uncertain);
    if (!f.blend_from) return to;
    const auto from = view_->styles(*f.blend_from, basis, req_.frame.with_claims, uncertain);
    std::vector<std::uint32_t> a(to.size()), b(to.size());
    for (std::size_t i = 0; i < to.size() && i < from.size(); ++i) {
        a[i] = from[i].fill;
        b[i] = to[i].fill;
    }
    // The same transition as on screen, at the frame's time since the change.
    ColourTransition t;
    t.start(std::move(a), std::move(b), changed_slots(from, to), 0.0);
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (!t.changed(i)) continue;
        to[i].fill = t.fill(i, f.since_change);
        to[i].highlight = t.highlight(i, f.since_change);
    }
    return to;
}

Result<> FilmJob::render(const FilmFrame& f) {
    const auto styles = styles_of(f);
    ExportRequest req = req_.frame;
    req.date = f.date;
    req.styles = &styles;
    if (auto started = frame_.start(*view_, *atlas_, req, &canvas_); !started) return started;
    while (!frame_.finished())
        if (auto stepped = frame_.step(); !stepped) return stepped;
    return {};
}

Result<> FilmJob::step() {
    if (all_rendered()) return {};
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    if (auto drawn = render(frames_[static_cast<std::size_t>(done_)]); !drawn) return drawn;
    const auto t1 = clock::now();
    Result<> added = writer_.add_frame(frame_.image());
    encode_s_ += std::chrono::duration<double>(clock::now() - t1).count();
    render_s_ += std::chrono::duration<double>(t1 - t0).count();
    if (!added) return added;
    ++done_;
    return {};
}

Result<> FilmJob::finish() {
    if (!all_rendered()) return internal_error("the film is not finished");
    return writer_.finish();
}

std::optional<double> film_seconds_left(int done, int total, double spent) {
    if (done < 3 || done >= total || spent <= 0) return std::nullopt;
    return spent / done * (total - done);
}

}  // namespace chronomap

#pragma once
// A film of the map changing, made a frame at a time so the window can show progress and stay
// responsive; the command line runs every step at once. Frame k is the still export at that
// frame's date and transition phase. Needs the GL context current for every call.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/view/export/export.h"
#include "app/view/export/export_job.h"
#include "data/time/film_plan.h"
#include "app/view/film/film_writer.h"
#include "app/view/overlay/overlay_canvas.h"

namespace chronomap {

struct FilmRequest {
    std::string path;  // .mp4, .webm, .gif or a folder for PNG frames
    Date from, to;
    FilmPacing pacing;
    ExportRequest frame;  // size, view, language, overlays and area of every frame (its date is set per frame)
};

class FilmJob {
  public:
    // Plans the frames, opens the film and builds one overlay canvas with every character the
    // frames show (for a GIF, also its palette).
    Result<> start(MapView& view, const Atlas& atlas, const FilmRequest& req);
    // Renders and encodes the next frame, unless every frame is done (all_rendered()).
    Result<> step();
    // After the last frame: closes the film and renames it into place.
    Result<> finish();
    // Destroying an unfinished job removes its temporary file: nothing written, nothing replaced.

    int frames_done() const { return done_; }
    int frames_total() const { return static_cast<int>(frames_.size()); }
    bool all_rendered() const { return !frames_.empty() && done_ == frames_total(); }
    double render_seconds() const { return render_s_; }  // styling, drawing and reading back
    double encode_seconds() const { return encode_s_; }  // colour conversion and encoding

  private:
    std::vector<render::FeatureStyle> styles_of(const FilmFrame& f) const;
    // Draws a frame into frame_.image().
    Result<> render(const FilmFrame& f);

    MapView* view_ = nullptr;
    const Atlas* atlas_ = nullptr;
    FilmRequest req_;
    std::vector<FilmFrame> frames_;
    int done_ = 0;
    FilmWriter writer_;
    OverlayCanvas canvas_;
    ExportJob frame_;  // started again for every frame: one framebuffer for the whole film
    double render_s_ = 0, encode_s_ = 0;
};

// Metadata every film carries: title, date range and view, sources.
// The time a film still needs, from the frames done and the seconds they took; none until three
// frames give a rate worth showing. The window's progress bar and `chronomap animate` both say it.
std::optional<double> film_seconds_left(int done, int total, double spent);

std::map<std::string, std::string> film_metadata(const Atlas& atlas, Date from, Date to, Basis basis);

}  // namespace chronomap

#pragma once
// An export rendered a tile at a time, so the window can show progress between tiles; the command
// line runs all steps at once. Needs the GL context current for every call.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/view/export/export.h"
#include "app/view/scene/map_scene.h"
#include "render/pane_style.h"
#include "render/offscreen.h"
#include "app/view/overlay/overlay_canvas.h"

namespace chronomap {

class ExportJob {
  public:
    // Checks the request, styles a pane of its own for its date (the view's own map, the
    // window's, is not touched) and lays out the overlay, or says why tiles cannot be rendered.
    // `shared`: an overlay canvas to draw with instead of building one (a film draws every frame
    // with one canvas, built once at its scale with every character its frames show).
    // A job may be started again for the next image (a film's frames): its framebuffer, style
    // texture and image memory are reused.
    Result<> start(MapView& view, const Atlas& atlas, const ExportRequest& req, OverlayCanvas* shared = nullptr);
    // Renders the next tile, unless every tile is done (finished()).
    Result<> step();
    float progress() const {
        return tiles_ ? static_cast<float>(done_) / static_cast<float>(tiles_) : 0.0f;
    }
    bool finished() const { return tiles_ > 0 && done_ == tiles_; }
    const std::vector<std::uint8_t>& image() const { return image_; }
    // Writes the finished image with the atlas title, date, view and sources in text chunks.
    Result<> write_png(const std::string& path) const;

  private:
    MapView* view_ = nullptr;
    const Atlas* atlas_ = nullptr;
    ExportRequest req_;
    render::Camera full_;
    float scale_ = 1;
    int tile_ = 4096, tiles_ = 0, done_ = 0;
    std::unique_ptr<OverlayCanvas> own_canvas_;
    OverlayCanvas* canvas_ = nullptr;
    std::unique_ptr<render::PaneStyle> pane_;  // the export's styles and shapes
    std::vector<LabelSeed> labels_;
    render::Offscreen target_;
    std::vector<std::uint8_t> image_, tile_pixels_;
};

}  // namespace chronomap

#pragma once
// Snapshot export: the map at a date rendered offscreen (tiled when larger than one framebuffer)
// and written as PNG with the atlas title, date and sources in text chunks.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/model/atlas.h"
#include "data/support/result.h"
#include "render/draw_data.h"
#include "app/view/overlay/overlay.h"
#include "data/time/timeline.h"

namespace chronomap {

class MapView;
namespace render {
class Offscreen;
}

struct ExportRequest {
    Date date;
    Basis basis = Basis::DeFacto;
    int width = 1920;
    int height = 1080;
    std::optional<Bounds> bbox_lonlat;
    std::optional<Bounds> area;  // display CRS, shown exactly (the window's view); wins over bbox
    std::string lang = "en";
    // Text sized for a room (text_size) leaves no room over the map: the boxes go beside it.
    OverlayOptions overlays{.column = true};
    bool with_claims = true;
    float overlay_scale = 0;  // text and line scale; 0 derives it from the image size and text_size
    float text_size = 1;      // with overlay_scale 0: times the size read across a room (room_text_scale)
    int samples = 4;
    int max_tile = 4096;  // larger images are drawn in tiles of at most this many pixels a side
    // Territories outlined as changed (a comparison marks those that differ between its dates).
    std::vector<std::string> emphasise;
    // The feature styles to draw instead of those of `date` (a film's frame mid-transition).
    const std::vector<render::FeatureStyle>* styles = nullptr;
    // A framebuffer made beforehand (render::HeadlessStart); the export takes it when its first
    // tile has its size, and makes its own otherwise.
    render::Offscreen* framebuffer = nullptr;
};

// Two dates (or two views) side by side in one image of req.width x req.height: the left half is
// req, the right half the same at `date` in `view`; one camera for both, and the territories whose
// control differs outlined in each. Written like export_png.
Result<> export_comparison_png(MapView& view, const Atlas& atlas, const Timeline& timeline, const ExportRequest& req,
                               Date date, Basis other_view, const std::string& path);

// Draws with `view` (already initialised in the current GL context) and writes the file.
// `progress`, when given, is called after each tile with the fraction done.
Result<> export_png(MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path,
                    const std::function<void(float)>& progress = {});

// Writes an export's pixels (req.width x req.height RGBA, top row first) as a PNG with the map's
// title, date, view and sources in its text chunks.
Result<> write_map_png(const std::string& path, const Atlas& atlas, const ExportRequest& req,
                       const std::uint8_t* rgba);

// Renders the image into memory (RGBA, top row first) without writing it.
class OverlayCanvas;
// `canvas`, when given, is used for the overlays instead of one built for this image.
Result<std::vector<std::uint8_t>> render_image(MapView& view, const Atlas& atlas, const ExportRequest& req,
                                               const std::function<void(float)>& progress = {},
                                               OverlayCanvas* canvas = nullptr);

// An export of what a map view shows: the camera's visible area at width x height, with text and
// lines scaled like the preview's (`preview_scale`) times the change in resolution.
// Date, view, language and overlays are left for the caller.
ExportRequest as_previewed(const render::Camera& preview, float preview_scale, int width,
                           int height);

// What an export shows, in the display CRS, and the margin around it: the area asked for, the
// bounding box, or the atlas's default view; fails when the box cannot be shown.
Result<std::pair<Bounds, double>> export_area(const MapView& view, const Atlas& atlas, const ExportRequest& req);
// Whether the request's size can be drawn (1 to 16384 pixels a side).
Result<> check_export_size(const ExportRequest& req);

// The scale of an export's map (display units per pixel) before its caption is laid out, for
// building its level of detail before the GL context exists. A caption only makes the map
// smaller, so a level built for this scale is fine enough. nullopt when the area cannot be shown.
std::optional<double> export_units_per_pixel(const MapView& view, const Atlas& atlas, const ExportRequest& req);

// The overlay scale an export uses: the one asked for, else text for a room (room_text_scale)
// times req.text_size; 2.5 at 1920x1080.
float export_text_scale(const ExportRequest& req);
// The width of the map's borders and patterns: the overlay scale asked for, else the image's size
// against 1920x1080 (at least 0.75): borders stay as fine in a print as on a slide.
float export_line_scale(const ExportRequest& req);

}  // namespace chronomap

#pragma once
// Snapshot export: the map at a date rendered offscreen (tiled when larger than one framebuffer)
// and written as PNG with the atlas title, date and sources in text chunks.

#include <optional>
#include <string>

#include "atlas.h"
#include "timeline.h"

namespace chronomap {

class MapView;

struct ExportRequest {
    Date date;
    Basis view = Basis::DeFacto;
    int width = 1920;
    int height = 1080;
    std::optional<Bounds> bbox_lonlat;
    int samples = 4;
    int max_tile = 4096;  // larger images are drawn in tiles of at most this many pixels a side
};

// Draws with `view` (already initialised in the current GL context). Returns an error message, or
// an empty string when the file was written.
std::string export_png(MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path);

}  // namespace chronomap

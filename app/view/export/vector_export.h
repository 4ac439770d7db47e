#pragma once
// Vector export (SVG, PDF), and PNG drawn on the CPU, through cairo: the composition of the PNG export with territories as
// paths in their colours, status patterns as pattern fills, borders as strokes of constant width,
// claims, reference layers, and the overlays with the text in the Noto fonts. Geometry is thinned
// to the output resolution: a world map is not millions of path points.

#include <string>

#include "app/view/export/export.h"

namespace chronomap {

class MapView;

// True for a path ending in .svg or .pdf (any case).
bool is_vector_path(const std::string& path);

// Writes req's map to `path` (.svg or .pdf), atomically like every export.
Result<> export_vector(const MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path);

// The same composition drawn on the CPU by cairo and written as a PNG like export_png, with no
// GL context: starting llvmpipe and multisampling a 4K image cost 0.9 s, more than a small map
// takes to draw this way (cli's choose_renderer).
Result<> export_png_on_cpu(const MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path);

}  // namespace chronomap

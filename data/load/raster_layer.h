#pragma once
// Scanned old maps under the territories. A raster layer's image is read through GDAL (a
// GeoTIFF, or any image GDAL reads placed by control points), warped into the atlas's display
// CRS and kept as RGBA of at most kMaxRasterSide pixels a side. The georeferencer turns a plain
// scan and three or more control points into a GeoTIFF, saying how far each point lies from
// where the fitted transform puts it.

#include <string>
#include <vector>

#include "data/model/atlas.h"
#include "data/support/result.h"

namespace chronomap {

inline constexpr int kMaxRasterSide = 4096;

// The image at `path` in the display CRS, placed by its own georeferencing or, when given, by
// the control points (first-order polynomial for three to five, second order from six).
[[nodiscard]] Result<RasterImage> read_raster(const std::string& path, const std::string& display_crs,
                                              const std::vector<ControlPoint>& control_points = {});

struct GeoreferenceReport {
    std::vector<double> residual_px;  // per control point: from where it was put to where the fit puts it
    double rms_px = 0;
    int width = 0, height = 0;  // of the GeoTIFF written
};

// How well the control points fit a transform (first order for three to five, second from six):
// each point's residual in pixels and their root mean square, the file not written.
[[nodiscard]] Result<GeoreferenceReport> fit_control_points(const std::vector<ControlPoint>& points);

// A scan as it is, for clicking control points on: RGBA at most `max_side` pixels a side, its
// bounds the original's size in pixels (0, 0 to width, height).
[[nodiscard]] Result<RasterImage> read_scan(const std::string& path, int max_side);

// Writes `scan` placed by the control points as a GeoTIFF (longitude/latitude, with an alpha
// band outside the scan) at `out`, atomically.
[[nodiscard]] Result<GeoreferenceReport> georeference(const std::string& scan, const std::vector<ControlPoint>& points,
                                                      const std::string& out);

}  // namespace chronomap

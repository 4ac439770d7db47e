#include "projection.h"

#include <memory>

#include <cpl_error.h>
#include <ogr_spatialref.h>

namespace chronomap {

std::optional<Bounds> lonlat_to_display(const std::string& display_crs, const Bounds& lonlat) {
    if (lonlat.empty()) return std::nullopt;
    OGRSpatialReference wgs84, display;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const bool ok = display.SetFromUserInput(display_crs.c_str()) == OGRERR_NONE;
    CPLPopErrorHandler();
    if (!ok) return std::nullopt;
    display.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&wgs84, &display));
    if (!t) return std::nullopt;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!t->TransformBounds(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y, &x0, &y0, &x1, &y1, 21))
        return std::nullopt;
    Bounds out;
    out.add(Vec2{x0, y0});
    out.add(Vec2{x1, y1});
    return out;
}

}  // namespace chronomap

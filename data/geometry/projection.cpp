#include "data/geometry/projection.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <cpl_error.h>
#include <ogr_spatialref.h>

namespace chronomap {

std::optional<double> other_body_radius_km(const OGRSpatialReference& srs) {
    // The Earth's ellipsoids in use differ from WGS 84 by about a kilometre (Everest's is
    // 6,377 km, Clarke's 6,378); Mars's is 3,396 km and the Moon's 1,737.
    OGRErr err = OGRERR_NONE;
    const double a = srs.GetSemiMajor(&err);
    if (err != OGRERR_NONE || !(a > 0) || std::abs(a - 6378137.0) <= 50000.0) return std::nullopt;
    return a / 1000.0;
}

namespace {

using TransformPtr = std::unique_ptr<OGRCoordinateTransformation>;

// nullptr when the CRS is unknown. Axis order is longitude first on both sides.
TransformPtr make_transform(const std::string& display_crs, bool to_display) {
    OGRSpatialReference wgs84, display;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const bool ok = display.SetFromUserInput(display_crs.c_str()) == OGRERR_NONE;
    CPLPopErrorHandler();
    if (!ok) return nullptr;
    display.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return TransformPtr(to_display ? OGRCreateCoordinateTransformation(&wgs84, &display)
                                   : OGRCreateCoordinateTransformation(&display, &wgs84));
}

}  // namespace

std::optional<Bounds> lonlat_to_display(const std::string& display_crs, const Bounds& lonlat) {
    if (lonlat.empty()) return std::nullopt;
    TransformPtr t = make_transform(display_crs, true);
    if (!t) return std::nullopt;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!t->TransformBounds(lonlat.min_x, lonlat.min_y, lonlat.max_x, lonlat.max_y, &x0, &y0, &x1,
                            &y1, 21))
        return std::nullopt;
    Bounds out;
    out.add(Vec2{x0, y0});
    out.add(Vec2{x1, y1});
    return out;
}

struct ToLonLat::Impl {
    TransformPtr t;
};

ToLonLat::ToLonLat(const std::string& display_crs) {
    if (TransformPtr t = make_transform(display_crs, false))
        impl_ = std::make_unique<Impl>(Impl{std::move(t)});
}

ToLonLat::~ToLonLat() = default;

std::optional<Vec2> ToLonLat::operator()(Vec2 p) const {
    if (!impl_) return std::nullopt;
    double x = p.x, y = p.y;
    if (!impl_->t->Transform(1, &x, &y)) return std::nullopt;
    return Vec2{x, y};
}

std::optional<double> ToLonLat::ground_distance(Vec2 a, Vec2 b) const {
    auto p = (*this)(a), q = (*this)(b);
    if (!p || !q) return std::nullopt;
    constexpr double kRad = 3.14159265358979323846 / 180.0, kEarth = 6371008.8;
    const double dlat = (q->y - p->y) * kRad, dlon = (q->x - p->x) * kRad;
    const double h =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(p->y * kRad) * std::cos(q->y * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarth * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace chronomap

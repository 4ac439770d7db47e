#pragma once
// Converting between longitude/latitude and the display CRS (default views, --bbox, scale bars).

#include <memory>
#include <optional>
#include <string>

#include "data/geometry/geometry.h"

class OGRSpatialReference;

namespace chronomap {

// The equatorial radius in km of the body a CRS is defined on when that is not the Earth (a CRS
// of Mars or the Moon, such as IAU_2015:49900); nullopt for the Earth's ellipsoids.
std::optional<double> other_body_radius_km(const OGRSpatialReference& srs);

// nullopt if the CRS is unknown or the box cannot be transformed.
std::optional<Bounds> lonlat_to_display(const std::string& display_crs, const Bounds& lonlat);

// Display-CRS points back to lon/lat. Built once: creating a PROJ transform costs milliseconds.
class ToLonLat {
  public:
    explicit ToLonLat(const std::string& display_crs);
    ~ToLonLat();
    ToLonLat(const ToLonLat&) = delete;
    ToLonLat& operator=(const ToLonLat&) = delete;

    bool valid() const { return impl_ != nullptr; }
    std::optional<Vec2> operator()(Vec2 display) const;
    // Great-circle distance in metres between two display points (for scale bars).
    std::optional<double> ground_distance(Vec2 a, Vec2 b) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronomap

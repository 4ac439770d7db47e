#pragma once
// Converting longitude/latitude boxes to the display CRS (for default views and --bbox).

#include <optional>
#include <string>

#include "geometry.h"

namespace chronomap {

// nullopt if the CRS is unknown or the box cannot be transformed.
std::optional<Bounds> lonlat_to_display(const std::string& display_crs, const Bounds& lonlat);

}  // namespace chronomap

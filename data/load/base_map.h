#pragma once
// A base of modern countries and first-level provinces for a new lesson, cut from Natural
// Earth (public domain; 1:10m, generalised) as QGIS ships it in Debian's qgis-common
// (/usr/share/qgis/resources/data/world_map.gpkg). The units of a region are copied into the
// atlas's own folder, so the lesson needs nothing installed to be opened elsewhere; a
// historical territory is then a group of them (the workbook's "territories" sheet).

#include <optional>
#include <string>

#include "data/geometry/geometry.h"
#include "data/support/result.h"

namespace chronomap {

// Where the base map is: `given` if not empty, else $CHRONOMAP_BASE_MAP, else QGIS's copy;
// nullopt when none is there.
std::optional<std::string> find_base_map(const std::string& given = "");

struct BaseMapExtract {
    std::size_t countries = 0, provinces = 0;
    std::string central_unit;  // the province nearest the region's centre, for an example
};

// Copies the countries and provinces that meet `lonlat` (min lon, min lat, max lon, max lat)
// from `base_map` into a GeoPackage at `out`, as layers "countries" and "provinces". Each unit
// gets a stable id in field "unit": "GR/Kentriki Makedonia" (country code / name) for a
// province, the name for a country.
[[nodiscard]] Result<BaseMapExtract> extract_base_map(const std::string& base_map, const Bounds& lonlat,
                                                      const std::string& out);

}  // namespace chronomap

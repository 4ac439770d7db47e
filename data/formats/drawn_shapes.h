#pragma once
// The shapes of territories drawn or split in the window, kept in a GeoPackage beside the
// workbook (the manifest's "drawn", "drawn.gpkg" by default): one feature a territory with its
// id and English name, in the atlas's display CRS, so QGIS opens it as it is. The workbook's
// territories sheet keeps each one's names and dates, with an empty units cell.

#include <string>

#include "data/model/atlas.h"
#include "data/support/result.h"

namespace chronomap {

// Whether a lesson territory's shape is drawn rather than made of base-map units.
bool is_drawn(const Feature& territory);

// Writes the drawn territories of the atlas's units layer (all of them, or none: the file then
// holds an empty layer), atomically (output_file.h).
[[nodiscard]] Result<> write_drawn_shapes(const Atlas& atlas, const std::string& path);

}  // namespace chronomap

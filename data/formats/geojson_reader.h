#pragma once
// What a layer's reader needs of one data source, whichever reader produced it: the field
// names, and per feature its number, its values as text and its geometry.
//
// Plain GeoJSON FeatureCollections, the common case for real data, are read by our own parser:
// GDAL's GeoJSON driver (json-c, then OGR features) costs about 2 s for a 42 MB file on one
// core, which was the whole of the time to open a world map. Anything this parser does not
// handle (another type, a CRS that is not named, syntax it does not accept) goes to GDAL.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <ogr_geometry.h>

namespace chronomap::detail {

struct RawFeature {
    long long fid = 0;
    std::vector<std::optional<std::string>> values;  // by field index; nullopt for null or absent
    std::unique_ptr<OGRGeometry> geometry;           // null when the feature has none
};

struct RawLayer {
    std::vector<std::string> fields;
    std::vector<RawFeature> features;
    std::string crs;  // GeoJSON's "crs" name member; empty for the default, WGS 84 longitude/latitude
    bool crs_unknown = false;  // set by the caller when PROJ does not know crs
    int field_index(const std::string& name) const;  // -1 when there is no such field
    int add_field(const std::string& name);           // the index of the field, added if new
    std::unordered_map<std::string, int> index;
};

// Parses a GeoJSON FeatureCollection. Values keep their text (numbers as written, booleans as
// "1"/"0" the way GDAL gives them, nested values as JSON). A feature's string "id" member
// becomes an "id" field when the properties have none, and an integer one its number, as
// GDAL does. With geometry false the geometries are skipped, not parsed. nullopt: give the
// file to GDAL (stopped_at, when given, is the offset where reading stopped).
std::optional<RawLayer> read_geojson(std::string_view text, bool geometry, std::size_t* stopped_at = nullptr);

}  // namespace chronomap::detail

#pragma once
// Writes small vector data sets with OGR, for tests and benchmarks that need data in a given format.

#include <string>
#include <vector>

namespace chronomap::test_support {

struct TestFeature {
    std::string id;
    std::string name;
    std::string wkt;  // geometry as WKT
};

// Writes features to path with the named GDAL driver ("GeoJSON", "GPKG", "ESRI Shapefile").
// epsg 0 writes no CRS. Returns an empty string on success, else GDAL's message.
std::string write_layer(const std::string& path, const std::string& driver, int epsg,
                        const std::vector<TestFeature>& features);

// WKT of a polygon with `vertices` points on a wobbly circle, for large-data tests.
std::string big_polygon_wkt(double cx, double cy, double radius, int vertices);

}  // namespace chronomap::test_support

#include "tests/support/write_layer.h"

#include <cmath>
#include <cstdio>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace chronomap::test_support {

std::string write_layer(const std::string& path, const std::string& driver_name, int epsg,
                        const std::vector<TestFeature>& features) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) return "no GDAL driver " + driver_name;
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return CPLGetLastErrorMsg();
    OGRSpatialReference srs;
    if (epsg) {
        srs.importFromEPSG(epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    // Shapefiles default to Latin-1 names; UTF-8 (with a .cpg file) keeps Azerbaijani ı intact.
    const char* shp_options[] = {"ENCODING=UTF-8", nullptr};
    char** options = driver_name == "ESRI Shapefile" ? const_cast<char**>(shp_options) : nullptr;
    OGRLayer* layer = ds->CreateLayer("shapes", epsg ? &srs : nullptr, wkbUnknown, options);
    if (!layer) return CPLGetLastErrorMsg();
    OGRFieldDefn id("id", OFTString);
    OGRFieldDefn name("name", OFTString);
    if (layer->CreateField(&id) != OGRERR_NONE || layer->CreateField(&name) != OGRERR_NONE)
        return CPLGetLastErrorMsg();
    // Big writes go in one transaction (GeoPackage is SQLite: one commit per feature is slow).
    if (layer->StartTransaction() != OGRERR_NONE) return CPLGetLastErrorMsg();
    for (const auto& f : features) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("id", f.id.c_str());
        feature.SetField("name", f.name.c_str());
        OGRGeometry* geom = nullptr;
        if (OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &geom) != OGRERR_NONE)
            return "bad WKT for " + f.id;
        feature.SetGeometryDirectly(geom);
        if (layer->CreateFeature(&feature) != OGRERR_NONE) return CPLGetLastErrorMsg();
    }
    if (layer->CommitTransaction() != OGRERR_NONE) return CPLGetLastErrorMsg();
    return {};
}

std::string big_polygon_wkt(double cx, double cy, double radius, int vertices) {
    std::string wkt = "POLYGON((";
    char buf[64];
    for (int i = 0; i <= vertices; ++i) {
        const int k = i % vertices;
        const double a = 2 * M_PI * k / vertices;
        const double r = radius * (1.0 + 0.02 * std::sin(a * 50));
        std::snprintf(buf, sizeof buf, "%s%.9f %.9f", i ? "," : "", cx + r * std::cos(a), cy + r * std::sin(a));
        wkt += buf;
    }
    return wkt + "))";
}

}  // namespace chronomap::test_support

#include "data/formats/drawn_shapes.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/formats/gdal_messages.h"
#include "data/formats/output_file.h"

namespace chronomap {
namespace {

OGRMultiPolygon multipolygon_of(const Shape& shape) {
    OGRMultiPolygon multi;
    for (const auto& poly : shape.polygons) {
        OGRPolygon out;
        for (const auto& ring : poly.rings) {
            OGRLinearRing r;
            for (const Vec2& v : ring) r.addPoint(v.x, v.y);
            r.closeRings();
            out.addRing(&r);
        }
        multi.addGeometry(&out);
    }
    return multi;
}

Result<> write_layer(const Atlas& atlas, const std::string& path) {
    detail::GdalMessages gdal;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) return internal_error("GDAL has no GPKG driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return input_error("cannot write " + path + ": " + gdal.last_error());
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.SetFromUserInput(atlas.crs.c_str()) != OGRERR_NONE) return input_error("the CRS '" + atlas.crs + "' is not known");
    OGRLayer* layer = ds->CreateLayer("territories", &srs, wkbMultiPolygon, nullptr);
    if (!layer) return input_error("cannot add a layer to " + path + ": " + gdal.last_error());
    for (const char* name : {"id", "name"}) {
        OGRFieldDefn field(name, OFTString);
        if (layer->CreateField(&field) != OGRERR_NONE) return input_error("cannot add field " + std::string(name));
    }
    if (const Layer* units = atlas.units_layer()) {
        for (const auto& t : units->features) {
            if (!is_drawn(t)) continue;
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("id", t.id.c_str());
            if (auto en = t.names.by_lang.find("en"); en != t.names.by_lang.end()) feature.SetField("name", en->second.c_str());
            feature.SetGeometry(std::make_unique<OGRMultiPolygon>(multipolygon_of(t.shape)).get());
            if (layer->CreateFeature(&feature) != OGRERR_NONE)
                return input_error("cannot write territory '" + t.id + "': " + gdal.last_error());
        }
    }
    ds.reset();
    for (const auto& m : gdal.messages())
        if (m.level >= CE_Failure) return input_error("cannot finish " + path + ": " + m.text);
    return {};
}

}  // namespace

bool is_drawn(const Feature& territory) {
    const auto units = territory.properties.find("units");
    return units == territory.properties.end() || std::string_view(units->second).empty();
}

Result<> write_drawn_shapes(const Atlas& atlas, const std::string& path) {
    Result<OutputFile> out = OutputFile::open(path);
    if (!out) return out.failure();
    if (auto written = write_layer(atlas, out->temp_path()); !written) return written;
    return out->commit();
}

}  // namespace chronomap

// Our GeoJSON reader: what it reads, what it leaves to GDAL, and that it reads every GeoJSON
// file we ship exactly as GDAL does.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/formats/geojson_reader.h"

using namespace chronomap::detail;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string wkt(const OGRGeometry* g) {
    if (!g) return "null";
    return g->exportToWkt();
}

const std::optional<std::string>& value(const RawLayer& raw, std::size_t feature, const std::string& field) {
    const int i = raw.field_index(field);
    EXPECT_GE(i, 0) << field;
    return raw.features.at(feature).values.at(static_cast<std::size_t>(i < 0 ? 0 : i));
}

}  // namespace

TEST(GeojsonReader, ReadsValuesAsText) {
    const auto raw = read_geojson(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Naxçıvan \u00e7 \ud83d\ude00 \ud800 \"q\"",
            "year": -499, "area": 5.50, "ok": true, "no": false, "none": null, "nested": {"a": [1, "]"]}},
         "geometry": null},
        {"type": "Feature", "properties": {"other": "x"}, "geometry": null}]})",
                                  true);
    ASSERT_TRUE(raw);
    ASSERT_EQ(raw->features.size(), 2u);
    EXPECT_EQ(value(*raw, 0, "name"), "Naxçıvan ç \xF0\x9F\x98\x80 \xEF\xBF\xBD \"q\"");
    EXPECT_EQ(value(*raw, 0, "year"), "-499");
    EXPECT_EQ(value(*raw, 0, "area"), "5.50");
    EXPECT_EQ(value(*raw, 0, "ok"), "1");
    EXPECT_EQ(value(*raw, 0, "no"), "0");
    EXPECT_FALSE(value(*raw, 0, "none"));
    EXPECT_EQ(value(*raw, 0, "nested"), R"({"a": [1, "]"]})");
    // Fields are the union over features; a feature without one has no value.
    EXPECT_FALSE(value(*raw, 1, "name"));
    EXPECT_EQ(value(*raw, 1, "other"), "x");
    EXPECT_FALSE(value(*raw, 0, "other"));
    EXPECT_EQ(raw->features[0].fid, 0);
    EXPECT_EQ(raw->features[1].fid, 1);
    EXPECT_FALSE(raw->features[0].geometry);
}

TEST(GeojsonReader, ReadsEveryGeometryTypeWithMembersInAnyOrder) {
    const auto raw = read_geojson(R"({"features": [
        {"geometry": {"coordinates": [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [1, 2], [1, 1]]],
                      "type": "Polygon"}, "type": "Feature", "properties": {}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon",
            "coordinates": [[[[0, 0, 100], [1, 0, 100], [0, 1, 100], [0, 0, 100]]]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [44.5, 40.25]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [1e2, -2.5E-1]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [
            {"type": "Point", "coordinates": [1, 1]}, {"type": "Polygon", "coordinates": []}]}}
    ], "type": "FeatureCollection"})",
                                  true);
    ASSERT_TRUE(raw);
    ASSERT_EQ(raw->features.size(), 7u);
    EXPECT_EQ(wkt(raw->features[0].geometry.get()), "POLYGON ((0 0,4 0,4 4,0 0),(1 1,2 1,1 2,1 1))");
    EXPECT_EQ(wkt(raw->features[1].geometry.get()), "MULTIPOLYGON (((0 0,1 0,0 1,0 0)))");  // heights dropped
    EXPECT_EQ(wkt(raw->features[2].geometry.get()), "POINT (44.5 40.25)");
    EXPECT_EQ(wkt(raw->features[3].geometry.get()), "LINESTRING (0 0,100.0 -0.25)");
    EXPECT_EQ(wkt(raw->features[4].geometry.get()), "MULTIPOINT (1 2,3 4)");
    EXPECT_EQ(wkt(raw->features[5].geometry.get()), "MULTILINESTRING ((0 0,1 1))");
    EXPECT_EQ(wkt(raw->features[6].geometry.get()), "GEOMETRYCOLLECTION (POINT (1 1),POLYGON EMPTY)");
}

TEST(GeojsonReader, FeatureIdsAsGdalGivesThem) {
    const auto raw = read_geojson(R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "kars", "properties": {}, "geometry": null},
        {"type": "Feature", "id": 42, "properties": {}, "geometry": null},
        {"type": "Feature", "id": "other", "properties": {"id": "mine"}, "geometry": null}]})",
                                  true);
    ASSERT_TRUE(raw);
    EXPECT_EQ(value(*raw, 0, "id"), "kars");  // a string id is a field
    EXPECT_EQ(raw->features[1].fid, 42);     // an integer id is the feature's number
    EXPECT_EQ(value(*raw, 2, "id"), "mine");  // the properties' own id wins
}

TEST(GeojsonReader, SkipsGeometryWithoutReadingIt) {
    // With geometry off, coordinates are skipped unread: even ones no geometry could hold.
    const std::string text = R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"id": "a"}, "geometry": {"type": "Polygon", "coordinates": [["x", {"y": []}]]}}]})";
    const auto raw = read_geojson(text, false);
    ASSERT_TRUE(raw);
    EXPECT_FALSE(raw->features[0].geometry);
    EXPECT_FALSE(read_geojson(text, true));  // read, it is not ours to judge: GDAL says what is wrong
}

TEST(GeojsonReader, LeavesToGdalWhatItDoesNotHandle) {
    for (const char* text : {
             R"({"type": "Topology", "objects": {}, "arcs": []})",
             R"({"type": "Feature", "properties": {}, "geometry": null})",
             R"({"type": "FeatureCollection"})",
             R"({"type": "FeatureCollection", "features": []} trailing)",
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {})",
             R"({"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": "x"}}, "features": []})",
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "id": 1.5, "geometry": null}]})",
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"a": tru}}]})",
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Curve", "coordinates": []}}]})",
             // Two types or two coordinates in one geometry: which counts is GDAL's call.
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2], "type": "LineString"}}]})",
             R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2], "coordinates": [3, 4]}}]})",
             "",
         })
        EXPECT_FALSE(read_geojson(text, true)) << text;
    const auto named = read_geojson(R"({"type": "FeatureCollection", "features": [],
        "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}})",
                                    true);
    ASSERT_TRUE(named);
    EXPECT_EQ(named->crs, "EPSG:3857");
}

TEST(GeojsonReader, DeepNestingIsNotRecursion) {
    std::string nested(200000, '[');
    nested += std::string(200000, ']');
    const auto raw = read_geojson(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"deep": )" + nested + R"(}, "geometry": null}]})",
                                  false);
    ASSERT_TRUE(raw);
    EXPECT_EQ(value(*raw, 0, "deep")->size(), nested.size());
}

// Every GeoJSON file in the repository, read by both: the same fields, values and geometries.
TEST(GeojsonReader, ReadsOurFilesAsGdalDoes) {
    GDALAllRegister();
    int files = 0;
    for (const char* root : {CHRONOMAP_FIXTURES, CHRONOMAP_MAPS}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".geojson") continue;
            const auto raw = read_geojson(slurp(entry.path()), true);
            GDALDatasetUniquePtr ds(GDALDataset::Open(entry.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            if (!ds || !raw) continue;  // files GDAL cannot read are tested as bad fixtures
            ++files;
            SCOPED_TRACE(entry.path().string());
            OGRLayer* layer = ds->GetLayer(0);
            OGRFeatureDefn* defn = layer->GetLayerDefn();
            EXPECT_EQ(static_cast<std::size_t>(defn->GetFieldCount()), raw->fields.size());
            std::size_t n = 0;
            for (auto& feat : *layer) {
                ASSERT_LT(n, raw->features.size());
                const RawFeature& mine = raw->features[n++];
                EXPECT_EQ(feat->GetFID(), mine.fid);
                for (int i = 0; i < defn->GetFieldCount(); ++i) {
                    const int j = raw->field_index(defn->GetFieldDefn(i)->GetNameRef());
                    ASSERT_GE(j, 0);
                    const auto& v = mine.values[static_cast<std::size_t>(j)];
                    EXPECT_EQ(feat->IsFieldSetAndNotNull(i), v.has_value());
                    if (v && defn->GetFieldDefn(i)->GetType() == OFTString) {
                        EXPECT_EQ(*v, feat->GetFieldAsString(i));
                    }
                }
                const OGRGeometry* theirs = feat->GetGeometryRef();
                EXPECT_EQ(wkt(theirs), wkt(mine.geometry.get()));
            }
            EXPECT_EQ(n, raw->features.size());
        }
    }
    EXPECT_GE(files, 15);
}

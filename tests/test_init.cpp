// chronomap init and temporal layers: from plain files to a working atlas with no converter.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <set>

#include "tests/support/temp_dir.h"
#include "app/cli/cli.h"
#include "data/validate/geometry_check.h"
#include "data/load/init_manifest.h"
#include "data/load/loader.h"
#include "tests/support/series.h"
#include "data/geometry/tessellate.h"
#include "data/time/timeline.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

using test_support::TempDir;

// A temporal layer as CShapes-like data carries it: one feature per period, start and end dates.
void write_temporal(const fs::path& file) {
    std::ofstream out(file);
    auto square = [](int x) {
        return "[[[" + std::to_string(x) + ",0],[" + std::to_string(x + 1) + ",0],[" + std::to_string(x + 1) +
               ",1],[" + std::to_string(x) + ",1],[" + std::to_string(x) + ",0]]]";
    };
    auto feature = [&](const char* name, const char* owner, const char* start, const char* end, int x) {
        return std::string("{\"type\":\"Feature\",\"properties\":{\"name\":\"") + name + "\",\"owner\":\"" + owner +
               "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" +
               square(x) + "}}";
    };
    out << "{\"type\":\"FeatureCollection\",\"features\":[" << feature("Kars", "Russian Empire", "1878-03-03", "1918-04-24", 0)
        << "," << feature("Kars", "Ottoman Empire", "1918-04-25", "1918-11-30", 0) << ","
        << feature("Kars", "Armenia", "1918-12-01", "1920-10-29", 0) << ","
        << feature("Alpha", "Armenia", "500 BC", "AD 300", 2) << "]}";
}

}  // namespace

TEST(Init, DatesInFileNames) {
    EXPECT_EQ(date_in_file_name("world_bc123000.geojson"), "123000 BC");
    EXPECT_EQ(date_in_file_name("world_bc500.geojson"), "500 BC");
    EXPECT_EQ(date_in_file_name("world_500bc.geojson"), "500 BC");
    EXPECT_EQ(date_in_file_name("world_-500.geojson"), "500 BC");
    EXPECT_EQ(date_in_file_name("world_1914.geojson"), "1914");
    EXPECT_EQ(date_in_file_name("world_500.geojson"), "500");
    EXPECT_EQ(date_in_file_name("countries.geojson"), "");
    EXPECT_EQ(date_in_file_name("world_bce500.geojson"), "500 BC");
    EXPECT_EQ(date_in_file_name("world_bc_2000.geojson"), "2000 BC");
    EXPECT_EQ(date_in_file_name("abc500.geojson"), "500");  // "bc" inside a word is no era
    EXPECT_EQ(date_in_file_name("europe-1815.geojson"), "1815");  // a hyphen inside a name is no minus
}

TEST(Init, ASnapshotSeriesNeedsNoConverter) {
    TempDir dir;
    test_support::SeriesSpec spec{4, 6, 4, 2, 7};
    test_support::write_series(dir.path.string(), spec);
    fs::remove(dir.path / "atlas.json");
    // Names as a public data set spells them.
    const char* names[] = {"world_bc123000.geojson", "world_bc10000.geojson", "world_bc5000.geojson",
                           "world_1000.geojson"};
    for (int i = 0; i < 4; ++i)
        fs::rename(dir.path / ("world_" + std::to_string(i) + ".geojson"), dir.path / names[i]);
    EXPECT_EQ(cli::run({"init", dir.path.string()}), 0);
    EXPECT_EQ(cli::run({"init", dir.path.string()}), 2);  // never overwrites without --force
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].snapshots.size(), 4u);
    EXPECT_EQ(r.atlas.layers[0].snapshots[0].date.readable(), "123,000 BC");
    EXPECT_EQ(r.atlas.layers[0].controller_field, "SUBJECTO");
    std::set<std::string> powers;
    for (int s = 0; s < spec.snapshots; ++s)
        for (const auto& c : test_support::series_cells(spec, s)) powers.insert(c.controller);
    EXPECT_EQ(r.atlas.powers.size(), powers.size());
    EXPECT_EQ(r.atlas.events.size(), 4u);
}

TEST(Init, TemporalLayerFieldsAreProposedAndHandoversLeaveNoGap) {
    TempDir dir;
    write_temporal(dir.path / "periods.geojson");
    const InitProposal p = propose_manifest({(dir.path / "periods.geojson").string()}, dir.path.string());
    ASSERT_TRUE(p.errors.empty());
    const auto& layer = p.manifest["layers"][0];
    EXPECT_EQ(layer["name_field"], "name");
    EXPECT_EQ(layer["controller_field"], "owner");
    EXPECT_EQ(layer["valid_from_field"], "start");
    EXPECT_EQ(layer["valid_to_field"], "end");
    EXPECT_EQ(p.manifest["time_range"]["start"], "500 BC");  // as people write it, not astronomical

    // These end dates name the last day in force: say so, and no day is left without a holder.
    auto m = p.manifest;
    m["layers"][0]["valid_to_inclusive"] = true;
    std::ofstream(dir.path / "atlas.json") << m.dump(2);
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
    const Timeline tl(r.atlas);
    auto holder = [&](const char* date) {
        const auto s = tl.territory_state("Kars", *parse_date(date).date, Basis::DeFacto);
        return s && s->known && tl.exists(*s, *parse_date(date).date) ? std::string(s->controller) : "(none)";
    };
    EXPECT_EQ(holder("1918-04-24"), "Russian Empire");  // the last day, inclusive
    EXPECT_EQ(holder("1918-04-25"), "Ottoman Empire");
    EXPECT_EQ(holder("1918-11-30"), "Ottoman Empire");
    EXPECT_EQ(holder("1918-12-01"), "Armenia");
    EXPECT_EQ(holder("1920-10-29"), "Armenia");
    EXPECT_EQ(holder("1920-10-30"), "(none)");  // the data ends: the territory ceases
    // Alpha exists from 500 BC to AD 300 inclusive.
    const auto alpha = tl.territory_state("Alpha", *parse_date("AD 300").date, Basis::DeFacto);
    EXPECT_TRUE(alpha && tl.exists(*alpha, *parse_date("AD 300").date));
    const auto gone = tl.territory_state("Alpha", *parse_date("301").date, Basis::DeFacto);
    EXPECT_FALSE(gone && tl.exists(*gone, *parse_date("301").date));
}

TEST(Init, ExclusiveEndsAreTheDefault) {
    TempDir dir;
    write_temporal(dir.path / "periods.geojson");
    const InitProposal p = propose_manifest({(dir.path / "periods.geojson").string()}, dir.path.string());
    std::ofstream(dir.path / "atlas.json") << p.manifest.dump(2);
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    const Timeline tl(r.atlas);
    // Read as exclusive, 1918-04-24 is the first day without the Russian Empire: a one-day gap
    // before the Ottoman feature starts, which the territory does not survive.
    const Date d = *parse_date("1918-04-24").date;
    const auto s = tl.territory_state("Kars", d, Basis::DeFacto);
    EXPECT_FALSE(s && tl.exists(*s, d));
}

TEST(Loader, RingsThatDoNotEndWhereTheyBeganAreClosedWithAWarning) {
    TempDir dir;
    // Valid GeoJSON requires closed rings; real files sometimes omit the closing point.
    std::ofstream(dir.path / "open.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},)"
        << R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4]]]}}]})";
    std::ofstream(dir.path / "atlas.json")
        << R"({"title": "Open", "time_range": {"start": "1900", "end": "2000"},
              "layers": [{"name": "t", "source": "open.geojson", "role": "territories"}]})";
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].features.size(), 1u);
    const auto& shape = r.atlas.layers[0].features[0].shape;
    ASSERT_EQ(shape.polygons.size(), 1u);
    EXPECT_EQ(shape.polygons[0].rings[0].front().x, shape.polygons[0].rings[0].back().x);
    EXPECT_FALSE(r.diagnostics.has_errors());
    bool warned = false;
    for (const auto& d : r.diagnostics.items()) warned = warned || d.message.find("did not end where it began") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(Loader, PolygonsCrossingTheAntimeridianAreCutThereAndPolarRingsAreLeftAlone) {
    TempDir dir;
    // One ring from 170 E over the antimeridian to 170 W (as Chukotka and Fiji come in Natural
    // Earth), and one that circles the South Pole (as Antarctica does).
    std::ofstream(dir.path / "t.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"id":"cross"},"geometry":{"type":"Polygon","coordinates":)"
        << R"([[[170,60],[-170,60],[-170,70],[170,70],[170,60]]]}},)"
        << R"({"type":"Feature","properties":{"id":"pole"},"geometry":{"type":"Polygon","coordinates":)"
        << R"([[[-180,-80],[0,-75],[180,-80],[180,-90],[-180,-90],[-180,-80]]]}}]})";
    std::ofstream(dir.path / "atlas.json") << R"({"title": "Dateline", "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "t", "source": "t.geojson", "role": "territories"}]})";
    LoadResult r = load_atlas((dir.path / "atlas.json").string());
    check_geometry(r.atlas, r.diagnostics);
    for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
    const Shape& cross = r.atlas.find_territory("cross")->shape;
    ASSERT_EQ(cross.polygons.size(), 2u);  // east and west of 180
    double area = 0;
    for (const auto& p : cross.polygons) {
        Bounds b;
        for (const auto& v : p.rings[0]) b.add(v);
        EXPECT_LE(b.max_x - b.min_x, 10.0 + 1e-9);  // no band across the map
        area += polygon_area(p);
    }
    EXPECT_NEAR(area, 200.0, 1e-6);
    const Shape& pole = r.atlas.find_territory("pole")->shape;
    ASSERT_EQ(pole.polygons.size(), 1u);
    EXPECT_NEAR(pole.bounds().max_x - pole.bounds().min_x, 360.0, 1e-9);
}

#include "data/load/base_map.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include "data/formats/gdal_messages.h"
#include "data/formats/output_file.h"

namespace chronomap {
namespace {

constexpr const char* kQgisWorldMap = "/usr/share/qgis/resources/data/world_map.gpkg";

// ogr2ogr's work, one layer at a time: `sql` on the base map, limited to the region.
Result<std::size_t> copy_layer(GDALDatasetH source, const std::string& out, const std::string& sql,
                               const std::string& name, const Bounds& lonlat, bool append) {
    detail::GdalMessages gdal;
    std::vector<std::string> args = {"-f", "GPKG", "-sql", sql, "-nln", name, "-nlt", "MULTIPOLYGON",
                                     "-spat", std::to_string(lonlat.min_x), std::to_string(lonlat.min_y),
                                     std::to_string(lonlat.max_x), std::to_string(lonlat.max_y)};
    if (append) args.push_back("-update");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    if (!options) return internal_error("the base map's copy options were refused: " + gdal.last_error());
    int usage_error = 0;
    GDALDatasetH written = GDALVectorTranslate(out.c_str(), nullptr, 1, &source, options, &usage_error);
    GDALVectorTranslateOptionsFree(options);
    if (!written) return input_error("cannot write " + out + ": " + gdal.last_error());
    OGRLayerH layer = GDALDatasetGetLayerByName(written, name.c_str());
    const std::size_t count = layer ? static_cast<std::size_t>(OGR_L_GetFeatureCount(layer, 1)) : 0;
    GDALClose(written);
    return count;
}

// The province whose box's centre is nearest the region's.
std::string unit_nearest(const std::string& gpkg, const Bounds& lonlat) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = ds ? ds->GetLayerByName("provinces") : nullptr;
    if (!layer) return "";
    const double cx = (lonlat.min_x + lonlat.max_x) / 2, cy = (lonlat.min_y + lonlat.max_y) / 2;
    std::string best;
    double best_d = 1e300;
    for (auto& f : *layer) {
        OGREnvelope e;
        if (!f->GetGeometryRef()) continue;
        f->GetGeometryRef()->getEnvelope(&e);
        const double dx = (e.MinX + e.MaxX) / 2 - cx, dy = (e.MinY + e.MaxY) / 2 - cy;
        if (dx * dx + dy * dy < best_d) {
            best_d = dx * dx + dy * dy;
            best = f->GetFieldAsString("unit");
        }
    }
    return best;
}

}  // namespace

std::optional<std::string> find_base_map(const std::string& given) {
    std::error_code ec;
    if (!given.empty()) return std::filesystem::is_regular_file(given, ec) ? std::optional(given) : std::nullopt;
    if (const char* env = std::getenv("CHRONOMAP_BASE_MAP"); env && *env)
        return std::filesystem::is_regular_file(env, ec) ? std::optional<std::string>(env) : std::nullopt;
    if (std::filesystem::is_regular_file(kQgisWorldMap, ec)) return std::string(kQgisWorldMap);
    return std::nullopt;
}

Result<BaseMapExtract> extract_base_map(const std::string& base_map, const Bounds& lonlat, const std::string& out) {
    if (lonlat.empty() || lonlat.min_x < -180 || lonlat.max_x > 180 || lonlat.min_y < -90 || lonlat.max_y > 90)
        return input_error("the region should be LONMIN,LATMIN,LONMAX,LATMAX within -180..180 and -90..90");
    detail::GdalMessages gdal;
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr source(GDALDataset::Open(base_map.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!source) return input_error("cannot read the base map " + base_map + ": " + gdal.last_error());
    if (!source->GetLayerByName("countries") || !source->GetLayerByName("states_provinces"))
        return input_error("the base map " + base_map + " has no layers 'countries' and 'states_provinces' (QGIS's world_map.gpkg has)");
    Result<OutputFile> file = OutputFile::open(out);
    if (!file) return file.failure();
    // Written under a name of its own with the GeoPackage's extension, then moved into place.
    namespace fs = std::filesystem;
    const fs::path tmp = fs::absolute(file->temp_path()).replace_extension(".tmp.gpkg");
    std::error_code ec;
    fs::remove(tmp, ec);
    BaseMapExtract extract;
    auto countries = copy_layer(GDALDataset::ToHandle(source.get()), tmp.string(),
                                "SELECT NAME AS unit, NAME AS name, geom FROM countries", "countries", lonlat, false);
    if (!countries) return countries.failure();
    auto provinces = copy_layer(GDALDataset::ToHandle(source.get()), tmp.string(),
                                "SELECT iso_a2 || '/' || name AS unit, name, admin AS country, geom FROM states_provinces",
                                "provinces", lonlat, true);
    if (!provinces) {
        fs::remove(tmp, ec);
        return provinces.failure();
    }
    extract.countries = *countries;
    extract.provinces = *provinces;
    extract.central_unit = unit_nearest(tmp.string(), lonlat);
    fs::rename(tmp, file->temp_path(), ec);
    if (ec) return input_error("cannot write " + out + ": " + ec.message());
    if (auto committed = file->commit(); !committed) return committed.failure();
    return extract;
}

}  // namespace chronomap

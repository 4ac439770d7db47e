#include "data/load/raster_layer.h"

#include <cmath>
#include <filesystem>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>

#include "data/formats/gdal_messages.h"
#include "data/formats/output_file.h"
#include "data/load/loader_parts.h"

namespace chronomap {
namespace {

const char* const kImageDrivers[] = {"GTiff", "COG", "PNG", "JPEG", "WEBP", "GIF", "BMP", nullptr};

std::vector<GDAL_GCP> gcps_of(const std::vector<ControlPoint>& points) {
    std::vector<GDAL_GCP> gcps(points.size());
    GDALInitGCPs(static_cast<int>(gcps.size()), gcps.data());
    for (std::size_t i = 0; i < points.size(); ++i) {
        gcps[i].dfGCPPixel = points[i].pixel_x;
        gcps[i].dfGCPLine = points[i].pixel_y;
        gcps[i].dfGCPX = points[i].lon;
        gcps[i].dfGCPY = points[i].lat;
    }
    return gcps;
}

// gdal_translate's and gdalwarp's work, with their arguments as on the command line.
template <typename New, typename Free>
auto app_options(std::vector<std::string> args, New make, Free release) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    auto* options = make(argv.data(), nullptr);
    return std::unique_ptr<std::remove_pointer_t<decltype(options)>, Free>(options, release);
}

// The scan with the control points attached (an in-memory VRT), colours expanded from a palette.
GDALDatasetUniquePtr with_points(GDALDataset& scan, const std::vector<ControlPoint>& points) {
    std::vector<std::string> args = {"-of", "VRT"};
    GDALRasterBand* first = scan.GetRasterCount() > 0 ? scan.GetRasterBand(1) : nullptr;
    if (first && first->GetColorTable()) args.insert(args.end(), {"-expand", "rgba"});
    if (!points.empty()) {
        args.insert(args.end(), {"-a_srs", "EPSG:4326"});
        for (const auto& p : points)
            args.insert(args.end(), {"-gcp", std::to_string(p.pixel_x), std::to_string(p.pixel_y), std::to_string(p.lon),
                                     std::to_string(p.lat)});
    }
    auto options = app_options(args, GDALTranslateOptionsNew, GDALTranslateOptionsFree);
    int usage_error = 0;
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(
        GDALTranslate("", GDALDataset::ToHandle(&scan), options.get(), &usage_error)));
}

GDALDatasetUniquePtr warped(GDALDataset& source, const std::vector<std::string>& extra, const std::string& out,
                            const char* format) {
    std::vector<std::string> args = {"-of", format, "-dstalpha", "-r", "bilinear"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto options = app_options(args, GDALWarpAppOptionsNew, GDALWarpAppOptionsFree);
    GDALDatasetH src = GDALDataset::ToHandle(&source);
    int usage_error = 0;
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(GDALWarp(out.c_str(), nullptr, 1, &src, options.get(), &usage_error)));
}

Result<GDALDatasetUniquePtr> open_image(const std::string& path, detail::GdalMessages& gdal) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, kImageDrivers));
    if (!ds) return input_error("GDAL cannot read the image " + path + ": " + gdal.last_error());
    return ds;
}

}  // namespace

Result<RasterImage> read_raster(const std::string& path, const std::string& display_crs,
                                const std::vector<ControlPoint>& control_points) {
    detail::GdalMessages gdal;
    auto scan = open_image(path, gdal);
    if (!scan) return scan.failure();
    double transform[6];
    const bool placed = (*scan)->GetGeoTransform(transform) == CE_None || (*scan)->GetGCPCount() >= 3;
    if (control_points.empty() && !placed)
        return input_error("the image " + path + " has no georeferencing: give it three or more control points "
                           "(\"control_points\"), or make a GeoTIFF of it with `chronomap georeference`");
    if (!control_points.empty() && control_points.size() < 3)
        return input_error("three or more control points are needed to place " + path);
    GDALDatasetUniquePtr source = with_points(**scan, control_points);
    if (!source) return input_error("cannot place " + path + ": " + gdal.last_error());
    // Warped at about the scan's own resolution, at most kMaxRasterSide a side.
    const int side = std::min(kMaxRasterSide, std::max(source->GetRasterXSize(), source->GetRasterYSize()));
    OGRSpatialReference display;
    display.SetFromUserInput(display_crs.c_str());
    char* wkt = nullptr;
    display.exportToWkt(&wkt);
    const std::string display_wkt = wkt ? wkt : display_crs;
    CPLFree(wkt);
    std::vector<std::string> args = {"-t_srs", display_wkt};
    GDALDatasetUniquePtr probe = warped(*source, args, "", "VRT");
    if (!probe) return input_error("cannot warp " + path + " into " + display_crs + ": " + gdal.last_error());
    const int pw = probe->GetRasterXSize(), ph = probe->GetRasterYSize();
    const double shrink = std::max(1.0, static_cast<double>(std::max(pw, ph)) / side);
    args.insert(args.end(), {"-ts", std::to_string(std::max(1, static_cast<int>(pw / shrink))),
                             std::to_string(std::max(1, static_cast<int>(ph / shrink)))});
    GDALDatasetUniquePtr image = warped(*source, args, "", "MEM");
    if (!image) return input_error("cannot warp " + path + ": " + gdal.last_error());
    RasterImage out;
    out.width = image->GetRasterXSize();
    out.height = image->GetRasterYSize();
    out.rgba.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4, 255);
    const int bands = image->GetRasterCount();  // colour bands, then the alpha band -dstalpha added
    const int map[4] = {1, bands >= 4 ? 2 : 1, bands >= 4 ? 3 : 1, bands};
    for (int c = 0; c < 4; ++c) {
        if (image->GetRasterBand(map[c])->RasterIO(GF_Read, 0, 0, out.width, out.height, out.rgba.data() + c, out.width,
                                                   out.height, GDT_Byte, 4, out.width * 4, nullptr) != CE_None)
            return input_error("cannot read " + path + ": " + gdal.last_error());
    }
    image->GetGeoTransform(transform);
    out.bounds.add(Vec2{transform[0], transform[3]});
    out.bounds.add(Vec2{transform[0] + transform[1] * out.width, transform[3] + transform[5] * out.height});
    return out;
}

Result<GeoreferenceReport> fit_control_points(const std::vector<ControlPoint>& points) {
    if (points.size() < 3) return input_error("three or more control points are needed, not " + std::to_string(points.size()));
    // Residuals: each point's pixel, through the fitted transform to longitude and latitude and
    // back, against the pixel it was given.
    GeoreferenceReport report;
    const int order = points.size() >= 6 ? 2 : 1;
    std::vector<GDAL_GCP> gcps = gcps_of(points);
    void* fit = GDALCreateGCPTransformer(static_cast<int>(gcps.size()), gcps.data(), order, FALSE);
    GDALDeinitGCPs(static_cast<int>(gcps.size()), gcps.data());
    if (!fit) return input_error("the control points do not fit a transform (are three of them in a line?)");
    double sum = 0;
    for (const auto& p : points) {
        double x = p.lon, y = p.lat, z = 0;
        int ok = 0;
        GDALGCPTransform(fit, TRUE, 1, &x, &y, &z, &ok);  // to the pixel the fit puts it at
        const double r = ok ? std::hypot(x - p.pixel_x, y - p.pixel_y) : INFINITY;
        report.residual_px.push_back(r);
        sum += r * r;
    }
    GDALDestroyGCPTransformer(fit);
    report.rms_px = std::sqrt(sum / static_cast<double>(points.size()));
    return report;
}

Result<RasterImage> read_scan(const std::string& path, int max_side) {
    detail::GdalMessages gdal;
    auto scan = open_image(path, gdal);
    if (!scan) return scan.failure();
    GDALDataset& ds = **scan;
    const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
    const double shrink = std::max(1.0, static_cast<double>(std::max(w, h)) / max_side);
    std::vector<std::string> args = {"-of", "MEM", "-outsize", std::to_string(std::max(1, static_cast<int>(w / shrink))),
                                     std::to_string(std::max(1, static_cast<int>(h / shrink))), "-r", "average"};
    if (ds.GetRasterCount() >= 1 && ds.GetRasterBand(1)->GetColorTable()) args.insert(args.end(), {"-expand", "rgba"});
    auto options = app_options(args, GDALTranslateOptionsNew, GDALTranslateOptionsFree);
    int usage_error = 0;
    GDALDatasetUniquePtr small(GDALDataset::FromHandle(GDALTranslate("", GDALDataset::ToHandle(&ds), options.get(), &usage_error)));
    if (!small) return input_error("cannot read " + path + ": " + gdal.last_error());
    RasterImage out;
    out.width = small->GetRasterXSize();
    out.height = small->GetRasterYSize();
    out.rgba.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4, 255);
    const int bands = small->GetRasterCount();  // grey, grey and alpha, RGB or RGBA
    const int map[4] = {1, bands >= 3 ? 2 : 1, bands >= 3 ? 3 : 1, bands == 2 || bands >= 4 ? bands : 0};
    for (int c = 0; c < 4; ++c) {
        if (!map[c]) continue;
        if (small->GetRasterBand(map[c])->RasterIO(GF_Read, 0, 0, out.width, out.height, out.rgba.data() + c, out.width,
                                                   out.height, GDT_Byte, 4, out.width * 4, nullptr) != CE_None)
            return input_error("cannot read " + path + ": " + gdal.last_error());
    }
    out.bounds.add(Vec2{0, 0});
    out.bounds.add(Vec2{static_cast<double>(w), static_cast<double>(h)});
    return out;
}

Result<GeoreferenceReport> georeference(const std::string& scan_path, const std::vector<ControlPoint>& points,
                                        const std::string& out_path) {
    if (points.size() < 3) return input_error("three or more control points are needed, not " + std::to_string(points.size()));
    detail::GdalMessages gdal;
    auto scan = open_image(scan_path, gdal);
    if (!scan) return scan.failure();
    auto fitted = fit_control_points(points);
    if (!fitted) return fitted.failure();
    GeoreferenceReport report = *fitted;
    const int order = points.size() >= 6 ? 2 : 1;
    GDALDatasetUniquePtr source = with_points(**scan, points);
    if (!source) return input_error("cannot place " + scan_path + ": " + gdal.last_error());
    Result<OutputFile> file = OutputFile::open(out_path);
    if (!file) return file.failure();
    const std::string tmp = (std::filesystem::absolute(file->temp_path()).replace_extension(".tmp.tif")).string();
    GDALDatasetUniquePtr tif = warped(*source, {"-t_srs", "EPSG:4326", "-order", std::to_string(order), "-co", "COMPRESS=DEFLATE"},
                                      tmp, "GTiff");
    if (!tif) return input_error("cannot write " + out_path + ": " + gdal.last_error());
    report.width = tif->GetRasterXSize();
    report.height = tif->GetRasterYSize();
    tif.reset();
    std::error_code ec;
    std::filesystem::rename(tmp, file->temp_path(), ec);
    if (ec) return input_error("cannot write " + out_path + ": " + ec.message());
    if (auto committed = file->commit(); !committed) return committed.failure();
    return report;
}

namespace detail {

void load_raster(Layer& layer, const LoadContext& ctx) {
    const auto path = ctx.access(layer.source, layer.pos, "the image of layer '" + layer.name + "'");
    if (!path) return;
    if (!ctx.geometry) {  // attributes only: the image is not needed
        layer.loaded = true;
        return;
    }
    auto image = read_raster(*path, ctx.display_crs, layer.control_points);
    if (!image) {
        ctx.diags->error(layer.pos, "layer '" + layer.name + "': " + image.message());
        return;
    }
    layer.raster = std::make_shared<const RasterImage>(std::move(*image));
    layer.loaded = true;
}

}  // namespace detail
}  // namespace chronomap

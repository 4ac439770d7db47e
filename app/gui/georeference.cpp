// The georeferencer in the window: a scan shown beside the map, a point clicked on it and the
// same place clicked on the map, three or more times, each point's residual shown as the fit
// changes; saved through `georeference` (raster_layer.h) as a GeoTIFF beside the atlas, and
// added to it as a raster layer under the territories if asked.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/gui/app.h"
#include "app/view/overlay/i18n.h"
#include "data/formats/manifest_edit.h"
#include "data/geometry/projection.h"
#include "data/load/raster_layer.h"

namespace chronomap::gui {
namespace {

namespace fs = std::filesystem;

constexpr int kScanPreviewSide = 2048;

bool placed(const ControlPoint& p) { return !std::isnan(p.lon); }

}  // namespace

Result<> App::load_scan(const std::string& path) {
    GeoreferenceState& g = panels.georeference;
    auto scan = read_scan(path, kScanPreviewSide);
    if (!scan) return scan.failure();
    if (!scan_texture) scan_texture = std::make_unique<render::UiTexture>();
    scan_texture->upload(scan->rgba.data(), scan->width, scan->height);
    g.scan_width = static_cast<int>(scan->bounds.max_x);
    g.scan_height = static_cast<int>(scan->bounds.max_y);
    g.points.clear();
    std::snprintf(g.scan, sizeof g.scan, "%s", path.c_str());
    if (doc) {  // the GeoTIFF goes beside the atlas, named after the scan
        const fs::path folder = fs::path(manifest_file(doc->path)).parent_path();
        const std::string out = (folder / (fs::path(path).stem().string() + "-placed.tif")).string();
        std::snprintf(g.out, sizeof g.out, "%s", out.c_str());
        std::snprintf(g.layer_name, sizeof g.layer_name, "%s", fs::path(path).stem().string().c_str());
    }
    georeferencer_open = true;
    return {};
}

void App::scan_clicked(double pixel_x, double pixel_y) {
    auto& points = panels.georeference.points;
    if (!points.empty() && !placed(points.back())) points.pop_back();  // a second click on the scan moves the point
    points.push_back({pixel_x, pixel_y, NAN, NAN});
}

bool App::map_clicked_for_scan(Vec2 at) {
    auto& points = panels.georeference.points;
    if (!georeferencer_open || !doc || points.empty() || placed(points.back())) return false;
    const ToLonLat to_lonlat(doc->atlas().crs);
    const auto lonlat = to_lonlat(at);
    if (!lonlat) return false;
    points.back().lon = lonlat->x;
    points.back().lat = lonlat->y;
    return true;
}

Result<> App::save_scan(bool add_layer) {
    GeoreferenceState& g = panels.georeference;
    std::vector<ControlPoint> points;
    for (const auto& p : g.points)
        if (placed(p)) points.push_back(p);
    auto report = georeference(g.scan, points, g.out);
    if (!report) return report.failure();
    char rms[32];
    std::snprintf(rms, sizeof rms, "%.1f", report->rms_px);
    g.result = fill_in(_("Saved %s: the points lie %s pixels from the fit (root mean square)."), {g.out, rms});
    if (!add_layer || !doc) return {};
    const fs::path manifest = manifest_file(doc->path);
    const std::string source = fs::relative(fs::absolute(g.out), fs::absolute(manifest).parent_path()).string();
    nlohmann::ordered_json layer = {{"name", g.layer_name}, {"source", source}, {"role", "raster"}, {"opacity", 0.7}};
    if (*g.from) layer["from"] = g.from;
    if (*g.to) layer["to"] = g.to;
    if (auto added = add_manifest_item(manifest.string(), "layers", layer); !added) return added;
    return reopen_here();
}

}  // namespace chronomap::gui

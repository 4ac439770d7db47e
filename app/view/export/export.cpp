#include "app/view/export/export.h"

#include <algorithm>

#include "data/time/comparison.h"
#include "app/view/export/export_job.h"
#include "app/view/scene/map_view.h"
#include "render/png_writer.h"
#include "data/geometry/projection.h"

namespace chronomap {

float export_line_scale(const ExportRequest& req) {
    if (req.overlay_scale > 0) return req.overlay_scale;
    return std::max(0.75f, std::min(static_cast<float>(req.width) / 1920.0f, static_cast<float>(req.height) / 1080.0f));
}

float export_text_scale(const ExportRequest& req) {
    if (req.overlay_scale > 0) return req.overlay_scale;
    return std::max(0.5f, room_text_scale(static_cast<float>(req.width), static_cast<float>(req.height)) *
                              std::clamp(req.text_size, 0.25f, 4.0f));
}

Result<> check_export_size(const ExportRequest& req) {
    if (req.width < 1 || req.height < 1 || req.width > 16384 || req.height > 16384)
        return input_error("the image size must be between 1 and 16384 pixels a side");
    return {};
}

Result<std::pair<Bounds, double>> export_area(const MapView& view, const Atlas& atlas, const ExportRequest& req) {
    if (req.area) return std::pair{*req.area, 0.0};
    if (!req.bbox_lonlat) return std::pair{view.default_area(), 0.03};
    auto b = lonlat_to_display(atlas.crs, *req.bbox_lonlat);
    if (!b) {
        // Mercator and its kind cannot show the poles: the box is cut at 85 degrees.
        Bounds cut = *req.bbox_lonlat;
        cut.min_y = std::max(cut.min_y, -85.0);
        cut.max_y = std::min(cut.max_y, 85.0);
        if (cut.min_y < cut.max_y) b = lonlat_to_display(atlas.crs, cut);
    }
    if (!b) return input_error("the bounding box cannot be shown in the atlas's CRS (" + atlas.crs + ")");
    return std::pair{*b, 0.03};
}

std::optional<double> export_units_per_pixel(const MapView& view, const Atlas& atlas, const ExportRequest& req) {
    const auto framed = export_area(view, atlas, req);
    if (!framed || req.width < 1 || req.height < 1) return std::nullopt;
    return fit_camera(framed->first, req.width, req.height, framed->second, 0).units_per_pixel;
}

ExportRequest as_previewed(const render::Camera& cam, float preview_scale, int width, int height) {
    ExportRequest req;
    req.width = width;
    req.height = height;
    Bounds area;
    area.add(Vec2{cam.center_x - cam.width * cam.units_per_pixel / 2,
                  cam.center_y - cam.height * cam.units_per_pixel / 2});
    area.add(Vec2{cam.center_x + cam.width * cam.units_per_pixel / 2,
                  cam.center_y + cam.height * cam.units_per_pixel / 2});
    req.area = area;
    req.overlay_scale =
        preview_scale *
        std::min(static_cast<float>(width) / static_cast<float>(std::max(1, cam.width)),
                 static_cast<float>(height) / static_cast<float>(std::max(1, cam.height)));
    return req;
}

Result<> write_map_png(const std::string& path, const Atlas& atlas, const ExportRequest& req,
                       const std::uint8_t* rgba) {
    std::string sources;
    for (const auto& s : atlas.sources)
        sources += (sources.empty() ? "" : "; ") + (s.author.empty() ? s.title : s.author + ", " + s.title);
    return render::write_png(path, req.width, req.height, rgba,
                             {{"Title", atlas.title},
                              {"Date", req.date.iso()},
                              {"Basis", req.basis == Basis::DeJure ? "de jure" : "de facto"},
                              {"Source", sources},
                              {"Software", "Chronomap"}});
}

namespace {

// Starts the job and renders every tile.
Result<> run_all(ExportJob& job, MapView& view, const Atlas& atlas, const ExportRequest& req,
                 const std::function<void(float)>& progress, OverlayCanvas* canvas = nullptr) {
    if (auto started = job.start(view, atlas, req, canvas); !started) return started;
    while (!job.finished()) {
        if (auto stepped = job.step(); !stepped) return stepped;
        if (progress) progress(job.progress());
    }
    return {};
}

}  // namespace

Result<std::vector<std::uint8_t>> render_image(MapView& view, const Atlas& atlas, const ExportRequest& req,
                                               const std::function<void(float)>& progress, OverlayCanvas* canvas) {
    ExportJob job;
    if (auto done = run_all(job, view, atlas, req, progress, canvas); !done) return done.failure();
    return job.image();
}

Result<> export_png(MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path,
                    const std::function<void(float)>& progress) {
    ExportJob job;
    if (auto done = run_all(job, view, atlas, req, progress); !done) return done;
    return job.write_png(path);
}

Result<> export_comparison_png(MapView& view, const Atlas& atlas, const Timeline& timeline, const ExportRequest& req,
                               Date date, Basis other_view, const std::string& path) {
    constexpr int kGap = 4;  // a white rule between the halves
    if (req.width < 2 * 16 + kGap) return input_error("the image is too narrow for two maps side by side");
    ExportRequest left = req, right = req;
    left.width = right.width = (req.width - kGap) / 2;
    right.date = date;
    right.basis = other_view;
    // The same area for both halves of the same size: one camera.
    if (!left.area && !left.bbox_lonlat) left.area = right.area = view.default_area();
    for (const auto& d : compare_dates(timeline, req.date, req.basis, date, other_view)) {
        left.emphasise.push_back(d.territory);
        right.emphasise.push_back(d.territory);
    }
    const auto a = render_image(view, atlas, left);
    if (!a) return a.failure();
    const auto b = render_image(view, atlas, right);
    if (!b) return b.failure();
    std::vector<std::uint8_t> image(static_cast<std::size_t>(req.width) * static_cast<std::size_t>(req.height) * 4, 255);
    const auto row = static_cast<std::size_t>(left.width) * 4;
    for (int y = 0; y < req.height; ++y) {
        const auto out = static_cast<std::size_t>(y) * static_cast<std::size_t>(req.width) * 4;
        std::copy_n(a->begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row), row,
                    image.begin() + static_cast<std::ptrdiff_t>(out));
        std::copy_n(b->begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row), row,
                    image.begin() + static_cast<std::ptrdiff_t>(out + row + kGap * 4));
    }
    const auto name = [](Basis v) { return v == Basis::DeJure ? "de jure" : "de facto"; };
    return render::write_png(path, req.width, req.height, image,
                             {{"Title", atlas.title},
                              {"Description", req.date.readable() + " (" + name(req.basis) + ") and " + date.readable() +
                                                  " (" + name(other_view) + ") side by side; territories whose "
                                                  "control differs are outlined"},
                              {"Software", "Chronomap"}});
}

}  // namespace chronomap

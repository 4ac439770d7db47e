#include "export.h"

#include <algorithm>

#include "export_job.h"

namespace chronomap {

float default_overlay_scale(int width, int height) {
    return std::max(
        0.75f, std::min(static_cast<float>(width) / 1920.0f, static_cast<float>(height) / 1080.0f));
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

namespace {

// Starts the job and renders every tile; returns "" or the error.
std::string run_all(ExportJob& job, MapView& view, const Atlas& atlas, const ExportRequest& req,
                    const std::function<void(float)>& progress) {
    if (std::string error = job.start(view, atlas, req); !error.empty()) return error;
    do {
        job.step();
        if (progress) progress(job.progress());
    } while (!job.finished() && job.error().empty());
    return job.error();
}

}  // namespace

std::string render_image(MapView& view, const Atlas& atlas, const ExportRequest& req,
                         std::vector<std::uint8_t>& rgba,
                         const std::function<void(float)>& progress) {
    ExportJob job;
    if (std::string error = run_all(job, view, atlas, req, progress); !error.empty()) return error;
    rgba = job.image();
    return {};
}

std::string export_png(MapView& view, const Atlas& atlas, const ExportRequest& req,
                       const std::string& path, const std::function<void(float)>& progress) {
    ExportJob job;
    if (std::string error = run_all(job, view, atlas, req, progress); !error.empty()) return error;
    return job.write_png(path);
}

}  // namespace chronomap

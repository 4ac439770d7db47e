#include "export.h"

#include <algorithm>

#include "map_view.h"
#include "offscreen.h"
#include "png_writer.h"
#include "projection.h"

namespace chronomap {

std::string export_png(MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path) {
    if (req.width < 1 || req.height < 1 || req.width > 16384 || req.height > 16384)
        return "the image size must be between 1 and 16384 pixels a side";
    Bounds area = view.default_area();
    if (req.bbox_lonlat) {
        auto b = lonlat_to_display(atlas.crs, *req.bbox_lonlat);
        if (!b) return "the bounding box cannot be shown in the atlas's CRS";
        area = *b;
    }
    view.set_date(req.date, req.view);
    const render::Camera full = fit_camera(area, req.width, req.height);
    const int tile = std::min(req.max_tile, render::max_texture_size());
    std::vector<std::uint8_t> image(static_cast<std::size_t>(req.width) * static_cast<std::size_t>(req.height) * 4);
    render::Offscreen target;
    for (int ty = 0; ty < req.height; ty += tile) {
        for (int tx = 0; tx < req.width; tx += tile) {
            const int w = std::min(tile, req.width - tx);
            const int h = std::min(tile, req.height - ty);
            std::string error;
            if (target.width() != w || target.height() != h)
                if (!target.create(w, h, req.samples, error)) return error;
            target.bind();
            // The tile's camera: same scale, centred on the tile's part of the image.
            render::Camera cam = full;
            cam.width = w;
            cam.height = h;
            cam.center_x = full.center_x + (tx + w / 2.0 - req.width / 2.0) * full.units_per_pixel;
            cam.center_y = full.center_y - (ty + h / 2.0 - req.height / 2.0) * full.units_per_pixel;
            view.draw(cam, std::max(1.0f, static_cast<float>(req.width) / 1920.0f), static_cast<float>(tx),
                      static_cast<float>(req.height - ty - h));
            const auto px = target.read_rgba();
            for (int y = 0; y < h; ++y)
                std::copy_n(px.begin() + static_cast<std::ptrdiff_t>(y) * w * 4, w * 4,
                            image.begin() + (static_cast<std::ptrdiff_t>(ty + y) * req.width + tx) * 4);
        }
    }
    std::string sources;
    for (const auto& s : atlas.sources)
        sources += (sources.empty() ? "" : "; ") + (s.author.empty() ? s.title : s.author + ", " + s.title);
    return render::write_png(path, req.width, req.height, image,
                             {{"Title", atlas.title},
                              {"Date", req.date.iso()},
                              {"Basis", req.view == Basis::DeJure ? "de jure" : "de facto"},
                              {"Source", sources},
                              {"Software", "Chronomap"}});
}

}  // namespace chronomap

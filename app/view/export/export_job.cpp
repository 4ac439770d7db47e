#include "app/view/export/export_job.h"

#include <algorithm>

#include "app/view/scene/map_view.h"
#include "render/png_writer.h"
#include "data/geometry/projection.h"

namespace chronomap {

Result<> ExportJob::start(MapView& view, const Atlas& atlas, const ExportRequest& req, OverlayCanvas* shared) {
    view_ = &view;
    atlas_ = &atlas;
    req_ = req;
    req_.framebuffer = nullptr;
    if (req.framebuffer) target_ = std::move(*req.framebuffer);
    done_ = tiles_ = 0;
    if (auto size = check_export_size(req); !size) return size;
    const auto framed = export_area(view, atlas, req);
    if (!framed) return framed.failure();
    const auto [area, margin] = *framed;
    if (!pane_) pane_ = std::make_unique<render::PaneStyle>();  // a job started again keeps its GL objects
    if (req.styles)
        view.prepare(*pane_, labels_, req.date, *req.styles);
    else
        view.prepare(*pane_, labels_, req.date, req.basis, req.with_claims, req.emphasise, req.overlays.uncertainty);
    scale_ = export_text_scale(req);
    const OverlayText text =
        overlay_text(atlas, view.timeline(), req.date, req.basis, req.lang, req.with_claims, &view.scene(),
                     req.overlays.uncertainty);
    const std::string glyphs = overlay_characters(text, labels_);
    if (shared) {
        canvas_ = shared;
    } else {
        own_canvas_ = std::make_unique<OverlayCanvas>();
        if (auto ready = own_canvas_->init(scale_, &glyphs); !ready) return ready;
        canvas_ = own_canvas_.get();
    }
    // A fitted view leaves the caption its band; an area taken from the window is shown as it was.
    ImGuiPainter painter(canvas_->begin(req.width, req.height), canvas_->fonts());
    const OverlayInsets inset =
        req.area ? OverlayInsets{} : overlay_insets(painter, text, req.overlays, static_cast<float>(req.width),
                                                 static_cast<float>(req.height));
    full_ = fit_camera(area, req.width, req.height, margin, inset.bottom, inset.right);
    OverlayFrame frame{&painter,
                       0,
                       0,
                       static_cast<float>(req.width),
                       static_cast<float>(req.height),
                       full_,
                       &view.geo()};
    draw_overlay(frame, text, labels_, req.overlays);
    canvas_->end();

    tile_ = std::min(req.max_tile, render::max_texture_size());
    tiles_ = ((req.width + tile_ - 1) / tile_) * ((req.height + tile_ - 1) / tile_);
    done_ = 0;
    image_.resize(static_cast<std::size_t>(req.width) * static_cast<std::size_t>(req.height) * 4);  // every tile fills its part
    return {};
}

Result<> ExportJob::step() {
    if (done_ >= tiles_) return {};
    const int across = (req_.width + tile_ - 1) / tile_;
    const int tx = (done_ % across) * tile_, ty = (done_ / across) * tile_;
    const int w = std::min(tile_, req_.width - tx), h = std::min(tile_, req_.height - ty);
    if (target_.width() != w || target_.height() != h)
        if (auto made = target_.create(w, h, req_.samples); !made) return made;
    target_.bind();
    // The tile's camera: same scale, centred on the tile's part of the image.
    render::Camera cam = full_;
    cam.width = w;
    cam.height = h;
    cam.center_x = full_.center_x + (tx + w / 2.0 - req_.width / 2.0) * full_.units_per_pixel;
    cam.center_y = full_.center_y - (ty + h / 2.0 - req_.height / 2.0) * full_.units_per_pixel;
    view_->draw(*pane_, cam, export_line_scale(req_), static_cast<float>(tx), static_cast<float>(req_.height - ty - h));
    canvas_->render_tile(tx, ty, w, h);
    if (tiles_ == 1) {
        target_.read_rgba(image_);
        ++done_;
        return {};
    }
    target_.read_rgba(tile_pixels_);
    for (int y = 0; y < h; ++y)
        std::copy_n(tile_pixels_.begin() + static_cast<std::ptrdiff_t>(y) * w * 4, w * 4,
                    image_.begin() + (static_cast<std::ptrdiff_t>(ty + y) * req_.width + tx) * 4);
    ++done_;
    return {};
}

Result<> ExportJob::write_png(const std::string& path) const {
    if (!finished()) return internal_error("the export is not finished");
    return write_map_png(path, *atlas_, req_, image_.data());
}

}  // namespace chronomap

#include "app/view/export/vector_export.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <sys/mman.h>

#include "app/view/export/cairo_map.h"
#include "app/view/overlay/cairo_painter.h"
#include "app/view/overlay/svg_text.h"
#include "app/view/scene/map_view.h"
#include "data/formats/output_file.h"

namespace chronomap {

bool is_vector_path(const std::string& path) {
    const std::string ext = lower_extension(path);
    return ext == ".svg" || ext == ".pdf";
}

namespace {

// Draws req's map and overlays into `cr` (a surface of req.width x req.height; with `pixels`, an
// RGB24 image surface over them, whose map is drawn on every core). With `keep_text` the text is
// not drawn but returned, for an SVG's own <text> elements.
std::vector<SvgText> compose(cairo_t* cr, const MapView& view, const Atlas& atlas, const ExportRequest& req,
                             const std::pair<Bounds, double>& framed, bool keep_text, std::uint8_t* pixels = nullptr) {
    auto styles = req.styles ? *req.styles : view.styles(req.date, req.basis, req.with_claims, req.overlays.uncertainty);
    for (std::size_t i = 0; i < styles.size() && i < view.scene().slots.size(); ++i) {
        const Feature* f = view.scene().slots[i].feature;
        if (f && shown(styles[i]) && std::find(req.emphasise.begin(), req.emphasise.end(), f->id) != req.emphasise.end())
            styles[i].highlight = 255;
    }
    const auto labels = view.labels_for(styles);
    const OverlayText text =
        overlay_text(atlas, view.timeline(), req.date, req.basis, req.lang, req.with_claims, &view.scene(),
                     req.overlays.uncertainty);
    const float scale = export_text_scale(req);
    CairoPainter painter(cr, scale, keep_text);
    const OverlayInsets inset =
        req.area ? OverlayInsets{} : overlay_insets(painter, text, req.overlays, static_cast<float>(req.width),
                                                 static_cast<float>(req.height));
    const render::Camera cam = fit_camera(framed.first, req.width, req.height, framed.second, inset.bottom, inset.right);
    if (pixels) {
        cairo_surface_flush(cairo_get_target(cr));
        draw_cairo_map_image(pixels, cam, view, atlas, styles, export_line_scale(req), req.date);
        cairo_surface_mark_dirty(cairo_get_target(cr));
    } else {
        draw_cairo_map(cr, cam, view, atlas, styles, export_line_scale(req), req.date);
    }
    draw_overlay({&painter, 0, 0, static_cast<float>(req.width), static_cast<float>(req.height), cam, &view.geo()},
                 text, labels, req.overlays);
    return painter.texts();
}

}  // namespace

Result<> export_vector(const MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path) {
    if (auto size = check_export_size(req); !size) return size;
    if (!is_vector_path(path)) return input_error("a vector export is .svg or .pdf, not '" + path + "'");
    const auto framed = export_area(view, atlas, req);
    if (!framed) return framed.failure();

    Result<OutputFile> out = OutputFile::open(path);
    if (!out) return out.failure();
    const bool pdf = lower_extension(path) == ".pdf";
    cairo_surface_t* surface = pdf ? cairo_pdf_surface_create(out->temp_path().c_str(), req.width, req.height)
                                   : cairo_svg_surface_create(out->temp_path().c_str(), req.width, req.height);
    if (pdf) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, atlas.title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                       (req.date.readable() + (req.basis == Basis::DeJure ? ", de jure" : ", de facto")).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Chronomap");
    } else {
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
    }
    cairo_t* cr = cairo_create(surface);
    const std::vector<SvgText> texts = compose(cr, view, atlas, req, *framed, !pdf);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        return internal_error("cannot write " + path + ": " + cairo_status_to_string(status));
    if (!pdf) {
        std::ifstream in(out->temp_path(), std::ios::binary);
        std::stringstream svg;
        svg << in.rdbuf();
        in.close();
        std::ofstream rewrite(out->temp_path(), std::ios::binary | std::ios::trunc);
        rewrite << with_svg_text(svg.str(), texts);
        if (!rewrite.flush()) return internal_error("cannot write " + path);
    }
    return out->commit();
}

namespace {

// Pixels for an image surface, in huge pages where the kernel gives them: a 4K image is 8,100
// ordinary pages, each faulted in as the sea is painted, which cost more than the painting.
struct PixelBuffer {
    std::uint8_t* bytes = nullptr;
    explicit PixelBuffer(std::size_t size) {
        constexpr std::size_t kHuge = 2u << 20;
        const std::size_t rounded = (size + kHuge - 1) / kHuge * kHuge;
        bytes = static_cast<std::uint8_t*>(std::aligned_alloc(kHuge, rounded));
        if (bytes) ::madvise(bytes, rounded, MADV_HUGEPAGE);
    }
    ~PixelBuffer() { std::free(bytes); }
    PixelBuffer(const PixelBuffer&) = delete;
    PixelBuffer& operator=(const PixelBuffer&) = delete;
};

}  // namespace

Result<> export_png_on_cpu(const MapView& view, const Atlas& atlas, const ExportRequest& req, const std::string& path) {
    if (auto size = check_export_size(req); !size) return size;
    const auto framed = export_area(view, atlas, req);
    if (!framed) return framed.failure();
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, req.width);
    if (stride != req.width * 4) return internal_error("cannot lay out a " + std::to_string(req.width) + "-pixel row");
    const std::size_t size = static_cast<std::size_t>(stride) * static_cast<std::size_t>(req.height);
    const PixelBuffer pixels(size);
    if (!pixels.bytes)
        return internal_error("out of memory for a " + std::to_string(req.width) + "x" + std::to_string(req.height) +
                              " image");
    cairo_surface_t* surface =
        cairo_image_surface_create_for_data(pixels.bytes, CAIRO_FORMAT_RGB24, req.width, req.height, stride);
    cairo_t* cr = cairo_create(surface);
    (void)compose(cr, view, atlas, req, *framed, false, pixels.bytes);  // the sea is painted over every pixel first
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    // RGB24 keeps each pixel as a 32-bit 0xXXRRGGBB in the machine's byte order: made RGBA in place.
    for (std::size_t i = 0; i < size; i += 4) {
        std::uint32_t p;
        std::memcpy(&p, pixels.bytes + i, 4);
        const std::uint8_t rgba[4] = {static_cast<std::uint8_t>(p >> 16), static_cast<std::uint8_t>(p >> 8),
                                      static_cast<std::uint8_t>(p), 255};
        std::memcpy(pixels.bytes + i, rgba, 4);
    }
    return write_map_png(path, atlas, req, pixels.bytes);
}

}  // namespace chronomap

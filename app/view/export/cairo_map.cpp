#include "app/view/export/cairo_map.h"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <thread>

#include "app/view/overlay/cairo_painter.h"
#include "data/support/parallel.h"
#include "app/view/scene/map_view.h"

namespace chronomap {
namespace {

// Douglas-Peucker on page pixels: the points that move the line by more than `tol` pixels.
void thin(const std::vector<std::pair<double, double>>& in, double tol, std::vector<char>& keep) {
    keep.assign(in.size(), 0);
    if (in.empty()) return;
    keep.front() = keep.back() = 1;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, in.size() - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) continue;
        const double ax = in[a].first, ay = in[a].second, dx = in[b].first - ax, dy = in[b].second - ay;
        const double len2 = dx * dx + dy * dy;
        double worst = -1;
        std::size_t at = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const double px = in[i].first - ax, py = in[i].second - ay;
            // Distance to the segment (to the point itself when the ends coincide, as in a ring).
            const double t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0, 1.0) : 0.0;
            const double ex = px - t * dx, ey = py - t * dy, d = ex * ex + ey * ey;
            if (d > worst) worst = d, at = i;
        }
        if (worst > tol * tol) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}

// Display coordinates to the page's pixels, and the path of a shape thinned to what the page can
// show: nothing that moves an outline by less than a quarter of a pixel.
struct Page {
    cairo_t* cr;
    render::Camera cam;
    double top, bottom;  // the rows drawn: what lies outside them is left out

    double px(double x) const { return (x - cam.center_x) / cam.units_per_pixel + cam.width / 2.0; }
    double py(double y) const { return cam.height / 2.0 - (y - cam.center_y) / cam.units_per_pixel; }
    bool visible(const Bounds& b) const {
        return !b.empty() && px(b.max_x) >= -50 && px(b.min_x) <= cam.width + 50 && py(b.min_y) >= top - 50 &&
               py(b.max_y) <= bottom + 50;
    }
    void ring(const Ring& r, bool close) const {
        std::vector<std::pair<double, double>> pts;
        pts.reserve(r.size());
        for (const auto& v : r) {
            const double x = px(v.x), y = py(v.y);
            // Runs of points within a tenth of a pixel are one point (cheap before the real thinning).
            if (!pts.empty() && std::abs(x - pts.back().first) < 0.1 && std::abs(y - pts.back().second) < 0.1) continue;
            pts.emplace_back(x, y);
        }
        std::vector<char> keep;
        thin(pts, 0.25, keep);
        int kept = 0;
        for (std::size_t i = 0; i < pts.size(); ++i)
            if (keep[i]) kept++ ? cairo_line_to(cr, pts[i].first, pts[i].second) : cairo_move_to(cr, pts[i].first, pts[i].second);
        if (close && kept) cairo_close_path(cr);
    }
    void polygons(const Shape& s) const {
        cairo_new_path(cr);
        for (const auto& p : s.polygons)
            for (const auto& r : p.rings) ring(r, true);
    }
};

// A status pattern as a repeating tile drawn with vector strokes (an SVG <pattern>, a PDF tiling
// pattern), spaced as on screen.
cairo_pattern_t* pattern_fill(render::Pattern kind, std::uint32_t colour, double s) {
    const double t = (kind == render::Pattern::Transition ? 24 : 8) * s;
    cairo_rectangle_t extents{0, 0, t, t};
    cairo_surface_t* tile = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cairo_t* cr = cairo_create(tile);
    set_rgba(cr, colour);
    cairo_set_line_width(cr, 1.2 * s);
    auto seg = [&](double x0, double y0, double x1, double y1) {
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
    };
    switch (kind) {
        case render::Pattern::CrossHatch:
            seg(-t / 2, -t / 2, 3 * t / 2, 3 * t / 2);
            seg(t / 2, -t / 2, 3 * t / 2, t / 2);
            seg(-t / 2, t / 2, t / 2, 3 * t / 2);
            [[fallthrough]];
        case render::Pattern::Hatch:
            seg(-t / 2, t / 2, t / 2, -t / 2);
            seg(-t / 2, 3 * t / 2, 3 * t / 2, -t / 2);
            seg(t / 2, 3 * t / 2, 3 * t / 2, t / 2);
            cairo_stroke(cr);
            break;
        case render::Pattern::Dots:
            cairo_arc(cr, t / 2, t / 2, 0.9 * s, 0, 2 * M_PI);
            cairo_fill(cr);
            break;
        case render::Pattern::Stripes:
            seg(0, t / 2, t, t / 2);
            cairo_stroke(cr);
            break;
        case render::Pattern::Transition:  // a checkerboard: two of the tile's four squares
            cairo_rectangle(cr, t / 2, 0, t / 2, t / 2);
            cairo_rectangle(cr, 0, t / 2, t / 2, t / 2);
            cairo_fill(cr);
            break;
        case render::Pattern::None:
            break;
    }
    cairo_destroy(cr);
    cairo_pattern_t* p = cairo_pattern_create_for_surface(tile);
    cairo_pattern_set_extend(p, CAIRO_EXTEND_REPEAT);
    cairo_surface_destroy(tile);
    return p;
}

// The scanned maps shown on a date, as cairo surfaces (premultiplied native-endian ARGB), made
// once for all the bands of an export.
class Rasters {
  public:
    Rasters(const Atlas& atlas, Date date) {
        for (const auto& layer : atlas.layers) {
            if (layer.role != LayerRole::Raster || !layer.raster || !layer.visible) continue;
            const float opacity = layer.raster_opacity(date);
            if (opacity > 0 && layer.raster->width > 0) shown_.push_back({surface_of(*layer.raster), layer.raster.get(), opacity});
        }
    }
    ~Rasters() {
        for (auto& r : shown_) cairo_surface_destroy(r.surface);
    }
    Rasters(const Rasters&) = delete;
    Rasters& operator=(const Rasters&) = delete;
    void draw(const Page& page) const;

  private:
    static cairo_surface_t* surface_of(const RasterImage& image) {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
        const int stride = cairo_image_surface_get_stride(surface);
        unsigned char* data = cairo_image_surface_get_data(surface);
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) {
                const std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                                                     static_cast<std::size_t>(x)) * 4];
                const std::uint32_t a = p[3];
                const std::uint32_t argb = a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
                std::memcpy(data + y * stride + x * 4, &argb, 4);
            }
        cairo_surface_mark_dirty(surface);
        return surface;
    }
    struct Shown {
        cairo_surface_t* surface;
        const RasterImage* image;
        float opacity;
    };
    std::vector<Shown> shown_;
};

// Each over its rectangle, scaled by cairo (bilinear), at its opacity.
void Rasters::draw(const Page& page) const {
    for (const auto& [surface, image_ptr, opacity] : shown_) {
        const RasterImage& image = *image_ptr;
        if (!page.visible(image.bounds)) continue;
        cairo_t* cr = page.cr;
    cairo_save(cr);
    const double x0 = page.px(image.bounds.min_x), y0 = page.py(image.bounds.max_y);
    cairo_translate(cr, x0, y0);
    cairo_scale(cr, (page.px(image.bounds.max_x) - x0) / image.width, (page.py(image.bounds.min_y) - y0) / image.height);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
    }
}

// The map, in the order the screen draws it: sea, reference fills, territories with their
// patterns, reference outlines and lines, claims, borders, outlines of what changed; shapes
// outside rows [top, bottom] of the picture are left out.
void draw_rows(cairo_t* cr, const render::Camera& cam, const MapView& view, const Atlas& atlas,
               const std::vector<render::FeatureStyle>& styles, double s, double top, double bottom, const Rasters& rasters) {
    const Page page{cr, cam, top, bottom};
    set_rgba(cr, palette::kSea);
    cairo_paint(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const MapScene& scene = view.scene();
    std::vector<const Layer*> references;
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Reference && !skipped_in_scene(layer)) references.push_back(&layer);
    const bool with_refs = view.show_reference && references.size() == scene.references.size();
    if (with_refs)
        for (std::size_t i = 0; i < references.size(); ++i) {
            if (!(scene.references[i].fill & 0xFF)) continue;
            for (const auto& f : references[i]->features) {
                if (f.shape.polygons.empty() || !page.visible(f.shape.bounds())) continue;
                page.polygons(f.shape);
                set_rgba(cr, scene.references[i].fill);
                cairo_fill(cr);
            }
        }
    rasters.draw(page);
    // Each shown shape's path is thinned once, for its fill, and kept for the passes over it.
    std::vector<cairo_path_t*> paths(std::min(scene.slots.size(), styles.size()), nullptr);
    auto each_shown = [&](auto&& wanted, auto&& draw) {
        for (std::size_t i = 0; i < paths.size(); ++i) {
            const SceneSlot& slot = scene.slots[i];
            if (!shown(styles[i]) || !wanted(styles[i]) || slot.feature->shape.polygons.empty() ||
                !page.visible(slot.bounds))
                continue;
            if (paths[i]) {
                cairo_new_path(cr);
                cairo_append_path(cr, paths[i]);
            } else {
                page.polygons(slot.feature->shape);
                paths[i] = cairo_copy_path(cr);
            }
            draw(styles[i]);
        }
    };
    auto every = [](const render::FeatureStyle&) { return true; };
    each_shown(every, [&](const render::FeatureStyle& st) {
        set_rgba(cr, st.fill);
        if (st.pattern == render::Pattern::None) return cairo_fill(cr);
        cairo_fill_preserve(cr);
        cairo_pattern_t* p = pattern_fill(st.pattern, st.pattern_colour, s);
        cairo_set_source(cr, p);
        cairo_fill(cr);
        cairo_pattern_destroy(p);
    });
    if (with_refs)
        for (std::size_t i = 0; i < references.size(); ++i) {
            if (!(scene.references[i].outline & 0xFF)) continue;
            cairo_set_line_width(cr, scene.references[i].width * s);
            set_rgba(cr, scene.references[i].outline);
            for (const auto& f : references[i]->features) {
                if (!page.visible(f.shape.bounds())) continue;
                page.polygons(f.shape);
                for (const auto& l : f.shape.lines) page.ring(l, false);
                cairo_stroke(cr);
            }
        }
    // A claim is a band inside the border in the claimant's colour.
    each_shown([](const render::FeatureStyle& st) { return (st.claim & 0xFF) != 0; }, [&](const render::FeatureStyle& st) {
        cairo_save(cr);
        cairo_clip_preserve(cr);
        set_rgba(cr, st.claim);
        cairo_set_line_width(cr, 2 * 7 * s);
        cairo_stroke(cr);
        cairo_restore(cr);
    });
    // Borders by their precision: solid when exact, soft (wide and fading) when approximate,
    // dashed when schematic.
    each_shown(every, [&](const render::FeatureStyle& st) {
        if (st.edge == 1) {
            for (const auto& [width, alpha] : {std::pair{3.0, 0x30u}, {1.8, 0x50u}, {0.8, 0x80u}}) {
                cairo_set_line_width(cr, width * s);
                set_rgba(cr, (palette::kBorder & 0xFFFFFF00u) | alpha);
                cairo_stroke_preserve(cr);
            }
            return cairo_new_path(cr);
        }
        const double dash[] = {3.3 * s, 2.7 * s};
        cairo_set_dash(cr, dash, st.edge == 2 ? 2 : 0, 0);
        cairo_set_line_width(cr, 1.2 * s);
        set_rgba(cr, palette::kBorder);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    });
    each_shown([](const render::FeatureStyle& st) { return st.highlight != 0; }, [&](const render::FeatureStyle& st) {
        set_rgba(cr, (palette::kHighlight & 0xFFFFFF00u) | st.highlight);
        cairo_set_line_width(cr, 4 * s);
        cairo_stroke(cr);
    });
    for (cairo_path_t* p : paths)
        if (p) cairo_path_destroy(p);
}

}  // namespace

void draw_cairo_map(cairo_t* cr, const render::Camera& cam, const MapView& view, const Atlas& atlas,
                    const std::vector<render::FeatureStyle>& styles, double scale, Date date) {
    const Rasters rasters(atlas, date);
    draw_rows(cr, cam, view, atlas, styles, scale, 0, cam.height, rasters);
}

void draw_cairo_map_image(std::uint8_t* pixels, const render::Camera& cam, const MapView& view, const Atlas& atlas,
                          const std::vector<render::FeatureStyle>& styles, double scale, Date date) {
    // Bands of whole rows, several a core so that a band of ocean does not leave a core idle.
    const int rows = std::max(1, cam.height), stride = cam.width * 4;
    const int bands = std::min(rows, 4 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    const Rasters rasters(atlas, date);
    parallel_for(static_cast<std::size_t>(bands), [&](std::size_t b) {
        const int y0 = rows * static_cast<int>(b) / bands, y1 = rows * (static_cast<int>(b) + 1) / bands;
        cairo_surface_t* band = cairo_image_surface_create_for_data(
            pixels + static_cast<std::size_t>(y0) * static_cast<std::size_t>(stride), CAIRO_FORMAT_RGB24, cam.width,
            y1 - y0, stride);
        cairo_t* cr = cairo_create(band);
        cairo_translate(cr, 0, -y0);  // the whole picture's coordinates, so patterns and dashes line up
        draw_rows(cr, cam, view, atlas, styles, scale, y0, y1, rasters);
        cairo_destroy(cr);
        cairo_surface_finish(band);
        cairo_surface_destroy(band);
    });
}

}  // namespace chronomap

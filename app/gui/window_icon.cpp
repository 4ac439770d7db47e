#include "app/gui/window_icon.h"

#include <cairo.h>

#include <cstring>
#include <initializer_list>
#include <utility>

namespace chronomap::gui {
namespace {

using Points = std::initializer_list<std::pair<double, double>>;
constexpr double kPi = 3.14159265358979323846;

void shape(cairo_t* cr, Points points, std::uint32_t rgb) {
    cairo_new_path(cr);
    for (const auto& [x, y] : points) cairo_line_to(cr, x, y);  // the first line_to moves
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, (rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0x2B / 255.0, 0x2B / 255.0, 0x2B / 255.0);
    cairo_set_line_width(cr, 1.5);
    cairo_stroke(cr);
}

}  // namespace

std::vector<std::uint8_t> window_icon(int size) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, size / 64.0, size / 64.0);  // the SVG's 64 x 64 units
    const double r = 10;                        // the sea's rounded corners
    cairo_new_sub_path(cr);
    cairo_arc(cr, 62 - r, 2 + r, r, -kPi / 2, 0);
    cairo_arc(cr, 62 - r, 62 - r, r, 0, kPi / 2);
    cairo_arc(cr, 2 + r, 62 - r, r, kPi / 2, kPi);
    cairo_arc(cr, 2 + r, 2 + r, r, kPi, 3 * kPi / 2);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0xC6 / 255.0, 0xDB / 255.0, 0xEB / 255.0);
    cairo_fill(cr);
    shape(cr, {{8, 12}, {30, 8}, {34, 26}, {22, 34}, {8, 30}}, 0xC46E6E);
    shape(cr, {{30, 8}, {56, 10}, {56, 30}, {34, 26}}, 0x5A9BD4);
    shape(cr, {{22, 34}, {34, 26}, {56, 30}, {56, 44}, {10, 44}, {8, 30}}, 0xE0B84A);
    cairo_set_source_rgb(cr, 0x2B / 255.0, 0x2B / 255.0, 0x2B / 255.0);
    cairo_rectangle(cr, 8, 51, 48, 3);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0xD6 / 255.0, 0x28 / 255.0, 0x28 / 255.0);
    cairo_rectangle(cr, 37, 47, 3, 11);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    // cairo's premultiplied 0xAARRGGBB words to GLFW's straight RGBA bytes.
    std::vector<std::uint8_t> out(static_cast<std::size_t>(size) * static_cast<std::size_t>(size) * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            std::uint32_t p;
            std::memcpy(&p, data + y * stride + x * 4, 4);
            const std::uint32_t a = p >> 24;
            std::uint8_t* o = &out[(static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)) * 4];
            for (int c = 0; c < 3; ++c) {
                const std::uint32_t v = p >> (16 - 8 * c) & 0xFF;
                o[c] = static_cast<std::uint8_t>(a ? (v * 255 + a / 2) / a : 0);
            }
            o[3] = static_cast<std::uint8_t>(a);
        }
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace chronomap::gui

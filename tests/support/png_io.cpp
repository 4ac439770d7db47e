#include "tests/support/png_io.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <png.h>

namespace chronomap::test {

std::uint32_t Png::at(int x, int y) const {
    const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                   static_cast<std::size_t>(x)) *
                                  4];
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           p[3];
}

Png read_png(const std::string& path) {
    Png out;
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str())) return out;
    img.format = PNG_FORMAT_RGBA;
    out.width = static_cast<int>(img.width);
    out.height = static_cast<int>(img.height);
    out.rgba.resize(PNG_IMAGE_SIZE(img));
    png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr);
    // Text chunks through the classic API.
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return out;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (!setjmp(png_jmpbuf(png))) {
        png_init_io(png, f);
        png_read_info(png, info);
        png_textp texts = nullptr;
        const int n = png_get_text(png, info, &texts, nullptr);
        for (int i = 0; i < n; ++i) out.text[texts[i].key] = texts[i].text;
    }
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(f);
    return out;
}

ImageDiff compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                  int threshold) {
    ImageDiff d;
    if (a.size() != b.size() || a.empty()) return {255, 1};
    std::size_t over = 0;
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); i += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            const int diff = std::abs(int(a[i + c]) - int(b[i + c]));
            sum += diff;
            worst = std::max(worst, diff);
        }
        if (worst > threshold) ++over;
    }
    d.mean_abs = sum / static_cast<double>(a.size());
    d.share_over = static_cast<double>(over) / static_cast<double>(a.size() / 4);
    return d;
}

}  // namespace chronomap::test

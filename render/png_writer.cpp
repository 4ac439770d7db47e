#include "png_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <png.h>
#include <unistd.h>

namespace chronomap::render {

std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                      const std::vector<PngText>& text) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return "cannot write " + tmp.string() + ": " + std::strerror(errno);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(f);
        fs::remove(tmp);
        return "libpng failed while writing " + path;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 1);  // fast: a 4K export must not wait on zlib
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    std::vector<png_text> chunks(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        chunks[i] = png_text{};
        chunks[i].compression = PNG_ITXT_COMPRESSION_NONE;
        chunks[i].key = const_cast<char*>(text[i].key.c_str());
        chunks[i].text = const_cast<char*>(text[i].value.c_str());
        chunks[i].itxt_length = text[i].value.size();
    }
    if (!chunks.empty()) png_set_text(png, info, chunks.data(), static_cast<int>(chunks.size()));
    png_write_info(png, info);
    const auto stride = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        png_write_row(png, const_cast<png_bytep>(rgba.data() + static_cast<std::size_t>(y) * stride));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    const bool closed = std::fclose(f) == 0;
    std::error_code ec;
    if (!closed) {
        fs::remove(tmp, ec);
        return "cannot finish writing " + path;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return "cannot move the image into place at " + path + ": " + ec.message();
    }
    return {};
}

}  // namespace chronomap::render

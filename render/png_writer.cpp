#include "png_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <png.h>

#include "output_file.h"

namespace chronomap::render {

namespace {

struct PngError {
    char message[200];
};

// libpng's messages go into the returned error, not raw onto stderr.
[[noreturn]] void on_png_error(png_structp png, png_const_charp message) {
    auto* e = static_cast<PngError*>(png_get_error_ptr(png));
    std::snprintf(e->message, sizeof e->message, "%s", message);
    png_longjmp(png, 1);
}
void on_png_warning(png_structp, png_const_charp) {}

// libpng reports errors by longjmp: this function holds no C++ object with a destructor, so
// nothing is skipped when it jumps (the caller owns the text chunks and the file).
bool write_png_stream(FILE* f, int width, int height, const std::uint8_t* rgba, png_text* chunks, int chunk_count,
                      PngError* error) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, on_png_error, on_png_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 1);  // fast: a 4K export must not wait on zlib
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (chunk_count > 0) png_set_text(png, info, chunks, chunk_count);
    png_write_info(png, info);
    const auto stride = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        png_write_row(png, const_cast<png_bytep>(rgba + static_cast<std::size_t>(y) * stride));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                      const std::vector<PngText>& text) {
    if (width < 1 || height < 1 || rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return "cannot write " + path + ": the image is empty or its size does not match its pixels";
    OutputFile out(path);
    if (!out.error().empty()) return out.error();
    std::vector<png_text> chunks(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        chunks[i] = png_text{};
        chunks[i].compression = PNG_ITXT_COMPRESSION_NONE;
        chunks[i].key = const_cast<char*>(text[i].key.c_str());
        chunks[i].text = const_cast<char*>(text[i].value.c_str());
        chunks[i].itxt_length = text[i].value.size();
    }
    FILE* f = std::fopen(out.temp_path().c_str(), "wb");
    if (!f) return "cannot write " + path + ": " + std::strerror(errno);
    errno = 0;
    PngError png_error{};
    const bool written =
        write_png_stream(f, width, height, rgba.data(), chunks.data(), static_cast<int>(chunks.size()), &png_error);
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed) {
        std::string why = write_errno ? std::strerror(write_errno) : png_error.message;
        return "cannot write " + path + (why.empty() ? std::string() : ": " + why);
    }
    return out.commit();
}

}  // namespace chronomap::render

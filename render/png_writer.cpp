#include "render/png_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <png.h>
#include <zlib.h>

#include "data/formats/output_file.h"
#include "data/support/parallel.h"

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

// Output room that is not cleared: deflateBound is the size of the rows, about 2 MB a band,
// while a map deflates to a fraction of that; clearing it all was a third of a small export.
// Pages never written are never touched.
struct ByteBuffer {
    std::unique_ptr<std::uint8_t[]> bytes;
    std::size_t capacity = 0, used = 0;
    void reserve(std::size_t n) {
        if (n <= capacity) return;
        std::unique_ptr<std::uint8_t[]> more(new std::uint8_t[n]);
        std::copy_n(bytes.get(), used, more.get());
        bytes = std::move(more);
        capacity = n;
    }
    std::uint8_t* begin() const { return bytes.get(); }
    std::uint8_t* end() const { return bytes.get() + used; }
    std::size_t size() const { return used; }
};

// The image data as one zlib stream, deflated a band of rows at a time on every core (zlib is
// single-threaded, and a 4K image is 33 MB). Rows use the Sub filter. Every band but the last ends
// on a sync flush, which closes its blocks on a byte boundary without ending the stream, so the
// bands' raw streams join into one; their Adler-32 checksums are combined. Empty on failure.
std::vector<std::uint8_t> deflate_rows(int width, int height, const std::uint8_t* rgba) {
    const auto stride = static_cast<std::size_t>(width) * 4;
    const std::size_t rows = static_cast<std::size_t>(height);
    const std::size_t bands = std::clamp<std::size_t>(rows / 128, 1, 16);
    struct Band {
        ByteBuffer out;
        uLong adler = 1, length = 0;
        bool ok = false;
    };
    std::vector<Band> done(bands);
    parallel_for(bands, [&](std::size_t b) {
        const std::size_t first = rows * b / bands, last = rows * (b + 1) / bands;
        Band& band = done[b];
        z_stream z{};
        if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
        band.length = static_cast<uLong>((last - first) * (stride + 1));
        band.out.reserve(deflateBound(&z, band.length) + 64);
        z.next_out = band.out.begin();
        z.avail_out = static_cast<uInt>(band.out.capacity);
        // Feeds one row; grows the output if zlib fills it (deflateBound holds for one call with
        // Z_FINISH, not for a sync flush).
        auto put = [&](std::uint8_t* data, std::size_t n, int flush) {
            z.next_in = data;
            z.avail_in = static_cast<uInt>(n);
            for (;;) {
                if (z.avail_out == 0) {
                    band.out.used = band.out.capacity;
                    band.out.reserve(band.out.capacity + band.out.capacity / 2 + 4096);
                    z.next_out = band.out.end();
                    z.avail_out = static_cast<uInt>(band.out.capacity - band.out.used);
                }
                const int r = deflate(&z, flush);
                if (r == Z_STREAM_ERROR) return false;
                if (flush == Z_FINISH ? r == Z_STREAM_END : z.avail_in == 0 && z.avail_out > 0) return true;
            }
        };
        std::vector<std::uint8_t> row(stride + 1);
        bool ok = true;
        for (std::size_t y = first; y < last && ok; ++y) {
            const std::uint8_t* in = rgba + y * stride;
            row[0] = 1;  // Sub: each byte less the same byte of the pixel to its left
            std::copy_n(in, std::min<std::size_t>(4, stride), row.begin() + 1);
            for (std::size_t i = 4; i < stride; ++i) row[i + 1] = static_cast<std::uint8_t>(in[i] - in[i - 4]);
            band.adler = adler32(band.adler, row.data(), static_cast<uInt>(row.size()));
            ok = put(row.data(), row.size(), y + 1 < last ? Z_NO_FLUSH : b + 1 < bands ? Z_SYNC_FLUSH : Z_FINISH);
        }
        band.out.used = static_cast<std::size_t>(z.next_out - band.out.begin());
        band.ok = ok;
        deflateEnd(&z);
    });
    std::size_t total = 6;
    for (const auto& band : done) {
        if (!band.ok) return {};
        total += band.out.size();
    }
    std::vector<std::uint8_t> stream;
    stream.reserve(total);
    stream.push_back(0x78);  // deflate with a 32 KB window
    stream.push_back(0x01);  // fastest compression; (0x78 * 256 + 0x01) % 31 == 0
    uLong adler = 1;
    for (const auto& band : done) {
        stream.insert(stream.end(), band.out.begin(), band.out.end());
        adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.length));
    }
    for (int shift = 24; shift >= 0; shift -= 8) stream.push_back(static_cast<std::uint8_t>(adler >> shift));
    return stream;
}

// libpng writes the signature, header, text chunks and framing; the image data is deflated
// above and written as IDAT chunks. libpng reports errors by longjmp: this function holds no
// C++ object with a destructor, so nothing is skipped when it jumps (the caller owns the text
// chunks, the compressed data and the file).
bool write_png_stream(FILE* f, int width, int height, const std::vector<std::uint8_t>& idat, png_text* chunks,
                      int chunk_count, PngError* error) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, error, on_png_error, on_png_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (chunk_count > 0) png_set_text(png, info, chunks, chunk_count);
    png_write_info(png, info);
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    for (std::size_t at = 0; at < idat.size(); at += kChunk)
        png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), idat.data() + at,
                        std::min(kChunk, idat.size() - at));
    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
    png_write_flush(png);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

Result<> write_png(const std::string& path, int width, int height, const std::uint8_t* rgba,
                   const std::vector<PngText>& text) {
    if (width < 1 || height < 1 || !rgba) return internal_error("cannot write " + path + ": the image is empty");
    Result<OutputFile> out = OutputFile::open(path);
    if (!out) return out.failure();
    std::vector<png_text> chunks(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        chunks[i] = png_text{};
        chunks[i].compression = PNG_ITXT_COMPRESSION_NONE;
        chunks[i].key = const_cast<char*>(text[i].key.c_str());
        chunks[i].text = const_cast<char*>(text[i].value.c_str());
        chunks[i].itxt_length = text[i].value.size();
    }
    const std::vector<std::uint8_t> idat = deflate_rows(width, height, rgba);
    if (idat.empty()) return internal_error("cannot write " + path + ": the image could not be compressed");
    FILE* f = std::fopen(out->temp_path().c_str(), "wb");
    if (!f) return internal_error("cannot write " + path + ": " + std::strerror(errno));
    errno = 0;
    PngError png_error{};
    const bool written =
        write_png_stream(f, width, height, idat, chunks.data(), static_cast<int>(chunks.size()), &png_error);
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed) {
        std::string why = write_errno ? std::strerror(write_errno) : png_error.message;
        return internal_error("cannot write " + path + (why.empty() ? std::string() : ": " + why));
    }
    return out->commit();
}

}  // namespace chronomap::render

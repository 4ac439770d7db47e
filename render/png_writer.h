#pragma once
// PNG output through libpng, its image data deflated fast on every core, written atomically (a temporary file in the
// same folder, then rename), so that a failure never leaves a partial image behind.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "data/support/result.h"

namespace chronomap::render {

struct PngText {
    std::string key;    // "Title", "Source", ...
    std::string value;  // UTF-8 (stored as an iTXt chunk)
};

// rgba: top-to-bottom rows of width x 4 bytes.
Result<> write_png(const std::string& path, int width, int height, const std::uint8_t* rgba,
                   const std::vector<PngText>& text);
inline Result<> write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                          const std::vector<PngText>& text) {
    if (width < 1 || height < 1 || rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
        return internal_error("cannot write " + path + ": the image is empty or its size does not match its pixels");
    return write_png(path, width, height, rgba.data(), text);
}

}  // namespace chronomap::render

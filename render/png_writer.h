#pragma once
// PNG output through libpng, its image data deflated fast on every core, written atomically (a temporary file in the
// same folder, then rename), so that a failure never leaves a partial image behind.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chronomap::render {

struct PngText {
    std::string key;    // "Title", "Source", ...
    std::string value;  // UTF-8 (stored as an iTXt chunk)
};

// rgba: top-to-bottom rows. Returns an empty string on success, else what went wrong.
std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                      const std::vector<PngText>& text);

}  // namespace chronomap::render

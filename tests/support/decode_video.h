#pragma once
// Decodes every frame of a film to RGBA with FFmpeg's libraries (tests of `animate`).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chronomap::test_support {

struct DecodedFilm {
    int width = 0, height = 0;
    double fps = 0;
    std::string codec;                          // "h264", "vp9"
    std::map<std::string, std::string> metadata;  // the container's tags
    std::vector<std::vector<std::uint8_t>> frames;  // RGBA, top row first
    int packets = 0;
    std::string error;
};

DecodedFilm decode_video(const std::string& path);

}  // namespace chronomap::test_support

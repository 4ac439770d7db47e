#pragma once
// Reading PNGs back in tests (pixels and text chunks).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chronomap::test {

struct Png {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // top row first
    std::map<std::string, std::string> text;
    std::uint32_t at(int x, int y) const;  // 0xRRGGBBAA
};

Png read_png(const std::string& path);

// Differences between two same-sized RGBA images.
struct ImageDiff {
    double mean_abs = 0;    // mean absolute difference per channel, 0..255
    double share_over = 0;  // share of pixels whose largest channel difference exceeds `threshold`
};
ImageDiff compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                  int threshold);

}  // namespace chronomap::test

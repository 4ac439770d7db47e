#pragma once
// A palette for a GIF film, computed from sample frames of that film: maps are mostly flat fills,
// so the most common colours are kept exactly (no dithering mush on the territories) and the
// rest of the 255 entries go to the edges and text. Entry 255 is transparent, which lets the
// encoder store only what changed between frames.

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace chronomap {

class GifPalette {
  public:
    static constexpr int kColours = 255;  // plus the transparent entry

    // Counts the colours of an RGBA frame (every pixel; alpha ignored).
    void sample(const std::vector<std::uint8_t>& rgba);
    // Chooses the palette from what was sampled. Until then (or with nothing sampled) it is a
    // fixed 6x7x6 colour cube.
    void build();
    // 256 entries as FFmpeg's PAL8 wants them: 0xAARRGGBB in native order.
    const std::array<std::uint32_t, 256>& argb() const { return argb_; }
    // Each pixel's nearest entry, by squared RGB distance (cached per colour).
    void map(const std::vector<std::uint8_t>& rgba, std::uint8_t* out) const;
    bool built() const { return used_ > 0; }

  private:
    std::uint8_t nearest(std::uint32_t rgb) const;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> counts_;  // rgb, count; merged in build()
    std::array<std::uint32_t, 256> argb_{};
    int used_ = 0;
    mutable std::unique_ptr<std::uint8_t[]> cache_;  // 2^24 entries, 0 = unknown, else index + 1
};

}  // namespace chronomap

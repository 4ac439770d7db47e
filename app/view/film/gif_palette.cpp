#include "app/view/film/gif_palette.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace chronomap {
namespace {

std::uint32_t rgb_at(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
}

int distance(std::uint32_t a, std::uint32_t b) {
    const int dr = int(a >> 16 & 0xFF) - int(b >> 16 & 0xFF), dg = int(a >> 8 & 0xFF) - int(b >> 8 & 0xFF),
              db = int(a & 0xFF) - int(b & 0xFF);
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db;  // green counts most, blue least, as the eye does
}

}  // namespace

void GifPalette::sample(const std::vector<std::uint8_t>& rgba) {
    std::unordered_map<std::uint32_t, std::uint64_t> frame;
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) ++frame[rgb_at(&rgba[i])];
    for (auto& [rgb, n] : counts_) {
        if (auto it = frame.find(rgb); it != frame.end()) {
            n += it->second;
            frame.erase(it);
        }
    }
    for (const auto& [rgb, n] : frame) counts_.emplace_back(rgb, n);
}

void GifPalette::build() {
    std::vector<std::uint32_t> chosen;
    if (counts_.empty()) {
        for (int r = 0; r < 6; ++r)
            for (int g = 0; g < 7; ++g)
                for (int b = 0; b < 6; ++b)
                    chosen.push_back(std::uint32_t(r * 51) << 16 | std::uint32_t(g * 255 / 6) << 8 | std::uint32_t(b * 51));
    } else {
        // Common colours (fills, sea, panels: each at least 1/4000 of what was sampled) exactly,
        // most common first. Then the rare ones (anti-aliased edges, text), where a colour close
        // to one already chosen adds little, so it waits until the distinct ones are in.
        auto order = counts_;
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        std::uint64_t total = 0;
        for (const auto& c : order) total += c.second;
        std::vector<std::uint32_t> close;
        for (const auto& entry : order) {
            if (static_cast<int>(chosen.size()) >= kColours) break;
            const std::uint32_t rgb = entry.first;
            const bool common = entry.second * 4000 >= total;
            const bool near = !common && std::any_of(chosen.begin(), chosen.end(),
                                                     [&](std::uint32_t c) { return distance(c, rgb) < 3 * 81; });
            (near ? close : chosen).push_back(rgb);
        }
        for (std::size_t i = 0; i < close.size() && static_cast<int>(chosen.size()) < kColours; ++i)
            chosen.push_back(close[i]);
    }
    used_ = static_cast<int>(chosen.size());
    argb_.fill(0);
    for (int i = 0; i < used_; ++i) argb_[static_cast<std::size_t>(i)] = 0xFF000000u | chosen[static_cast<std::size_t>(i)];
    argb_[255] = 0;  // transparent: "unchanged since the last frame"
    cache_.reset();
}

std::uint8_t GifPalette::nearest(std::uint32_t rgb) const {
    if (!cache_) {
        cache_ = std::make_unique<std::uint8_t[]>(std::size_t{1} << 24);
        std::memset(cache_.get(), 0, std::size_t{1} << 24);
    }
    std::uint8_t& slot = cache_[rgb];
    if (slot) return static_cast<std::uint8_t>(slot - 1);
    int best = 0, best_d = 1 << 30;
    for (int i = 0; i < used_; ++i) {
        const int d = distance(argb_[static_cast<std::size_t>(i)] & 0xFFFFFF, rgb);
        if (d < best_d) best_d = d, best = i;
    }
    slot = static_cast<std::uint8_t>(best + 1);
    return static_cast<std::uint8_t>(best);
}

void GifPalette::map(const std::vector<std::uint8_t>& rgba, std::uint8_t* out) const {
    if (used_ == 0) return;
    for (std::size_t i = 0, j = 0; i + 3 < rgba.size(); i += 4, ++j) out[j] = nearest(rgb_at(&rgba[i]));
}

}  // namespace chronomap

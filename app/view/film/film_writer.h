#pragma once
// Films through FFmpeg's libraries: H.264 in MP4 (yuv420p, which every player and slide program
// opens), VP9 in WebM, GIF with a palette computed for the film, or a folder of numbered PNGs. Written to a temporary file renamed into
// place on finish(), so a failed or cancelled film leaves nothing and replaces nothing.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/view/film/gif_palette.h"
#include "data/support/result.h"

namespace chronomap {

// Whether a folder can take a film's PNG frames: not when it holds other files, which a film
// must not replace.
Result<> check_frame_folder(const std::string& path);

class FilmWriter {
public:
    FilmWriter();
    ~FilmWriter();  // an unfinished film's temporary file is removed
    FilmWriter(const FilmWriter&) = delete;
    FilmWriter& operator=(const FilmWriter&) = delete;

    // The format follows the path: .mp4, .webm, .gif, or a folder (an existing one, or a path
    // ending in '/'). Video sizes must be even.
    Result<> open(const std::string& path, int width, int height, double fps,
                  const std::map<std::string, std::string>& metadata);
    // RGBA, top row first, width x height.
    Result<> add_frame(const std::vector<std::uint8_t>& rgba);
    Result<> finish();
    int frames() const;
    // A GIF's palette, null for other formats: sample frames of the film into it and build() it
    // before the first add_frame.
    GifPalette* palette();

    // True when the path names a film format this writer knows (else the caller says so).
    static bool known_format(const std::string& path);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace chronomap

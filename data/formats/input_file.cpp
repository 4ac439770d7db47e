#include "data/formats/input_file.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace chronomap {

Result<> check_input_file(const std::string& path, std::uintmax_t max_bytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) return input_error("it does not exist");
    if (fs::is_directory(st)) return input_error("it is a folder, not a file");
    if (!fs::is_regular_file(st))
        return input_error("it is not a regular file (a FIFO, device or socket), which could block or never end");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        char text[96];
        std::snprintf(text, sizeof text, "it is %.1f MB; the limit is %.0f MB", static_cast<double>(size) / 1e6,
                      static_cast<double>(max_bytes) / 1e6);
        return input_error(text);
    }
    return {};
}

}  // namespace chronomap

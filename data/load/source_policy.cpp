#include "data/load/source_policy.h"

#include "data/load/credentials.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace chronomap {

namespace fs = std::filesystem;

bool is_connection_string(const std::string& source) {
    if (source.rfind("/vsi", 0) == 0) return true;
    // "PG:", "WFS:", "CSV:", "http://": letters (and digits) then a colon, before any slash; a
    // Windows drive ("C:\") is one letter and stays a path.
    const auto colon = source.find(':');
    if (colon == std::string::npos || colon < 2) return false;
    const auto slash = source.find_first_of("/\\");
    if (slash != std::string::npos && slash < colon) return false;
    return std::all_of(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '+' || c == '.'; });
}

namespace {

// Whether `inner` (canonical) is `outer` (canonical) or below it.
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin(), o = outer.begin();
    for (; o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

}  // namespace

SourceAccess resolve_source(const std::string& source, const std::string& atlas_dir, bool allow_external) {
    SourceAccess out;
    const std::string leave = "; open the atlas with --allow-external if you trust it";
    if (is_connection_string(source)) {
        out.path = opened_connection(source);
        out.external = true;
        if (!allow_external)
            out.refused = "it is a connection string or network address, not a file in the atlas folder" + leave;
        return out;
    }
    const fs::path p(source);
    out.path = p.is_absolute() ? p.lexically_normal().string() : (fs::path(atlas_dir) / p).lexically_normal().string();
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(atlas_dir, ec);
    const fs::path real = fs::weakly_canonical(out.path, ec);
    out.external = p.is_absolute() || ec || !within(real, folder);
    if (out.external && !allow_external)
        out.refused = std::string(p.is_absolute() ? "it is an absolute path" : "it leads outside the atlas folder") +
                      " (a source must be a file inside the folder of atlas.json)" + leave;
    return out;
}

const char* const* allowed_file_drivers() {
    static const char* const kDrivers[] = {"GeoJSON", "GeoJSONSeq", "ESRI Shapefile", "GPKG", "FlatGeobuf",
                                           "GML",     "KML",        "LIBKML",         "GPX",  "MapInfo File",
                                           "OpenFileGDB", "TopoJSON", "CSV",          "XLSX", "ODS",
                                           "SQLite",  nullptr};
    return kDrivers;
}

const char* const* read_only_open_options(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char* const kGml[] = {"WRITE_GFS=NO", "DOWNLOAD_SCHEMA=NO", nullptr};
    static const char* const kNone[] = {nullptr};
    return ext == ".gml" ? kGml : kNone;
}

ReadableCopy::ReadableCopy(const std::string& path) : open_(path) {
    std::error_code ec;
    if (!fs::exists(path + "-wal", ec)) return;
    static std::atomic<unsigned> counter{0};
    const fs::path dir = fs::temp_directory_path(ec) /
                         ("chronomap-read-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    if (ec || !fs::create_directories(dir, ec)) return;
    scratch_ = dir.string();
    const fs::path copy = dir / fs::path(path).filename();
    fs::copy_file(path, copy, ec);
    if (!ec) fs::copy_file(path + "-wal", copy.string() + "-wal", ec);
    if (!ec) open_ = copy.string();  // otherwise read in place, as before
}

ReadableCopy::~ReadableCopy() {
    std::error_code ec;
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

}  // namespace chronomap

#pragma once
// What an atlas may make Chronomap open. Atlases travel by email and USB stick, so by default a
// data source or event file is a relative path that resolves, after symbolic links, inside the
// atlas's own folder, and is opened read-only by a file driver of the allow-list: no network, no
// GDAL virtual file system (/vsicurl/, /vsizip/...), no "DRIVER:" or connection strings, no file
// elsewhere on the machine. The user lifts this for one atlas they trust (--allow-external).

#include <string>
#include <vector>

namespace chronomap {

// "PG:dbname=x", "WFS:http://...", "/vsicurl/...", "http://...": not a plain file path.
bool is_connection_string(const std::string& source);

struct SourceAccess {
    std::string path;     // what to open: an absolute path, or the connection string as given
    std::string refused;  // why it may not be opened without --allow-external, or empty
    bool external = false;  // outside the atlas folder or not a file: needs the user's leave
};

// Resolves `source` (as the atlas names it) against `atlas_dir`. When `allow_external` is false,
// anything but a path inside the folder comes back refused.
SourceAccess resolve_source(const std::string& source, const std::string& atlas_dir, bool allow_external);

// GDAL drivers an atlas's files may be read with: file formats only (no network, database or
// service drivers, no VRT, which points at other files). Null-terminated, for GDALOpenEx.
const char* const* allowed_file_drivers();

// GDAL open options for the file at `path` that keep its reader from writing beside it or
// fetching what it refers to (a GML's .gfs and schemas). Null-terminated, for GDALOpenEx.
const char* const* read_only_open_options(const std::string& path);

// What to open for a file that SQLite reads (GeoPackage, SQLite) and that has a write-ahead log
// beside it: a copy of the two in a scratch folder, removed when this goes. SQLite folds the log
// into the database when the last connection closes, even one GDAL opened read-only, which
// rewrote a GeoPackage left with a log by a program that was killed (or is still running).
// Any other file is opened where it is.
class ReadableCopy {
  public:
    explicit ReadableCopy(const std::string& path);
    ~ReadableCopy();
    ReadableCopy(const ReadableCopy&) = delete;
    ReadableCopy& operator=(const ReadableCopy&) = delete;
    const std::string& path() const { return open_; }

  private:
    std::string open_;
    std::string scratch_;  // empty when nothing was copied
};

}  // namespace chronomap

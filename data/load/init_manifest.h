#pragma once
// `chronomap init`: a starting atlas.json for a folder of vector files (or a list of them), from
// what the files hold: a snapshot series when file names carry dates ("world_bc500.geojson",
// "world_1914.geojson"), else one layer per file; name, controller, status and date fields
// proposed from the field names and values seen.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace chronomap {

struct InitProposal {
    nlohmann::ordered_json manifest;
    std::vector<std::string> notes;   // what was guessed and should be checked, one line each
    std::vector<std::string> errors;  // files that could not be read
};

// Paths are files or folders (whose vector files are taken). `base_dir` is where the manifest
// will be written; sources are written relative to it.
InitProposal propose_manifest(const std::vector<std::string>& paths, const std::string& base_dir);

// The year a file name carries, as a date text the loader reads ("500 BC", "1914"), or "".
std::string date_in_file_name(const std::string& file_name);

}  // namespace chronomap

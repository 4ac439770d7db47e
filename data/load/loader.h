#pragma once
// Loading an atlas never throws and never stops at the first problem: every problem becomes a
// diagnostic and whatever could be loaded is returned.

#include <string>
#include <vector>

#include "data/model/atlas.h"
#include "data/support/result.h"
#include "data/validate/diagnostics.h"

namespace chronomap {

struct LoadResult {
    Atlas atlas;
    Diagnostics diagnostics;
    bool manifest_read = false;  // false if the manifest itself could not be read or parsed
    // Not ok when loading failed inside Chronomap (out of memory, a bug), not because of the data
    // (that is in the diagnostics): the command line exits 1 for it, as for any internal failure.
    Result<> outcome;
    // What the atlas asked to reach beyond its folder (refused unless allowed), as it names them:
    // the window asks the user before opening such an atlas again.
    std::vector<std::string> external_sources;
    // Layers and event files that could not be read at all (missing, refused, a server down):
    // what is shown lacks them, so commands that write or print the atlas exit 2.
    std::vector<std::string> unread_inputs;
};

struct LoadOptions {
    // Without geometry, layers are read for their ids, names, dates and fields only: what
    // status, events and history need, in a fraction of the time.
    bool geometry = true;
    // Sources outside the atlas folder, connection strings and network addresses are refused
    // unless this is set (source_policy.h): an atlas from a stranger reads only its own folder.
    bool allow_external = false;
};

[[nodiscard]] LoadResult load_atlas(const std::string& manifest_path, const LoadOptions& options = {});
// The manifest an atlas path names: the path itself, or the atlas.json inside a folder.
std::string manifest_file(const std::string& atlas_path);

// Adds any vector file GDAL reads as a reference layer drawn under the territories (modern
// borders, rivers). Problems go to `diags`; false when the file could not be opened.
[[nodiscard]] bool add_reference_layer(Atlas& atlas, const std::string& source, Diagnostics& diags);

}  // namespace chronomap

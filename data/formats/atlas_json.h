#pragma once
// An atlas written by hand in JSON, edited from the window: its powers and sources (in the
// manifest) and its events (in the event files the manifest lists) as the JSON objects the
// readers take, and an edit written back into those files one object at a time. What the edit
// did not touch keeps its text byte for byte: a changed object is rewritten where it stands, a new
// one added at the end of its list, a removed one taken out.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "data/model/atlas.h"
#include "data/support/result.h"

namespace chronomap {

// Whether a file an event was read from is a JSON event file (one this module writes).
bool is_json_file(const std::string& file);

nlohmann::ordered_json event_json(const Event& ev);
nlohmann::ordered_json power_json(const Power& p);
nlohmann::ordered_json source_json(const Source& s);

// file (as the manifest names it, or the manifest's own name) -> list ("powers", "sources",
// "events") -> id -> object.
using AtlasJson = std::map<std::string, std::map<std::string, std::map<std::string, nlohmann::ordered_json>>>;

// The atlas's powers, sources and hand-written events kept in JSON (the manifest, the event
// files), by where they are kept. One not read from a file (just added) goes, in an atlas with
// no workbook, into the manifest or, for an event, the file of the latest event before it; in
// one with a workbook, into the workbook (workbook.h), so it is not here.
AtlasJson atlas_json(const Atlas& atlas, const std::string& manifest_name);

// Writes what differs between `before` and `after` into the files (paths relative to the
// manifest's folder), each atomically.
[[nodiscard]] Result<> write_json_changes(const AtlasJson& before, const AtlasJson& after, const std::string& manifest_path);

}  // namespace chronomap

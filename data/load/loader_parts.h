#pragma once
// The pieces of load_atlas(), one per kind of input. Internal to the data library.

#include <optional>
#include <string>
#include <string_view>

#include "data/model/atlas.h"
#include "data/support/result.h"
#include "data/formats/csv_reader.h"
#include "data/validate/diagnostics.h"
#include "data/formats/json_fields.h"

namespace chronomap::detail {

// A historical territory made of modern units (the workbook's "territories" sheet): its
// shape is theirs, joined (group_units).
struct UnitGroup {
    std::string id;
    Names names;
    std::vector<std::string> units;  // unit ids ("GR/Kentriki Makedonia") or country codes ("MK")
    std::optional<Date> valid_from, valid_to;
    SourcePos pos, units_pos;
};

struct LoadContext {
    std::string base_dir;      // directory of the manifest, for relative paths
    std::string display_crs;   // as given in the manifest, validated
    Diagnostics* diags = nullptr;
    bool geometry = true;  // false: attributes only
    bool allow_external = false;  // sources outside the atlas folder, connections (source_policy.h)
    std::vector<std::string>* external = nullptr;  // where sources outside the folder are noted
    std::vector<UnitGroup>* groups = nullptr;       // territories made of units, from a workbook
    SourcePos drawn_pos;                            // the manifest's "drawn"
    // The path or connection to open for `source`, or nullopt (with an error at `pos`) when the
    // source policy refuses it.
    std::optional<std::string> access(const std::string& source, const SourcePos& pos, const std::string& what) const;
};

void read_manifest(const JsonDoc& doc, Atlas& atlas, std::vector<std::string>& event_files,
                   JsonFields& f);
// Validates the display CRS; an unknown one is an error and EPSG:4326 is used instead.
std::string checked_crs(const std::string& crs, const SourcePos& pos, Diagnostics& diags);
void load_layer(Layer& layer, const LoadContext& ctx);
// Moves every feature of `from` to the end of `to`, growing `to` once (or taking the array whole
// when `to` is empty and has no room reserved for it); `from` is left empty.
void append_features(std::vector<Feature>& to, std::vector<Feature>& from);
// Reads one data source into the layer, uncached; a snapshot's features get [from, to).
bool read_source(Layer& layer, const std::string& source, const SourcePos& pos, const LoadContext& ctx,
                 std::optional<Date> from, std::optional<Date> to);
void load_events_json(const std::string& path, const LoadContext& ctx, Atlas& atlas);
void load_events_csv(const std::string& path, const LoadContext& ctx, Atlas& atlas);
// The events of CSV text, pulled by `input` (csv_reader.h), into `atlas`; problems are placed in
// `name`. `rows` is the number of lines, for room for one event a row.
void read_events_csv(const CsvInput& input, std::size_t rows, const std::string& name, Diagnostics& diags,
                     Atlas& atlas);
// The same from text held whole (the fuzzer's input).
void read_events_csv_text(std::string_view text, const std::string& name, Diagnostics& diags, Atlas& atlas);
void check_atlas(Atlas& atlas, Diagnostics& diags);
// "#1f77b4" or "#1f77b480" as RGBA.
std::optional<std::uint32_t> parse_colour(const std::string& s);
// Events, powers, sources and claims from an XLSX or ODS workbook or a folder of CSV files
// (workbook_read.cpp).
void load_workbook(const std::string& path, const LoadContext& ctx, Atlas& atlas);
// A raster layer's image, warped into the display CRS (raster_layer.h).
void load_raster(Layer& layer, const LoadContext& ctx);
// Replaces the features of the territories layer marked "units" (modern units) by the
// territories the groups make of them, or, for a group with no units, the shape drawn for it in
// the manifest's "drawn" GeoPackage (units.cpp).
void group_units(Atlas& atlas, const std::vector<UnitGroup>& groups, const LoadContext& ctx);
// Cuts text too long to draw (bound_texts.cpp), with a warning for each cut.
void bound_texts(Atlas& atlas, Diagnostics& diags);
// Changes and powers from temporal layers and snapshot series (derive.cpp).
void derive_from_layers(Atlas& atlas, Diagnostics& diags);

// The whole file, or why it cannot be read (what check_input_file() refuses, or a read that failed).
Result<std::string> read_file(const std::string& path);
// Registers GDAL's drivers, once per process; every reader calls it before opening anything
// (a cached layer means no layer may have opened GDAL before the events are read).
void ensure_gdal();
// Replaces invalid UTF-8 with U+FFFD; returns false if anything was replaced.
bool sanitize_utf8(std::string& text);

}  // namespace chronomap::detail

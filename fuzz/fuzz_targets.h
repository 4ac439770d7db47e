#pragma once
// The fuzz targets, one function each: the libFuzzer harnesses in this folder call them, and the
// test suite replays every input kept in tests/fixtures/fuzz/NAME/ through the same function, so
// each finding stays a regression test in the ordinary build.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <unistd.h>

#include "data/edit/event_form.h"
#include "data/formats/csv_reader.h"
#include "data/time/date.h"
#include "data/formats/geojson_reader.h"
#include "data/formats/json_doc.h"
#include "data/load/loader.h"
#include "data/load/loader_parts.h"
#include "app/gui/settings.h"

namespace chronomap::fuzz {

// The positioned JSON parser (manifests, event files): any bytes, no crash, no leak, and every
// position it records is found again by its pointer.
inline int fuzz_json_doc(const std::uint8_t* data, std::size_t size) {
    chronomap::Diagnostics diags;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto doc = chronomap::parse_json_with_positions(text, "fuzz.json", diags);
    if (!doc) return 0;
    (void)doc->pos("");
    (void)doc->pos("/0");
    (void)doc->pos("/events/0/date");
    (void)doc->pos("/a~1b/~0/00");
    if (doc->root.is_object())
        for (const auto& [key, value] : doc->root.items()) (void)doc->pos("/" + chronomap::pointer_escape(key));
    return 0;
}

// The date parser: any text, no crash; a parsed date written back as ISO parses to itself.
inline int fuzz_date(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto cal : {chronomap::Calendar::Gregorian, chronomap::Calendar::Julian}) {
        const auto r = chronomap::parse_date(text, cal);
        if (!r.date) continue;
        (void)r.date->readable();
        const auto again = chronomap::parse_date(r.date->iso());
        if (!again.date || again.date->day != r.date->day || again.date->precision != r.date->precision)
            std::abort();  // ISO output that does not read back is a bug
    }
    return 0;
}

// A scratch folder of this process holding the given files, written once; the loaders the
// fuzzers drive read from disk.
inline std::filesystem::path scratch_folder(const std::string& name,
                                            const std::vector<std::pair<std::string, std::string>>& files) {
    const auto d = std::filesystem::temp_directory_path() / ("chronomap-fuzz-" + name + "-" + std::to_string(::getpid()));
    if (!std::filesystem::exists(d)) {
        std::filesystem::create_directories(d);
        for (const auto& [file, text] : files) std::ofstream(d / file) << text;
    }
    return d;
}

// Loads the atlas in `dir` without geometry and formats every problem.
inline int load_and_report(const std::filesystem::path& dir) {
    const auto r = chronomap::load_atlas((dir / "atlas.json").string(), chronomap::LoadOptions{false});
    for (const auto& d : r.diagnostics.items()) (void)d.format();
    return 0;
}

// The CSV events reader: the CSV layer itself, then the rows as an atlas's event file, in memory
// (a file written and an atlas loaded for each input held it under 1,000 executions a second),
// then the checks a loaded atlas gets.
inline int fuzz_csv_events(const std::uint8_t* data, std::size_t size) {
    static const chronomap::Atlas base = [] {
        chronomap::Atlas a;
        a.title = "fuzz";
        a.start = *chronomap::parse_date("1900").date;
        a.end = *chronomap::parse_date("2000").date;
        chronomap::Power red;
        red.id = "red";
        red.names.by_lang["en"] = "Red";
        a.powers.push_back(red);
        chronomap::Source src;
        src.id = "src";
        src.title = "S";
        a.sources.push_back(src);
        return a;
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    chronomap::Diagnostics diags;
    (void)chronomap::read_csv(text, "fuzz.csv", diags);
    chronomap::Atlas atlas = base;
    chronomap::detail::read_events_csv_text(text, "events.csv", diags, atlas);
    chronomap::detail::bound_texts(atlas, diags);
    chronomap::detail::check_atlas(atlas, diags);
    for (const auto& d : diags.items()) (void)d.format();
    return 0;
}

// The manifest loader: any bytes as atlas.json (its layers and event files may name anything
// in the folder, which holds one small GeoJSON layer and one event file).
inline int fuzz_manifest(const std::uint8_t* data, std::size_t size) {
    static const auto dir = scratch_folder("manifest", {
        {"t.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "properties": {"id": "a", "name": "A", "from": "1900", "power": "red"},
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})"},
        {"events.json", R"([{"id": "e", "date": "1920", "title": "E",
            "changes": [{"territory": "a", "status": "integral", "controller": "red"}],
            "sources": [{"source": "src", "locator": "p. 1"}]}])"}});
    std::ofstream(dir / "atlas.json", std::ios::binary | std::ios::trunc)
        << std::string(reinterpret_cast<const char*>(data), size);
    return load_and_report(dir);
}

// The workbook reader (workbook_read.cpp) on a folder of CSV sheets: the input split at form
// feeds into events, powers, sources, claims and territories, beside a manifest whose territories
// are made of two units; then each event read is drafted as the window's event form drafts it.
inline int fuzz_workbook(const std::uint8_t* data, std::size_t size) {
    static const auto dir = scratch_folder("workbook", {
        {"units.geojson", R"({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"unit": "AA/One"},
             "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
            {"type": "Feature", "properties": {"unit": "AA/Two"},
             "geometry": {"type": "Polygon", "coordinates": [[[1, 0], [2, 0], [1, 1], [1, 0]]]}}]})"},
        {"atlas.json", R"({"title": "fuzz", "time_range": {"start": "1900", "end": "2000"},
            "layers": [{"name": "T", "source": "units.geojson", "role": "territories", "id_field": "unit", "units": true}],
            "workbook": "wb"})"}});
    const std::string text(reinterpret_cast<const char*>(data), size);
    const char* const sheets[] = {"events.csv", "powers.csv", "sources.csv", "claims.csv", "territories.csv"};
    std::filesystem::create_directories(dir / "wb");
    std::size_t from = 0;
    for (int k = 0; k < 5; ++k) {
        const std::size_t to = from > text.size() ? std::string::npos : k < 4 ? text.find('\f', from) : std::string::npos;
        std::ofstream(dir / "wb" / sheets[k], std::ios::binary | std::ios::trunc)
            << (from <= text.size() ? text.substr(from, to == std::string::npos ? std::string::npos : to - from) : "");
        from = to == std::string::npos ? text.size() + 1 : to + 1;
    }
    const auto r = chronomap::load_atlas((dir / "atlas.json").string());
    for (const auto& d : r.diagnostics.items()) (void)d.format();
    for (const auto& ev : r.atlas.events)
        (void)chronomap::draft_event(r.atlas, {{"event_id", std::string(ev.id)}, {"summary", text.substr(0, 200)}});
    return 0;
}

// Our GeoJSON reader (geojson_reader.h): any bytes, with and without geometry.
inline int fuzz_geojson(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t stopped = 0;
    (void)chronomap::detail::read_geojson(text, false, &stopped);
    if (auto raw = chronomap::detail::read_geojson(text, true, &stopped))
        for (const auto& f : raw->features)
            if (f.geometry) (void)f.geometry->IsEmpty();
    return 0;
}

// The settings reader: any bytes as settings.json give settings within their ranges, and they
// are written back and read again unchanged.
inline int fuzz_settings(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("chronomap-fuzz-settings-" + std::to_string(::getpid()) + ".json");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << std::string(reinterpret_cast<const char*>(data), size);
    std::string warning;
    const auto s = chronomap::gui::load_settings(file.string(), warning);
    if (!(s.ui_scale >= 1 && s.ui_scale <= 3) || !(s.left_width >= 160 && s.left_width <= 1200) ||
        s.window_width < 640 || s.window_width > 7680)
        std::abort();  // out of range after loading
    if (!chronomap::gui::save_settings(s, file.string())) return 0;
    const auto again = chronomap::gui::load_settings(file.string(), warning);
    if (again.left_width != s.left_width || again.lang != s.lang || again.last_atlas != s.last_atlas) std::abort();
    return 0;
}

}  // namespace chronomap::fuzz

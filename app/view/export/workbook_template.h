#pragma once
// The workbook as people are given it: `chronomap init --workbook` writes a template of it (one
// example row per sheet, and a sheet that explains every column in the interface language), and
// the window and the command line export an atlas's events to it (data/formats/workbook.h). A
// lesson made from a base map is created here, and saved here after each edit in the window.

#include <string>

#include "data/model/atlas.h"
#include "data/formats/workbook.h"
#include "data/support/result.h"

#include <nlohmann/json.hpp>

namespace chronomap {

// The explanations of every column, in the language _() reads now, for the "columns" sheet.
WorkbookOptions workbook_help();

// An atlas of one invented example in each sheet: a power, a source, an event with one change
// and a claim. Marked as examples, to be replaced.
Atlas workbook_example();
// Adds to such an atlas an example territory made of one unit of a base map (base_map.h), and
// makes its example change name it.
void add_example_territory(Atlas& example, const std::string& unit);

// The template written at `path`: the example atlas (with a territory of `central_unit` when the
// lesson has a base map), its columns explained in the language _() reads now.
[[nodiscard]] Result<> write_workbook_template(const std::string& path, const std::string& lang,
                                               const std::string& central_unit, bool examples = true);

// The layers of a lesson made from a base map (base.gpkg beside the manifest): its territories
// made of provinces, the provinces (switched off) and the countries, as manifest entries.
nlohmann::ordered_json lesson_layers();

// A new lesson in `folder`: the region's base map, a workbook template and a manifest naming
// both. Returns the manifest's path.
struct LessonSpec {
    std::string folder;
    std::string title;
    Date from, to;
    Bounds region;  // longitude and latitude
    std::string workbook = "lesson.xlsx";
    std::string lang = "en";
    bool examples = true;  // one example row a sheet (for a spreadsheet); the window's forms need none
};
[[nodiscard]] Result<std::string> create_lesson(const LessonSpec& spec);

// A lesson's atlas, edited, written back into its files: the workbook, and the drawn shapes once
// there are any (the manifest is then given "drawn": "drawn.gpkg").
[[nodiscard]] Result<> save_lesson(const Atlas& atlas, const std::string& manifest_path);
// Where a lesson keeps its drawn shapes: the manifest's "drawn", else drawn.gpkg beside it.
std::string drawn_file_of(const Atlas& atlas, const std::string& manifest_path);

}  // namespace chronomap

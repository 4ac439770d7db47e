#pragma once
// The workbook as people are given it: `chronomap init --workbook` writes a template of it (one
// example row per sheet, and a sheet that explains every column in the interface language), and
// the window and the command line export an atlas's events to it (data/formats/workbook.h).

#include <string>

#include "data/model/atlas.h"
#include "data/formats/workbook.h"

namespace chronomap {

// The explanations of every column, in the language _() reads now, for the "columns" sheet.
WorkbookOptions workbook_help();

// An atlas of one invented example in each sheet: a power, a source, an event with one change
// and a claim. Marked as examples, to be replaced.
Atlas workbook_example();
// Adds to such an atlas an example territory made of one unit of a base map (base_map.h), and
// makes its example change name it.
void add_example_territory(Atlas& example, const std::string& unit);

}  // namespace chronomap

#pragma once
// A workbook: an atlas's events, powers and sources in one spreadsheet, for people who keep
// a chronology in Excel or LibreOffice rather than in JSON. The manifest names it
// ("workbook": "lesson.xlsx"); it is an XLSX or ODS file read through GDAL, or a folder of CSV
// files side by side (events.csv, powers.csv, sources.csv, claims.csv).
//
// Sheets (column names are the first row; every cell is text, and a date typed into a cell as
// a date is read as one):
//   events   one change a row: event_id, date, calendar, title, kind, summary, signed, ratified,
//            in_force, territory, status, controller, basis, change_date, note, source,
//            locator, party, event_note. The first row of an event gives its date, title and
//            details; each row adds one change, one source with its locator, one party and one
//            note.
//   powers   id, name, name_<lang> (name_tr, name_hy, ...), color, note, parent, parent_from,
//            parent_to; a second row with the same id adds a parent.
//   sources  id, cite, author, title, year, language, file, note.
//   claims   event_id, claimant, territory, from, to, note.
// Any other sheet (the template's "columns", which explains each column) is not read.

#include <string>
#include <vector>

#include "data/model/atlas.h"
#include "data/support/result.h"

namespace chronomap {

// A territories sheet's `units` cell as its units ("GR/Kentriki Makedonia; MK": split at ';' and
// line breaks, each trimmed), and back ("; " between them).
std::vector<std::string> unit_list(const std::string& cell);
std::string unit_cell(const std::vector<std::string>& units);

// One row of the sheet that explains the columns, in the reader's language.
struct WorkbookHelp {
    std::string sheet, column, meaning, example;
};

struct WorkbookOptions {
    std::string help_sheet = "columns";  // its name; no help rows, no sheet
    std::vector<WorkbookHelp> help;
    // When set (the workbook as the manifest names it), only what was read from it, or added
    // since, is written: events, powers and sources of the manifest and of JSON event files stay
    // in their own files (atlas_json.h).
    std::string only_from;
};

// The columns of a sheet as written for this atlas (the powers' name_<lang> columns are the
// languages its powers are named in).
std::vector<std::string> workbook_columns(const std::string& sheet, const Atlas& atlas);

// Writes the atlas's events (those written by hand, not derived from data), powers, sources and
// claims. An .xlsx or .ods path is a spreadsheet; any other path a folder of CSV files. Written
// into a temporary file (or folder) and moved into place, so a failure leaves what was there.
[[nodiscard]] Result<> write_workbook(const Atlas& atlas, const std::string& path, const WorkbookOptions& options = {});

}  // namespace chronomap

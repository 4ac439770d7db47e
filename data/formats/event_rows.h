#pragma once
// Events read a row at a time, one change a row, as a spreadsheet holds them: the rows of a CSV
// events file and of a workbook's "events" sheet (workbook.h) are read by this one reader. The
// first row naming an event gives its date, title and details; every row may add one change,
// one source with its locator, one party and one note to it.

#include <cstdint>
#include <map>
#include <string>

#include "data/formats/csv_reader.h"
#include "data/model/atlas.h"
#include "data/model/id_table.h"
#include "data/validate/diagnostics.h"

namespace chronomap::detail {

// The columns, in the order a workbook lists them; "event_id", "date" and "title" are required.
inline constexpr const char* kEventColumns[] = {
    "event_id", "date",   "calendar", "title",   "kind",        "summary", "signed", "ratified",
    "in_force", "territory", "status", "controller", "basis", "change_date", "note", "source",
    "locator",  "party",  "event_note"};

class EventRows {
  public:
    // `rows` is room for one event a row (the CSV reader counts lines first).
    EventRows(std::string file, Diagnostics& diags, Atlas& atlas, std::size_t rows);
    EventRows(const EventRows&) = delete;  // the id table points back at it
    EventRows& operator=(const EventRows&) = delete;
    // Reads the column names; false (with an error) when a required one is missing.
    bool header(const CsvRecord& rec);
    void row(const CsvRecord& rec);
    // Gives back room reserved for events that turned out to be changes of earlier ones.
    void finish();
    // The event of this file with the id, if read (for the workbook's claims).
    Event* find(const std::string& id);

  private:
    std::string get(const CsvRecord& rec, const char* name);
    SourcePos where(const CsvRecord& rec, const char* name) const;
    std::optional<Date> date(const CsvRecord& rec, const char* name, bool required, Calendar cal);
    Event* event_of(const CsvRecord& rec, const std::string& id);
    void add_change(const CsvRecord& rec, Event& ev);

    std::string file_;
    Diagnostics& diags_;
    Atlas& atlas_;
    std::size_t first_ = 0;  // index of this file's first event in atlas.events
    std::map<std::string, int> column_;
    std::size_t header_size_ = 0;
    struct IdOf {
        const EventRows* rows;
        std::string_view operator()(std::uint32_t n) const { return rows->atlas_.events[rows->first_ + n].id; }
    };
    IdTable<IdOf> index_{IdOf{this}};  // this file's events by id, as offsets from first_
};

}  // namespace chronomap::detail

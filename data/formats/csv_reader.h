#pragma once
// A CSV reader (RFC 4180, as spreadsheets write it) that keeps where every field started and
// reports every problem with its place: an unclosed quote, a NUL byte, a UTF-16 file. Nothing is
// dropped silently and no field is too long (the input files are capped in size as a whole).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/validate/diagnostics.h"

namespace chronomap {

struct CsvField {
    std::string text;
    int line = 0, column = 0;  // where the field starts, 1-based
};

struct CsvRecord {
    std::vector<CsvField> fields;
    int line = 0;
};

// Where the text comes from: appends up to `want` more bytes to buf and returns how many, 0 at
// the end of the text.
using CsvInput = std::function<std::size_t(std::string& buf, std::size_t want)>;

// Calls each(record) for every non-blank record, the header first, without keeping them (a
// million rows are not held at once, nor the file: it is read a piece at a time). Problems go
// to diags, located in `file`.
void for_each_csv_record(const CsvInput& input, const std::string& file, Diagnostics& diags,
                         const std::function<void(const CsvRecord&)>& each);
void for_each_csv_record(std::string_view text, const std::string& file, Diagnostics& diags,
                         const std::function<void(const CsvRecord&)>& each);
// Every record, kept.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace chronomap

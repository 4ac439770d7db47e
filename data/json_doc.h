#pragma once
// A JSON document that remembers where each value stood in the file, so that diagnostics can say
// "events.json:42:18". nlohmann::json 3.11 keeps no positions, hence this small parser of our own.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diagnostics.h"

namespace chronomap {

struct JsonDoc {
    std::string file;  // display name used in diagnostics
    nlohmann::json root;
    std::map<std::string, std::pair<int, int>> positions;  // JSON pointer -> (line, column)

    SourcePos pos(const std::string& pointer) const;
};

// Parses text; syntax errors and invalid UTF-8 become diagnostics. Invalid UTF-8 inside a string
// is replaced by U+FFFD so that the rest of the document still loads.
std::optional<JsonDoc> parse_json_with_positions(std::string_view text, const std::string& file,
                                                 Diagnostics& diags);

// Escapes one key for use in a JSON pointer ("a/b" -> "a~1b").
std::string pointer_escape(const std::string& key);

}  // namespace chronomap

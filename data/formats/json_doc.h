#pragma once
// A JSON document that remembers where each value stood in the file, so that diagnostics can say
// "events.json:42:18". nlohmann::json 3.11 keeps no positions, hence this small parser of our own.

#include <cstdint>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "data/validate/diagnostics.h"

namespace chronomap {

// Where each value of a document stood. One small node per value, keys stored once, so the cost
// is proportional to the input (full JSON pointers per value cost depth squared times key length).
class JsonPositions {
public:
    struct Node {
        std::uint32_t parent = 0;
        std::uint32_t key = 0;      // offset of the key in keys_ (objects' members)
        std::uint32_t key_len = 0;  // kArrayElement for array elements
        std::int32_t line = 0, column = 0;
    };
    static constexpr std::uint32_t kArrayElement = UINT32_MAX;

    std::uint32_t add(std::uint32_t parent, std::string_view key, bool array_element, int line, int column);
    void finish();  // indexes children; call once after the last add()
    // (line, column) of the value at a JSON pointer ("/events/3/date"); nullopt when absent.
    std::optional<std::pair<int, int>> find(std::string_view pointer) const;

private:
    std::vector<Node> nodes_;
    std::string keys_;
    std::vector<std::uint32_t> child_start_, children_;
};

struct JsonDoc {
    std::string file;  // display name used in diagnostics
    nlohmann::json root;
    JsonPositions positions;

    SourcePos pos(const std::string& pointer) const;
};

// Parses text; syntax errors and invalid UTF-8 become diagnostics. Invalid UTF-8 inside a string
// is replaced by U+FFFD so that the rest of the document still loads.
std::optional<JsonDoc> parse_json_with_positions(std::string_view text, const std::string& file,
                                                 Diagnostics& diags);

// Escapes one key for use in a JSON pointer ("a/b" -> "a~1b").
std::string pointer_escape(const std::string& key);

}  // namespace chronomap

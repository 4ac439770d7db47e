#pragma once
// Typed access to fields of a positioned JSON document. Every wrong type or missing required
// field becomes a located diagnostic; the caller gets std::nullopt and carries on.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "data/time/date.h"
#include "data/formats/json_doc.h"

namespace chronomap {

enum class Need { Optional, Required };

class JsonFields {
public:
    JsonFields(const JsonDoc& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

    // `what` names the object for messages: "event 'kars-1921'", "layer 2".
    std::optional<std::string> string(const nlohmann::json& obj, const std::string& ptr,
                                      const char* key, Need need, const std::string& what);
    std::optional<double> number(const nlohmann::json& obj, const std::string& ptr,
                                 const char* key, Need need, const std::string& what);
    std::optional<Date> date(const nlohmann::json& obj, const std::string& ptr, const char* key,
                             Need need, const std::string& what,
                             Calendar cal = Calendar::Gregorian);
    std::vector<std::string> string_list(const nlohmann::json& obj, const std::string& ptr,
                                         const char* key, const std::string& what);
    // The value at key if it has the expected JSON type, else nullptr (with a diagnostic).
    const nlohmann::json* typed(const nlohmann::json& obj, const std::string& ptr, const char* key,
                                nlohmann::json::value_t type, Need need, const std::string& what);
    // A text field holding one of a fixed set of words, parsed by `parse`; an unknown word is an
    // error that lists the allowed ones ("use integral, autonomous, ...").
    template <typename E, typename Parse>
    std::optional<E> choice(const nlohmann::json& obj, const std::string& ptr, const char* key, Need need,
                            const std::string& what, Parse parse, const char* allowed) {
        const auto text = string(obj, ptr, key, need, what);
        if (!text) return std::nullopt;
        std::optional<E> value = parse(*text);
        if (!value)
            diags_.error(pos(child(ptr, key)), std::string(key) + " '" + *text + "' of " + what +
                                                   " is not known; use " + allowed);
        return value;
    }
    // Reads "calendar": "julian"|"gregorian" if present.
    Calendar calendar(const nlohmann::json& obj, const std::string& ptr, Calendar inherited);

    bool is_object(const nlohmann::json& v, const std::string& ptr, const std::string& what);
    SourcePos pos(const std::string& ptr) const { return doc_.pos(ptr); }
    static std::string child(const std::string& ptr, const char* key) {
        return ptr + "/" + pointer_escape(key);
    }
    static std::string child(const std::string& ptr, std::size_t index) {
        return ptr + "/" + std::to_string(index);
    }
    Diagnostics& diags() { return diags_; }

    // A warning for each member of an object this reader looked into that it never asked for: a
    // misspelt "evnts", "colour" or "name_feild" would otherwise be ignored without a word.
    void report_unknown_keys(const std::string& document_name);
    // Marks a member read without the typed accessors (a value of several types).
    void note_read(const std::string& ptr, const char* key) { asked_[ptr].insert(key); }
    // An object left unread because of an error already reported: its members are not listed.
    void skip(const std::string& ptr) { skipped_.insert(ptr); }

private:
    const JsonDoc& doc_;
    Diagnostics& diags_;
    // For each object asked for a member (by JSON pointer), the members asked for.
    std::map<std::string, std::set<std::string>> asked_;
    std::set<std::string> skipped_;
};

const char* json_type_name(nlohmann::json::value_t t);

}  // namespace chronomap

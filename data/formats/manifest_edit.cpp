#include "data/formats/manifest_edit.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "data/formats/output_file.h"

namespace chronomap {
namespace {

std::size_t skip_space(const std::string& t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
}

// The end (one past) of the JSON string starting at i (a quote).
std::size_t string_end(const std::string& t, std::size_t i) {
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\') ++i;
        else if (t[i] == '"') return i + 1;
    }
    return std::string::npos;
}

// The end (one past) of the JSON value starting at i.
std::size_t value_end(const std::string& t, std::size_t i) {
    if (i >= t.size()) return std::string::npos;
    if (t[i] == '"') return string_end(t, i);
    if (t[i] != '{' && t[i] != '[') {
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') ++i;
        return i;
    }
    int depth = 0;
    for (; i < t.size(); ++i) {
        if (t[i] == '"') {
            i = string_end(t, i);
            if (i == std::string::npos) return i;
            --i;
        } else if (t[i] == '{' || t[i] == '[') {
            ++depth;
        } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}

}  // namespace

namespace {

// Where the root object's member `key` has its value ([start, end) of the text), or where a new
// member goes after the last (start == end == npos, last_end set; npos for an empty object).
struct MemberSpan {
    std::size_t start = std::string::npos, end = std::string::npos, last_end = std::string::npos;
};

Result<MemberSpan> find_member(const std::string& text, const std::string& key) {
    if (!nlohmann::json::accept(text)) return input_error("the manifest is not valid JSON");
    std::size_t i = skip_space(text, 0);
    if (i >= text.size() || text[i] != '{') return input_error("the manifest is not a JSON object");
    MemberSpan span;
    i = skip_space(text, i + 1);
    while (i < text.size() && text[i] == '"') {
        const std::size_t key_end = string_end(text, i);
        const std::string member = nlohmann::json::parse(text.substr(i, key_end - i)).get<std::string>();
        const std::size_t colon = skip_space(text, key_end);
        const std::size_t start = skip_space(text, colon + 1);
        const std::size_t end = value_end(text, start);
        if (end == std::string::npos) return input_error("the manifest is not valid JSON");
        if (member == key) {
            span.start = start;
            span.end = end;
            return span;
        }
        span.last_end = end;
        i = skip_space(text, end);
        if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
    }
    return span;
}

Result<> write_manifest(const std::string& manifest_path, const std::function<Result<std::string>(const std::string&)>& edit) {
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in) return input_error("cannot read " + manifest_path);
    std::stringstream text;
    text << in.rdbuf();
    Result<std::string> edited = edit(text.str());
    if (!edited) return edited.failure();
    Result<OutputFile> out = OutputFile::open(manifest_path);
    if (!out) return out.failure();
    {
        std::ofstream f(out->temp_path(), std::ios::binary);
        f << *edited;
        if (!f) return input_error("cannot write " + manifest_path);
    }
    return out->commit();
}

}  // namespace

Result<std::string> with_member(const std::string& text, const std::string& key, const nlohmann::ordered_json& value) {
    const auto span = find_member(text, key);
    if (!span) return span.failure();
    const std::string new_value = value.dump();
    if (span->start != std::string::npos) return text.substr(0, span->start) + new_value + text.substr(span->end);
    const std::string quoted = nlohmann::json(key).dump();
    if (span->last_end == std::string::npos) {  // an empty object
        const std::size_t open = text.find('{');
        return text.substr(0, open + 1) + "\n  " + quoted + ": " + new_value + "\n" + text.substr(open + 1);
    }
    return text.substr(0, span->last_end) + ",\n  " + quoted + ": " + new_value + text.substr(span->last_end);
}

namespace {

// The spaces and tabs before `pos` on its line, when nothing else is.
std::string indent_at(const std::string& t, std::size_t pos) {
    const std::size_t line = t.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t from = line == std::string::npos ? 0 : line + 1;
    const std::string before = t.substr(from, pos - from);
    return before.find_first_not_of(" \t") == std::string::npos ? before : std::string();
}

// A value as a person would write it there: two spaces a level, its lines indented as the line
// it starts on.
std::string dumped(const nlohmann::ordered_json& v, const std::string& indent) {
    std::string s = v.dump(2), out;
    for (char ch : s) {
        out += ch;
        if (ch == '\n') out += indent;
    }
    return out;
}

struct Span {
    std::size_t start, end;
};

// The elements of the list whose text spans [open, close] ('[' to ']').
std::vector<Span> elements(const std::string& t, std::size_t open, std::size_t close) {
    std::vector<Span> out;
    std::size_t i = skip_space(t, open + 1);
    while (i < close) {
        const std::size_t end = value_end(t, i);
        if (end == std::string::npos || end > close) break;
        out.push_back({i, end});
        i = skip_space(t, end);
        if (i < close && t[i] == ',') i = skip_space(t, i + 1);
    }
    return out;
}

}  // namespace

Result<std::string> with_array_item(const std::string& text, const std::string& key, const nlohmann::ordered_json& item) {
    const auto span = find_member(text, key);
    if (!span) return span.failure();
    if (span->start == std::string::npos) return with_member(text, key, nlohmann::ordered_json::array({item}));
    if (text[span->start] != '[') return input_error("\"" + key + "\" is not a list");
    const auto items = elements(text, span->start, span->end - 1);
    if (items.empty())
        return text.substr(0, span->start + 1) + "\n    " + dumped(item, "    ") + text.substr(span->start + 1);
    const std::string indent = indent_at(text, items.back().start);
    return text.substr(0, items.back().end) + ",\n" + indent + dumped(item, indent) + text.substr(items.back().end);
}

Result<std::string> with_list_element(const std::string& text, const std::string& key, const std::string& id,
                                      const nlohmann::ordered_json& value) {
    const auto span = find_member(text, key);
    if (!span) return span.failure();
    if (span->start == std::string::npos || text[span->start] != '[')
        return value.is_null() ? Result<std::string>(text) : with_array_item(text, key, value);
    const auto items = elements(text, span->start, span->end - 1);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const auto [start, end] = items[k];
        const auto element = nlohmann::json::parse(text.substr(start, end - start), nullptr, false);
        if (!element.is_object() || !element.contains("id") || element["id"] != id) continue;
        if (!value.is_null()) return text.substr(0, start) + dumped(value, indent_at(text, start)) + text.substr(end);
        if (k + 1 < items.size()) return text.substr(0, start) + text.substr(items[k + 1].start);  // with its comma
        if (k > 0) return text.substr(0, items[k - 1].end) + text.substr(end);
        return text.substr(0, start) + text.substr(end);
    }
    return value.is_null() ? Result<std::string>(text) : with_array_item(text, key, value);
}

Result<> set_manifest_member(const std::string& manifest_path, const std::string& key, const nlohmann::ordered_json& value) {
    return write_manifest(manifest_path, [&](const std::string& text) { return with_member(text, key, value); });
}

Result<> add_manifest_item(const std::string& manifest_path, const std::string& key, const nlohmann::ordered_json& item) {
    return write_manifest(manifest_path, [&](const std::string& text) { return with_array_item(text, key, item); });
}

}  // namespace chronomap

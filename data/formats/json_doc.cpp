#include "data/formats/json_doc.h"
#include "data/formats/utf8.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <algorithm>

namespace chronomap {
namespace {

class Parser {
public:
    Parser(std::string_view text, JsonDoc& doc, Diagnostics& diags)
        : s_(text), doc_(doc), diags_(diags) {}

    bool parse() {
        if (s_.size() >= 3 && s_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
        skip_ws();
        if (!value(doc_.root, 0, {}, false)) return false;
        skip_ws();
        if (i_ < s_.size()) return fail("unexpected text after the end of the JSON document");
        return true;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    int line_ = 1;
    int col_ = 1;
    JsonDoc& doc_;
    Diagnostics& diags_;
    int depth_ = 0;

    void advance(std::size_t n = 1) {
        for (std::size_t k = 0; k < n && i_ < s_.size(); ++k, ++i_) {
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '\n') {
                ++line_;
                col_ = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++col_;
            }
        }
    }
    bool fail(const std::string& msg) {
        diags_.error({doc_.file, line_, col_}, "malformed JSON: " + msg);
        return false;
    }
    void skip_ws() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            advance();
    }
    std::string describe_here() const {
        if (i_ >= s_.size()) return "the end of the file";
        return std::string("'") + s_[i_] + "'";
    }

    bool value(nlohmann::json& out, std::uint32_t parent, std::string_view key, bool element) {
        if (++depth_ > 512) return fail("nesting is deeper than 512 levels");
        const std::uint32_t ptr = doc_.positions.add(parent, key, element, line_, col_);
        bool ok = false;
        if (i_ >= s_.size()) {
            ok = fail("unexpected end of file; a value was expected");
        } else if (s_[i_] == '{') {
            ok = object(out, ptr);
        } else if (s_[i_] == '[') {
            ok = array(out, ptr);
        } else if (s_[i_] == '"') {
            std::string str;
            ok = string(str);
            out = std::move(str);
        } else if (s_[i_] == '-' || (s_[i_] >= '0' && s_[i_] <= '9')) {
            ok = number(out);
        } else {
            ok = literal(out);
        }
        --depth_;
        return ok;
    }

    bool object(nlohmann::json& out, std::uint32_t ptr) {
        out = nlohmann::json::object();
        advance();
        skip_ws();
        if (i_ < s_.size() && s_[i_] == '}') {
            advance();
            return true;
        }
        while (true) {
            skip_ws();
            if (i_ >= s_.size() || s_[i_] != '"')
                return fail("expected a quoted key, found " + describe_here());
            std::string key;
            const int key_line = line_, key_col = col_;
            if (!string(key)) return false;
            if (out.contains(key))
                diags_.warning({doc_.file, key_line, key_col},
                               "the key \"" + key + "\" appears twice in this object; the later value is used");
            skip_ws();
            if (i_ >= s_.size() || s_[i_] != ':')
                return fail("expected ':' after key \"" + key + "\", found " + describe_here());
            advance();
            skip_ws();
            if (!value(out[key], ptr, key, false)) return false;
            skip_ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                advance();
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') {
                advance();
                return true;
            }
            return fail("expected ',' or '}' in an object, found " + describe_here());
        }
    }

    bool array(nlohmann::json& out, std::uint32_t ptr) {
        out = nlohmann::json::array();
        advance();
        skip_ws();
        if (i_ < s_.size() && s_[i_] == ']') {
            advance();
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            skip_ws();
            out.push_back(nullptr);
            if (!value(out.back(), ptr, {}, true)) return false;
            skip_ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                advance();
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') {
                advance();
                return true;
            }
            return fail("expected ',' or ']' in an array, found " + describe_here());
        }
    }

    // Length of a valid UTF-8 sequence at i_, or 0 if the bytes there are not valid UTF-8.
    std::size_t utf8_sequence_length() const {
        const auto b = [&](std::size_t k) {
            return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0u;
        };
        const unsigned c = b(0);
        auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
        if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
        if (c >= 0xE0 && c <= 0xEF) {
            if (!cont(1) || !cont(2)) return 0;
            if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
            if (c == 0xED && b(1) > 0x9F) return 0;  // surrogates
            return 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3)) return 0;
            if (c == 0xF0 && b(1) < 0x90) return 0;
            if (c == 0xF4 && b(1) > 0x8F) return 0;
            return 4;
        }
        return 0;
    }

    bool hex4(unsigned& cp) {
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
                return fail("\\u must be followed by four hexadecimal digits");
            const char c = s_[i_];
            cp = cp * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            advance();
        }
        return true;
    }

    bool string(std::string& out) {
        advance();  // opening quote
        while (true) {
            if (i_ >= s_.size()) return fail("a string is not closed before the end of the file");
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                advance();
                return true;
            }
            if (c < 0x20) return fail("control character inside a string (use \\n or \\t)");
            if (c == '\\') {
                advance();
                if (i_ >= s_.size()) return fail("a string is not closed before the end of the file");
                const char e = s_[i_];
                advance();
                if (const int c = json_escape(e); c >= 0) {
                    out += static_cast<char>(c);
                    continue;
                }
                switch (e) {
                    case 'u': {
                        unsigned cp = 0;
                        if (!hex4(cp)) return false;
                        if (cp >= 0xD800 && cp <= 0xDBFF && i_ + 1 < s_.size() && s_[i_] == '\\' &&
                            s_[i_ + 1] == 'u') {
                            advance(2);
                            unsigned lo = 0;
                            if (!hex4(lo)) return false;
                            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            } else {
                                diags_.warning({doc_.file, line_, col_},
                                               "a UTF-16 high surrogate escape is not followed by a low one; "
                                               "it is shown as \xEF\xBF\xBD");
                                cp = 0xFFFD;
                            }
                        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                            diags_.warning({doc_.file, line_, col_},
                                           "a lone UTF-16 surrogate escape (\\uD800 to \\uDFFF) is not a "
                                           "character; it is shown as \xEF\xBF\xBD");
                            cp = 0xFFFD;
                        }
                        append_utf8(out, cp);
                        break;
                    }
                    default: return fail(std::string("unknown escape '\\") + e + "' in a string");
                }
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                advance();
                continue;
            }
            const std::size_t n = utf8_sequence_length();
            if (n == 0) {
                diags_.error({doc_.file, line_, col_},
                             "invalid UTF-8 byte in text; save the file as UTF-8 (the character "
                             "is shown as \xEF\xBF\xBD)");
                out += "\xEF\xBF\xBD";
                ++i_;  // skip one byte; it does not start a character, so the column stays put
                ++col_;
                continue;
            }
            out.append(s_.substr(i_, n));
            advance(n);
        }
    }

    bool number(nlohmann::json& out) {
        const std::size_t start = i_;
        if (s_[i_] == '-') advance();
        auto digits = [&] {
            std::size_t n = 0;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
                advance();
                ++n;
            }
            return n;
        };
        if (digits() == 0) return fail("a number needs digits");
        bool is_float = false;
        if (i_ < s_.size() && s_[i_] == '.') {
            is_float = true;
            advance();
            if (digits() == 0) return fail("a number needs digits after the decimal point");
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            is_float = true;
            advance();
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) advance();
            if (digits() == 0) return fail("a number needs digits in its exponent");
        }
        const std::string text(s_.substr(start, i_ - start));
        if (!is_float) {
            errno = 0;
            const long long v = std::strtoll(text.c_str(), nullptr, 10);
            if (errno == 0) {
                out = v;
                return true;
            }
        }
        out = std::strtod(text.c_str(), nullptr);
        return true;
    }

    bool literal(nlohmann::json& out) {
        for (auto [word, val] : {std::pair<std::string_view, nlohmann::json>{"true", true},
                                 {"false", false},
                                 {"null", nullptr}}) {
            if (s_.substr(i_, word.size()) == word) {
                advance(word.size());
                out = val;
                return true;
            }
        }
        if (s_.substr(i_, 3) == "NaN" || s_.substr(i_, 8) == "Infinity")
            return fail("NaN and Infinity are not allowed in JSON; use a finite number");
        return fail("unexpected " + describe_here() + "; a value was expected");
    }
};

}  // namespace

std::string pointer_escape(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::uint32_t JsonPositions::add(std::uint32_t parent, std::string_view key, bool array_element, int line,
                                  int column) {
    Node n;
    n.parent = parent;
    n.key = static_cast<std::uint32_t>(keys_.size());
    n.key_len = array_element ? kArrayElement : static_cast<std::uint32_t>(key.size());
    n.line = line;
    n.column = column;
    if (!array_element) keys_.append(key);
    nodes_.push_back(n);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
}

void JsonPositions::finish() {
    // Children grouped by parent (a stable counting sort keeps the document's order).
    child_start_.assign(nodes_.size() + 1, 0);
    for (std::size_t i = 1; i < nodes_.size(); ++i) ++child_start_[nodes_[i].parent + 1];
    for (std::size_t i = 1; i < child_start_.size(); ++i) child_start_[i] += child_start_[i - 1];
    children_.assign(nodes_.empty() ? 0 : nodes_.size() - 1, 0);
    std::vector<std::uint32_t> fill(child_start_.begin(), child_start_.end() - 1);
    for (std::size_t i = 1; i < nodes_.size(); ++i) children_[fill[nodes_[i].parent]++] = static_cast<std::uint32_t>(i);
}

std::optional<std::pair<int, int>> JsonPositions::find(std::string_view pointer) const {
    if (nodes_.empty() || child_start_.empty()) return std::nullopt;
    std::uint32_t at = 0;
    std::size_t i = 0;
    std::string token;
    while (i < pointer.size()) {
        if (pointer[i] != '/') return std::nullopt;
        const std::size_t end = std::min(pointer.find('/', i + 1), pointer.size());
        token.clear();
        for (std::size_t k = i + 1; k < end; ++k) {
            if (pointer[k] == '~' && k + 1 < end && (pointer[k + 1] == '0' || pointer[k + 1] == '1')) {
                token += pointer[++k] == '0' ? '~' : '/';
            } else {
                token += pointer[k];
            }
        }
        i = end;
        const std::uint32_t first = child_start_[at], last = child_start_[at + 1];
        if (first == last) return std::nullopt;
        if (nodes_[children_[first]].key_len == kArrayElement) {
            std::size_t index = 0;
            if (token.empty() || token.size() > 10 || token.find_first_not_of("0123456789") != std::string::npos)
                return std::nullopt;
            index = std::stoul(token);
            if (index >= last - first) return std::nullopt;
            at = children_[first + index];
            continue;
        }
        std::uint32_t found = 0;
        for (std::uint32_t c = last; c-- > first;) {  // from the end: a repeated key's later value wins
            const Node& n = nodes_[children_[c]];
            if (std::string_view(keys_).substr(n.key, n.key_len) == token) {
                found = children_[c];
                break;
            }
        }
        if (!found) return std::nullopt;
        at = found;
    }
    return std::pair<int, int>{nodes_[at].line, nodes_[at].column};
}

SourcePos JsonDoc::pos(const std::string& pointer) const {
    const auto p = positions.find(pointer);
    if (!p) return {file, 0, 0};
    return {file, p->first, p->second};
}

std::optional<JsonDoc> parse_json_with_positions(std::string_view text, const std::string& file,
                                                 Diagnostics& diags) {
    JsonDoc doc;
    doc.file = file;
    Parser p(text, doc, diags);
    if (!p.parse()) return std::nullopt;
    doc.positions.finish();
    return doc;
}

}  // namespace chronomap

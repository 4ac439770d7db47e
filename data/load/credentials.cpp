#include "data/load/credentials.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <vector>

namespace chronomap {

namespace {

constexpr const char* kHidden = "***";

struct Vault {
    std::mutex guard;
    std::map<std::string, std::string> real_by_shown;
    std::vector<std::string> passwords;
};
Vault& vault() {
    static Vault v;
    return v;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool matches_icase(const std::string& s, std::size_t at, const char* word) {
    for (std::size_t k = 0; word[k]; ++k)
        if (at + k >= s.size() || std::tolower(static_cast<unsigned char>(s[at + k])) != word[k]) return false;
    return true;
}

// Where the value of a password keyword starting at `at` ends ("password=x", "password = 'x y'",
// ",PWD=x"), or npos when no keyword starts there.
std::size_t keyword_value(const std::string& s, std::size_t at, std::size_t& value_start) {
    if (at > 0 && !is_space(s[at - 1]) && std::string(",;:&?").find(s[at - 1]) == std::string::npos)
        return std::string::npos;
    std::size_t i = at;
    if (matches_icase(s, i, "password")) i += 8;
    else if (matches_icase(s, i, "pwd")) i += 3;
    else return std::string::npos;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') return std::string::npos;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    value_start = i;
    if (i < s.size() && s[i] == '\'') {  // libpq's quoting, with backslash escapes
        for (++i; i < s.size() && s[i] != '\''; ++i)
            if (s[i] == '\\') ++i;
        return std::min(i + 1, s.size());
    }
    while (i < s.size() && !is_space(s[i]) && std::string(",;&").find(s[i]) == std::string::npos) ++i;
    return i;
}

// `text` with every password replaced by "***": keywords, and the password of a URI's user
// ("postgresql://user:x@host"). What was replaced goes to `found`, when given.
std::string hide_all(const std::string& text, std::vector<std::string>* found) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t value = 0;
        const std::size_t end = keyword_value(text, i, value);
        if (end == std::string::npos || end == value) {
            out += text[i++];
            continue;
        }
        out.append(text, i, value - i);
        out += kHidden;
        if (found) found->push_back(text.substr(value, end - value));
        i = end;
    }
    for (std::size_t scheme = out.find("://"); scheme != std::string::npos; scheme = out.find("://", scheme + 3)) {
        const std::size_t user = scheme + 3;
        const std::size_t at = out.find_first_of("@/ \t", user);
        if (at == std::string::npos || out[at] != '@') continue;
        const std::size_t colon = out.find(':', user);
        if (colon == std::string::npos || colon > at || colon + 1 == at) continue;
        if (found) found->push_back(out.substr(colon + 1, at - colon - 1));
        out.replace(colon + 1, at - colon - 1, kHidden);
    }
    return out;
}

}  // namespace

std::string conceal_credentials(const std::string& source) {
    std::vector<std::string> found;
    std::string shown = hide_all(source, &found);
    if (found.empty()) return source;
    Vault& v = vault();
    const std::lock_guard<std::mutex> lock(v.guard);
    v.real_by_shown[shown] = source;
    for (auto& p : found) {
        if (p.size() >= 2 && p.front() == '\'' && p.back() == '\'') v.passwords.push_back(p.substr(1, p.size() - 2));
        v.passwords.push_back(std::move(p));
    }
    return shown;
}

bool holds_password(const std::string& source) {
    std::vector<std::string> found;
    (void)hide_all(source, &found);
    return !found.empty();
}

std::string opened_connection(const std::string& shown) {
    std::string real = shown;
    {
        Vault& v = vault();
        const std::lock_guard<std::mutex> lock(v.guard);
        if (const auto it = v.real_by_shown.find(shown); it != v.real_by_shown.end()) real = it->second;
    }
    if (!matches_icase(real, 0, "pg:")) return real;
    std::string lower = real;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.find("connect_timeout") != std::string::npos) return real;
    const std::string timeout = "connect_timeout=" + std::to_string(kDefaultConnectTimeoutSeconds);
    if (matches_icase(real, 0, "pg:postgres://") || matches_icase(real, 0, "pg:postgresql://"))
        return real + (real.find('?') == std::string::npos ? "?" : "&") + timeout;
    return real + " " + timeout;
}

std::string scrub_passwords(std::string text) {
    text = hide_all(text, nullptr);
    Vault& v = vault();
    const std::lock_guard<std::mutex> lock(v.guard);
    for (const auto& p : v.passwords) {
        if (p.empty()) continue;
        for (auto at = text.find(p); at != std::string::npos; at = text.find(p, at + 3))
            text.replace(at, p.size(), kHidden);
    }
    return text;
}

}  // namespace chronomap

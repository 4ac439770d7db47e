#include "credentials.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <regex>
#include <vector>

namespace chronomap {

namespace {

constexpr const char* kHidden = "***";

// A password as a libpq keyword ("password=x", "password = 'x y'"), an ODBC or MySQL one
// ("PWD=x", ",password=x"), or in the user part of a URI ("postgresql://user:x@host").
const std::regex& keyword_password() {
    static const std::regex re(R"((^|[\s,;:&?])(password|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s,;&]+))",
                               std::regex::icase);
    return re;
}
const std::regex& uri_password() {
    static const std::regex re(R"((://[^/@\s:]*:)([^@\s/]+)@)");
    return re;
}

struct Vault {
    std::mutex guard;
    std::map<std::string, std::string> real_by_shown;
    std::vector<std::string> passwords;
};
Vault& vault() {
    static Vault v;
    return v;
}

// Replaces capture group `group` of every match of `re` in `text`, noting what it replaced.
std::string hide_group(const std::string& text, const std::regex& re, int group, std::vector<std::string>* found) {
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        const auto& m = *it;
        out.append(last, m[group].first);
        out += kHidden;
        if (found) found->push_back(m[group].str());
        last = m[group].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string hide_all(const std::string& text, std::vector<std::string>* found) {
    return hide_group(hide_group(text, keyword_password(), 4, found), uri_password(), 2, found);
}

bool starts_with_icase(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
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
    if (!starts_with_icase(real, "PG:")) return real;
    std::string lower = real;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.find("connect_timeout") != std::string::npos) return real;
    const std::string timeout = "connect_timeout=" + std::to_string(kDefaultConnectTimeoutSeconds);
    if (starts_with_icase(real, "PG:postgres://") || starts_with_icase(real, "PG:postgresql://"))
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

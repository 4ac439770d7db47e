#include "i18n.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "version.h"

namespace chronomap {
namespace {

constexpr const char* kLanguages[] = {"en", "tr", "az", "ru", "hy", "ka", nullptr};

// The .mo file's bytes and views into them: looking a string up allocates nothing (it runs for
// every label of every frame).
struct Catalogue {
    std::string lang = "en";
    std::string data;
    std::unordered_map<std::string_view, std::string_view> strings;
};

Catalogue& current() {
    static Catalogue c;
    return c;
}

std::uint32_t word(const std::string& data, std::size_t at, bool swap) {
    if (at + 4 > data.size()) return 0;
    std::uint32_t v;
    std::memcpy(&v, data.data() + at, 4);
    return swap ? __builtin_bswap32(v) : v;
}

// A GNU .mo file: a header, then tables of (length, offset) pairs for the originals and the
// translations. Anything out of bounds ends the reading: a damaged catalogue shows English.
bool read_mo(const std::string& path, Catalogue& c) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    c.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::string& data = c.data;
    if (data.size() < 28) return false;
    const std::uint32_t magic = word(data, 0, false);
    bool swap = false;
    if (magic == 0xde120495u) swap = true;
    else if (magic != 0x950412deu) return false;
    const std::uint32_t n = word(data, 8, swap), originals = word(data, 12, swap), translations = word(data, 16, swap);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t ol = word(data, originals + 8 * i, swap), oo = word(data, originals + 8 * i + 4, swap);
        const std::uint32_t tl = word(data, translations + 8 * i, swap), to = word(data, translations + 8 * i + 4, swap);
        if (std::size_t{oo} + ol > data.size() || std::size_t{to} + tl > data.size()) return false;
        if (ol == 0) continue;  // the header
        c.strings.emplace(std::string_view(data).substr(oo, ol), std::string_view(data).substr(to, tl));
    }
    return true;
}

}  // namespace

std::string locale_dir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("CHRONOMAP_LOCALE_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        for (const fs::path& p : {exe.parent_path() / "locale", exe.parent_path() / "../share/locale",
                                  exe.parent_path() / "../app/locale"})
            if (fs::exists(p / "ru/LC_MESSAGES/chronomap.mo", ec)) return p.lexically_normal().string();
    return CHRONOMAP_BUILD_LOCALE_DIR;
}

bool set_ui_language(const std::string& lang) {
    Catalogue c;
    c.lang = lang.substr(0, lang.find('-'));
    if (c.lang == "en" || c.lang.empty()) {
        c.lang = "en";
        current() = std::move(c);
        return true;
    }
    const bool ok = read_mo(locale_dir() + "/" + c.lang + "/LC_MESSAGES/chronomap.mo", c);
    if (!ok) c = Catalogue{};
    // The views point into `data`, whose buffer a move keeps (catalogues are far past SSO size).
    current() = std::move(c);
    return ok;
}

const std::string& ui_language() { return current().lang; }

const char* translate(const char* msgid) {
    const auto& s = current().strings;
    if (s.empty()) return msgid;
    const auto it = s.find(std::string_view(msgid));
    // A .mo file ends each translation with a NUL, so the view is a C string.
    return it == s.end() || it->second.empty() ? msgid : it->second.data();
}

const char* const* ui_languages() { return kLanguages; }

std::string fill_in(const char* pattern, std::initializer_list<std::string> args) {
    std::string out;
    auto next = args.begin();
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '%' && p[1] == 's' && next != args.end()) {
            out += *next++;
            ++p;
        } else {
            out += *p;
        }
    }
    return out;
}

const char* language_name(const std::string& code) {
    static const std::unordered_map<std::string, const char*> names = {
        {"en", "English"}, {"tr", "Türkçe"}, {"az", "Azərbaycanca"}, {"ru", "Русский"}, {"hy", "Հայերեն"}, {"ka", "ქართული"}};
    const auto it = names.find(code);
    return it == names.end() ? nullptr : it->second;
}

std::string system_ui_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        const std::string code = std::string(v).substr(0, 2);
        for (const char* const* l = kLanguages; *l; ++l)
            if (code == *l) return code;
        return "en";
    }
    return "en";
}

}  // namespace chronomap

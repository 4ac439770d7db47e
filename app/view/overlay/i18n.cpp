#include "app/view/overlay/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>

#include "version.h"

// glibc's count of catalogue changes: raised after LANGUAGE changes, so that gettext does not
// answer from what it looked up in the language before (GNU gettext manual, "Being a gettext
// grok").
extern "C" int _nl_msg_cat_cntr;

namespace chronomap {
namespace {

constexpr const char* kLanguages[] = {"en", "tr", "az", "ru", "hy", "ka", nullptr};
constexpr const char* kDomain = "chronomap";

std::string& current_language() {
    static std::string lang = "en";
    return lang;
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
    namespace fs = std::filesystem;
    std::string code = lang.substr(0, lang.find('-'));
    const std::string dir = locale_dir();
    std::error_code ec;
    const bool ok = code == "en" || code.empty() || fs::exists(dir + "/" + code + "/LC_MESSAGES/chronomap.mo", ec);
    if (!ok || code.empty()) code = "en";
    // glibc's gettext reads the catalogue LANGUAGE names, from where bindtextdomain says, once
    // messages are in any locale but "C"; C.UTF-8 is built into glibc, so no locale need be
    // generated on the machine.
    static const bool messages_not_c = std::setlocale(LC_MESSAGES, "C.UTF-8") != nullptr;
    (void)messages_not_c;
    bindtextdomain(kDomain, dir.c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
    ::setenv("LANGUAGE", code.c_str(), 1);
    ++_nl_msg_cat_cntr;
    current_language() = code;
    return ok;
}

const char* translate(const char* msgid) {
    return current_language() == "en" ? msgid : dgettext(kDomain, msgid);
}

const char* translate_plural(const char* singular, const char* plural, unsigned long n) {
    if (current_language() == "en") return n == 1 ? singular : plural;
    return dngettext(kDomain, singular, plural, n);
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

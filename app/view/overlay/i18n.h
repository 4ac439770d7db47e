#pragma once
// The interface in six languages (English, Turkish, Azerbaijani, Russian, Armenian, Georgian):
// strings are marked with _("...") in the code, extracted with xgettext into po/chronomap.pot,
// translated in po/LANG.po and compiled with msgfmt at build time. glibc's gettext reads the
// compiled catalogues, with their plural forms; the language can change while the window is open,
// and no locale need be generated on the machine (C.UTF-8 and LANGUAGE). The command line stays
// English.

#include <initializer_list>
#include <string>

namespace chronomap {

// Chooses the catalogue _() reads ("tr", "az-Latn", "ru", ...; English for anything without one).
// Returns false when there is no catalogue for it. Called where the language is decided (the
// window's setting, an export's --lang); code that shows dates or names is given the language.
bool set_ui_language(const std::string& lang);
// The translation of a marked string, or the string itself (catalogues stay loaded, so the
// pointer stays valid).
const char* translate(const char* msgid);
// The form for `n` of a string that depends on a number ("%d events" / "%d event"), by the
// language's own rule (Russian has three forms).
const char* translate_plural(const char* singular, const char* plural, unsigned long n);
// A translated pattern with each "%s" replaced by the next argument, in order (for messages built
// from paths and errors, whose word order the translation decides).
std::string fill_in(const char* pattern, std::initializer_list<std::string> args);
// The interface languages with a catalogue, English first.
const char* const* ui_languages();
// A language's name in itself ("Türkçe", "Русский"), or null for one without a catalogue.
const char* language_name(const std::string& code);
// The language of the system (LC_ALL, LC_MESSAGES, LANG), for a first start: "ru" from
// "ru_RU.UTF-8"; "en" when none of ours.
std::string system_ui_language();
// Where the catalogues are: CHRONOMAP_LOCALE_DIR, else beside the executable, else the build tree.
std::string locale_dir();

}  // namespace chronomap

#define _(text) ::chronomap::translate(text)
#define _n(singular, plural, n) ::chronomap::translate_plural(singular, plural, static_cast<unsigned long>(n))
// Marks a string for extraction where it is translated later (static tables).
#define N_(text) text

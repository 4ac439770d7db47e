#pragma once
// Problems found in user data, each with its place and a message a person can act on.

#include <cstddef>
#include <string>
#include <vector>

#include "data/model/symbol.h"

namespace chronomap {

enum class Severity { Warning, Error };

struct SourcePos {
    // As the user named it, relative to the manifest where possible; interned, so the many
    // positions naming one file (a million events in a large CSV) share one copy.
    Symbol file;
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based, counted in characters; 0 when unknown
};

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePos pos;
    std::string layer;    // for geometry problems
    std::string feature;  // feature id, for geometry problems
    std::string message;

    // "events.json:42:18: error: ..." or "borders.gpkg: layer 'x', feature 'kars': warning: ..."
    std::string format() const;
};

class Diagnostics {
public:
    void error(SourcePos pos, std::string message);
    void warning(SourcePos pos, std::string message);
    void feature_problem(Severity s, SourcePos file, std::string layer, std::string feature,
                         std::string message);
    void add(Diagnostic d);

    // At most kMaxListed problems are kept (a file of five million bad values would otherwise
    // take gigabytes in messages); the rest are counted, and a last item says how many.
    static constexpr std::size_t kMaxListed = 10000;
    const std::vector<Diagnostic>& items() const { return items_; }
    // Problems counted but not listed (as restored from a cache).
    void count_unlisted(int errors, int warnings, const SourcePos& pos);
    int unlisted_errors() const { return unlisted_errors_; }
    int unlisted_warnings() const { return unlisted_warnings_; }
    int error_count() const { return errors_; }
    int warning_count() const { return warnings_; }
    bool has_errors() const { return errors_ > 0; }

private:
    std::vector<Diagnostic> items_;
    int errors_ = 0, warnings_ = 0;
    int unlisted_errors_ = 0, unlisted_warnings_ = 0;
    bool summarised_ = false;
    void summarise(const SourcePos& pos);
};

// Text safe to print on a terminal: control bytes and invalid UTF-8 written as \xNN, and text
// beyond max_bytes cut with "… (N more bytes)" (a 50 MB argument is not echoed whole).
std::string printable(const std::string& text, std::size_t max_bytes = 2000);

// Closest candidate by edit distance, for "did you mean ...?" hints; empty if nothing is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace chronomap

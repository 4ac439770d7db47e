#pragma once
// What the commands share: loading with diagnostics on stderr, and the options read alike by
// status, events, history, export and diff.

#include <chrono>
#include <cstdlib>
#include <iosfwd>
#include <optional>
#include <string>

#include "launch_args.h"
#include "export.h"
#include "loader.h"

namespace chronomap::cli {

void print_diagnostics(const Diagnostics& d, std::ostream& out);

// With CHRONOMAP_TIMING set, says on stderr how long each phase of a command took and the
// process's peak resident memory so far (for benchmarks): "timing: load 0.41 s, peak 212 MB".
class PhaseTimer {
public:
    void lap(const char* phase);

private:
    bool on_ = std::getenv("CHRONOMAP_TIMING") != nullptr;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};
// Loads the atlas; problems go to stderr in one line each plus a summary. False when the
// manifest itself could not be read. An internal failure throws.
bool load(const std::string& path, LoadResult& result, bool quiet_warnings = false, bool geometry = true);
// --allow-external: the user trusts this atlas to read outside its folder (source_policy.h).
extern bool allow_external;
// A date option (nullopt when absent); a bad one throws std::invalid_argument.
std::optional<Date> date_option(const Args& a, const char* key);
// --basis (or another key): de_facto (the default) or de_jure.
Basis basis_option(const Args& a, const char* key = "--basis");
// The overlay switches export and animate share (--no-title, --no-legend, ...), and --no-claims.
void overlay_switches(const Args& a, ExportRequest& req);
// --lang: a language code; one the atlas has no names in is noted on stderr.
std::string lang_option(const Args& a, const Atlas& atlas);

}  // namespace chronomap::cli

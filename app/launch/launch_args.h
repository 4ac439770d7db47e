#pragma once
// A small argument parser (positionals, --key value and --flag options) and the strict number,
// size and language-code parsing that the command line, the window and scripts share.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "data/geometry/geometry.h"

namespace chronomap {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--date" -> "1921"
    std::set<std::string> flags;                 // "--json"
    std::string error;                           // empty if parsing succeeded

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::optional<std::string> get(const std::string& key) const {
        auto it = options.find(key);
        return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

// The whole text as a number within [lo, hi]; nullopt for anything else ("abc", "1e20", "nan",
// "5 frames"). Callers name the option and the range in their message.
std::optional<long long> parse_integer(const std::string& text, long long lo, long long hi);
std::optional<double> parse_real(const std::string& text, double lo, double hi);

// "1920x1080" (or "1920X1080"): each side a whole number within [lo, hi]; nullopt for anything else.
std::optional<std::pair<int, int>> parse_size(const std::string& text, int lo, int hi_width, int hi_height);

// "LONMIN,LATMIN,LONMAX,LATMAX" in degrees (longitudes -180..180, latitudes -90..90, the
// minimum before the maximum); nullopt for anything else. --bbox, --region and the lesson forms.
std::optional<Bounds> parse_lonlat_box(const std::string& text);

// "en", "tr", "pt-BR": two or three lowercase letters, optionally a dash and a region or script.
bool is_language_code(const std::string& code);

// value_options take a value ("--date 1921" or "--date=1921"); flag_options do not.
Args parse_args(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options);

}  // namespace chronomap

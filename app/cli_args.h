#pragma once
// A small argument parser: positionals and --key value / --flag options.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chronomap::cli {

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

// value_options take a value ("--date 1921" or "--date=1921"); flag_options do not.
Args parse_args(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options);

}  // namespace chronomap::cli

#include "data/validate/border_precision.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "data/model/atlas.h"
#include "data/validate/diagnostics.h"

namespace chronomap {
namespace {

bool has(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

}  // namespace

std::optional<BorderPrecision> border_precision_from(const std::string& value) {
    std::string v;
    for (char c : value) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    v.erase(0, v.find_first_not_of(" \t"));
    v.erase(v.find_last_not_of(" \t") + 1);
    if (v == "3" || v == "3.0") return BorderPrecision::Exact;
    if (v == "2" || v == "2.0") return BorderPrecision::Approximate;
    if (v == "1" || v == "1.0") return BorderPrecision::Schematic;
    // 0: historical-basemaps' value for a border whose precision is not given; drawn as the
    // least certain kind rather than as exact.
    if (v == "0" || v == "0.0") return BorderPrecision::Schematic;
    if (has(v, "schematic") || has(v, "sketch")) return BorderPrecision::Schematic;
    if (has(v, "approx") || has(v, "uncertain") || has(v, "estimated") || has(v, "conjectur"))
        return BorderPrecision::Approximate;
    if (has(v, "exact") || has(v, "precise") || has(v, "surveyed") || has(v, "legal")) return BorderPrecision::Exact;
    return std::nullopt;
}

const char* to_string(BorderPrecision p) {
    switch (p) {
        case BorderPrecision::Approximate: return "approximate";
        case BorderPrecision::Schematic: return "schematic";
        case BorderPrecision::Exact: break;
    }
    return "exact";
}

void apply_border_precision(Atlas& atlas, Diagnostics& diags) {
    for (auto& layer : atlas.layers) {
        if (layer.precision_field.empty()) continue;
        std::map<std::string, int> unknown;  // value -> features
        bool field_seen = false;
        for (auto& f : layer.features) {
            const auto it = f.properties.find(layer.precision_field);
            if (it == f.properties.end() || it->second.empty()) continue;
            field_seen = true;
            const std::string value = it->second.str();
            if (auto p = border_precision_from(value))
                f.border = *p;
            else
                ++unknown[value];
        }
        if (!field_seen && !layer.features.empty())
            diags.warning(layer.pos, "layer '" + layer.name + "': no feature has a value in its precision_field '" +
                                         layer.precision_field + "'; its borders are drawn as exact");
        for (const auto& [value, n] : unknown)
            diags.warning(layer.pos, "layer '" + layer.name + "': precision '" + value + "' (" + std::to_string(n) +
                                         (n == 1 ? " feature" : " features") +
                                         ") is not a known precision; use 1-3 (1 schematic, 2 approximate, 3 "
                                         "exact) or words such as 'approximate' or 'schematic'. Drawn as exact.");
    }
}

}  // namespace chronomap

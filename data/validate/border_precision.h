#pragma once
// How precisely a territory's border is known, from a layer's precision field: drawn differently
// (soft for approximate, dashed for schematic) so the map shows what it does not know.

#include <cstdint>
#include <optional>
#include <string>

namespace chronomap {

struct Atlas;
class Diagnostics;

enum class BorderPrecision : std::uint8_t { Exact = 0, Approximate = 1, Schematic = 2 };

// A field's value as a precision: 3 (determined by law or survey) is exact, 2 approximate and 1
// schematic, as in the world-borders data sets that carry a 1-3 border precision; words:
// "schematic" or "sketch" is schematic; "approximate", "approx.", "uncertain", "estimated" or
// "conjectural" approximate; "exact", "precise", "surveyed" or "legal" exact. nullopt otherwise.
std::optional<BorderPrecision> border_precision_from(const std::string& value);

// Sets every feature's precision from its layer's precision_field; values that say nothing
// known are warnings naming the layer and the value (the border is then drawn as exact).
void apply_border_precision(Atlas& atlas, Diagnostics& diags);

const char* to_string(BorderPrecision p);

}  // namespace chronomap

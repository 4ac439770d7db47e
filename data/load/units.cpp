// Territories made of modern units: each group of the workbook's "territories" sheet becomes one
// territory whose shape is its units' shapes joined, so a teacher makes "Ottoman Macedonia" of
// provinces instead of drawing it.
#include <algorithm>
#include <map>

#include "data/formats/workbook.h"
#include "data/geometry/geos_shapes.h"
#include "data/load/loader_parts.h"

namespace chronomap::detail {
namespace {

std::vector<std::string> ids_of(const Layer& layer) {
    std::vector<std::string> ids;
    for (const auto& f : layer.features) ids.push_back(f.id);
    return ids;
}

// The polygons of the units, joined into one shape by GEOS within a time limit; where GEOS fails
// or runs out of time they are kept side by side (drawn the same, with the units' own borders
// inside), which the caller is told of.
std::vector<Polygon> joined(const std::vector<const Feature*>& units, bool& whole) {
    std::vector<Polygon> side_by_side;
    for (const Feature* u : units)
        side_by_side.insert(side_by_side.end(), u->shape.polygons.begin(), u->shape.polygons.end());
    whole = true;
    if (units.size() < 2) return side_by_side;
    geos::Context ctx;
    const geos::Budget budget(2.0);
    const geos::GeomPtr all = geos::make_collection(ctx.h, side_by_side);
    geos::GeomPtr joined_shape(all ? GEOSUnaryUnion_r(ctx.h, all.get()) : nullptr, {ctx.h});
    if (!joined_shape) {
        whole = false;
        return side_by_side;
    }
    std::vector<Polygon> out;
    geos::polygons_of(ctx.h, joined_shape.get(), out);
    return out;
}

class UnitIndex {
  public:
    explicit UnitIndex(const Layer& layer) : layer_(layer) {
        for (const auto& f : layer.features) by_id_[f.id].push_back(&f);
    }
    // The units a cell names: a unit id, or a country code for all of the country's units.
    std::vector<const Feature*> find(const std::string& name) const {
        if (auto it = by_id_.find(name); it != by_id_.end()) return it->second;
        std::vector<const Feature*> country;
        if (name.find('/') == std::string::npos)
            for (auto it = by_id_.lower_bound(name + "/"); it != by_id_.end() && it->first.rfind(name + "/", 0) == 0; ++it)
                country.insert(country.end(), it->second.begin(), it->second.end());
        return country;
    }
    std::string hint(const std::string& name) const {
        const std::string best = closest_match(name, ids_of(layer_));
        return best.empty() ? "" : " (did you mean '" + best + "'?)";
    }

  private:
    const Layer& layer_;
    std::map<std::string, std::vector<const Feature*>> by_id_;
};

Feature territory_named(const UnitGroup& group) {
    Feature t;
    t.id = group.id;
    t.names = group.names;
    t.valid_from = group.valid_from;
    t.valid_to = group.valid_to;
    t.origin_file = group.pos.file;
    t.origin_fid = group.pos.line;
    // Modern provinces, or a teacher's drawing, stand in for historical borders: approximate, as
    // the legend says.
    t.border = BorderPrecision::Approximate;
    return t;
}

Feature territory_of(const UnitGroup& group, const std::vector<const Feature*>& units, Diagnostics& diags) {
    Feature t = territory_named(group);
    for (const Feature* u : units) t.lonlat_bounds.add(u->lonlat_bounds);
    // As the sheet names them ("MK" stays a country), for the workbook written after an edit.
    t.properties.set("units", unit_cell(group.units));
    bool whole = true;
    t.shape.polygons = joined(units, whole);
    if (!whole)
        diags.warning(group.units_pos, "the units of territory '" + group.id +
                                           "' could not be joined into one shape in time; they are drawn side by side");
    return t;
}

// The shapes drawn in the window (the manifest's "drawn" GeoPackage), by id.
std::map<std::string, Feature> drawn_shapes(const Atlas& atlas, const LoadContext& ctx) {
    std::map<std::string, Feature> by_id;
    if (atlas.drawn.empty()) return by_id;
    Layer drawn;
    drawn.name = "drawn territories";
    drawn.source = atlas.drawn;
    drawn.role = LayerRole::Territories;
    drawn.id_field = "id";
    drawn.pos = ctx.drawn_pos;
    if (!read_source(drawn, atlas.drawn, ctx.drawn_pos, ctx, std::nullopt, std::nullopt)) return by_id;
    for (auto& f : drawn.features) {
        const std::string id = f.id;
        if (!by_id.emplace(id, std::move(f)).second)
            ctx.diags->error(ctx.drawn_pos, "'" + atlas.drawn + "' holds two shapes for territory '" + id + "'");
    }
    return by_id;
}

Feature drawn_territory(const UnitGroup& group, const Feature& shape) {
    Feature t = territory_named(group);
    t.shape = shape.shape;
    t.lonlat_bounds = shape.lonlat_bounds;
    t.properties.set("units", "");
    return t;
}

}  // namespace

void group_units(Atlas& atlas, const std::vector<UnitGroup>& groups, const LoadContext& ctx) {
    Diagnostics& diags = *ctx.diags;
    Layer* layer = atlas.units_layer();
    if (!layer) {
        if (!groups.empty())
            diags.error(groups.front().pos, "the workbook's territories sheet groups units, but no territories layer "
                                            "of the manifest is marked \"units\": true");
        return;
    }
    if (!layer->loaded) return;  // its own error says why
    const UnitIndex index(*layer);
    std::map<std::string, Feature> drawn = drawn_shapes(atlas, ctx);
    std::vector<Feature> territories;
    for (const auto& group : groups) {
        if (auto shape = drawn.find(group.id); shape != drawn.end()) {
            if (!group.units.empty())
                diags.error(group.units_pos, "territory '" + group.id + "' names units and also has a shape drawn in '" +
                                                 atlas.drawn + "'; empty its units cell to keep the drawn shape");
            territories.push_back(drawn_territory(group, shape->second));
            drawn.erase(shape);
            continue;
        }
        std::vector<const Feature*> units;
        for (const auto& name : group.units) {
            const auto found = index.find(name);
            if (found.empty())
                diags.error(group.units_pos, "territory '" + group.id + "' names unit '" + name +
                                                 "', which layer '" + layer->name + "' does not have" + index.hint(name));
            for (const Feature* u : found)
                if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
        }
        if (group.units.empty())
            diags.error(group.units_pos, "territory '" + group.id + "' names no units and has no drawn shape");
        territories.push_back(territory_of(group, units, diags));
    }
    for (const auto& [id, shape] : drawn)
        diags.warning(ctx.drawn_pos, "'" + atlas.drawn + "' holds a shape for territory '" + id +
                                         "', which the territories sheet does not name; it is not drawn");
    layer->features = std::move(territories);
}

}  // namespace chronomap::detail

// The atlas manifest: title, time range, CRS, view, layers, powers, sources, event files.
#include <cmath>
#include <cstdio>
#include <set>

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include "data/load/credentials.h"
#include "data/load/loader_parts.h"
#include "data/geometry/projection.h"

namespace chronomap::detail {

namespace {

using json = nlohmann::json;
using V = json::value_t;

// A layer's or snapshot's "source", in the form that may be shown (credentials.h).
std::optional<std::string> source_field(const json& obj, const std::string& ptr, JsonFields& f, Need need,
                                        const std::string& what) {
    auto source = f.string(obj, ptr, "source", need, what);
    if (source) *source = conceal_credentials(*source);
    return source;
}

// Said once a layer: a password in an atlas goes wherever the atlas goes.
void warn_of_passwords(const Layer& layer, JsonFields& f, const std::string& what) {
    std::size_t count = holds_password(layer.source) ? 1 : 0;
    for (const auto& s : layer.snapshots) count += holds_password(s.source) ? 1 : 0;
    if (count == 0) return;
    f.diags().warning(layer.pos, std::to_string(count) + " data source(s) of " + what +
                                     " hold a password; it is never shown, but whoever receives this atlas can "
                                     "read it there. A service file (PGSERVICE), ~/.pgpass or PGPASSWORD keeps "
                                     "it out of the atlas");
}


Names read_names(const json& obj, const std::string& ptr, JsonFields& f, const std::string& what) {
    Names names;
    const auto* v = f.typed(obj, ptr, "names", V::object, Need::Optional, what);
    if (v) {
        for (const auto& [lang, name] : v->items()) {
            if (!name.is_string()) {
                f.diags().error(f.pos(JsonFields::child(JsonFields::child(ptr, "names"), lang.c_str())),
                                "name in '" + lang + "' of " + what + " should be text");
                continue;
            }
            names.by_lang[lang] = name.get<std::string>();
        }
    }
    if (auto name = f.string(obj, ptr, "name", Need::Optional, what)) names.by_lang.emplace("en", *name);
    return names;
}

// A raster layer's opacity, dates, fade and control points.
void read_raster_settings(const json& obj, const std::string& ptr, JsonFields& f, const std::string& what, Layer& layer) {
    if (auto o = f.number(obj, ptr, "opacity", Need::Optional, what)) {
        if (*o < 0 || *o > 1) f.diags().error(f.pos(JsonFields::child(ptr, "opacity")), "the opacity of " + what + " should be 0 to 1");
        layer.opacity = static_cast<float>(std::clamp(*o, 0.0, 1.0));
    }
    layer.valid_from = f.date(obj, ptr, "from", Need::Optional, what);
    layer.valid_to = f.date(obj, ptr, "to", Need::Optional, what);
    if (auto y = f.number(obj, ptr, "fade_years", Need::Optional, what)) layer.fade_years = std::max(0.0, *y);
    const auto* points = f.typed(obj, ptr, "control_points", V::array, Need::Optional, what);
    if (!points) return;
    for (std::size_t k = 0; k < points->size(); ++k) {
        const json& p = (*points)[k];
        const bool four_numbers = p.is_array() && p.size() == 4 &&
                                  std::all_of(p.begin(), p.end(), [](const json& v) { return v.is_number(); });
        if (!four_numbers) {
            f.diags().error(f.pos(JsonFields::child(JsonFields::child(ptr, "control_points"), k)),
                            "a control point of " + what + " should be [pixel x, pixel y, longitude, latitude]");
            continue;
        }
        layer.control_points.push_back({p[0].get<double>(), p[1].get<double>(), p[2].get<double>(), p[3].get<double>()});
    }
}

// "snapshots": [{"date": "1914", "source": "world_1914.geojson", "title": "..."}, ...]; a date may
// be a number, the title is optional.
void read_snapshots(const json& obj, const std::string& ptr, JsonFields& f, const std::string& what,
                    Layer& layer) {
    const auto* list = f.typed(obj, ptr, "snapshots", V::array, Need::Required, what);
    if (!list) return;
    for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string sp = JsonFields::child(JsonFields::child(ptr, "snapshots"), k);
        const json& so = (*list)[k];
        const std::string swhat = "snapshot " + std::to_string(k + 1) + " of " + what;
        if (!f.is_object(so, sp, swhat)) continue;
        std::optional<Date> date;
        f.note_read(sp, "date");
        if (so.contains("date") && so["date"].is_number_integer()) {
            const DateParseResult r = parse_date(std::to_string(so["date"].get<long long>()));
            if (r.date) date = r.date;
            else f.diags().error(f.pos(sp + "/date"), "'date' of " + swhat + ": " + r.error);
            if (!r.warning.empty()) f.diags().warning(f.pos(sp + "/date"), "'date' of " + swhat + ": " + r.warning);
        } else {
            date = f.date(so, sp, "date", Need::Required, swhat);
        }
        auto source = source_field(so, sp, f, Need::Required, swhat);
        const std::string title = f.string(so, sp, "title", Need::Optional, swhat).value_or("");
        if (date && source) layer.snapshots.push_back({*date, *source, f.pos(sp), title});
    }
    if (list->empty()) f.diags().error(f.pos(ptr + "/snapshots"), "the snapshots of " + what + " are empty");
}

void read_layers(const json& root, JsonFields& f, Atlas& atlas) {
    const auto* layers = f.typed(root, "", "layers", V::array, Need::Required, "the atlas manifest");
    if (!layers) return;
    for (std::size_t i = 0; i < layers->size(); ++i) {
        const std::string ptr = JsonFields::child("/layers", i);
        const std::string what = "layer " + std::to_string(i + 1);
        const json& obj = (*layers)[i];
        if (!f.is_object(obj, ptr, what)) continue;
        Layer layer;
        layer.pos = f.pos(ptr);
        const bool series = obj.contains("snapshots");
        layer.source = source_field(obj, ptr, f, series ? Need::Optional : Need::Required, what).value_or("");
        if (series) read_snapshots(obj, ptr, f, what, layer);
        warn_of_passwords(layer, f, what);
        layer.name = f.string(obj, ptr, "name", Need::Optional, what)
                         .value_or(layer.source.empty() && !layer.snapshots.empty() ? layer.snapshots[0].source
                                                                                  : layer.source);
        layer.names = read_names(obj, ptr, f, what);
        layer.gdal_layer = f.string(obj, ptr, "layer", Need::Optional, what).value_or("");
        layer.name_field = f.string(obj, ptr, "name_field", Need::Optional, what).value_or("");
        layer.controller_field = f.string(obj, ptr, "controller_field", Need::Optional, what).value_or("");
        layer.status_field = f.string(obj, ptr, "status_field", Need::Optional, what).value_or("");
        layer.precision_field = f.string(obj, ptr, "precision_field", Need::Optional, what).value_or("");
        // Pieces are identified by their name when no id field is named.
        layer.id_field = f.string(obj, ptr, "id_field", Need::Optional, what)
                             .value_or(layer.name_field.empty() ? "id" : layer.name_field);
        if (!layer.name_field.empty()) layer.name_fields["en"] = layer.name_field;
        // "valid_from"/"valid_to" name fields too (the older spelling).
        for (const char* k : {"valid_from_field", "valid_from"})
            if (auto v = f.string(obj, ptr, k, Need::Optional, what)) layer.valid_from_field = *v;
        for (const char* k : {"valid_to_field", "valid_to"})
            if (auto v = f.string(obj, ptr, k, Need::Optional, what)) layer.valid_to_field = *v;
        if (const auto* v = f.typed(obj, ptr, "valid_to_inclusive", V::boolean, Need::Optional, what))
            layer.valid_to_inclusive = v->get<bool>();
        if (const auto* v = f.typed(obj, ptr, "negative_years_bce", V::boolean, Need::Optional, what))
            layer.negative_years_bce = v->get<bool>();
        if (const auto* v = f.typed(obj, ptr, "units", V::boolean, Need::Optional, what)) layer.units = v->get<bool>();
        read_raster_settings(obj, ptr, f, what, layer);
        // Labels from one field (reference and places layers; territories use name_field).
        if (auto v = f.string(obj, ptr, "label_field", Need::Optional, what)) layer.name_fields["en"] = *v;
        if (const auto* st = f.typed(obj, ptr, "style", V::object, Need::Optional, what)) {
            const std::string sp = JsonFields::child(ptr, "style");
            auto colour = [&](const char* key) -> std::optional<std::uint32_t> {
                auto c = f.string(*st, sp, key, Need::Optional, "style of " + what);
                if (!c) return std::nullopt;
                if (*c == "none") return 0u;
                if (auto rgba = parse_colour(*c)) return rgba;
                f.diags().error(f.pos(JsonFields::child(sp, key)),
                                "colour '" + *c + "' in the style of " + what + " should look like \"#1f77b4\" or be \"none\"");
                return std::nullopt;
            };
            layer.fill_colour = colour("fill");
            layer.outline_colour = colour("outline");
            if (auto w = f.number(*st, sp, "width", Need::Optional, "style of " + what)) {
                if (*w >= 0 && *w <= 20)
                    layer.outline_width = static_cast<float>(*w);
                else
                    f.diags().error(f.pos(JsonFields::child(sp, "width")), "the outline width of " + what + " should be 0 to 20 pixels");
            }
        }
        if (const auto* v = f.typed(obj, ptr, "visible", V::boolean, Need::Optional, what))
            layer.visible = v->get<bool>();
        layer.role = f.choice<LayerRole>(obj, ptr, "role", Need::Required, "layer '" + layer.name + "'",
                                         layer_role_from_string, "territories, places or reference")
                         .value_or(LayerRole::Reference);
        if (const auto* nf = f.typed(obj, ptr, "name_fields", V::object, Need::Optional, what)) {
            for (const auto& [lang, field] : nf->items())
                if (field.is_string()) layer.name_fields[lang] = field.get<std::string>();
        }
        if (!layer.source.empty() || !layer.snapshots.empty()) atlas.layers.push_back(std::move(layer));
    }
}

void read_powers(const json& root, JsonFields& f, Atlas& atlas) {
    const auto* powers = f.typed(root, "", "powers", V::array, Need::Optional, "the atlas manifest");
    if (!powers) return;
    for (std::size_t i = 0; i < powers->size(); ++i) {
        const std::string ptr = JsonFields::child("/powers", i);
        const json& obj = (*powers)[i];
        if (!f.is_object(obj, ptr, "power " + std::to_string(i + 1))) continue;
        Power p;
        p.pos = f.pos(ptr);
        const auto id = f.string(obj, ptr, "id", Need::Required, "power " + std::to_string(i + 1));
        if (!id) continue;
        p.id = *id;
        const std::string what = "power '" + p.id + "'";
        p.names = read_names(obj, ptr, f, what);
        p.note = f.string(obj, ptr, "note", Need::Optional, what).value_or("");
        if (auto c = f.string(obj, ptr, "color", Need::Required, what)) {
            if (auto rgba = parse_colour(*c))
                p.rgba = *rgba;
            else
                f.diags().error(f.pos(JsonFields::child(ptr, "color")),
                                "colour '" + *c + "' of " + what + " should look like \"#1f77b4\"");
        }
        if (const auto* parents = f.typed(obj, ptr, "parents", V::array, Need::Optional, what)) {
            for (std::size_t k = 0; k < parents->size(); ++k) {
                const std::string pp = JsonFields::child(JsonFields::child(ptr, "parents"), k);
                const json& po = (*parents)[k];
                if (!f.is_object(po, pp, "parent of " + what)) continue;
                PowerParent parent;
                parent.power = f.string(po, pp, "power", Need::Required, "parent of " + what).value_or("");
                parent.from = f.date(po, pp, "from", Need::Optional, "parent of " + what);
                parent.to = f.date(po, pp, "to", Need::Optional, "parent of " + what);
                if (!parent.power.empty()) p.parents.push_back(parent);
            }
        }
        atlas.powers.push_back(std::move(p));
    }
}

void read_sources(const json& root, JsonFields& f, Atlas& atlas) {
    const auto* sources = f.typed(root, "", "sources", V::array, Need::Optional, "the atlas manifest");
    if (!sources) return;
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const std::string ptr = JsonFields::child("/sources", i);
        const json& obj = (*sources)[i];
        if (!f.is_object(obj, ptr, "source " + std::to_string(i + 1))) continue;
        Source s;
        s.pos = f.pos(ptr);
        const auto id = f.string(obj, ptr, "id", Need::Required, "source " + std::to_string(i + 1));
        if (!id) continue;
        s.id = *id;
        const std::string what = "source '" + s.id + "'";
        s.cite = f.string(obj, ptr, "cite", Need::Optional, what).value_or("");
        s.author = f.string(obj, ptr, "author", Need::Optional, what).value_or("");
        s.title = f.string(obj, ptr, "title", Need::Required, what).value_or("");
        f.note_read(ptr, "year");
        if (const auto* y = obj.find("year") != obj.end() ? &obj["year"] : nullptr)
            s.year = y->is_string() ? y->get<std::string>() : y->is_number() ? y->dump() : "";
        s.language = f.string(obj, ptr, "language", Need::Optional, what).value_or("");
        s.file = f.string(obj, ptr, "file", Need::Optional, what).value_or("");
        s.note = f.string(obj, ptr, "note", Need::Optional, what).value_or("");
        atlas.sources.push_back(std::move(s));
    }
}

void read_view(const json& root, JsonFields& f, Atlas& atlas) {
    const auto* view = f.typed(root, "", "default_view", V::object, Need::Optional, "the atlas manifest");
    if (!view) return;
    const std::string ptr = "/default_view";
    if (const auto* bbox = f.typed(*view, ptr, "bbox", V::array, Need::Optional, "default_view")) {
        if (bbox->size() == 4 && std::all_of(bbox->begin(), bbox->end(),
                                             [](const json& v) { return v.is_number(); })) {
            Bounds b;
            b.add(Vec2{(*bbox)[0].get<double>(), (*bbox)[1].get<double>()});
            b.add(Vec2{(*bbox)[2].get<double>(), (*bbox)[3].get<double>()});
            atlas.default_view.bbox = b;
        } else {
            f.diags().error(f.pos(ptr + "/bbox"),
                            "bbox of default_view should be four numbers: [lon_min, lat_min, lon_max, lat_max]");
        }
    }
    if (const auto* c = f.typed(*view, ptr, "center", V::array, Need::Optional, "default_view")) {
        if (c->size() == 2 && (*c)[0].is_number() && (*c)[1].is_number()) {
            atlas.default_view.lon = (*c)[0].get<double>();
            atlas.default_view.lat = (*c)[1].get<double>();
        } else {
            f.diags().error(f.pos(ptr + "/center"), "center of default_view should be [lon, lat]");
        }
    }
    if (auto z = f.number(*view, ptr, "zoom", Need::Optional, "default_view")) atlas.default_view.zoom = *z;
}

}  // namespace

std::optional<std::uint32_t> parse_colour(const std::string& s) {
    if (s.size() != 7 && s.size() != 9) return std::nullopt;
    if (s[0] != '#') return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) return std::nullopt;
        value = value * 16 + static_cast<unsigned>(d);
    }
    return s.size() == 7 ? (value << 8) | 0xFF : value;
}

std::string checked_crs(const std::string& crs, const SourcePos& pos, Diagnostics& diags) {
    OGRSpatialReference srs;
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const OGRErr err = srs.SetFromUserInput(crs.c_str());
    CPLPopErrorHandler();
    if (err != OGRERR_NONE) {
        diags.error(pos, "the display CRS '" + crs +
                             "' is not known to PROJ; use an EPSG code such as \"EPSG:3857\" or a "
                             "PROJ string (EPSG:4326 is used meanwhile)");
        return "EPSG:4326";
    }
    if (const auto km = other_body_radius_km(srs)) {
        diags.error(pos, "the display CRS '" + crs + "' is defined on a body " +
                             std::to_string(static_cast<long>(std::lround(*km))) +
                             " km in radius, not on the Earth (EPSG:4326 is used meanwhile)");
        return "EPSG:4326";
    }
    if (!srs.IsProjected() && !srs.IsGeographic()) {
        diags.error(pos, "the display CRS '" + crs +
                             "' is neither geographic nor projected (a geocentric or local system cannot "
                             "be drawn as a map); use one such as \"EPSG:3857\" (EPSG:4326 is used meanwhile)");
        return "EPSG:4326";
    }
    return crs;
}

void read_manifest(const JsonDoc& doc, Atlas& atlas, std::vector<std::string>& event_files,
                   JsonFields& f) {
    const json& root = doc.root;
    if (!f.is_object(root, "", "the atlas manifest")) return;
    const std::string what = "the atlas manifest";
    atlas.title = f.string(root, "", "title", Need::Required, what).value_or("Untitled atlas");
    atlas.description = f.string(root, "", "description", Need::Optional, what).value_or("");
    atlas.crs = f.string(root, "", "crs", Need::Optional, what).value_or("EPSG:4326");
    if (const auto* range = f.typed(root, "", "time_range", V::object, Need::Required, what)) {
        const auto s = f.date(*range, "/time_range", "start", Need::Required, "time_range");
        const auto e = f.date(*range, "/time_range", "end", Need::Required, "time_range");
        if (s) atlas.start = *s;
        // An end of "1913" is the end of 1913: its events are inside the range, and the timeline
        // and films run to its last day.
        if (e) atlas.end = e->precision == Precision::Day ? *e : e->last_day();
        atlas.time_range_read = s && e;
        // Compared only when both are dates: a bad start must not add a second, bogus error.
        if (atlas.time_range_read && atlas.end < atlas.start)
            f.diags().error(f.pos("/time_range"), "time_range ends (" + atlas.end.iso() +
                                                      ") before it starts (" + atlas.start.iso() + ")");
    }
    read_view(root, f, atlas);
    read_layers(root, f, atlas);
    read_powers(root, f, atlas);
    read_sources(root, f, atlas);
    if (const auto* aliases = f.typed(root, "", "power_aliases", V::object, Need::Optional, what))
        for (const auto& [alias, id] : aliases->items()) {
            if (id.is_string())
                atlas.power_aliases[alias] = id.get<std::string>();
            else
                f.diags().error(f.pos("/power_aliases/" + alias), "power alias '" + alias + "' should name a power id as text");
        }
    event_files = f.string_list(root, "", "events", what);
    // Events, powers and sources kept in a spreadsheet (workbook.h), read with the event files.
    if (auto workbook = f.string(root, "", "workbook", Need::Optional, what)) {
        atlas.workbook = *workbook;
        event_files.push_back(*workbook);
    }
    if (auto drawn = f.string(root, "", "drawn", Need::Optional, what)) atlas.drawn = *drawn;
}

}  // namespace chronomap::detail

// Vector layers through GDAL/OGR: any format GDAL reads, reprojected to the display CRS.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <set>
#include <unordered_map>

#include "data/load/loader_parts.h"
#include "data/load/source_policy.h"
#include "data/formats/database_table.h"
#include "data/formats/gdal_messages.h"
#include "data/formats/geojson_reader.h"
#include "data/formats/ogr_prepare.h"
#include "data/support/parallel.h"
#include "data/geometry/projection.h"

namespace chronomap::detail {

namespace {

std::string last_gdal_message() {
    const char* m = CPLGetLastErrorMsg();
    return m && *m ? std::string(m) : std::string("no further detail from GDAL");
}

void detect_name_fields(Layer& layer, const RawLayer& raw) {
    if (!layer.name_fields.empty()) return;
    for (const std::string& name : raw.fields) {
        if (name == "name") layer.name_fields.emplace("en", name);
        else if (name.rfind("name_", 0) == 0 && name.size() > 5) layer.name_fields[name.substr(5)] = name;
    }
}

std::string field_list(const RawLayer& raw) {
    std::string out;
    for (const std::string& name : raw.fields) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? "(none)" : out;
}

// The first day after an end date: the date itself when ends are exclusive; else the day, month
// or year after it, at the date's own precision ("1918" inclusive ends with 31 December 1918).
Date exclusive_end(Date d, bool inclusive) {
    if (!inclusive) return d;
    Date out = d;
    switch (d.precision) {
        case Precision::Day: out.day += 1; break;
        case Precision::Month:
            out = d.month() == 12 ? Date::from_ymd(d.year() + 1, 1, 1) : Date::from_ymd(d.year(), d.month() + 1, 1);
            break;
        case Precision::Year: out = Date::from_ymd(d.year() + 1, 1, 1); break;
    }
    out.precision = d.precision;
    return out;
}

// Web Mercator ends at ±85.0511°: a polygon reaching a pole was reprojected to infinity there
// (dropped as collinear at -90°, drawn as a vertical line at +90°). Its latitudes are held to the
// limit, which is the edge of the map.
constexpr double kMercatorLimit = 85.0511287798;

void clamp_latitudes(OGRGeometry* g) {
    struct Clamp : public OGRDefaultGeometryVisitor {
        using OGRDefaultGeometryVisitor::visit;
        void visit(OGRPoint* p) override { p->setY(std::clamp(p->getY(), -kMercatorLimit, kMercatorLimit)); }
        void visit(OGRLineString* l) override {
            for (int i = 0; i < l->getNumPoints(); ++i)
                l->setPoint(i, l->getX(i), std::clamp(l->getY(i), -kMercatorLimit, kMercatorLimit));
        }
        void visit(OGRLinearRing* r) override { visit(static_cast<OGRLineString*>(r)); }
    } clamp;
    g->accept(&clamp);
}

struct LayerReader {
    const Layer& layer;
    const LoadContext& ctx;
    std::string file;  // the data source being read, as the manifest names it
    std::optional<Date> from, to;  // a snapshot's validity, which wins over fields
    std::unique_ptr<OGRCoordinateTransformation> to_display;
    std::unique_ptr<OGRCoordinateTransformation> to_lonlat;
    int controller_index = -1, status_index = -1;
    Feature* slot = nullptr;  // where the feature read goes
    bool kept = false;        // whether read_feature put one there
    bool lonlat_source = false;  // longitude, latitude: polygons crossing 180 degrees are split
    bool mercator_display = false;  // latitudes past ±85.05° have no place on the map

    void problem(Severity s, const std::string& feature, const std::string& msg) {
        ctx.diags->feature_problem(s, {file}, layer.name, feature, msg);
    }

    void keep(Feature&& f) {
        *slot = std::move(f);
        kept = true;
    }

    std::optional<Date> feature_date(const RawFeature& feat, int index, const std::string& id) {
        if (index < 0 || !feat.values[static_cast<std::size_t>(index)]) return std::nullopt;
        const std::string& text = *feat.values[static_cast<std::size_t>(index)];
        if (text.empty()) return std::nullopt;
        // A whole number is a year (temporal layers store "FromYear": -500), of the era when the
        // layer says negative years are BCE, else astronomical as everywhere else.
        if (const auto year = whole_year(text, layer.negative_years_bce)) return year;
        const DateParseResult r = parse_date(text);
        if (!r.date) problem(Severity::Error, id, r.error);
        if (!r.warning.empty()) problem(Severity::Warning, id, r.warning);
        return r.date;
    }

    void read_feature(RawFeature& feat, const RawLayer& raw, int id_index, int from_index, int to_index) {
        // A field's value as valid UTF-8, or empty; ok is cleared when bytes had to be replaced.
        auto text = [&](int index, bool* ok = nullptr) {
            if (index < 0 || !feat.values[static_cast<std::size_t>(index)]) return std::string();
            std::string v = *feat.values[static_cast<std::size_t>(index)];
            const bool clean = sanitize_utf8(v);
            if (ok) *ok = clean;
            return v;
        };
        Feature out;
        out.id = id_index >= 0 && feat.values[static_cast<std::size_t>(id_index)]
                     ? *feat.values[static_cast<std::size_t>(id_index)]
                     : "";
        const std::string label = out.id.empty() ? "#" + std::to_string(feat.fid) : out.id;
        out.origin_file = file;
        out.origin_fid = feat.fid;
        if (out.id.empty() && layer.role != LayerRole::Territories) out.id = label;  // needs none
        if (out.id.empty() && layer.data_driven()) {
            out.id = Layer::kUnnamedLand;  // counted once per source, not an error per feature
            out.names.by_lang["en"] = "Land with no polity named in the data";
        }
        if (out.id.empty()) {
            problem(Severity::Error, label, "the feature has no value in the id field '" + layer.id_field + "'");
            return;
        }
        for (const auto& [lang, field] : layer.name_fields) {
            const int idx = raw.field_index(field);
            if (idx < 0 || !feat.values[static_cast<std::size_t>(idx)]) continue;
            bool clean = true;
            out.names.by_lang[lang] = text(idx, &clean);
            if (!clean)
                problem(Severity::Error, label, "the name in field '" + field +
                                                    "' is not valid UTF-8; re-save the data as UTF-8");
        }
        for (std::size_t i = 0; i < raw.fields.size(); ++i)
            if (feat.values[i]) out.properties.set(raw.fields[i], text(static_cast<int>(i)));
        out.valid_from = feature_date(feat, from_index, label);
        out.valid_to = feature_date(feat, to_index, label);
        if (out.valid_to) out.valid_to = exclusive_end(*out.valid_to, layer.valid_to_inclusive);
        if (from) out.valid_from = from;
        if (to) out.valid_to = to;
        if (out.valid_from && out.valid_to && *out.valid_to <= *out.valid_from) {
            problem(Severity::Error, label, "the shape ends (" + out.valid_to->iso() + ") before it starts (" +
                                                out.valid_from->iso() + "); it is never shown");
        }
        out.controller = text(controller_index);
        out.status = text(status_index);

        if (!ctx.geometry) {
            keep(std::move(out));
            return;
        }
        std::unique_ptr<OGRGeometry> owned = std::move(feat.geometry);
        if (!owned || owned->IsEmpty()) {
            problem(Severity::Warning, label, "the feature has no geometry and is not drawn");
            keep(std::move(out));
            return;
        }
        if (!all_finite(owned.get())) {
            problem(Severity::Error, label,
                    "the geometry has NaN or infinite coordinates; the feature is skipped");
            return;
        }
        if (lonlat_source) {
            // 1e308 passed as a longitude; a layer in another body's CRS was taken for Earth's.
            OGREnvelope env;
            owned->getEnvelope(&env);
            if (env.MinX < -360 || env.MaxX > 360 || env.MinY < -90.000001 || env.MaxY > 90.000001) {
                problem(Severity::Error, label,
                        "the geometry has coordinates outside longitude -180..180 and latitude -90..90 (" +
                            std::to_string(env.MinX) + ", " + std::to_string(env.MinY) + " to " + std::to_string(env.MaxX) +
                            ", " + std::to_string(env.MaxY) + "); the feature is skipped");
                return;
            }
            if (mercator_display && (env.MinY < -kMercatorLimit || env.MaxY > kMercatorLimit))
                clamp_latitudes(owned.get());
        }
        if (layer.role == LayerRole::Territories && !has_area(owned.get())) {
            problem(Severity::Warning, label,
                    std::string("a territories layer needs polygons, but this feature is a ") +
                        OGRGeometryTypeToName(owned->getGeometryType()) + "; it is not drawn");
            keep(std::move(out));
            return;
        }
        if (has_area(owned.get()) && close_open_rings(owned.get()))
            problem(Severity::Warning, label,
                    "a ring of the polygon did not end where it began; it was closed");
        if (lonlat_source && has_area(owned.get())) {
            bool failed = false;
            if (auto split = split_at_antimeridian(owned.get(), failed)) owned = std::move(split);
            if (failed)
                problem(Severity::Warning, label,
                        "the polygon crosses the antimeridian (180 degrees) and could not be cut "
                        "there; it may be drawn across the whole map");
        }
        // Validity is not checked here: GEOS's check costs more than everything else in loading
        // real data, and most polygons are valid. The map's triangulation finds invalid rings by
        // their area (tessellate.h) and repairs those alone, with a located warning.
        OGREnvelope env;
        owned->getEnvelope(&env);
        if (to_lonlat) {
            double minx = 0, miny = 0, maxx = 0, maxy = 0;
            if (to_lonlat->TransformBounds(env.MinX, env.MinY, env.MaxX, env.MaxY, &minx, &miny,
                                           &maxx, &maxy, 5)) {
                out.lonlat_bounds.add(Vec2{minx, miny});
                out.lonlat_bounds.add(Vec2{maxx, maxy});
            }
        } else {
            out.lonlat_bounds.add(Vec2{env.MinX, env.MinY});
            out.lonlat_bounds.add(Vec2{env.MaxX, env.MaxY});
        }
        if (to_display && owned->transform(to_display.get()) != OGRERR_NONE) {
            problem(Severity::Error, label, "the geometry could not be reprojected to the display CRS: " +
                                                last_gdal_message());
            return;
        }
        append_geometry(owned.get(), out.shape);
        if (layer.role == LayerRole::Territories) {
            out.shape.points.clear();
            out.shape.lines.clear();
            if (out.shape.polygons.empty())
                problem(Severity::Error, label,
                        "the polygon has no area (its points are collinear or it collapsed when "
                        "repaired); nothing is drawn for it");
        }
        keep(std::move(out));
    }
};


// Pieces of one territory share this: the same id over the same dates.
std::string piece_key(const Feature& f) {
    auto day = [](const std::optional<Date>& d) { return d ? std::to_string(d->day) : std::string("-"); };
    return f.id + '\x1f' + day(f.valid_from) + '\x1f' + day(f.valid_to);
}

// Pieces with one name and one period but different controllers (Sardinia in 1800: part French,
// part Sardinian) are kept apart: those under another controller than the name's own (or, when
// none is, than the first piece's) become the territory "Name (Controller)", so no piece is drawn
// under a controller it did not have. Said once per name.
void keep_split_control_apart(std::vector<Feature>& features, std::size_t first, const std::string& source,
                              const std::string& layer, Diagnostics& diags) {
    std::unordered_map<std::string, std::vector<Feature*>> by_key;
    std::vector<std::string> order;
    for (std::size_t i = first; i < features.size(); ++i) {
        Feature& f = features[i];
        if (f.id == Layer::kUnnamedLand) continue;
        auto& pieces = by_key[piece_key(f)];
        if (pieces.empty()) order.push_back(piece_key(f));
        pieces.push_back(&f);
    }
    for (const auto& key : order) {
        auto& pieces = by_key[key];
        const std::string name = pieces.front()->id;
        std::string home = pieces.front()->controller.str();
        for (const Feature* f : pieces)
            if (f->controller.str() == name) home = name;
        std::set<std::string> apart;
        for (Feature* f : pieces) {
            const std::string controller = f->controller.str();
            if (controller == home) continue;
            const std::string suffix = " (" + (controller.empty() ? std::string("no controller") : controller) + ")";
            f->id = name + suffix;
            for (auto& [lang, n] : f->names.by_lang) n += suffix;
            apart.insert(f->id);
        }
        if (apart.empty()) continue;
        std::string list;
        for (const auto& a : apart) list += (list.empty() ? "'" : "', '") + a;
        diags.feature_problem(Severity::Warning, {source}, layer, name,
                              "pieces with this name have different controllers; those not under '" + home +
                                  "' are kept apart as " + list + "'");
    }
}

// Pieces with the same id and the same dates read from one source are one territory: their
// polygons are joined (the same id over other dates is another period of it).
void merge_pieces(std::vector<Feature>& features, std::size_t first) {
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<Feature> kept;
    for (std::size_t i = first; i < features.size(); ++i) {
        Feature& f = features[i];
        const std::string key = piece_key(f);
        auto [it, fresh] = seen.emplace(key, kept.size());
        if (fresh) {
            kept.push_back(std::move(f));
            continue;
        }
        Feature& into = kept[it->second];
        for (auto& p : f.shape.polygons) into.shape.polygons.push_back(std::move(p));
        into.lonlat_bounds.add(f.lonlat_bounds);
    }
    features.resize(first);
    append_features(features, kept);
}

// GeoJSON files go to our own reader first (geojson_reader.h); GDAL reads what it declines.
// stopped_at: where our parser stopped, as "line L, column C", for GDAL's error message.
std::optional<RawLayer> read_fast(const Layer& layer, const std::string& resolved, bool is_path,
                                  const LoadContext& ctx, OGRSpatialReference& srs, std::string& stopped_at) {
    std::string ext = std::filesystem::path(resolved).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    std::error_code ec;
    if (!layer.gdal_layer.empty() || !is_path || (ext != ".geojson" && ext != ".json") ||
        !std::filesystem::is_regular_file(resolved, ec))
        return std::nullopt;
    Result<std::string> read = read_file(resolved);
    if (!read) return std::nullopt;
    const std::string& text = *read;
    std::size_t offset = 0;
    auto raw = read_geojson(text, ctx.geometry, &offset);
    if (!raw) {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        stopped_at = "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    if (raw && !raw->crs.empty() && srs.SetFromUserInput(raw->crs.c_str()) != OGRERR_NONE) {
        raw->crs_unknown = true;
        srs.SetWellKnownGeogCS("WGS84");
    }
    return raw;
}

// GDAL's reading, in the reader's form. Date-typed fields become ISO dates.
RawLayer raw_from_ogr(OGRLayer& ogr, bool geometry) {
    RawLayer raw;
    OGRFeatureDefn* defn = ogr.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) raw.add_field(defn->GetFieldDefn(i)->GetNameRef());
    if (!geometry) {
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        ogr.SetIgnoredFields(ignored);
    }
    ogr.ResetReading();
    while (OGRFeatureUniquePtr feat{ogr.GetNextFeature()}) {
        RawFeature f;
        f.fid = feat->GetFID();
        f.values.resize(raw.fields.size());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (!feat->IsFieldSetAndNotNull(i)) continue;
            const OGRFieldType type = defn->GetFieldDefn(i)->GetType();
            int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
            float sec = 0;
            if ((type == OFTDate || type == OFTDateTime) &&
                feat->GetFieldAsDateTime(i, &y, &m, &d, &h, &mi, &sec, &tz) && m >= 1 && m <= 12 && d >= 1 &&
                d <= days_in_month(y, m))
                f.values[static_cast<std::size_t>(i)] = Date::from_ymd(y, m, d).iso();
            else
                f.values[static_cast<std::size_t>(i)] = std::string(feat->GetFieldAsString(i));
        }
        f.geometry.reset(feat->StealGeometry());
        raw.features.push_back(std::move(f));
    }
    return raw;
}

}  // namespace

// Reads one data source into the layer; features get [from, to) when a snapshot gives it.
bool read_source(Layer& layer, const std::string& source, const SourcePos& pos, const LoadContext& ctx,
                 std::optional<Date> from, std::optional<Date> to) {
    GdalMessages gdal;
    Diagnostics& diags = *ctx.diags;
    const auto access = ctx.access(source, pos, "the data source of layer '" + layer.name + "'");
    if (!access) return false;
    const std::string& resolved = *access;
    const bool is_path = !is_connection_string(resolved);
    if (is_path && !std::filesystem::exists(resolved)) {
        diags.error(pos, "the data source '" + source + "' of layer '" + layer.name +
                                   "' does not exist (looked for " + resolved + ")");
        return false;
    }
    if (std::error_code ec; is_path) {
        const auto st = std::filesystem::status(resolved, ec);
        if (!std::filesystem::is_regular_file(st) && !std::filesystem::is_directory(st)) {
            diags.error(pos, "the data source '" + source + "' of layer '" + layer.name +
                                 "' is not a regular file (a FIFO, device or socket); it is not read");
            return false;
        }
    }
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference source_srs = wgs84;
    std::string stopped_at;
    std::optional<RawLayer> fast = read_fast(layer, resolved, is_path, ctx, source_srs, stopped_at);
    RawLayer raw;
    if (fast && fast->crs_unknown) {
        diags.error(pos, "the CRS of '" + source + "' (its \"crs\" member, '" + printable(fast->crs, 200) +
                             "') is not known to PROJ; layer '" + layer.name +
                             "' is not read. Use an EPSG code such as \"EPSG:4326\"");
        return false;
    }
    if (fast) {
        raw = std::move(*fast);
    } else {
        source_srs = wgs84;
        // Read-only, through file drivers only unless the user allowed more (source_policy.h).
        const ReadableCopy readable(resolved);  // outlives the dataset
        GDALDatasetUniquePtr ds(GDALDataset::Open(readable.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  ctx.allow_external ? nullptr : allowed_file_drivers(),
                                                  read_only_open_options(resolved)));
        if (!ds) {
            diags.error(pos, "GDAL cannot read the data source '" + source + "' of layer '" + layer.name + "': " +
                                 (gdal.messages().empty() ? std::string("it is not in any vector format GDAL knows")
                                                          : gdal.last_error()) +
                                 (stopped_at.empty() ? std::string()
                                                     : "; the GeoJSON stops being valid at " + stopped_at));
            return false;
        }
        OGRLayer* ogr =
            layer.gdal_layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer.gdal_layer.c_str());
        if (!ogr) {
            std::string names;
            for (int i = 0; i < ds->GetLayerCount(); ++i)
                names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
            diags.error(pos, "the data source '" + source + "' has no layer '" + layer.gdal_layer +
                                 "'; its layers are: " + names);
            return false;
        }
        if (const OGRSpatialReference* s = ogr->GetSpatialRef()) {
            source_srs = *s;
        } else {
            diags.feature_problem(Severity::Warning, {source}, layer.name, {},
                                  "the layer declares no CRS; it is taken as EPSG:4326 (longitude, latitude)");
        }
        if (OGRLayer* rows = ordered_rows(*ds, *ogr, ctx.geometry)) {
            raw = raw_from_ogr(*rows, ctx.geometry);
            ds->ReleaseResultSet(rows);
        } else {
            raw = raw_from_ogr(*ogr, ctx.geometry);
        }
        if (!*ogr->GetFIDColumn() && std::string(ds->GetDriverName()) == "PostgreSQL")
            diags.feature_problem(Severity::Warning, {source}, layer.name, {},
                                  "the table has no primary key, so its rows come in the order the server keeps "
                                  "them, which an UPDATE changes: where pieces overlap, the map may differ from "
                                  "one run to the next");
        gdal.report(diags, source, layer.name);  // what GDAL said while reading (skipped records, ...)
    }
    source_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (const auto km = other_body_radius_km(source_srs)) {
        diags.error(pos, "the CRS of layer '" + layer.name + "' (" + std::string(source_srs.GetName() ? source_srs.GetName() : "unnamed") + ") is defined on a body " +
                             std::to_string(static_cast<long>(std::lround(*km))) +
                             " km in radius, not on the Earth: its shapes cannot be placed on a map of the Earth, "
                             "and the layer is not read");
        return false;
    }
    OGRSpatialReference display;
    display.SetFromUserInput(ctx.display_crs.c_str());
    display.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    // Each worker reads with transformations of its own (they are not shared across threads).
    // Asked once, here: an OGRSpatialReference refreshes its PROJ object lazily even in const
    // calls, so asking it from every worker at once corrupted the heap.
    const bool display_is_source = source_srs.IsSame(&display) != 0;
    const bool lonlat_is_source = source_srs.IsSame(&wgs84) != 0;
    const bool lonlat_source = source_srs.IsGeographic() != 0;
    const char* method = display.GetAttrValue("PROJECTION");
    const bool mercator_display = method && std::string(method).find("Mercator") != std::string::npos;
    static std::mutex transform_guard;
    auto make_reader = [&](const LoadContext& c) {
        LayerReader r{layer, c, source, from, to, nullptr, nullptr};
        {
            const std::lock_guard<std::mutex> lock(transform_guard);  // reads the shared references
            if (!display_is_source) r.to_display.reset(OGRCreateCoordinateTransformation(&source_srs, &display));
            if (!lonlat_is_source) r.to_lonlat.reset(OGRCreateCoordinateTransformation(&source_srs, &wgs84));
        }
        r.lonlat_source = lonlat_source;
        r.mercator_display = mercator_display;
        return r;
    };
    if (raw.features.empty()) {
        diags.error(pos, "layer '" + layer.name + "' (" + source + ") has no features");
        return false;
    }
    const int id_index = raw.field_index(layer.id_field);
    if (id_index < 0 && layer.role != LayerRole::Territories) {
        // Reference and places layers need no ids: features are named by their number.
    } else if (id_index < 0) {
        diags.error(pos, "layer '" + layer.name + "' has no id field '" + layer.id_field +
                             "'; its fields are: " + field_list(raw));
        return false;
    }
    detect_name_fields(layer, raw);
    auto optional_field = [&](const std::string& name) {
        if (name.empty()) return -1;
        const int idx = raw.field_index(name);
        if (idx < 0)
            diags.error(pos, "layer '" + layer.name + "' has no field '" + name +
                                 "'; its fields are: " + field_list(raw));
        return idx;
    };
    const int from_index = optional_field(layer.valid_from_field);
    const int to_index = optional_field(layer.valid_to_field);
    const int controller_index = optional_field(layer.controller_field);
    const int status_index = optional_field(layer.status_field);

    const std::size_t first = layer.features.size();
    // The geometry work (checks, cuts, reprojection) runs on every core in chunks, each feature
    // read into its own slot, so the features are in the file's order and held once.
    auto& feats = raw.features;
    const std::size_t chunk_count = std::min<std::size_t>(feats.size(), 64);
    std::vector<Diagnostics> chunk_diags(chunk_count);
    std::vector<char> kept(feats.size(), 0);
    layer.features.resize(first + feats.size());
    parallel_for(chunk_count, [&](std::size_t c) {
        // GDAL's messages here come from our own geometry work (cuts, repairs), which reports its
        // outcome itself; they are only kept off stderr.
        GdalMessages quiet_here;
        LoadContext cc = ctx;
        cc.diags = &chunk_diags[c];
        LayerReader reader = make_reader(cc);
        reader.controller_index = controller_index;
        reader.status_index = status_index;
        const std::size_t begin = feats.size() * c / chunk_count, end = feats.size() * (c + 1) / chunk_count;
        for (std::size_t i = begin; i < end; ++i) {
            reader.slot = &layer.features[first + i];
            reader.kept = false;
            reader.read_feature(feats[i], raw, id_index, from_index, to_index);
            kept[i] = reader.kept;
            feats[i] = RawFeature();  // its values are copied; given back as we go
        }
    });
    std::vector<RawFeature>().swap(feats);
    for (const auto& d : chunk_diags)
        for (const auto& item : d.items()) ctx.diags->add(item);
    std::size_t end = first;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (kept[i] && end++ != first + i) layer.features[end - 1] = std::move(layer.features[first + i]);
    layer.features.erase(layer.features.begin() + static_cast<std::ptrdiff_t>(end), layer.features.end());
    if (layer.data_driven()) {
        const auto unnamed = std::count_if(layer.features.begin() + static_cast<std::ptrdiff_t>(first), layer.features.end(),
                                           [](const Feature& f) { return f.id == Layer::kUnnamedLand; });
        if (unnamed > 0)
            diags.feature_problem(Severity::Warning, {source}, layer.name, {},
                                  std::to_string(unnamed) + " feature(s) have no value in '" + layer.id_field +
                                      "': drawn as land no polity holds (\"" + Layer::kUnnamedLand + "\")");
        keep_split_control_apart(layer.features, first, source, layer.name, diags);
        merge_pieces(layer.features, first);
    }
    if (layer.features.size() == first)
        diags.error(pos, "layer '" + layer.name + "' (" + source + ") has no usable features");
    return true;
}

}  // namespace chronomap::detail

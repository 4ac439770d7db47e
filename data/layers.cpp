// Vector layers through GDAL/OGR: any format GDAL reads, reprojected to the display CRS.
#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <unordered_map>

#include "cache.h"
#include "loader_parts.h"
#include "parallel.h"

namespace chronomap::detail {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

namespace {

// GDAL prints its errors to stderr by default; we turn them into diagnostics instead.
struct QuietGdal {
    QuietGdal() {
        ensure_gdal();
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string last_gdal_message() {
    const char* m = CPLGetLastErrorMsg();
    return m && *m ? std::string(m) : std::string("no further detail from GDAL");
}

bool all_finite(const OGRGeometry* g) {
    bool ok = true;
    struct Visitor : public OGRDefaultConstGeometryVisitor {
        bool* ok;
        using OGRDefaultConstGeometryVisitor::visit;
        void visit(const OGRPoint* p) override {
            // No IsEmpty() test: OGR reports a point with a NaN coordinate as empty.
            if (!std::isfinite(p->getX()) || !std::isfinite(p->getY())) *ok = false;
        }
    } v;
    v.ok = &ok;
    g->accept(&v);
    return ok;
}

Ring to_ring(const OGRLinearRing* r) {
    Ring out;
    out.reserve(static_cast<std::size_t>(r->getNumPoints()));
    for (int i = 0; i < r->getNumPoints(); ++i) out.push_back({r->getX(i), r->getY(i)});
    return out;
}

void append_geometry(const OGRGeometry* g, Shape& shape) {
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            const auto* p = g->toPoint();
            if (!p->IsEmpty()) shape.points.push_back({p->getX(), p->getY()});
            break;
        }
        case wkbLineString: {
            const auto* l = g->toLineString();
            std::vector<Vec2> line;
            for (int i = 0; i < l->getNumPoints(); ++i) line.push_back({l->getX(i), l->getY(i)});
            if (line.size() >= 2) shape.lines.push_back(std::move(line));
            break;
        }
        case wkbPolygon: {
            const auto* poly = g->toPolygon();
            if (poly->IsEmpty()) break;
            Polygon out;
            out.rings.push_back(to_ring(poly->getExteriorRing()));
            for (int i = 0; i < poly->getNumInteriorRings(); ++i)
                out.rings.push_back(to_ring(poly->getInteriorRing(i)));
            shape.polygons.push_back(std::move(out));
            break;
        }
        default:
            if (OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbGeometryCollection))
                for (const auto* part : *g->toGeometryCollection()) append_geometry(part, shape);
            break;
    }
}

// Closes rings whose last point is not their first (GeoJSON requires closed rings; GDAL reads
// open ones with a warning, and GEOS then refuses them). Returns whether any was open.
bool close_open_rings(OGRGeometry* g) {
    bool any = false;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) {
        for (auto* ring : *g->toPolygon())
            if (ring->getNumPoints() >= 3 && !ring->get_IsClosed()) {
                ring->closeRings();
                any = true;
            }
    } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        for (auto* part : *g->toGeometryCollection()) any = close_open_rings(part) || any;
    }
    return any;
}

// A ring that jumps more than 180 degrees of longitude between two points crosses the
// antimeridian, and would be drawn as a band across the world. Unwrapped (longitudes made
// continuous), such a ring closes where it began; one that circles a pole (Antarctica) does not,
// and is left as it is. Returns whether the polygon crosses.
bool crosses_antimeridian(OGRPolygon* poly) {
    bool jumps = false;
    for (auto* ring : *poly) {
        double offset = 0;
        for (int i = 1; i < ring->getNumPoints(); ++i) {
            const double dx = ring->getX(i) - ring->getX(i - 1);
            if (std::abs(dx) > 180) {
                jumps = true;
                offset += dx > 0 ? -360 : 360;
            }
        }
        if (std::abs(offset) > 1e-9) return false;  // circles a pole
    }
    return jumps;
}

// Splits polygons crossing the antimeridian into their parts east and west of it. Source
// coordinates must be longitude, latitude. Returns nullptr when nothing crosses, and also when a
// cut fails (the polygon is then kept whole, and `failed` says so): nothing is dropped here.
std::unique_ptr<OGRGeometry> split_at_antimeridian(const OGRGeometry* g, bool& failed) {
    failed = false;
    std::vector<const OGRPolygon*> polys;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) polys.push_back(g->toPolygon());
    else if (t == wkbMultiPolygon)
        for (const auto* p : *g->toMultiPolygon()) polys.push_back(p);
    bool any = false;
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const OGRPolygon* p : polys) {
        std::unique_ptr<OGRPolygon> copy(p->clone());
        if (!crosses_antimeridian(copy.get())) {
            out->addGeometry(copy.get());
            continue;
        }
        any = true;
        // Continuous longitudes (east of 180 where the ring went over), then cut at 180.
        for (auto* ring : *copy) {
            double offset = 0;
            double prev = ring->getX(0);
            for (int i = 1; i < ring->getNumPoints(); ++i) {
                const double x = ring->getX(i);
                if (std::abs(x - prev) > 180) offset += x < prev ? 360 : -360;
                prev = x;
                ring->setPoint(i, x + offset, ring->getY(i));
            }
        }
        // Unwrapped rings often touch themselves along the meridian: repair before cutting.
        std::unique_ptr<OGRGeometry> whole(copy->IsValid() ? copy->clone() : copy->MakeValid());
        if (!whole) {
            failed = true;
            return nullptr;
        }
        OGREnvelope env;
        whole->getEnvelope(&env);
        const double shift = env.MinX < -180 ? 360 : 0;  // bring it to the east side first
        struct ShiftX : public OGRDefaultGeometryVisitor {
            double dx = 0;
            using OGRDefaultGeometryVisitor::visit;
            void visit(OGRPoint* pt) override { pt->setX(pt->getX() + dx); }
        } shift_x;
        shift_x.dx = shift;
        if (shift != 0) whole->accept(&shift_x);
        for (const double west : {-180.0, 180.0}) {
            OGRLinearRing box;
            box.addPoint(west, -91);
            box.addPoint(west + 360, -91);
            box.addPoint(west + 360, 91);
            box.addPoint(west, 91);
            box.addPoint(west, -91);
            OGRPolygon rect;
            rect.addRing(&box);
            std::unique_ptr<OGRGeometry> piece(whole->Intersection(&rect));
            if (!piece) {
                failed = true;
                return nullptr;
            }
            if (piece->IsEmpty()) continue;
            if (west > 0) {  // the part east of 180 goes back to the west edge
                shift_x.dx = -360;
                piece->accept(&shift_x);
            }
            const auto pt = wkbFlatten(piece->getGeometryType());
            if (pt == wkbPolygon) out->addGeometry(piece.get());
            else if (OGR_GT_IsSubClassOf(pt, wkbGeometryCollection))
                for (const auto* part : *piece->toGeometryCollection())
                    if (wkbFlatten(part->getGeometryType()) == wkbPolygon) out->addGeometry(part);
        }
    }
    if (!any) return nullptr;
    return out;
}

bool has_area(const OGRGeometry* g) {
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon || t == wkbMultiPolygon) return true;
    if (t == wkbGeometryCollection)
        for (const auto* part : *g->toGeometryCollection())
            if (has_area(part)) return true;
    return false;
}

void detect_name_fields(Layer& layer, OGRFeatureDefn* defn) {
    if (!layer.name_fields.empty()) return;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        if (name == "name") layer.name_fields.emplace("en", name);
        else if (name.rfind("name_", 0) == 0 && name.size() > 5) layer.name_fields[name.substr(5)] = name;
    }
}

std::string field_list(OGRFeatureDefn* defn) {
    std::string out;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        out += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
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

struct LayerReader {
    const Layer& layer;
    const LoadContext& ctx;
    std::string file;  // the data source being read, as the manifest names it
    std::optional<Date> from, to;  // a snapshot's validity, which wins over fields
    std::unique_ptr<OGRCoordinateTransformation> to_display;
    std::unique_ptr<OGRCoordinateTransformation> to_lonlat;
    int controller_index = -1, status_index = -1;
    std::vector<Feature>* out_features = nullptr;  // where read features go
    bool lonlat_source = false;  // longitude, latitude: polygons crossing 180 degrees are split

    void problem(Severity s, const std::string& feature, const std::string& msg) {
        ctx.diags->feature_problem(s, {file}, layer.name, feature, msg);
    }

    std::optional<Date> feature_date(OGRFeature& feat, int index, const std::string& id) {
        if (index < 0 || !feat.IsFieldSetAndNotNull(index)) return std::nullopt;
        const OGRFieldType type = feat.GetFieldDefnRef(index)->GetType();
        if (type == OFTDate || type == OFTDateTime) {  // GeoJSON and GeoPackage type dates
            int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
            float s = 0;
            if (feat.GetFieldAsDateTime(index, &y, &m, &d, &h, &mi, &s, &tz) && m >= 1 && m <= 12 &&
                d >= 1 && d <= days_in_month(y, m))
                return Date::from_ymd(y, m, d);
        }
        const std::string text = feat.GetFieldAsString(index);
        if (text.empty()) return std::nullopt;
        const DateParseResult r = parse_date(text);
        if (!r.date) problem(Severity::Error, id, r.error);
        if (!r.warning.empty()) problem(Severity::Warning, id, r.warning);
        return r.date;
    }

    void read_feature(OGRFeature& feat, OGRFeatureDefn* defn, int id_index, int from_index,
                      int to_index) {
        Feature out;
        out.id = id_index >= 0 && feat.IsFieldSetAndNotNull(id_index) ? feat.GetFieldAsString(id_index) : "";
        const std::string label = out.id.empty() ? "#" + std::to_string(feat.GetFID()) : out.id;
        out.origin = file + ", feature " + std::to_string(feat.GetFID());
        if (out.id.empty() && layer.role != LayerRole::Territories) out.id = label;  // needs none
        if (out.id.empty()) {
            problem(Severity::Error, label, "the feature has no value in the id field '" + layer.id_field + "'");
            return;
        }
        for (const auto& [lang, field] : layer.name_fields) {
            const int idx = defn->GetFieldIndex(field.c_str());
            if (idx < 0 || !feat.IsFieldSetAndNotNull(idx)) continue;
            std::string name = feat.GetFieldAsString(idx);
            if (!sanitize_utf8(name))
                problem(Severity::Error, label, "the name in field '" + field +
                                                    "' is not valid UTF-8; re-save the data as UTF-8");
            out.names.by_lang[lang] = name;
        }
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            if (!feat.IsFieldSetAndNotNull(i)) continue;
            std::string value = feat.GetFieldAsString(i);
            sanitize_utf8(value);
            out.properties[defn->GetFieldDefn(i)->GetNameRef()] = value;
        }
        out.valid_from = feature_date(feat, from_index, label);
        out.valid_to = feature_date(feat, to_index, label);
        if (out.valid_to) out.valid_to = exclusive_end(*out.valid_to, layer.valid_to_inclusive);
        if (from) out.valid_from = from;
        if (to) out.valid_to = to;
        if (out.valid_from && out.valid_to && *out.valid_to <= *out.valid_from) {
            problem(Severity::Error, label, "the shape ends (" + out.valid_to->iso() + ") before it starts (" +
                                                out.valid_from->iso() + "); it is never shown");
        }
        auto text = [&](int index) {
            if (index < 0 || !feat.IsFieldSetAndNotNull(index)) return std::string();
            std::string v = feat.GetFieldAsString(index);
            sanitize_utf8(v);
            return v;
        };
        out.controller = text(controller_index);
        out.status = text(status_index);

        if (!ctx.geometry) {
            out_features->push_back(std::move(out));
            return;
        }
        OGRGeometry* geom = feat.GetGeometryRef();
        if (!geom || geom->IsEmpty()) {
            problem(Severity::Warning, label, "the feature has no geometry and is not drawn");
            out_features->push_back(std::move(out));
            return;
        }
        if (!all_finite(geom)) {
            problem(Severity::Error, label,
                    "the geometry has NaN or infinite coordinates; the feature is skipped");
            return;
        }
        std::unique_ptr<OGRGeometry> owned(geom->clone());
        if (layer.role == LayerRole::Territories && !has_area(owned.get())) {
            problem(Severity::Warning, label,
                    std::string("a territories layer needs polygons, but this feature is a ") +
                        OGRGeometryTypeToName(owned->getGeometryType()) + "; it is not drawn");
            out_features->push_back(std::move(out));
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
        out_features->push_back(std::move(out));
    }
};


// Pieces with the same id and the same dates read from one source are one territory: their
// polygons are joined (the same id over other dates is another period of it).
void merge_pieces(std::vector<Feature>& features, std::size_t first) {
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<Feature> kept;
    auto day = [](const std::optional<Date>& d) { return d ? std::to_string(d->day) : std::string("-"); };
    for (std::size_t i = first; i < features.size(); ++i) {
        Feature& f = features[i];
        const std::string key = f.id + '\x1f' + day(f.valid_from) + '\x1f' + day(f.valid_to);
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
    for (auto& f : kept) features.push_back(std::move(f));
}

}  // namespace

// Reads one data source into the layer with GDAL; features get [from, to) when a snapshot gives it.
bool read_source(Layer& layer, const std::string& source, const SourcePos& pos, const LoadContext& ctx,
                 std::optional<Date> from, std::optional<Date> to) {
    QuietGdal quiet;
    Diagnostics& diags = *ctx.diags;
    const std::string resolved = ctx.resolve(source);
    const bool is_path = resolved.rfind("/", 0) == 0 && resolved.rfind("/vsi", 0) != 0;
    if (is_path && !std::filesystem::exists(resolved)) {
        diags.error(pos, "the data source '" + source + "' of layer '" + layer.name +
                                   "' does not exist (looked for " + resolved + ")");
        return false;
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(resolved.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
        const char* detail = CPLGetLastErrorMsg();
        diags.error(pos, "GDAL cannot read the data source '" + source + "' of layer '" +
                                   layer.name + "': " +
                                   (detail && *detail ? std::string(detail)
                                                      : std::string("it is not in any vector format GDAL knows")));
        return false;
    }
    OGRLayer* ogr = layer.gdal_layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer.gdal_layer.c_str());
    if (!ogr) {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i)
            names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
        diags.error(pos, "the data source '" + source + "' has no layer '" +
                                   layer.gdal_layer + "'; its layers are: " + names);
        return false;
    }
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference source_srs = wgs84;
    if (const OGRSpatialReference* s = ogr->GetSpatialRef()) {
        source_srs = *s;
        source_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    } else {
        diags.feature_problem(Severity::Warning, {source}, layer.name, {},
                              "the layer declares no CRS; it is taken as EPSG:4326 (longitude, latitude)");
    }
    OGRSpatialReference display;
    display.SetFromUserInput(ctx.display_crs.c_str());
    display.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    // Each worker reads with transformations of its own (they are not shared across threads).
    auto make_reader = [&](const LoadContext& c, std::vector<Feature>* out) {
        LayerReader r{layer, c, source, from, to, nullptr, nullptr};
        if (!source_srs.IsSame(&display)) r.to_display.reset(OGRCreateCoordinateTransformation(&source_srs, &display));
        if (!source_srs.IsSame(&wgs84)) r.to_lonlat.reset(OGRCreateCoordinateTransformation(&source_srs, &wgs84));
        r.out_features = out;
        r.lonlat_source = source_srs.IsGeographic() != 0;
        return r;
    };
    OGRFeatureDefn* defn = ogr->GetLayerDefn();
    if (ogr->GetFeatureCount(TRUE) == 0) {
        diags.error(pos, "layer '" + layer.name + "' (" + source + ") has no features");
        return false;
    }
    const int id_index = defn->GetFieldIndex(layer.id_field.c_str());
    if (id_index < 0 && layer.role != LayerRole::Territories) {
        // Reference and places layers need no ids: features are named by their number.
    } else if (id_index < 0) {
        diags.error(pos, "layer '" + layer.name + "' has no id field '" + layer.id_field +
                                   "'; its fields are: " + field_list(defn));
        return false;
    }
    detect_name_fields(layer, defn);
    auto optional_field = [&](const std::string& name) {
        if (name.empty()) return -1;
        const int idx = defn->GetFieldIndex(name.c_str());
        if (idx < 0)
            diags.error(pos, "layer '" + layer.name + "' has no field '" + name +
                                       "'; its fields are: " + field_list(defn));
        return idx;
    };
    const int from_index = optional_field(layer.valid_from_field);
    const int to_index = optional_field(layer.valid_to_field);
    const int controller_index = optional_field(layer.controller_field);
    const int status_index = optional_field(layer.status_field);

    if (!ctx.geometry) {
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        ogr->SetIgnoredFields(ignored);
    }
    ogr->ResetReading();
    const std::size_t first = layer.features.size();
    // GDAL reads in order; the geometry work (validity, repair, reprojection) runs on every core
    // in chunks whose features and problems are joined in the file's order.
    std::vector<OGRFeatureUniquePtr> feats;
    while (OGRFeature* f = ogr->GetNextFeature()) feats.emplace_back(f);
    const std::size_t chunk_count = std::min<std::size_t>(feats.size(), 64);
    std::vector<std::vector<Feature>> chunk_features(chunk_count);
    std::vector<Diagnostics> chunk_diags(chunk_count);
    parallel_for(chunk_count, [&](std::size_t c) {
        QuietGdal quiet_here;  // error handlers are per thread
        LoadContext cc = ctx;
        cc.diags = &chunk_diags[c];
        LayerReader reader = make_reader(cc, &chunk_features[c]);
        reader.controller_index = controller_index;
        reader.status_index = status_index;
        const std::size_t begin = feats.size() * c / chunk_count, end = feats.size() * (c + 1) / chunk_count;
        for (std::size_t i = begin; i < end; ++i) reader.read_feature(*feats[i], defn, id_index, from_index, to_index);
    });
    for (std::size_t c = 0; c < chunk_count; ++c) {
        for (const auto& d : chunk_diags[c].items()) ctx.diags->add(d);
        for (auto& f : chunk_features[c]) layer.features.push_back(std::move(f));
    }
    if (layer.data_driven()) merge_pieces(layer.features, first);
    if (layer.features.size() == first)
        diags.error(pos, "layer '" + layer.name + "' (" + source + ") has no usable features");
    return true;
}

namespace {

void put_date(cache::Writer& w, const std::optional<Date>& d) {
    w.put<std::uint8_t>(d ? 1 + static_cast<std::uint8_t>(d->precision) : 0);
    w.put<std::int64_t>(d ? d->day : 0);
}
std::optional<Date> get_date(cache::Reader& r) {
    const auto tag = r.get<std::uint8_t>();
    const auto day = r.get<std::int64_t>();
    if (tag == 0 || tag > 3) return std::nullopt;
    return Date{day, static_cast<Precision>(tag - 1)};
}
void put_map(cache::Writer& w, const std::map<std::string, std::string>& m) {
    w.put<std::uint64_t>(m.size());
    for (const auto& [k, v] : m) {
        w.str(k);
        w.str(v);
    }
}
std::map<std::string, std::string> get_map(cache::Reader& r) {
    std::map<std::string, std::string> m;
    const auto n = r.get<std::uint64_t>();
    for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
        std::string k = r.str();
        m[k] = r.str();
    }
    return m;
}

std::string serialize(const Layer& layer, std::size_t first, const Diagnostics& diags) {
    cache::Writer w;
    put_map(w, layer.name_fields);
    w.put<std::uint64_t>(layer.features.size() - first);
    for (std::size_t i = first; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        w.str(f.id);
        put_map(w, f.names.by_lang);
        put_map(w, f.properties);
        w.str(f.controller);
        w.str(f.status);
        w.str(f.origin);
        put_date(w, f.valid_from);
        put_date(w, f.valid_to);
        w.put(f.lonlat_bounds);
        w.put<std::uint64_t>(f.shape.polygons.size());
        for (const auto& p : f.shape.polygons) {
            w.put<std::uint64_t>(p.rings.size());
            for (const auto& r : p.rings) w.vec(r);
        }
        w.put<std::uint64_t>(f.shape.lines.size());
        for (const auto& l : f.shape.lines) w.vec(l);
        w.vec(f.shape.points);
    }
    w.put<std::uint64_t>(diags.items().size());
    for (const auto& d : diags.items()) {
        w.put<std::uint8_t>(static_cast<std::uint8_t>(d.severity));
        w.str(d.pos.file);
        w.put<std::int32_t>(d.pos.line);
        w.put<std::int32_t>(d.pos.column);
        w.str(d.layer);
        w.str(d.feature);
        w.str(d.message);
    }
    return std::move(w.buffer());
}

bool restore(const std::string& payload, Layer& layer, Diagnostics& diags) {
    cache::Reader r(payload);
    auto name_fields = get_map(r);
    std::vector<Feature> features(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
    for (auto& f : features) {
        f.id = r.str();
        f.names.by_lang = get_map(r);
        f.properties = get_map(r);
        f.controller = r.str();
        f.status = r.str();
        f.origin = r.str();
        f.valid_from = get_date(r);
        f.valid_to = get_date(r);
        f.lonlat_bounds = r.get<Bounds>();
        f.shape.polygons.resize(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
        for (auto& p : f.shape.polygons) {
            p.rings.resize(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
            for (auto& ring : p.rings) ring = r.vec<Vec2>();
        }
        f.shape.lines.resize(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
        for (auto& l : f.shape.lines) l = r.vec<Vec2>();
        f.shape.points = r.vec<Vec2>();
        if (!r.ok()) return false;
    }
    std::vector<Diagnostic> items(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
    for (auto& d : items) {
        d.severity = static_cast<Severity>(r.get<std::uint8_t>() != 0);
        d.pos.file = r.str();
        d.pos.line = r.get<std::int32_t>();
        d.pos.column = r.get<std::int32_t>();
        d.layer = r.str();
        d.feature = r.str();
        d.message = r.str();
    }
    if (!r.done()) return false;
    if (layer.name_fields.empty()) layer.name_fields = std::move(name_fields);
    for (auto& f : features) layer.features.push_back(std::move(f));
    for (auto& d : items) diags.add(std::move(d));
    return true;
}

// The cache key of one source as this layer reads it: its content and every setting that
// shapes what is read. nullopt for what is not a plain file (connection strings).
std::optional<std::uint64_t> source_key(const Layer& layer, const std::string& source,
                                        const std::string& resolved, const LoadContext& ctx,
                                        std::optional<Date> from, std::optional<Date> to) {
    const auto content = cache::hash_file(resolved);
    if (!content) return std::nullopt;
    std::string settings = "layer/1|" + source + "|" + layer.name + "|" + ctx.display_crs + "|" +
                           to_string(layer.role) + "|" + layer.gdal_layer + "|" + layer.id_field + "|" +
                           layer.name_field + "|" + layer.controller_field + "|" + layer.status_field + "|" +
                           layer.valid_from_field + "|" + layer.valid_to_field + "|" +
                           (layer.valid_to_inclusive ? "i" : "x") + "|" + (ctx.geometry ? "g" : "a") + "|" +
                           (from ? std::to_string(from->day) : "-") + "|" + (to ? std::to_string(to->day) : "-") +
                           "|" + std::to_string(layer.data_driven());
    for (const auto& [lang, field] : layer.name_fields) settings += "|" + lang + "=" + field;
    return cache::hash(settings, *content);
}

}  // namespace

// Reads one source through the cache: a hit restores what GDAL read last time (features and
// the problems found), a miss reads with GDAL and stores the result.
bool load_source(Layer& layer, const std::string& source, const SourcePos& pos, const LoadContext& ctx,
                 std::optional<Date> from, std::optional<Date> to) {
    const std::string resolved = ctx.resolve(source);
    std::uint64_t key = 0;
    bool cached = false;
    if (!cache::directory().empty())
        if (auto k = source_key(layer, source, resolved, ctx, from, to)) {
            key = *k;
            cached = true;
        }
    if (cached)
        if (auto payload = cache::load("layers", key); payload && restore(*payload, layer, *ctx.diags)) return true;
    Diagnostics local;
    LoadContext c = ctx;
    c.diags = &local;
    const std::size_t first = layer.features.size();
    const bool ok = read_source(layer, source, pos, c, from, to);
    if (ok && cached) cache::store("layers", key, serialize(layer, first, local));
    for (const auto& d : local.items()) ctx.diags->add(d);
    return ok;
}

void load_layer(Layer& layer, const LoadContext& ctx) {
    if (layer.snapshots.empty()) {
        layer.loaded = load_source(layer, layer.source, layer.pos, ctx, std::nullopt, std::nullopt);
        return;
    }
    // A snapshot series: files read on every core, each into a layer and diagnostics of its own,
    // then joined in date order so the result does not depend on timing.
    auto& snaps = layer.snapshots;
    std::stable_sort(snaps.begin(), snaps.end(),
                     [](const Layer::Snapshot& a, const Layer::Snapshot& b) { return a.date < b.date; });
    std::vector<Layer> parts(snaps.size());
    std::vector<Diagnostics> diags(snaps.size());
    std::vector<char> ok(snaps.size(), 0);
    parallel_for(snaps.size(), [&](std::size_t i) {
        parts[i].name = layer.name;
        parts[i].role = layer.role;
        parts[i].id_field = layer.id_field;
        parts[i].name_fields = layer.name_fields;
        parts[i].name_field = layer.name_field;
        parts[i].controller_field = layer.controller_field;
        parts[i].status_field = layer.status_field;
        parts[i].snapshots = {snaps[i]};  // marks it data-driven
        parts[i].gdal_layer = layer.gdal_layer;
        LoadContext c = ctx;
        c.diags = &diags[i];
        std::optional<Date> to;
        if (i + 1 < snaps.size()) to = snaps[i + 1].date;
        ok[i] = load_source(parts[i], snaps[i].source, snaps[i].pos, c, snaps[i].date, to);
    });
    for (std::size_t i = 0; i < snaps.size(); ++i) {
        for (const auto& d : diags[i].items()) ctx.diags->add(d);
        for (auto& f : parts[i].features) layer.features.push_back(std::move(f));
        if (layer.name_fields.empty()) layer.name_fields = parts[i].name_fields;
        layer.loaded = layer.loaded || ok[i];
    }
}

}  // namespace chronomap::detail

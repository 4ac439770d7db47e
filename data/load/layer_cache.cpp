// The layer cache: what a source's reading produced (features and problems), stored under a
// key of the source's content and every setting that shapes the reading; and the layer entry
// points, which read through it.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "data/load/cache.h"
#include "data/load/loader_parts.h"
#include "data/load/source_policy.h"
#include "data/support/parallel.h"

namespace chronomap::detail {

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
// A count read from the payload, bounded by what is left of it (each item takes at least
// min_bytes): a damaged count is found by the checksum only at the end, and must not allocate
// without bound before that.
std::size_t get_count(cache::Reader& r, std::size_t min_bytes) {
    return static_cast<std::size_t>(std::min<std::uint64_t>(r.get<std::uint64_t>(), r.left() / min_bytes));
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

void serialize(cache::Writer& w, const Layer& layer, std::size_t first, const Diagnostics& diags) {
    put_map(w, layer.name_fields);
    w.put<std::uint64_t>(layer.features.size() - first);
    for (std::size_t i = first; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        w.str(f.id);
        put_map(w, f.names.by_lang);
        w.put<std::uint64_t>(f.properties.size());
        for (const auto& [field, value] : f.properties) {
            w.str(field.str());
            w.str(value.view());
        }
        w.str(f.controller.str());
        w.str(f.status.str());
        w.str(f.origin_file.str());
        w.put<std::int64_t>(f.origin_fid);
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
    w.put<std::int32_t>(diags.unlisted_errors());
    w.put<std::int32_t>(diags.unlisted_warnings());
    const std::size_t listed = diags.items().size() - (diags.unlisted_errors() + diags.unlisted_warnings() > 0);
    w.put<std::uint64_t>(listed);
    for (std::size_t i = 0; i < listed; ++i) {
        const Diagnostic& d = diags.items()[i];
        w.put<std::uint8_t>(static_cast<std::uint8_t>(d.severity));
        w.str(d.pos.file.str());
        w.put<std::int32_t>(d.pos.line);
        w.put<std::int32_t>(d.pos.column);
        w.str(d.layer);
        w.str(d.feature);
        w.str(d.message);
    }
}

// Features are read as the file gives them and kept only if the whole payload is intact.
bool restore(cache::Stored& stored, Layer& layer, Diagnostics& diags) {
    cache::Reader& r = stored.reader();
    auto name_fields = get_map(r);
    std::vector<Feature> features(get_count(r, 96));  // a feature's fixed fields take 106 bytes
    for (auto& f : features) {
        f.id = r.str();
        f.names.by_lang = get_map(r);
        for (std::size_t n = get_count(r, 16), i = 0; i < n && r.ok(); ++i) {
            const Symbol field = r.str();
            f.properties.set(field, r.str());
        }
        f.controller = r.str();
        f.status = r.str();
        f.origin_file = r.str();
        f.origin_fid = r.get<std::int64_t>();
        f.valid_from = get_date(r);
        f.valid_to = get_date(r);
        f.lonlat_bounds = r.get<Bounds>();
        f.shape.polygons.resize(get_count(r, 8));
        for (auto& p : f.shape.polygons) {
            p.rings.resize(get_count(r, 8));
            for (auto& ring : p.rings) ring = r.vec<Vec2>();
        }
        f.shape.lines.resize(get_count(r, 8));
        for (auto& l : f.shape.lines) l = r.vec<Vec2>();
        f.shape.points = r.vec<Vec2>();
        if (!r.ok()) return false;
    }
    const auto unlisted_errors = r.get<std::int32_t>();
    const auto unlisted_warnings = r.get<std::int32_t>();
    std::vector<Diagnostic> items(get_count(r, 41));
    for (auto& d : items) {
        d.severity = static_cast<Severity>(r.get<std::uint8_t>() != 0);
        d.pos.file = r.str();
        d.pos.line = r.get<std::int32_t>();
        d.pos.column = r.get<std::int32_t>();
        d.layer = r.str();
        d.feature = r.str();
        d.message = r.str();
    }
    if (!stored.intact()) return false;
    if (layer.name_fields.empty()) layer.name_fields = std::move(name_fields);
    append_features(layer.features, features);
    for (auto& d : items) diags.add(std::move(d));
    diags.count_unlisted(unlisted_errors, unlisted_warnings, {layer.source});
    return true;
}

// The hash of everything GDAL reads for a file: the file and the files beside it that share its
// name (a shapefile's .dbf, .shx, .prj and .cpg; a GeoPackage's -wal, whose edits are not yet in
// the main file while QGIS has it open). nullopt for formats that read other files by reference
// (a .vrt), which are not cached, and for what is not a file.
std::optional<std::uint64_t> content_hash(const std::string& path) {
    namespace fs = std::filesystem;
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char* const kSelfContained[] = {".geojson", ".json", ".shp", ".gpkg", ".fgb", ".kml", ".gml",
                                                 ".csv", ".topojson", ".sqlite", ".gpx", ".xlsx", ".ods", ".tab"};
    if (std::find(std::begin(kSelfContained), std::end(kSelfContained), ext) == std::end(kSelfContained))
        return std::nullopt;
    auto h = cache::hash_file(path);
    if (!h) return std::nullopt;
    std::uint64_t out = *h;
    std::vector<std::string> companions = {path + "-wal", path + "-journal"};
    std::error_code ec;
    const fs::path stem = fs::path(path).parent_path() / fs::path(path).stem();
    for (const auto& e : fs::directory_iterator(fs::path(path).parent_path(), ec)) {
        const fs::path other = e.path();
        if (other != fs::path(path) && other.parent_path() / other.stem() == stem) companions.push_back(other.string());
    }
    std::sort(companions.begin(), companions.end());
    for (const auto& c : companions)
        if (auto ch = cache::hash_file(c)) out = cache::hash(c + std::to_string(*ch), out);
    return out;
}

// The cache key of one source as this layer reads it: its content and every setting that
// shapes what is read. nullopt for what is not a plain file (connection strings).
std::optional<std::uint64_t> source_key(const Layer& layer, const std::string& source,
                                        const std::string& resolved, const LoadContext& ctx,
                                        std::optional<Date> from, std::optional<Date> to) {
    const auto content = content_hash(resolved);
    if (!content) return std::nullopt;
    std::string settings = "layer/2|" + source + "|" + layer.name + "|" + ctx.display_crs + "|" +
                           to_string(layer.role) + "|" + layer.gdal_layer + "|" + layer.id_field + "|" +
                           layer.name_field + "|" + layer.controller_field + "|" + layer.status_field + "|" +
                           layer.valid_from_field + "|" + layer.valid_to_field + "|" +
                           (layer.valid_to_inclusive ? "i" : "x") + (layer.negative_years_bce ? "b" : "a") + "|" + (ctx.geometry ? "g" : "a") + "|" +
                           (from ? std::to_string(from->day) : "-") + "|" + (to ? std::to_string(to->day) : "-") +
                           "|" + std::to_string(layer.data_driven());
    for (const auto& [lang, field] : layer.name_fields) settings += "|" + lang + "=" + field;
    return cache::hash(settings, *content);
}

}  // namespace

void append_features(std::vector<Feature>& to, std::vector<Feature>& from) {
    if (to.empty() && to.capacity() < from.size()) {  // room reserved by the caller is kept
        to.swap(from);
    } else {
        to.reserve(to.size() + from.size());
        for (auto& f : from) to.push_back(std::move(f));
    }
    std::vector<Feature>().swap(from);
}

// Reads one source through the cache: a hit restores what GDAL read last time (features and
// the problems found), a miss reads with GDAL and stores the result.
bool load_source(Layer& layer, const std::string& source, const SourcePos& pos, const LoadContext& ctx,
                 std::optional<Date> from, std::optional<Date> to) {
    const auto access = resolve_source(source, ctx.base_dir, ctx.allow_external);
    const std::string& resolved = access.path;
    std::uint64_t key = 0;
    bool cached = false;
    if (!access.refused.empty()) return read_source(layer, source, pos, ctx, from, to);  // says why
    if (!cache::directory().empty())
        if (auto k = source_key(layer, source, resolved, ctx, from, to)) {
            key = *k;
            cached = true;
        }
    if (cached)
        if (auto stored = cache::open("layers", key); stored && restore(*stored, layer, *ctx.diags)) return true;
    Diagnostics local;
    LoadContext c = ctx;
    c.diags = &local;
    const std::size_t first = layer.features.size();
    const bool ok = read_source(layer, source, pos, c, from, to);
    if (ok && cached) cache::store("layers", key, [&](cache::Writer& w) { serialize(w, layer, first, local); });
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
    std::size_t total = layer.features.size();
    for (const auto& part : parts) total += part.features.size();
    layer.features.reserve(total);
    for (std::size_t i = 0; i < snaps.size(); ++i) {
        for (const auto& d : diags[i].items()) ctx.diags->add(d);
        append_features(layer.features, parts[i].features);
        if (layer.name_fields.empty()) layer.name_fields = parts[i].name_fields;
        layer.loaded = layer.loaded || ok[i];
    }
}

}  // namespace chronomap::detail

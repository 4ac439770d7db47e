#include "app/view/scene/scene_cache.h"

#include "data/load/cache.h"

namespace chronomap {
namespace {

void put_mesh(cache::Writer& w, const MapMesh& m) {
    w.put(m.origin);
    w.vec(m.positions);
    w.vec(m.feature);
    w.vec(m.indices);
    w.vec(m.segments);
    w.vec(m.segment_feature);
    w.vec(m.groups);
}

MapMesh get_mesh(cache::Reader& r) {
    MapMesh m;
    m.origin = r.get<Vec2>();
    m.positions = r.vec<float>();
    m.feature = r.vec<std::uint32_t>();
    m.indices = r.vec<std::uint32_t>();
    m.segments = r.vec<float>();
    m.segment_feature = r.vec<std::uint32_t>();
    m.groups = r.vec<MapMesh::Group>();
    return m;
}

void put_levels(cache::Writer& w, const std::vector<render::LodLevel>& levels) {
    w.put<std::uint64_t>(levels.size());
    for (const auto& l : levels) {
        w.put(l.tolerance);
        put_mesh(w, l.mesh);
    }
}

std::vector<render::LodLevel> get_levels(cache::Reader& r) {
    std::vector<render::LodLevel> levels(std::min<std::uint64_t>(r.get<std::uint64_t>(), 64));
    for (auto& l : levels) {
        l.tolerance = r.get<double>();
        l.mesh = get_mesh(r);
    }
    return levels;
}

}  // namespace

std::uint64_t scene_key(const Atlas& atlas) {
    if (cache::directory().empty()) return 0;
    std::uint64_t h = cache::hash(std::string("scene/3|") + atlas.crs);
    auto mix = [&](const void* p, std::size_t n) { h = cache::hash(p, n, h); };
    for (const auto& layer : atlas.layers) {
        if (skipped_in_scene(layer)) continue;
        const auto role = static_cast<std::uint8_t>(layer.role);
        mix(&role, 1);
        const std::uint64_t n = layer.features.size();
        mix(&n, sizeof n);
        for (const auto& f : layer.features) {
            const std::int64_t dates[2] = {f.valid_from ? f.valid_from->day : INT64_MIN,
                                           f.valid_to ? f.valid_to->day : INT64_MAX};
            mix(dates, sizeof dates);
            const std::uint64_t named = f.names.by_lang.empty();
            mix(&named, sizeof named);
            // The scene's problems name features by id and file: a renamed feature is a new key.
            const std::string who = f.id + '\x1f' + f.origin_file.str() + '\x1f' + std::to_string(f.origin_fid);
            h = cache::hash(who, h);
            for (const auto& p : f.shape.polygons)
                for (const auto& r : p.rings) {
                    const std::uint64_t size = r.size();
                    mix(&size, sizeof size);
                    mix(r.data(), r.size() * sizeof(Vec2));
                }
            for (const auto& l : f.shape.lines) mix(l.data(), l.size() * sizeof(Vec2));
            mix(f.shape.points.data(), f.shape.points.size() * sizeof(Vec2));
        }
    }
    return h == 0 ? 1 : h;
}

std::string pack_scene(const MapScene& scene, const std::vector<LabelSeed>& anchored) {
    cache::Writer w;
    w.put<std::uint64_t>(anchored.size());
    for (const auto& s : anchored) {
        w.put<std::uint8_t>(s.feature != nullptr);
        w.put(s.at);
        w.put(s.radius);
        w.put(s.wide_at.x);
        w.put(s.wide_at.y);
        w.put(s.wide_width);
    }
    put_levels(w, scene.territories);
    w.put<std::uint64_t>(scene.references.size());
    for (const auto& ref : scene.references) put_levels(w, ref.levels);
    w.put<std::uint64_t>(scene.problems.size());
    for (const auto& d : scene.problems) {
        w.put<std::uint8_t>(static_cast<std::uint8_t>(d.severity));
        w.str(d.pos.file.str());
        w.str(d.layer);
        w.str(d.feature);
        w.str(d.message);
    }
    return std::move(w.buffer());
}

bool unpack_scene(const std::string& payload, MapScene& scene) {
    cache::Reader r(payload);
    if (r.get<std::uint64_t>() != scene.labels.size()) return false;
    std::vector<LabelSeed> labels = scene.labels;
    for (auto& s : labels) {
        const bool ok = r.get<std::uint8_t>() != 0;
        s.at = r.get<Vec2>();
        s.radius = r.get<double>();
        s.wide_at.x = r.get<double>();
        s.wide_at.y = r.get<double>();
        s.wide_width = r.get<double>();
        if (!ok) s.feature = nullptr;
    }
    auto territories = get_levels(r);
    if (r.get<std::uint64_t>() != scene.references.size()) return false;
    std::vector<std::vector<render::LodLevel>> refs;
    for (std::size_t i = 0; i < scene.references.size() && r.ok(); ++i) refs.push_back(get_levels(r));
    std::vector<Diagnostic> problems(std::min<std::uint64_t>(r.get<std::uint64_t>(), payload.size()));
    for (auto& d : problems) {
        d.severity = r.get<std::uint8_t>() ? Severity::Error : Severity::Warning;
        d.pos.file = r.str();
        d.layer = r.str();
        d.feature = r.str();
        d.message = r.str();
    }
    if (!r.done()) return false;
    scene.labels = std::move(labels);
    scene.territories = std::move(territories);
    for (std::size_t i = 0; i < refs.size(); ++i) scene.references[i].levels = std::move(refs[i]);
    scene.problems = std::move(problems);
    return true;
}

}  // namespace chronomap

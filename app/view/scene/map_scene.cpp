#include "app/view/scene/map_scene.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "data/validate/geometry_check.h"
#include "data/geometry/label_point.h"
#include "data/load/cache.h"
#include "data/support/parallel.h"
#include "data/support/phase_timer.h"
#include "app/view/scene/scene_cache.h"
#include "data/geometry/tessellate.h"

namespace chronomap {

render::Pattern pattern_for(Status s) {
    switch (s) {
        case Status::Integral:
            return render::Pattern::None;
        case Status::Autonomous:
            return render::Pattern::Hatch;
        case Status::Occupied:
            return render::Pattern::Dots;
        case Status::Administered:
            return render::Pattern::CrossHatch;
        case Status::SelfDeclared:
            return render::Pattern::Stripes;
        case Status::Ceased:
            return render::Pattern::None;
    }
    return render::Pattern::None;
}

namespace {

// Patterns are drawn in a darker shade of the fill, or a lighter one on dark fills.
std::uint32_t pattern_colour(std::uint32_t fill) {
    const double r = (fill >> 24) & 0xFF, g = (fill >> 16) & 0xFF, b = (fill >> 8) & 0xFF;
    const double lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
    const double k = lum < 0.4 ? 1.8 : 0.5;
    auto ch = [&](double c) {
        return static_cast<std::uint32_t>(std::clamp(lum < 0.4 ? c * k + 40 : c * k, 0.0, 255.0));
    };
    return (ch(r) << 24) | (ch(g) << 16) | (ch(b) << 8) | 0xFF;
}

// Where a territory's name goes; a shape with no room for one loses its seed's feature.
void search_anchor(LabelSeed& s) {
    if (s.searched) return;
    s.searched = true;
    if (s.town) return;
    if (auto a = label_anchor(s.feature->shape)) {
        s.at = a->at;
        s.radius = a->radius;
        s.wide_at = a->wide_at;
        s.wide_width = a->wide_width;
    } else {
        s.feature = nullptr;
    }
}

// Coarser levels at 1/8000 down to 1/125 of the extent: the camera picks the coarsest whose
// tolerance stays under a pixel, so a frame's cost is bounded however large the data (1/8000 and
// 1/4000 serve whole-extent 4K and 8K exports).
std::vector<double> tolerances_for(double extent) {
    return {0, extent / 8000, extent / 4000, extent / 2000, extent / 500, extent / 125};
}

}  // namespace

// Per reference layer: its polygon inputs, and which feature each came from.
struct RefInputs {
    const Layer* layer;
    std::vector<MeshInput> inputs;
    std::vector<const Feature*> features;
};

struct SceneInputs {
    Vec2 origin;
    std::vector<double> tolerances;  // finest first
    std::vector<MeshInput> territories;
    std::vector<RefInputs> refs;
    // Problems already said, by mesh (0 territories, 1 + i reference i), input and polygon.
    std::set<std::tuple<std::size_t, std::size_t, std::size_t>> said;
};

namespace {

// Builds the given levels of every mesh into `scene` and adds the problems found; a polygon's
// problem is said once, however many levels needed its full detail.
void build_levels(MapScene& scene, SceneInputs& in, const std::vector<std::size_t>& which) {
    std::vector<double> tolerances;
    for (std::size_t l : which) tolerances.push_back(in.tolerances[l]);
    auto add = [&](std::size_t mesh, const Layer& layer, const Feature& feature, const MeshProblem& p) {
        if (in.said.insert({mesh, p.input, p.polygon}).second)
            scene.problems.push_back(mesh_diagnostic(layer, feature, p));
    };
    std::vector<MeshProblem> problems;
    auto meshes = build_meshes(in.territories, in.origin, tolerances, &problems);
    for (std::size_t k = 0; k < which.size(); ++k) scene.territories[which[k]].mesh = std::move(meshes[k]);
    for (const auto& p : problems) {
        const SceneSlot& s = scene.slots[in.territories[p.input].slot];
        add(0, *s.layer, *s.feature, p);
    }
    for (std::size_t i = 0; i < in.refs.size(); ++i) {
        problems.clear();
        meshes = build_meshes(in.refs[i].inputs, in.origin, tolerances, &problems);
        for (const auto& f : in.refs[i].layer->features)
            if (!f.shape.lines.empty())
                for (auto& m : meshes) add_lines(m, f.shape, 0);
        for (std::size_t k = 0; k < which.size(); ++k) scene.references[i].levels[which[k]].mesh = std::move(meshes[k]);
        for (const auto& p : problems) add(1 + i, *in.refs[i].layer, *in.refs[i].features[p.input], p);
    }
    for (std::size_t l : which) scene.built[l] = 1;
}

}  // namespace

bool MapScene::build_level(std::size_t level) {
    if (!inputs_ || level >= built.size() || built[level]) return false;
    build_levels(*this, *inputs_, {level});
    if (std::all_of(built.begin(), built.end(), [](char b) { return b != 0; })) inputs_.reset();
    return true;
}

MapScene MapScene::build(const Atlas& atlas, const Timeline& timeline, SceneLevels levels, bool labels) {
    MapScene scene;
    for (const auto& layer : atlas.layers)
        for (const auto& f : layer.features) scene.bounds.add(f.shape.bounds());
    const Vec2 origin = scene.bounds.empty() ? Vec2{0, 0}
                                             : Vec2{(scene.bounds.min_x + scene.bounds.max_x) / 2,
                                                    (scene.bounds.min_y + scene.bounds.max_y) / 2};
    const double extent = scene.bounds.empty() ? 1.0
                                               : std::max(scene.bounds.max_x - scene.bounds.min_x,
                                                          scene.bounds.max_y - scene.bounds.min_y);
    auto inputs = std::make_shared<SceneInputs>();
    inputs->origin = origin;
    inputs->tolerances = tolerances_for(extent);
    std::vector<MeshInput>& territory_inputs = inputs->territories;
    std::vector<RefInputs>& refs = inputs->refs;
    for (const auto& layer : atlas.layers) {
        if (skipped_in_scene(layer)) continue;
        if (layer.role == LayerRole::Reference) refs.push_back({&layer, {}, {}});
        const bool labelled = layer.role == LayerRole::Reference && !layer.name_fields.empty();
        for (const auto& f : layer.features) {
            if (layer.role == LayerRole::Territories) {
                const auto slot = static_cast<std::uint32_t>(scene.slots.size());
                scene.slots.push_back({&layer, &f, timeline.territory_index(f.id), 0, f.shape.bounds()});
                if (!f.shape.polygons.empty()) territory_inputs.push_back({&f.shape, slot});
                LabelSeed seed;
                seed.feature = &f;
                seed.slot = static_cast<int>(slot);
                scene.labels.push_back(seed);
            } else if (layer.role == LayerRole::Places) {
                const int order = static_cast<int>(&f - layer.features.data());
                if (!f.shape.points.empty())
                    scene.labels.push_back({&f, true, f.shape.points.front(), 0, order, -1, false, {}, 0});
            } else {
                if (!f.shape.polygons.empty()) {
                    refs.back().inputs.push_back({&f.shape, 0});
                    refs.back().features.push_back(&f);
                }
                if (labelled && !f.names.by_lang.empty()) {
                    LabelSeed seed;
                    seed.feature = &f;
                    seed.reference = true;
                    seed.town = f.shape.polygons.empty() && !f.shape.points.empty();
                    if (seed.town) seed.at = f.shape.points.front();
                    scene.labels.push_back(seed);
                }
            }
        }
    }
    PhaseTimer timer(PhaseTimer::Level::Part);
    // Shapes valid over the same dates go together, so the renderer draws one run per date.
    std::map<std::pair<std::int64_t, std::int64_t>, std::uint32_t> group_of;
    for (auto& in : territory_inputs) {
        const Feature& f = *scene.slots[in.slot].feature;
        const std::pair<std::int64_t, std::int64_t> range{f.valid_from ? f.valid_from->day : INT64_MIN,
                                                          f.valid_to ? f.valid_to->day : INT64_MAX};
        auto [it, fresh] = group_of.emplace(range, static_cast<std::uint32_t>(scene.groups.size()));
        if (fresh) scene.groups.push_back(range);
        in.group = it->second;
    }
    std::stable_sort(territory_inputs.begin(), territory_inputs.end(),
                     [](const MeshInput& a, const MeshInput& b) { return a.group < b.group; });
    // Reference layers: a mesh each, in their style (by default a neutral fill for polygons and
    // grey lines for line work).
    for (const auto& r : refs) {
        MapScene::Reference ref;
        const bool has_lines = std::any_of(r.layer->features.begin(), r.layer->features.end(),
                                           [](const Feature& f) { return !f.shape.lines.empty(); });
        ref.fill = r.layer->fill_colour.value_or(palette::kContext);
        ref.outline = r.layer->outline_colour.value_or(has_lines ? palette::kReferenceLine : 0u);
        ref.width = r.layer->outline_width;
        scene.references.push_back(std::move(ref));
    }

    // Levels not built yet have their tolerance and no geometry.
    const std::size_t nlevels = inputs->tolerances.size();
    scene.built.assign(nlevels, 0);
    auto empty_levels = [&] {
        std::vector<render::LodLevel> out;
        for (double t : inputs->tolerances) out.push_back({t, MapMesh{}});
        for (auto& l : out) l.mesh.origin = origin;
        return out;
    };
    scene.territories = empty_levels();
    for (auto& ref : scene.references) ref.levels = empty_levels();

    // The expensive part, from the cache when the same shapes were built before (only whole
    // scenes are stored).
    const std::uint64_t key = scene_key(atlas);
    bool restored = false;
    if (key)
        if (auto payload = cache::load("scenes", key)) restored = unpack_scene(*payload, scene);
    if (!labels) scene.labels.clear();
    if (restored) {
        for (auto& seed : scene.labels) seed.searched = true;
        scene.built.assign(nlevels, 1);
        timer.lap("scene from the cache");
    } else {
        // Label anchors (a search inside each shape) on every core: for the window, every shape
        // of every date now; for an export or a film, the shapes of the dates it shows, when
        // it shows them (anchor_labels).
        if (levels == SceneLevels::All) {
            parallel_for(scene.labels.size(), [&](std::size_t i) { search_anchor(scene.labels[i]); });
            timer.lap("label anchors");
            std::vector<std::size_t> all(nlevels);
            for (std::size_t l = 0; l < nlevels; ++l) all[l] = l;
            build_levels(scene, *inputs, all);
            timer.lap("meshes");
            if (key && labels) cache::store("scenes", key, pack_scene(scene, scene.labels));
        } else {
            scene.inputs_ = std::move(inputs);
        }
    }
    // Each slot's area, from its polygons (the legend and labels put the largest first), and
    // the land it covers.
    for (auto& slot : scene.slots)
        for (const auto& poly : slot.feature->shape.polygons) slot.area += polygon_area(poly);
    scene.land_grid = land_grid_frame(scene.bounds);
    scene.slot_land.resize(scene.slots.size());
    parallel_for(scene.slots.size(), [&](std::size_t i) {
        scene.slot_land[i] = cell_runs(scene.land_grid, scene.slots[i].feature->shape.polygons);
    });
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (scene.references[i].fill & 0xFF)
            for (const Feature* f : refs[i].features) {
                const auto runs = cell_runs(scene.land_grid, f->shape.polygons);
                scene.reference_land.insert(scene.reference_land.end(), runs.begin(), runs.end());
            }
    timer.lap("land cover");
    // Shapes without room for a label have none.
    std::erase_if(scene.labels, [](const LabelSeed& s) { return s.feature == nullptr; });
    return scene;
}

void MapScene::anchor_labels(const std::vector<render::FeatureStyle>& styles) const {
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const LabelSeed& seed = labels[i];
        if (!seed.searched && (seed.slot < 0 || (static_cast<std::size_t>(seed.slot) < styles.size() &&
                                                 shown(styles[static_cast<std::size_t>(seed.slot)]))))
            wanted.push_back(i);
    }
    parallel_for(wanted.size(), [&](std::size_t k) { search_anchor(labels[wanted[k]]); });
}

std::vector<char> groups_at(const MapScene& scene, Date date) {
    std::vector<char> out(scene.groups.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = scene.groups[i].first <= date.day && date.day < scene.groups[i].second;
    return out;
}

std::optional<std::string_view> controller_before_uncertain_change(const Timeline& timeline, const TerritoryState& s,
                                                                   Date date, Basis basis) {
    if (!s.known || !s.event || s.event->derived || s.since.precision == Precision::Day ||
        date.day >= s.since.span_end())
        return std::nullopt;
    const auto before = timeline.territory_state(std::string(s.territory), Date{s.since.day - 1, Precision::Day}, basis);
    if (!before || !before->known || before->status == Status::Ceased || before->controller == s.controller)
        return std::nullopt;
    return before->controller;
}

std::vector<render::FeatureStyle> territory_styles(const Atlas& atlas, const Timeline& timeline,
                                                   Date date, Basis basis, bool with_claims, bool uncertainty) {
    std::vector<TerritoryState> states;
    timeline.state_at(date, basis, states);
    std::vector<render::FeatureStyle> styles(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto& s = states[i];
        if (!drawn(s)) continue;
        if (!s.known || s.controller.empty()) {  // no controller recorded (yet, or in this snapshot)
            styles[i].fill = palette::kUnknown;
            continue;
        }
        const Power* p = atlas.find_power(s.controller);
        styles[i].fill = p ? p->rgba : palette::kUnknown;
        styles[i].pattern = pattern_for(s.status);
        styles[i].pattern_colour = pattern_colour(styles[i].fill);
        // A change known only to the month or year: across that span the territory shows both
        // controllers, in bands, rather than switching on the span's first day.
        if (!uncertainty) continue;
        if (const auto was = controller_before_uncertain_change(timeline, s, date, basis)) {
            const Power* p_was = atlas.find_power(*was);
            styles[i].pattern = render::Pattern::Transition;
            styles[i].pattern_colour = p_was ? p_was->rgba : palette::kUnknown;
        }
    }
    if (with_claims) {
        for (const Claim* c : timeline.claims_at(date)) {
            const int slot = timeline.territory_index(c->territory);
            const Power* p = atlas.find_power(c->claimant);
            if (slot >= 0 && p)
                styles[static_cast<std::size_t>(slot)].claim = (p->rgba & 0xFFFFFF00u) | 0xE0u;
        }
    }
    return styles;
}

std::vector<render::FeatureStyle> styles_at(const Atlas& atlas, const Timeline& timeline,
                                            const MapScene& scene, Date date, Basis basis,
                                            bool with_claims, bool uncertainty) {
    const auto by_territory = territory_styles(atlas, timeline, date, basis, with_claims, uncertainty);
    std::vector<render::FeatureStyle> out(scene.slots.size());
    for (std::size_t i = 0; i < scene.slots.size(); ++i) {
        const SceneSlot& s = scene.slots[i];
        if (!s.feature->valid_at(date)) continue;
        if (s.territory >= 0)
            out[i] = by_territory[static_cast<std::size_t>(s.territory)];
        else
            out[i].fill = palette::kUnknown;
        if (uncertainty) out[i].edge = static_cast<std::uint8_t>(s.feature->border);
    }
    return out;
}

render::Camera fit_camera(const Bounds& area, int width, int height, double margin, double inset_bottom,
                          double inset_right) {
    render::Camera cam;
    cam.width = width;
    cam.height = height;
    if (area.empty()) return cam;
    const double free_h = std::max(1.0, height - std::clamp(inset_bottom, 0.0, height * 0.5));
    const double free_w = std::max(1.0, width - std::clamp(inset_right, 0.0, width * 0.5));
    const double w = (area.max_x - area.min_x) * (1 + 2 * margin);
    const double h = (area.max_y - area.min_y) * (1 + 2 * margin);
    cam.units_per_pixel = std::max(w / free_w, h / free_h);
    if (cam.units_per_pixel <= 0) cam.units_per_pixel = 1;
    // Centred in the free part: the image centre sits half the insets right of and below the
    // area's centre.
    cam.center_x = (area.min_x + area.max_x) / 2 + (width - free_w) / 2 * cam.units_per_pixel;
    cam.center_y = (area.min_y + area.max_y) / 2 - (height - free_h) / 2 * cam.units_per_pixel;
    return cam;
}

}  // namespace chronomap

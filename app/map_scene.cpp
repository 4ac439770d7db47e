#include "map_scene.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "geometry_check.h"
#include "label_point.h"
#include "parallel.h"
#include "tessellate.h"

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

std::vector<render::LodLevel> levels_for(const std::vector<MeshInput>& inputs, Vec2 origin,
                                         double extent, std::vector<MeshProblem>* problems) {
    // Coarser levels at 1/2000, 1/500 and 1/125 of the extent: the camera picks the coarsest whose
    // tolerance stays under a pixel, so a frame's cost is bounded however large the data.
    const std::vector<double> tolerances = {0, extent / 2000, extent / 500, extent / 125};
    std::vector<MapMesh> meshes = build_meshes(inputs, origin, tolerances, problems);
    std::vector<render::LodLevel> out;
    for (std::size_t i = 0; i < meshes.size(); ++i) out.push_back({tolerances[i], std::move(meshes[i])});
    return out;
}

}  // namespace

MapScene MapScene::build(const Atlas& atlas, const Timeline& timeline) {
    MapScene scene;
    for (const auto& layer : atlas.layers)
        for (const auto& f : layer.features) scene.bounds.add(f.shape.bounds());
    const Vec2 origin = scene.bounds.empty() ? Vec2{0, 0}
                                             : Vec2{(scene.bounds.min_x + scene.bounds.max_x) / 2,
                                                    (scene.bounds.min_y + scene.bounds.max_y) / 2};
    const double extent = scene.bounds.empty() ? 1.0
                                               : std::max(scene.bounds.max_x - scene.bounds.min_x,
                                                          scene.bounds.max_y - scene.bounds.min_y);
    std::vector<MeshInput> territory_inputs, context_inputs;
    std::vector<const Feature*> context_features;
    std::vector<const Layer*> context_layers;
    MapMesh lines;
    lines.origin = origin;
    for (const auto& layer : atlas.layers) {
        for (const auto& f : layer.features) {
            if (layer.role == LayerRole::Territories) {
                const auto slot = static_cast<std::uint32_t>(scene.slots.size());
                double area = 0;
                for (const auto& poly : f.shape.polygons) area += polygon_area(poly);
                scene.slots.push_back({&layer, &f, timeline.territory_index(f.id), area, f.shape.bounds()});
                if (!f.shape.polygons.empty()) territory_inputs.push_back({&f.shape, slot});
                LabelSeed seed;
                seed.feature = &f;
                seed.slot = static_cast<int>(slot);
                scene.labels.push_back(seed);
            } else if (layer.role == LayerRole::Places) {
                const int order = static_cast<int>(&f - layer.features.data());
                if (!f.shape.points.empty())
                    scene.labels.push_back({&f, true, f.shape.points.front(), 0, order, -1});
            } else if (layer.role == LayerRole::Reference) {
                if (!f.shape.polygons.empty()) {
                    context_inputs.push_back({&f.shape, 0});
                    context_features.push_back(&f);
                    context_layers.push_back(&layer);
                }
                if (!f.shape.lines.empty()) add_lines(lines, f.shape, 0);
            }
        }
    }
    // Label anchors (a search inside each shape) on every core, then drop shapes without one.
    parallel_for(scene.labels.size(), [&](std::size_t i) {
        LabelSeed& s = scene.labels[i];
        if (s.town) return;
        if (auto a = label_anchor(s.feature->shape)) {
            s.at = a->at;
            s.radius = a->radius;
        } else {
            s.feature = nullptr;
        }
    });
    std::erase_if(scene.labels, [](const LabelSeed& s) { return s.feature == nullptr; });

    std::vector<MeshProblem> problems, context_problems;
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
    scene.territories = levels_for(territory_inputs, origin, extent, &problems);
    scene.context = levels_for(context_inputs, origin, extent, &context_problems);
    scene.lines.push_back({0, std::move(lines)});
    for (const auto& p : problems) {
        const SceneSlot& s = scene.slots[territory_inputs[p.input].slot];
        scene.problems.push_back(mesh_diagnostic(*s.layer, *s.feature, p));
    }
    for (const auto& p : context_problems)
        scene.problems.push_back(mesh_diagnostic(*context_layers[p.input], *context_features[p.input], p));
    return scene;
}

std::vector<char> groups_at(const MapScene& scene, Date date) {
    std::vector<char> out(scene.groups.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = scene.groups[i].first <= date.day && date.day < scene.groups[i].second;
    return out;
}

std::vector<render::FeatureStyle> territory_styles(const Atlas& atlas, const Timeline& timeline,
                                                   Date date, Basis view, bool with_claims) {
    std::vector<TerritoryState> states;
    timeline.state_at(date, view, states);
    std::vector<render::FeatureStyle> styles(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto& s = states[i];
        if (!s.known) {
            styles[i].fill = palette::kUnknown;
            continue;
        }
        if (s.status == Status::Ceased) continue;  // not drawn
        const Power* p = atlas.find_power(s.controller);
        styles[i].fill = p ? p->rgba : palette::kUnknown;
        styles[i].pattern = pattern_for(s.status);
        styles[i].pattern_colour = pattern_colour(styles[i].fill);
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
                                            const MapScene& scene, Date date, Basis view,
                                            bool with_claims) {
    const auto by_territory = territory_styles(atlas, timeline, date, view, with_claims);
    std::vector<render::FeatureStyle> out(scene.slots.size());
    for (std::size_t i = 0; i < scene.slots.size(); ++i) {
        const SceneSlot& s = scene.slots[i];
        if (!s.feature->valid_at(date)) continue;
        if (s.territory >= 0)
            out[i] = by_territory[static_cast<std::size_t>(s.territory)];
        else
            out[i].fill = palette::kUnknown;
    }
    return out;
}

render::Camera fit_camera(const Bounds& area, int width, int height, double margin,
                          double inset_bottom) {
    render::Camera cam;
    cam.width = width;
    cam.height = height;
    if (area.empty()) return cam;
    const double free_h = std::max(1.0, height - std::clamp(inset_bottom, 0.0, height * 0.5));
    cam.center_x = (area.min_x + area.max_x) / 2;
    const double w = (area.max_x - area.min_x) * (1 + 2 * margin);
    const double h = (area.max_y - area.min_y) * (1 + 2 * margin);
    cam.units_per_pixel = std::max(w / width, h / free_h);
    if (cam.units_per_pixel <= 0) cam.units_per_pixel = 1;
    // Centred in the free part: the image centre sits half the inset below the area's centre.
    cam.center_y = (area.min_y + area.max_y) / 2 - (height - free_h) / 2 * cam.units_per_pixel;
    return cam;
}

}  // namespace chronomap

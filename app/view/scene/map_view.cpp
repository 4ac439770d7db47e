#include "app/view/scene/map_view.h"

#include <algorithm>

#include "data/geometry/projection.h"

namespace chronomap {

Result<> MapView::init(const Atlas& atlas, const Timeline& timeline, SceneLevels levels) {
    build(atlas, timeline, levels);
    return upload();
}

void MapView::build(const Atlas& atlas, const Timeline& timeline, SceneLevels levels, bool labels) {
    atlas_ = &atlas;
    timeline_ = &timeline;
    scene_ = MapScene::build(atlas, timeline, levels, labels);
    default_area_ = scene_.bounds;
    geo_ = std::make_unique<ToLonLat>(atlas.crs);
    if (atlas.default_view.bbox)
        if (auto b = lonlat_to_display(atlas.crs, *atlas.default_view.bbox)) default_area_ = *b;
}

Result<> MapView::upload() {
    if (auto ready = renderer_.init(); !ready) return ready;
    territory_mesh_ = renderer_.add_mesh(scene_.territories);
    reference_meshes_.clear();
    for (const auto& r : scene_.references) reference_meshes_.push_back(renderer_.add_mesh(r.levels));
    if (auto ready = images_.init(); !ready) return ready;
    rasters_.clear();
    for (const auto& layer : atlas_->layers)
        if (layer.role == LayerRole::Raster && layer.raster && layer.raster->width > 0) {
            images_.add(layer.raster->rgba.data(), layer.raster->width, layer.raster->height);
            rasters_.push_back(&layer);
        }
    return {};
}

std::vector<float> MapView::image_opacity(Date date) const {
    std::vector<float> out;
    for (const Layer* layer : rasters_) out.push_back(layer->visible ? layer->raster_opacity(date) : 0.0f);
    return out;
}

bool MapView::build_level_for(double units_per_pixel) {
    const auto wanted = static_cast<std::size_t>(render::level_within_a_pixel(scene_.territories, units_per_pixel));
    for (std::size_t l = 0; l <= wanted && l < scene_.built.size(); ++l)
        if (scene_.built[l]) return false;
    return scene_.build_level(wanted);
}

std::vector<render::FeatureStyle> MapView::styles(Date date, Basis basis, bool with_claims, bool uncertainty) const {
    return styles_at(*atlas_, *timeline_, scene_, date, basis, with_claims, uncertainty);
}

namespace {

// The label seeds whose shapes a set of styles shows (towns and reference labels always), their
// anchors found if they were not yet.
void labels_shown(const MapScene& scene, const std::vector<render::FeatureStyle>& styles,
                  std::vector<LabelSeed>& out) {
    scene.anchor_labels(styles);
    out.clear();
    for (const auto& seed : scene.labels)
        if (seed.feature && (seed.slot < 0 || (static_cast<std::size_t>(seed.slot) < styles.size() &&
                                               shown(styles[static_cast<std::size_t>(seed.slot)]))))
            out.push_back(seed);
}

}  // namespace

void MapView::prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date,
                      const std::vector<render::FeatureStyle>& styles) const {
    pane.set_visible_groups(territory_mesh_, groups_at(scene_, date));
    pane.set_image_opacity(image_opacity(date));
    pane.set_styles(styles);
    labels_shown(scene_, styles, labels);
}

void MapView::prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date, Basis basis,
                      bool with_claims, const std::vector<std::string>& emphasise, bool uncertainty) const {
    pane.set_visible_groups(territory_mesh_, groups_at(scene_, date));
    pane.set_image_opacity(image_opacity(date));
    auto s = styles(date, basis, with_claims, uncertainty);
    if (!emphasise.empty())
        for (std::size_t i = 0; i < s.size() && i < scene_.slots.size(); ++i) {
            const Feature* f = scene_.slots[i].feature;
            if (f && shown(s[i]) && std::find(emphasise.begin(), emphasise.end(), f->id) != emphasise.end())
                s[i].highlight = 255;
        }
    pane.set_styles(s);
    labels_shown(scene_, s, labels);
}

std::vector<LabelSeed> MapView::labels_for(const std::vector<render::FeatureStyle>& styles) const {
    std::vector<LabelSeed> out;
    labels_shown(scene_, styles, out);
    return out;
}

void MapView::restyle(render::PaneStyle& pane, std::vector<LabelSeed>& labels,
                      const std::vector<render::FeatureStyle>& styles) const {
    pane.set_styles(styles);
    labels_shown(scene_, styles, labels);
}

void MapView::ensure_level(const render::Camera& cam) {
    // Every mesh has the same tolerances, so the territories' choice holds for all.
    if (!build_level_for(cam.units_per_pixel)) return;
    renderer_.replace_mesh(territory_mesh_, scene_.territories);
    for (std::size_t i = 0; i < reference_meshes_.size(); ++i)
        renderer_.replace_mesh(reference_meshes_[i], scene_.references[i].levels);
}

void MapView::draw(const render::PaneStyle& pane, const render::Camera& cam, float ui_scale, float frag_x,
                   float frag_y) {
    ensure_level(cam);
    renderer_.set_pattern_scale(4.0f * ui_scale);
    renderer_.set_frag_origin(frag_x, frag_y);
    renderer_.clear(palette::kSea);
    if (show_reference)
        for (std::size_t i = 0; i < reference_meshes_.size(); ++i)
            if (scene_.references[i].fill & 0xFF)
                renderer_.draw_fill(reference_meshes_[i], pane, cam, scene_.references[i].fill);
    for (std::size_t i = 0; i < rasters_.size(); ++i) {
        const Bounds& b = rasters_[i]->raster->bounds;
        images_.draw(static_cast<int>(i), {b.min_x, b.min_y, b.max_x, b.max_y}, cam, pane.image_opacity(i));
    }
    renderer_.draw_fill(territory_mesh_, pane, cam);
    if (show_reference)
        for (std::size_t i = 0; i < reference_meshes_.size(); ++i)
            if (scene_.references[i].outline & 0xFF)
                renderer_.draw_outlines(reference_meshes_[i], pane, cam, scene_.references[i].width * ui_scale,
                                        scene_.references[i].outline);
    renderer_.draw_claims(territory_mesh_, pane, cam, 7.0f * ui_scale);
    renderer_.draw_outlines(territory_mesh_, pane, cam, 1.2f * ui_scale, palette::kBorder, true);
    renderer_.draw_highlights(territory_mesh_, pane, cam, 4.0f * ui_scale, palette::kHighlight);
}

}  // namespace chronomap

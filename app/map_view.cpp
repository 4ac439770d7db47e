#include "map_view.h"

#include <algorithm>

#include "projection.h"

namespace chronomap {

bool MapView::init(const Atlas& atlas, const Timeline& timeline, Date initial, std::string& error) {
    atlas_ = &atlas;
    timeline_ = &timeline;
    if (!renderer_.init(error)) return false;
    scene_ = MapScene::build(atlas, timeline, initial);
    scene_date_ = initial;
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Territories)
            for (const auto& f : layer.features)
                for (const auto& d : {f.valid_from, f.valid_to})
                    if (d) shape_changes_.push_back(*d);
    territory_mesh_ = renderer_.add_mesh(scene_.territories);
    context_mesh_ = renderer_.add_mesh(scene_.context);
    line_mesh_ = renderer_.add_mesh(scene_.lines);
    default_area_ = scene_.bounds;
    geo_ = std::make_unique<ToLonLat>(atlas.crs);
    if (atlas.default_view.bbox)
        if (auto b = lonlat_to_display(atlas.crs, *atlas.default_view.bbox)) default_area_ = *b;
    set_date(initial, Basis::DeFacto);
    return true;
}

void MapView::use_shapes_of(Date date) {
    // A shape is in use from valid_from (inclusive) until valid_to (exclusive), so the scene is
    // stale when some boundary lies on different sides of the two dates.
    const bool stale = std::any_of(shape_changes_.begin(), shape_changes_.end(),
                                   [&](Date d) { return (scene_date_ < d) != (date < d); });
    if (!stale) return;
    scene_ = MapScene::build(*atlas_, *timeline_, date);
    scene_date_ = date;
    renderer_.replace_mesh(territory_mesh_, scene_.territories);
    renderer_.replace_mesh(context_mesh_, scene_.context);
    renderer_.replace_mesh(line_mesh_, scene_.lines);
}

void MapView::set_date(Date date, Basis view, bool with_claims) {
    use_shapes_of(date);
    renderer_.set_styles(styles_at(*atlas_, *timeline_, date, view, with_claims));
}

void MapView::draw(const render::Camera& cam, float ui_scale, float frag_x, float frag_y) {
    renderer_.set_pattern_scale(4.0f * ui_scale);
    renderer_.set_frag_origin(frag_x, frag_y);
    renderer_.clear(palette::kSea);
    if (show_reference) renderer_.draw_fill(context_mesh_, cam, palette::kContext);
    renderer_.draw_fill(territory_mesh_, cam);
    if (show_reference)
        renderer_.draw_outlines(line_mesh_, cam, 1.0f * ui_scale, palette::kReferenceLine);
    renderer_.draw_claims(territory_mesh_, cam, 7.0f * ui_scale);
    renderer_.draw_outlines(territory_mesh_, cam, 1.2f * ui_scale, palette::kBorder);
    renderer_.draw_highlights(territory_mesh_, cam, 4.0f * ui_scale, palette::kHighlight);
}

}  // namespace chronomap

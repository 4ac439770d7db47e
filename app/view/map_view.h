#pragma once
// The map as drawn on screen and in exports: one code path. Owns the renderer and the uploaded
// scene; draw() is called with the framebuffer already bound.

#include <memory>
#include <string>

#include "map_renderer.h"
#include "map_scene.h"
#include "projection.h"

namespace chronomap {

class MapView {
  public:
    bool show_reference = true;  // context polygons and reference lines under the territories

    // Needs a current GL context. Returns false with a message on failure.
    bool init(const Atlas& atlas, const Timeline& timeline, Date initial, std::string& error);
    // Recolours for a date: shapes valid at the date are shown, others hidden; no geometry upload.
    void set_date(Date date, Basis view, bool with_claims = true);
    // Draws only the shapes valid at a date (set_date does this itself; the window, which
    // blends styles, calls it when the date moves).
    void use_shapes_of(Date date);
    // The styles of every slot at a date (what set_date shows).
    std::vector<render::FeatureStyle> styles(Date date, Basis view, bool with_claims = true) const;
    // Shows the given styles (the window blends them while a change animates).
    void show(const std::vector<render::FeatureStyle>& styles);
    void draw(const render::Camera& cam, float ui_scale = 1.0f, float frag_x = 0, float frag_y = 0);

    // Another map over the same geometry: the styles, shapes and labels of `date` in a pane of
    // its own (an export, one side of a comparison), leaving the window's untouched.
    // Territories in `emphasise` are outlined as changed.
    void prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date, Basis view,
                 bool with_claims = true, const std::vector<std::string>& emphasise = {}) const;
    // The same with styles given (blended ones), the shapes and labels those of `date`.
    void prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date,
                 const std::vector<render::FeatureStyle>& styles) const;
    void draw(const render::PaneStyle& pane, const render::Camera& cam, float ui_scale = 1.0f, float frag_x = 0,
              float frag_y = 0);

    const Bounds& bounds() const { return scene_.bounds; }
    // The atlas's default view in display coordinates (falls back to everything).
    Bounds default_area() const { return default_area_; }
    render::MapRenderer& renderer() { return renderer_; }
    // The labels of the shapes shown now, and the towns.
    const std::vector<LabelSeed>& label_seeds() const { return visible_labels_; }
    const MapScene& scene() const { return scene_; }
    const Timeline& timeline() const { return *timeline_; }
    const ToLonLat& geo() const { return *geo_; }
    int territory_mesh() const { return territory_mesh_; }

  private:
    const Atlas* atlas_ = nullptr;
    const Timeline* timeline_ = nullptr;
    MapScene scene_;
    Bounds default_area_;
    std::unique_ptr<ToLonLat> geo_;
    std::vector<LabelSeed> visible_labels_;
    render::MapRenderer renderer_;
    render::PaneStyle pane_;  // the window's map
    int territory_mesh_ = -1;
    std::vector<int> reference_meshes_;  // one per scene_.references
};

}  // namespace chronomap

#pragma once
// The map as drawn on screen and in exports: one code path. Owns the renderer and the geometry,
// uploaded once; what each map shows (its date's shapes and styles) is a PaneStyle given to every
// draw, so the window, a comparison's second date and exports draw over the same upload.
// draw() is called with the framebuffer already bound.

#include <memory>
#include <string>

#include "render/image_renderer.h"
#include "render/map_renderer.h"
#include "app/view/scene/map_scene.h"
#include "data/geometry/projection.h"

namespace chronomap {

class MapView {
  public:
    bool show_reference = true;  // context polygons and reference lines under the territories

    // Needs a current GL context. With SceneLevels::OnDemand, draw() builds the level of detail
    // its camera needs first (and scene().problems grows with the levels built).
    Result<> init(const Atlas& atlas, const Timeline& timeline, SceneLevels levels = SceneLevels::All);
    // init() in two halves, so that a caller can build while its GL context is still being made:
    // build() needs no GL; upload() needs the context current.
    void build(const Atlas& atlas, const Timeline& timeline, SceneLevels levels, bool labels = true);
    Result<> upload();
    // Builds the level of detail a camera of this scale draws, unless it or a finer level is
    // built (no GL; upload() or the next draw() uploads it). With levels built on demand, a
    // finer level serves a camera of a coarser scale. Returns whether it built anything.
    bool build_level_for(double units_per_pixel);
    // The styles of every slot at a date.
    std::vector<render::FeatureStyle> styles(Date date, Basis basis, bool with_claims = true,
                                             bool uncertainty = true) const;

    // Styles a pane for a date: its shapes, styles and the labels those show. Territories in
    // `emphasise` are outlined as changed.
    void prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date, Basis basis,
                 bool with_claims = true, const std::vector<std::string>& emphasise = {},
                 bool uncertainty = true) const;
    // The same with styles given (blended ones), the shapes and labels those of `date`.
    void prepare(render::PaneStyle& pane, std::vector<LabelSeed>& labels, Date date,
                 const std::vector<render::FeatureStyle>& styles) const;
    // New styles (a colour transition's step) for a pane whose shapes stay.
    void restyle(render::PaneStyle& pane, std::vector<LabelSeed>& labels,
                 const std::vector<render::FeatureStyle>& styles) const;
    // The labels a set of styles shows: of the territories shown, towns and reference labels.
    std::vector<LabelSeed> labels_for(const std::vector<render::FeatureStyle>& styles) const;
    void draw(const render::PaneStyle& pane, const render::Camera& cam, float ui_scale = 1.0f, float frag_x = 0,
              float frag_y = 0);

    const Bounds& bounds() const { return scene_.bounds; }
    // The atlas's default view in display coordinates (falls back to everything).
    Bounds default_area() const { return default_area_; }
    render::MapRenderer& renderer() { return renderer_; }
    const MapScene& scene() const { return scene_; }
    const Timeline& timeline() const { return *timeline_; }
    const ToLonLat& geo() const { return *geo_; }
    int territory_mesh() const { return territory_mesh_; }

  private:
    // Builds and uploads the level `cam` draws, if the scene was built on demand.
    void ensure_level(const render::Camera& cam);

    const Atlas* atlas_ = nullptr;
    const Timeline* timeline_ = nullptr;
    MapScene scene_;
    Bounds default_area_;
    std::unique_ptr<ToLonLat> geo_;
    render::MapRenderer renderer_;
    int territory_mesh_ = -1;
    std::vector<int> reference_meshes_;  // one per scene_.references
    // The raster layers shown (scanned maps), drawn between the reference fills and the
    // territories; one image of images_ each.
    render::ImageRenderer images_;
    std::vector<const Layer*> rasters_;
    std::vector<float> image_opacity(Date date) const;
};

}  // namespace chronomap

#pragma once
// Turns an atlas into draw data: meshes built once at load, and per-feature styles computed from
// the state at a date. The renderer never sees the atlas.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/atlas.h"
#include "render/draw_data.h"
#include "app/view/scene/land_cover.h"
#include "render/map_renderer.h"
#include "data/time/timeline.h"

namespace chronomap {

// Where a feature's name may go: territories at their pole of inaccessibility, towns at their
// point.
struct LabelSeed {
    const Feature* feature = nullptr;
    bool town = false;
    Vec2 at;
    double radius = 0;  // room inside the territory, display units (0 for towns)
    int order = 0;      // position in its layer: earlier towns are more important
    int slot = -1;      // territories: the mesh slot, shown only while the slot is
    bool reference = false;  // from a reference layer's label_field: placed after territories
    Vec2 wide_at;             // where a long name may run instead (label_point.h), display CRS
    double wide_width = 0;
    bool searched = false;    // at, radius and wide_* found (a territory with no room has no feature)
};

// One feature of a territories layer in the territory mesh. Every shape of every date is built
// once; a date only changes which slots are shown (and their colours), never the geometry.
struct SceneSlot {
    const Layer* layer = nullptr;
    const Feature* feature = nullptr;
    int territory = -1;  // Timeline index
    double area = 0;     // display units squared
    Bounds bounds;       // display CRS
};

// Which levels of detail MapScene::build makes at once. The window browses every scale and builds
// them all up front; a one-shot export or film needs the one level its scale draws, which is a
// fraction of the cost (full detail is most of it), so it builds levels when a camera asks.
enum class SceneLevels { All, OnDemand };

struct SceneInputs;  // what build_level needs (the shapes of each mesh, the tolerances)

struct MapScene {
    std::vector<SceneSlot> slots;  // the territory mesh's slots
    // The territory mesh's groups: shapes valid over the same dates ([from, to) in days).
    std::vector<std::pair<std::int64_t, std::int64_t>> groups;
    std::vector<render::LodLevel> territories;
    // One per reference layer: its polygons (filled flat underneath the territories) and lines
    // and polygon outlines (drawn over them), in the layer's style.
    struct Reference {
        std::vector<render::LodLevel> levels;
        std::uint32_t fill = 0, outline = 0;  // RGBA; alpha 0: not drawn
        float width = 1.0f;
    };
    std::vector<Reference> references;
    // Where names go. A scene built level by level searches a shape for its anchor when a
    // date first shows it (anchor_labels), so they are found lazily, as a cache is.
    mutable std::vector<LabelSeed> labels;
    Bounds bounds;  // display CRS, everything drawable
    // Where each slot's shapes and the reference layers' fills cover land, on a coarse grid over
    // `bounds` (the legend avoids land).
    LandGridFrame land_grid;
    std::vector<std::vector<CellRun>> slot_land;
    std::vector<CellRun> reference_land;
    // Polygons that had to be repaired or could not be drawn, located by layer and feature.
    std::vector<Diagnostic> problems;

    // Per level (of `territories` and of each reference): built yet? A level not built has its
    // tolerance and no geometry.
    std::vector<char> built;

    // Builds the levels of detail of every shape, on every core (all of them, or none until
    // build_level asks); tolerances are derived from the atlas extent. Without `labels` (an
    // image that shows none) no label is placed, which spares a search inside every shape.
    static MapScene build(const Atlas& atlas, const Timeline& timeline, SceneLevels levels = SceneLevels::All,
                          bool labels = true);
    // Builds level `level` of every mesh if it is not built yet, adding the problems it finds.
    // Returns whether it built anything.
    bool build_level(std::size_t level);
    // Finds the anchors of the labels `styles` (one per slot) shows that have none yet.
    void anchor_labels(const std::vector<render::FeatureStyle>& styles) const;

  private:
    std::shared_ptr<SceneInputs> inputs_;  // kept while some level is not built
};

// Fill colour and pattern of each territory at a date, under one view, and the colour of the
// claims in force on it; indexed like Timeline::territories(). With `uncertainty`, a change dated
// only to the month or year shows as the Transition pattern (bands of the controller before)
// across that month or year.
// The controller before a change whose date is known only to the month or year, while `date` is
// inside that month or year and control differs: what the Transition bands show. (Changes derived
// from snapshots are not uncertain in this way: their date is when the state was seen.)
std::optional<std::string_view> controller_before_uncertain_change(const Timeline& timeline, const TerritoryState& s,
                                                                   Date date, Basis basis);
std::vector<render::FeatureStyle> territory_styles(const Atlas& atlas, const Timeline& timeline,
                                                   Date date, Basis basis, bool with_claims = true,
                                                   bool uncertainty = true);
// The same per scene slot: a slot whose shape is not valid at the date is hidden (all zero). With
// `uncertainty`, each slot's border is drawn by its feature's precision (soft, dashed).
std::vector<render::FeatureStyle> styles_at(const Atlas& atlas, const Timeline& timeline,
                                            const MapScene& scene, Date date, Basis basis,
                                            bool with_claims = true, bool uncertainty = true);
inline bool shown(const render::FeatureStyle& s) { return (s.fill & 0xFF) != 0; }
// A reference layer switched off (in the manifest, "visible": false, or in the Layers panel)
// has no place in the scene: not drawn, not labelled.
inline bool skipped_in_scene(const Layer& layer) { return layer.role == LayerRole::Reference && !layer.visible; }
// Whether a territory in this state is drawn (with a shape valid at the date): all but those known
// to have ceased.
inline bool drawn(const TerritoryState& s) { return !(s.known && s.status == Status::Ceased); }
// Which slots change control between two sets of styles: shown in both, with another fill,
// pattern or claim (a shape that appears or disappears, a new snapshot, is not a change).
inline std::vector<bool> changed_slots(const std::vector<render::FeatureStyle>& from,
                                       const std::vector<render::FeatureStyle>& to) {
    std::vector<bool> out(to.size(), false);
    for (std::size_t i = 0; i < to.size() && i < from.size(); ++i)
        out[i] = shown(from[i]) && shown(to[i]) &&
                 (from[i].fill != to[i].fill || from[i].pattern != to[i].pattern || from[i].claim != to[i].claim);
    return out;
}
// Which groups of the territory mesh hold shapes valid at a date.
std::vector<char> groups_at(const MapScene& scene, Date date);
render::Pattern pattern_for(Status s);

// Visual constants shared by the window and export.
namespace palette {
inline constexpr std::uint32_t kSea = 0xC6DBEBFF;
inline constexpr std::uint32_t kContext = 0xE9E5DCFF;
inline constexpr std::uint32_t kUnknown = 0xF4F4F4FF;
inline constexpr std::uint32_t kBorder = 0x2B2B2BFF;
inline constexpr std::uint32_t kReferenceLine = 0x8A8A8AFF;
inline constexpr std::uint32_t kHighlight = 0xFFD400FF;
}  // namespace palette

// A camera that shows `area` (display CRS) in a width x height image, centred, with a margin,
// left of a column of `inset_right` pixels and above a band of `inset_bottom` kept free (for the
// overlay's column and caption, overlay_insets).
render::Camera fit_camera(const Bounds& area, int width, int height, double margin = 0.03,
                          double inset_bottom = 0, double inset_right = 0);

}  // namespace chronomap

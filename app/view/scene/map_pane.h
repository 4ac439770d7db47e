#pragma once
// One map over the shared geometry of a MapView: its date and view, its styles and shapes, the
// labels those show, and its overlay texts. Exports and each side of a comparison have their own;
// the geometry is uploaded once.

#include <string>
#include <vector>

#include "app/view/scene/map_view.h"
#include "app/view/overlay/overlay.h"
#include "render/pane_style.h"

namespace chronomap {

struct MapPane {
    Date date;
    Basis basis = Basis::DeFacto;
    render::PaneStyle style;
    std::vector<LabelSeed> labels;
    OverlayText overlay;

    // Styles the pane for a date and basis; territories in `emphasise` are outlined as changed.
    // Needs the GL context current.
    void style_at(const MapView& view, const Atlas& atlas, Date date, Basis basis, const std::string& lang,
                  bool with_claims, const std::vector<std::string>& emphasise = {}, bool uncertainty = true);
};

// The part of a camera's picture from pixel column `x0`, `width` pixels wide, as a camera of its
// own (the same scale; the centre moved): two rectangles drawn with the parts of one camera line
// up exactly.
render::Camera camera_part(const render::Camera& cam, double x0, int width);

}  // namespace chronomap

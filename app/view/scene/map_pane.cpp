#include "app/view/scene/map_pane.h"

namespace chronomap {

void MapPane::style_at(const MapView& view, const Atlas& atlas, Date d, Basis b, const std::string& lang,
                   bool with_claims, const std::vector<std::string>& emphasise, bool uncertainty) {
    date = d;
    basis = b;
    view.prepare(style, labels, d, b, with_claims, emphasise, uncertainty);
    overlay = overlay_text(atlas, view.timeline(), d, b, lang, with_claims, &view.scene(), uncertainty);
}

render::Camera camera_part(const render::Camera& cam, double x0, int width) {
    render::Camera part = cam;
    part.center_x = cam.center_x + (x0 + width / 2.0 - cam.width / 2.0) * cam.units_per_pixel;
    part.width = width;
    return part;
}

}  // namespace chronomap

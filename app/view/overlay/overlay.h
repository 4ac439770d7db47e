#pragma once
// What is drawn over the map, in the window and in exports alike: title and date, legend, the
// current event's caption, a source line, a scale bar, and non-overlapping labels. Drawn through an
// OverlayPainter, so the same code serves the window (ImGui's own frame) and offscreen exports.

#include <cstdint>
#include <string>
#include <vector>

#include "data/model/atlas.h"
#include "render/draw_data.h"
#include "app/view/overlay/fonts.h"
#include "app/view/overlay/labels.h"
#include "app/view/scene/map_scene.h"
#include "app/view/overlay/overlay_painter.h"
#include "data/time/timeline.h"

namespace chronomap {

class ToLonLat;

struct OverlayOptions {
    bool title = true;  // title, date and view
    bool legend = true;
    bool caption = true;  // the current event
    bool source = true;
    bool scale_bar = true;
    bool labels = true;
    // Uncertainty shown: borders by their precision (soft, dashed), changes dated to the month or
    // year as bands of both controllers across that span, and their legend entries. Off for a
    // clean print.
    bool uncertainty = true;
    // Title, legend, scale bar and sources in a column on the right and the caption under the
    // map, none of them over it: the layout for text sized for a room (presentation, exports).
    bool column = false;
};

struct LegendItem {
    std::string label;
    render::FeatureStyle swatch;
    double area = 0;  // what it covers on the map: the largest are kept when not all fit
    Bounds bounds;    // where, in the display CRS; empty when unknown (always listed)
    // Where it is listed: a power's place among the atlas's powers, so the order stays the same
    // from one date to the next while the same powers are shown.
    std::size_t rank = 0;
};

// The texts and legend for one date, in one language; built when the date changes.
struct OverlayText {
    std::string title, date, basis;
    std::string caption_heading, caption_body;
    // What the event changed on this map ("Kars: Russian Empire → Turkey", a line each), or why
    // the map shows no change (the other view's change, one taking effect later, none at all).
    std::string caption_changes;
    std::string source;
    std::vector<LegendItem> controllers, statuses, claims;
    // Approximate and schematic borders, and changes under way across an uncertain date, when on
    // the map (a swatch's `edge` or Transition pattern shows which).
    std::vector<LegendItem> uncertainty;
    std::string lang;
    LandCover land;  // the land drawn at this date (with the scene), which the legend avoids
};

// With the scene, powers are listed largest area first, each with where it holds land, so the
// legend can keep to those in view.
OverlayText overlay_text(const Atlas& atlas, const Timeline& timeline, Date date, Basis basis,
                         const std::string& lang, bool with_claims, const MapScene* scene = nullptr,
                         bool uncertainty = true);

// Where and how big: `x, y, width, height` is the map's rectangle in the draw list's pixels.
struct OverlayFrame {
    OverlayPainter* painter = nullptr;
    float x = 0, y = 0, width = 0, height = 0;
    render::Camera camera;          // the map's camera over that rectangle
    const ToLonLat* geo = nullptr;  // for the scale bar; none when null
    float text_scale = 1;           // below 1 shrinks everything, for maps too small for the fonts
};

// The text_scale that fits the boxes in a width x height map drawn with fonts of `font_scale`:
// 1 when there is room, less in a small window at a large UI scale.
float overlay_text_scale(float font_scale, float width, float height);

// The overlay's scale for a map shown to a room, in a picture `height` pixels high: body text and
// place names about 1/37 of the height (capitals), the caption's heading about 1/30, which a
// class reads at 10 m from a 3 m wide screen; 2.5 at 1080 pixels. Less when the picture is too
// narrow for the boxes at that size.
float room_text_scale(float width, float height);

void draw_overlay(const OverlayFrame& frame, const OverlayText& text,
                  const std::vector<LabelSeed>& seeds, const OverlayOptions& options);

// "Bolat 2019, Art. 4; Kars overview n.d., paragraph 1": an event's sources as a reader cites them
// (Atlas::citation), with their locators.
std::string source_refs(const Atlas& atlas, const SmallList<SourceRef>& refs);

// Every character the overlay may draw for these texts and labels (to rasterise only those).
std::string overlay_characters(const OverlayText& text, const std::vector<LabelSeed>& seeds);

// What a map `width` pixels wide keeps free for the overlay's boxes when it is fitted, so they
// hide none of it: the caption's band at the bottom and, in the column layout, the column.
struct OverlayInsets {
    float right = 0, bottom = 0;
};
// The column's part of that alone (0 without one): no text to measure, for every frame.
float overlay_column_inset(const OverlayOptions& options, float width, float scale);
OverlayInsets overlay_insets(OverlayPainter& painter, const OverlayText& text, const OverlayOptions& options,
                             float width, float height, float text_scale = 1);

// The largest 1, 2 or 5 times a power of ten not above `x` (at least 1 for x >= 1): a scale
// bar's "1 000 km", a timeline tick's 2,000 years.
double round_number_below(double x);

// The legend's words for a status ("autonomous", ...).
const char* status_legend(Status s);

// Who held a territory, in words: "Georgian SSR", "Georgian SSR, autonomous", "ceased to exist".
std::string control_label(const Atlas& atlas, std::string_view controller, Status status,
                          const std::string& lang);

}  // namespace chronomap

#pragma once
// The window's panels. Each reads App state and calls App commands; `s` is the UI scale.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/app.h"
#include "app/view/overlay/bidi_text.h"
#include "app/gui/key_press.h"
#include "app/view/overlay/fonts.h"

namespace chronomap::gui {

// A key pressed (or repeated while held), as GLFW names it, with its modifiers.
// What a panel asks of the window loop, which owns GLFW and the fonts; and the keys pressed since
// the last frame, each once, in order, however short the press (the map's keys read them here,
// not the keys' state, which misses a press and release between two frames).
struct UiRequests {
    std::vector<KeyPress> keys;
    bool rebuild_fonts = false;
    bool toggle_fullscreen = false;
    bool fit = false;
    bool zoom_to_selected = false;
    bool quit = false;
    std::string open_atlas;     // path typed into File > Open
    std::string add_reference;  // path typed into File > Add reference layer
    // Done after the frame, as they rebuild or reopen what the panels draw from: a reference
    // layer shown or hidden (its index), and a power made one with another (from, to).
    std::optional<std::pair<std::size_t, bool>> show_layer;
    std::optional<std::pair<std::string, std::string>> alias_power;
    // The lesson editor's actions (lesson.cpp), done after the frame as they read the atlas again.
    std::function<Result<>(Atlas&)> edit;
    bool edit_uses_sketch = false;  // the edit is the line or outline drawn: done, it is cleared
    std::optional<LessonSpec> new_lesson;
    bool undo = false, redo = false;
    std::optional<bool> save_scan;  // the georeferencer's Save; true: and add it as a layer
};

struct PanelContext {
    App& app;
    const FontSet& fonts;
    float ui_scale;  // the fonts' scale: the UI scale setting times the monitor's, larger in presentation
    const FontSet& map_fonts;  // the map's title, legend, caption and names (Settings::map_text)
    UiRequests& requests;
    const std::string& lang;  // the interface's language, for dates and names
};

void draw_menu_bar(PanelContext& c);
void draw_timeline(PanelContext& c, float x, float y, float w, float h);
void draw_left_panel(PanelContext& c, float x, float y, float w,
                     float h);  // events, layers, diagnostics
void draw_right_panel(PanelContext& c, float x, float y, float w,
                      float h);  // event card, inspector, legend
void draw_export_dialog(PanelContext& c, int map_w, int map_h);
void draw_film_dialog(PanelContext& c);
void draw_workbook_dialog(PanelContext& c);
void draw_lesson_editor(PanelContext& c);
void draw_georeferencer(PanelContext& c);
// The lesson editor's forms, one per sheet of the workbook (panel_lesson_forms.cpp), `w` wide,
// and a text field as they lay it out.
void draw_sheet_forms(PanelContext& c, float w);
void form_field(const char* label, char* buf, std::size_t size, float width);
void form_note(const char* text);  // greyed, wrapped at the window's edge
// Asks whether the open atlas may read what it names outside its folder (App::external_request).
void draw_trust_prompt(PanelContext& c);
// The overlay switches of the export and film dialogs.
void overlay_checkboxes(OverlayOptions& o);
// Where an export or film goes unless the user says otherwise: the desktop's folder of that kind
// (user_folder: "PICTURES", "VIDEOS") and the atlas's file or folder name with `suffix`
// ("~/Pictures/kars-1921-10-13.png").
std::string default_file_name(const App& a, const char* folder_kind, const std::string& suffix);
// The second date, its view, the layout, and the territories that differ (in the right panel).
void draw_compare_panel(PanelContext& c);

// Pieces shared by several panels.
void event_card(PanelContext& c, const Event& e);
void inspector(PanelContext& c, const std::string& territory);
// The territory's controller in `basis` through time, as a band of colours `width` wide on
// `axis`, with the window's date marked and year labels under it; a click goes to that date.
class HistoryAxis;
void history_band(PanelContext& c, const std::string& territory, Basis basis, const HistoryAxis& axis, float width);
// The file browser (File > Open atlas, Add reference layer), shown while its purpose is set.
void open_file_browser(App& a, BrowsePurpose purpose);
void draw_file_browser(PanelContext& c);
// What a click on `path` and Open would do in the open browser (scripts); false when none is open.
bool pick_file(App& a, UiRequests& req, const std::string& path);
// App::study_territory's histories in both views side by side, in a window of its own.
void draw_study_window(PanelContext& c);
void legend_panel(PanelContext& c);
std::uint32_t kind_colour(EventKind k);  // RGBA
const char* kind_name(EventKind k);      // "treaty", in the interface's language
bool never_in_force(const Event& e);
// Whether an event passes the event list's filter: in its title or summary, or in the name (in
// `lang` or English) or id of a territory it changes; ASCII letters in either case.
bool event_matches(const Atlas& atlas, const Event& e, const std::string& filter, const std::string& lang);
// Text from the atlas (names, titles, summaries, notes): right-to-left lines in visual order,
// wrapped at the panel's edge (bidi_text.h); `disabled` draws it in the muted colour. A line the
// interface composed around atlas text is Paragraph::LeftToRight.
void atlas_text(std::string_view text, bool disabled = false, Paragraph paragraph = Paragraph::FromText);
// A filled rectangle of a colour, then SameLine (legend and list swatches).
void colour_square(std::uint32_t rgba, float w, float h);
void draw_event_list(PanelContext& c);
void draw_options(PanelContext& c);
void draw_diagnostics(PanelContext& c);

}  // namespace chronomap::gui

#pragma once
// What the panels remember from one frame to the next: text being typed, the dialogs' choices, the
// event list's filtered rows, a drag under way. The App owns it, so opening another atlas resets
// what belonged to the one before (App::open) and tests can read it; the panels keep no state of
// their own.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/view/overlay/overlay.h"
#include "data/model/atlas.h"

namespace chronomap::gui {

// A date typed into a field, and why it was refused, if it was.
struct DateEntry {
    char typed[32] = "";
    std::string problem;
};

struct ExportDialogState {
    int preset = 0, custom_width = 1920, custom_height = 1080;
    char file_name[1024] = "";
    OverlayOptions overlays;
};

// What a click on the map does while the lesson editor is open (map_tools.h).
enum class MapTool { None, Provinces, Line, Outline, Points, Territory };

// The lesson editor's fields (panel_lesson.cpp): what is being typed into each form, and what is
// being drawn on the map.
struct LessonFormState {
    char folder[512] = "", title[256] = "", from[32] = "", to[32] = "", region[96] = "";
    char territory_id[64] = "", territory_name[128] = "", units[1024] = "";
    MapTool tool = MapTool::None;
    std::vector<Vec2> sketch;  // the line or outline clicked so far, in the display CRS
    char split_id[64] = "", new_id[64] = "", new_name[128] = "";
    bool new_on_left = true;  // the new territory is left of the line, walking from its first point
    char draw_id[64] = "", draw_name[128] = "";
    bool clip = true;            // an outline loses what other territories hold
    char points_id[64] = "";     // the territory whose points are moved, added and removed
    std::optional<Vec2> held;    // the point being dragged
    // The side of the territory the line makes new, as drawn over the map, and what it was made of.
    std::vector<Polygon> split_preview;
    std::string split_preview_of;
    char power_id[64] = "", power_name[128] = "", power_names[512] = "", power_parent[64] = "", power_note[512] = "";
    float power_colour[3] = {0.23f, 0.43f, 0.65f};
    char source_id[64] = "", source_title[256] = "", source_year[16] = "", source_author[128] = "";
    char event_id[64] = "", event_date[32] = "", event_title[256] = "", event_summary[1024] = "";
    char event_signed[32] = "", event_ratified[32] = "", event_in_force[32] = "", event_party[64] = "", event_note[512] = "";
    int event_kind = 0;
    bool event_calendar_julian = false;
    char change_event[64] = "", change_territory[64] = "", change_controller[64] = "", change_date[32] = "",
         change_note[512] = "";
    int change_status = 0, change_basis = 2;
    char cite_event[64] = "", cite_source[64] = "", cite_locator[128] = "";
    char claim_event[64] = "", claim_claimant[64] = "", claim_territory[64] = "", claim_from[32] = "", claim_to[32] = "",
         claim_note[256] = "";
    std::string open_form;  // a form opened by a script ("change"), as if its header were clicked
    std::string result;  // what the last action did, or why it could not
};

// The georeferencer (georeference.cpp): a scan, and its control points clicked on it and then on
// the map.
struct GeoreferenceState {
    char scan[1024] = "", out[1024] = "", layer_name[128] = "", from[32] = "", to[32] = "";
    std::vector<ControlPoint> points;  // a point whose place on the map is awaited has NaN lon and lat
    int scan_width = 0, scan_height = 0;  // the scan's own size in pixels
    std::string result;
};

struct WorkbookDialogState {
    char file_name[1024] = "";
};

struct FilmDialogState {
    char from[32] = "", to[32] = "", file_name[1024] = "";
    // The name and speed the dialog chose itself: they follow the dates and the format until the
    // user changes them.
    std::string chosen_name;
    float chosen_speed = 0;
    int size = 0, format = 0, rate = 2;
    int pacing = 1;  // 1: event to event, 0: steady time
    float years_per_second = 2, per_event = 2, hold_start = 1, hold_end = 2;
    bool on_screen = true;
    OverlayOptions overlays;
};

// The events that pass the filter, found again only when the filter changes (the list lays out
// only the rows on screen, so 100,000 events cost what 30 do).
struct EventListState {
    char filter[64] = "";
    std::vector<std::uint32_t> rows;  // indices into the atlas's events
    std::string rows_filter = "\x01";  // the filter `rows` were found for; never typed, so found on the first frame
    const Event* scrolled_to = nullptr;  // the event last brought into view
};

// The selected territory's outline thinned for one scale (frame_layout.cpp): kept while the
// selection and zoom stay, so a pan redraws without going through every vertex.
struct SelectionOutline {
    const Feature* feature = nullptr;
    double units_per_pixel = 0;
    std::vector<std::vector<Vec2>> rings;  // display CRS
};

// The file browser of File > Open atlas and Add reference layer (panel_files.cpp): a folder's
// contents, read once when it is entered, with places and recent atlases beside them.
enum class BrowsePurpose { None, OpenAtlas, AddReference };
struct FileEntry {
    std::string name;
    bool folder = false;
    bool atlas = false;  // a folder holding atlas.json, or an atlas.json
};
struct FileBrowserState {
    BrowsePurpose purpose = BrowsePurpose::None;
    std::string folder, listed;  // shown, and the one `entries` were read for
    std::vector<FileEntry> entries;
    std::string selected;  // a name in `folder`
    std::string problem;   // why the folder cannot be read
    char typed[1024] = "";  // the path bar
};

struct PanelState {
    DateEntry timeline_date, compare_date;
    ExportDialogState export_dialog;
    WorkbookDialogState workbook_dialog;
    LessonFormState lesson;
    GeoreferenceState georeference;
    FilmDialogState film_dialog;
    EventListState events;
    FileBrowserState files;
    std::string inspected_territory;  // the inspector's, to see when the selection changes
    const Event* carded_event = nullptr;  // the event selected last frame: a new one brings its card forward
    SelectionOutline selection_outline;
    float map_text_dragged = 0;  // the map text slider's size while dragged (applied when let go)
    bool was_comparing = false;       // the Compare tab comes to the front when comparing starts
    bool map_pressed = false, map_dragged = false;  // a press on the map, and whether it moved
    bool timeline_pressed_on_marker = false;  // a click on an event marker selects it and does not scrub

    // A new atlas: nothing typed, found or pointed at in the old one stays; the dialogs keep the
    // user's choices of size, format, pacing and overlays.
    void forget_atlas() {
        timeline_date = compare_date = DateEntry{};
        events = EventListState{};
        inspected_territory.clear();
        carded_event = nullptr;
        selection_outline = SelectionOutline{};
        film_dialog.from[0] = film_dialog.to[0] = film_dialog.file_name[0] = 0;
        export_dialog.file_name[0] = 0;
        map_pressed = map_dragged = timeline_pressed_on_marker = false;
    }
};

}  // namespace chronomap::gui

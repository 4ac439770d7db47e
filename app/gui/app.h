#pragma once
// The window's state and the commands that change it. Panels read the state and call commands;
// they never touch the atlas or the renderer directly.

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/time/comparison.h"
#include "render/draw_data.h"
#include "render/ui_texture.h"
#include "app/view/export/export.h"
#include "app/view/export/export_job.h"
#include "app/view/export/workbook_template.h"
#include "app/view/film/film_job.h"
#include "data/load/loader.h"
#include "app/view/scene/map_pane.h"
#include "app/view/scene/map_view.h"
#include "app/view/overlay/overlay.h"
#include "data/time/playback.h"
#include "app/gui/panel_state.h"
#include "app/gui/settings.h"
#include "app/gui/timeline_layout.h"
#include "data/time/timeline.h"

namespace chronomap::gui {

// An opened atlas. Heap-allocated so that the timeline's and view's pointers stay valid.
struct Document {
    std::string path;
    LoadResult loaded;
    std::unique_ptr<Timeline> timeline;
    std::unique_ptr<MapView> view;
    std::unique_ptr<MapPane> pane;  // the window's map: its shapes, styles (blended), labels, overlay texts
    // Territories that overlap, found on a thread of their own (a second or two on a world
    // series) while the atlas is shown. Last member: destroyed first, it waits for the check
    // before the atlas it reads goes. Nothing may change the atlas until it is taken in
    // (App::take_overlaps).
    std::future<Diagnostics> overlaps;
    bool allow_external = false;  // as it was opened
    Atlas& atlas() { return loaded.atlas; }
};

// The styles shown while a change animates (the blending itself is ColourTransition's).
struct Animation {
    std::vector<render::FeatureStyle> to, shown;
    ColourTransition transition;
    bool running = false;
};

enum class CompareLayout { SideBySide, Swipe };

// Two dates (or one date in both views) at once over one camera: the window's date on the left,
// `other` on the right, side by side or as a swipe across one map.
struct Comparison {
    CompareLayout layout = CompareLayout::SideBySide;
    Date other;
    Basis other_basis = Basis::DeFacto;
    float swipe = 0.5f;                   // where the swipe line is, as a fraction of the map's width
    std::vector<Difference> differences;  // left to right, outlined on both sides
    MapPane left, right;
};

class App {
  public:
    TimelineView timeline_view;
    Settings settings;
    PanelState panels;  // what the panels remember between frames
    std::unique_ptr<Document> doc;
    std::vector<std::string> messages;  // problems outside the atlas (fonts, files dropped, export)
    Date date;
    Playback playback;
    std::string selected_territory;
    std::string study_territory;  // shown in the study window (draw_study_window) while not empty
    const Event* selected_event = nullptr;
    render::Camera camera;  // in framebuffer pixels over the map rectangle
    bool camera_set = false;
    // The last fitted view and what it was fitted to, so that while the user has not moved it, a
    // new map size (full screen, presentation) or new room for the overlay fits it again.
    struct FittedView {
        render::Camera camera;
        double inset_right = 0;
    };
    std::optional<FittedView> fitted;
    bool enable_animation = true;
    bool export_dialog_open = false;
    std::unique_ptr<ExportJob> export_job;
    std::string export_result;  // for the dialog: the path written, or the error
    Result<> export_outcome;    // of the last export
    std::string export_path;
    double now = 0;           // seconds, from the window clock
    float preview_scale = 1;  // the overlay's pixel scale on screen (fonts times text scale)
    std::unique_ptr<Comparison> compare;  // null when one map is shown
    bool workbook_dialog_open = false;
    bool lesson_editor_open = false;
    bool georeferencer_open = false;
    std::unique_ptr<render::UiTexture> scan_texture;  // the scan the georeferencer shows
    // The georeferencer (georeference.cpp): a scan read and shown; a click on it at a pixel of the
    // scan, then one on the map at a display point, make a control point; saved, the scan is a
    // GeoTIFF, and with `add_layer` a raster layer of the atlas (its manifest edited in place).
    Result<> load_scan(const std::string& path);
    void scan_clicked(double pixel_x, double pixel_y);
    bool map_clicked_for_scan(Vec2 at);  // false when no point awaits its place on the map
    Result<> save_scan(bool add_layer);
    std::string workbook_result;  // for its dialog: the path written, or the error
    // Writes the atlas's events, powers and sources as a workbook (data/formats/workbook.h),
    // its columns explained in the interface language.
    Result<> export_workbook(const std::string& path);
    // The map's scene built again from the atlas's layers; problems of `new_layer` are added.
    bool rebuild_view(const std::string& new_layer);
    bool film_dialog_open = false;
    std::unique_ptr<FilmJob> film_job;  // a film being made, a few frames per window frame
    std::string film_result;            // for the dialog: the path written, the error, or "Cancelled"
    double film_started = 0;            // window clock, for the time left
    std::string film_path;

    // Opens an atlas; an atlas with errors still opens with what loaded. False if nothing did.
    // Sources outside the atlas folder are refused unless `allow_external` (source_policy.h);
    // an atlas that asks for them opens without them and leaves an ExternalRequest for the
    // window to put to the user.
    bool open(const std::string& path, bool allow_external = false);
    // What the open atlas asked to read outside its folder, until the user answers.
    struct ExternalRequest {
        std::string path;
        std::vector<std::string> sources;
    };
    std::optional<ExternalRequest> external_request;
    void allow_external();   // reopens the atlas with what it asked for, and remembers it
    void refuse_external();  // keeps it open without, not remembered as the last atlas
    bool add_reference(const std::string& path);
    void set_date(Date d, bool animate = true);
    void set_basis(Basis b);
    void set_lang(const std::string& lang);
    void set_claims(bool on);
    void set_uncertainty(bool on);  // borders by precision, uncertain dates as bands
    void step_event(int direction);  // -1 previous, +1 next
    void go_start();
    void go_end();
    void select_event(const Event* e);  // also moves the date to it
    void select_territory(const std::string& id);
    // Shows `other` (in its own view) beside the window's date; stop_compare() goes back to one map.
    void compare_with(Date other, Basis other_basis);
    void stop_compare();
    // Picks a difference: its territory is selected and its event shown, the dates stay (a double
    // click in the list then moves the window's date to the event).
    void select_difference(const Difference& d);
    // What the window's map shows over it: the settings' overlays, in the column layout when
    // presenting (room-sized text leaves no room over the map), the title left to the timeline.
    OverlayOptions shown_overlays() const;
    // Frames the atlas's default view in a map of w x h framebuffer pixels, left of and above the
    // insets left to the overlay's column and caption (overlay_insets).
    void fit(int w, int h, double inset_bottom, double inset_right = 0);
    // Whether the view is as last fitted and would be fitted otherwise in a map of w x h with a
    // column of `inset_right` (the caption's height changes with each event: not a reason).
    bool refit_wanted(int w, int h, double inset_right) const;
    void zoom_to_territory(const std::string& id, int w, int h);
    void tick(double now_seconds, double dt);                           // playback and animation
    // The base-map unit (a province of a lesson's base map) at a display point.
    std::optional<std::string> unit_at(double x, double y) const;
    std::optional<std::string> territory_at(double x, double y) const;  // display coordinates
    // Exports run a tile per frame so the dialog can show progress; poll_export() advances them.
    void start_export(const ExportRequest& req, const std::string& path);
    void poll_export();
    // Adds the overlap check's findings to the atlas's problems once it has finished (or,
    // waiting, when it has).
    void take_overlaps(bool wait = false);
    // Shows or hides a reference layer (its fill, lines and names; the map's scene is rebuilt)
    // or a raster layer. False for a layer of another kind.
    bool show_layer(std::size_t index, bool visible);
    // A raster layer's opacity (0 to 1) where it is shown in full; not saved in the atlas.
    void set_opacity(std::size_t index, float opacity);
    // A lesson kept in a workbook, edited from the window (lesson.cpp): each edit is written into
    // the workbook and the atlas read again, so its problems show as `validate` would list
    // them; undo and redo put the files back as they were.
    Result<> new_lesson(const LessonSpec& spec);
    Result<> edit_lesson(const std::function<Result<>(Atlas&)>& edit);
    Result<> undo_edit();
    Result<> redo_edit();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // Makes power `from` (a name the data gives) the same as `to`: adds "power_aliases" to the
    // manifest, changing nothing else in its text, and opens the atlas again where it was.
    Result<> alias_power(const std::string& from, const std::string& to);
    // Films likewise: poll_film() renders frames for up to `budget` seconds, so the window stays
    // responsive; cancel_film() stops and leaves no file.
    void start_film(const FilmRequest& req);  // req.path is where it goes
    void poll_film(double budget);
    void cancel_film();
    // Runs an export to the end at once (scripts).
    Result<> export_now(const ExportRequest& req, const std::string& path);

    Basis basis() const { return settings.basis_de_jure ? Basis::DeJure : Basis::DeFacto; }
    bool animating() const { return anim_.running; }

  private:
    // The open atlas read again from its files, at the same date and view.
    Result<> reopen_here();
    // The files a lesson's edits write (manifest, workbook, drawn shapes): path -> contents, or
    // none where there was no file.
    using LessonFiles = std::map<std::string, std::optional<std::string>>;
    std::vector<LessonFiles> undo_, redo_;
    Result<> put_back(std::vector<LessonFiles>& from, std::vector<LessonFiles>& to);
    void restyle(bool animate);
    void show_styles(const std::vector<render::FeatureStyle>& styles);
    void refresh_compare();
    void finish_export(const Result<>& written);
    Animation anim_;
};

// Whether the lesson editor can write the atlas: a lesson's workbook, or events, powers and
// sources in JSON (atlas_json.h), not CSV event files or a database (lesson.cpp).
bool editable(const Atlas& atlas);

}  // namespace chronomap::gui

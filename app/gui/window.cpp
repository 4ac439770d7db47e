#include "app/gui/gui.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "app/gui/frame_layout.h"
#include "app/gui/panels.h"
#include "app/gui/script.h"
#include "app/gui/window_shell.h"
#include "app/launch/launch.h"
#include "app/view/overlay/i18n.h"
#include "render/png_writer.h"
#include "render/screen.h"

namespace chronomap::gui {
namespace {

float ui_font_scale(const App& app, float content_scale) {
    return app.settings.ui_scale * content_scale * (app.settings.presentation ? 1.6f : 1.0f);
}

// The map's text scale for a window of `display_w` x `display_h` ImGui units: the interface's in
// the window, one read across the room in presentation (from the screen's height, as the class
// sees the screen), times the user's map text size; in steps of 5 %, so that resizing a window
// rebuilds the fonts a few times, not on every frame.
float map_font_scale(const App& app, float content_scale, float display_w, float display_h) {
    const Settings& st = app.settings;
    const float base = st.presentation ? room_text_scale(display_w, display_h) : ui_font_scale(app, content_scale);
    return std::max(0.5f, std::round(base * st.map_text * 20) / 20);
}

// Builds the fonts for the current scales and sizes ImGui's style to match.
WindowFonts rebuild_fonts(App& app, float content_scale, float map_scale) {
    const float s = ui_font_scale(app, content_scale);
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    WindowFonts fonts = build_window_fonts(*io.Fonts, s, map_scale);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.ScaleAllSizes(s);
    ImGui::GetStyle() = style;
    io.FontDefault = fonts.ui.body;
    return fonts;
}

// A run of the window: what it was started with, the App, and the frame loop's own state.
struct Session {
    const WindowLaunch& launch;
    WindowShell& shell;
    App& app;
    std::unique_ptr<ScriptRunner> script;
    std::string settings_file;
    WindowFonts fonts;
    float content_scale = 1;
    int frame = 0;
    double last_time = 0;
    bool screenshot_failed = false;  // a failed --screenshot or script screenshot exits 1
};

// The saved settings, with the launch's choices over them; the interface in their language.
void load_settings_into(App& app, const WindowLaunch& launch, const std::string& file) {
    std::string warning;
    const bool first_start = file.empty() || !std::filesystem::exists(file);
    app.settings = load_settings(file, warning);
    if (first_start) app.settings.lang = system_ui_language();  // then the saved choice
    set_ui_language(app.settings.lang);
    if (!warning.empty()) app.messages.push_back(warning);
    if (launch.ui_scale > 0) app.settings.ui_scale = launch.ui_scale;
    if (!launch.lang.empty()) app.settings.lang = launch.lang;
    // Presentation is for the lesson it was started for: the next launch opens the usual window.
    app.settings.presentation = launch.presentation;
}

// The atlas named, else the last one opened, else the bundled one; at the date and in the view
// the user left it.
void open_first_atlas(App& app, const WindowLaunch& launch) {
    namespace fs = std::filesystem;
    std::string atlas = launch.atlas;
    if (atlas.empty())
        atlas = !app.settings.last_atlas.empty() && fs::exists(app.settings.last_atlas) ? app.settings.last_atlas
                                                                                        : default_atlas_path();
    if (!app.open(atlas) && !launch.atlas.empty())
        std::cerr << "chronomap: cannot open " << atlas << " (see the Diagnostics panel)\n";
    if (!app.doc) return;
    if (launch.date) app.set_date(*launch.date, false);
    app.set_lang(app.settings.lang);
    if (auto it = app.settings.views.find(app.settings.last_atlas);
        it != app.settings.views.end() && launch.atlas.empty()) {
        app.camera.center_x = it->second[0];
        app.camera.center_y = it->second[1];
        app.camera.units_per_pixel = it->second[2];
        app.camera_set = it->second[2] > 0;
    }
}

// What happened since the last frame: the clock, exports and films under way, files dropped.
void take_events(Session& s) {
    App& app = s.app;
    const bool busy = app.playback.playing || app.animating() || app.export_job || app.film_job || s.script ||
                      s.launch.exit_after > 0 || !s.launch.screenshot.empty() || s.frame < 3;
    s.shell.wait_for_events(busy);
    const double now = s.shell.seconds();
    app.tick(now, now - s.last_time);
    s.last_time = now;
    app.poll_export();
    app.take_overlaps();
    app.poll_film(0.05);  // a few frames of a film, the window stays responsive
    for (const auto& path : s.shell.take_dropped()) {
        namespace fs = std::filesystem;
        if (fs::is_directory(path) || fs::path(path).extension() == ".json") {
            if (!app.open(path)) app.messages.push_back(fill_in(_("could not open %s as an atlas"), {path}));
        } else {
            app.add_reference(path);
        }
    }
}

void write_screenshot(Session& s, const std::string& path, int fb_w, int fb_h) {
    const Result<> written =
        render::write_png(path, fb_w, fb_h, render::read_screen(fb_w, fb_h), {{"Software", "Chronomap"}});
    if (written) return;
    std::cerr << "chronomap: screenshot: " << printable(written.message()) << '\n';
    s.screenshot_failed = true;
}

// What the panels asked of the window, done once the frame is shown.
void answer_requests(Session& s, const UiRequests& req, bool last_frame) {
    App& app = s.app;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float map_scale = map_font_scale(app, s.content_scale, display.x, display.y);
    // (With a tolerance: one set serves both when their scales are within 0.01.)
    if (req.rebuild_fonts || std::abs(map_scale - s.fonts.map.scale) > 0.011f ||
        std::abs(ui_font_scale(app, s.content_scale) - s.fonts.ui.scale) > 0.001f)
        s.fonts = rebuild_fonts(app, s.content_scale, map_scale);
    if (!req.open_atlas.empty() && !app.open(req.open_atlas))
        app.messages.push_back(fill_in(_("could not open %s"), {req.open_atlas}));
    if (!req.add_reference.empty()) app.add_reference(req.add_reference);
    if (req.show_layer) (void)app.show_layer(req.show_layer->first, req.show_layer->second);
    if (req.alias_power)
        if (auto made = app.alias_power(req.alias_power->first, req.alias_power->second); !made)
            app.messages.push_back(made.message());
    auto said = [&](const Result<>& done, const std::string& ok) {
        app.panels.lesson.result = done ? ok : done.message();
    };
    if (req.new_lesson) said(app.new_lesson(*req.new_lesson), _("Made the lesson."));
    if (req.edit) {
        const Result<> done = app.edit_lesson(req.edit);
        said(done, app.doc && app.doc->atlas().workbook.empty() ? _("Saved in the atlas's files.") : _("Saved in the workbook."));
        if (done && req.edit_uses_sketch) app.panels.lesson.sketch.clear();
    }
    if (req.undo) said(app.undo_edit(), _("Undone."));
    if (req.save_scan)
        if (auto saved = app.save_scan(*req.save_scan); !saved) app.panels.georeference.result = saved.message();
    if (req.redo) said(app.redo_edit(), _("Done again."));
    if (req.toggle_fullscreen) s.shell.toggle_fullscreen();
    if (req.quit || last_frame) s.shell.close();
}

void run_frame(Session& s) {
    take_events(s);
    UiRequests req;
    req.keys = s.shell.take_keys();
    // Script commands run before the frame is laid out, as a user's input would.
    std::string screenshot;
    if (s.script && s.frame >= 2) {
        s.script->step(s.app, req, s.app.camera.width, s.app.camera.height, screenshot);
        if (s.script->done() && s.launch.exit_after == 0) req.quit = true;
    }
    s.shell.new_frame();
    PanelContext pc{s.app, s.fonts.ui, s.fonts.ui.scale, s.fonts.map, req, s.app.settings.lang};
    int fb_w = 0, fb_h = 0;
    s.shell.framebuffer_size(fb_w, fb_h);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const FrameMaps maps = lay_out_map(pc, lay_out_panels(pc, display.x, display.y, fb_w));
    ImGui::Render();
    draw_maps(s.app, maps, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++s.frame;
    const WindowLaunch& launch = s.launch;
    // --screenshot alone takes the third frame (the UI has settled) and exits.
    const int frames = launch.exit_after > 0 ? launch.exit_after : launch.screenshot.empty() ? 0 : 3;
    const bool last_frame = frames > 0 && s.frame >= frames;
    if (!launch.screenshot.empty() && last_frame) screenshot = launch.screenshot;
    if (!screenshot.empty()) write_screenshot(s, screenshot, fb_w, fb_h);
    s.shell.swap();
    if (launch.frame_time_ms > 0) {  // a slow machine, for tests (--frame-time)
        const double until = s.last_time + launch.frame_time_ms / 1000.0;
        while (s.shell.seconds() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    answer_requests(s, req, last_frame);
}

// Saves the settings and says what the script found; returns the exit code.
int finish_session(Session& s) {
    App& app = s.app;
    s.shell.windowed_size(app.settings.window_width, app.settings.window_height);
    if (app.doc)
        app.settings.views[app.settings.last_atlas] = {app.camera.center_x, app.camera.center_y,
                                                       app.camera.units_per_pixel};
    if (auto saved = save_settings(app.settings, s.settings_file); !saved)
        std::cerr << "chronomap: settings: " << saved.message() << '\n';
    int code = s.screenshot_failed ? kInternal : kOk;
    if (s.script)
        for (const auto& p : s.script->problems()) {
            std::cerr << printable(p) << '\n';
            code = kInputErrors;
        }
    // GL objects go while the context is alive.
    app.export_job.reset();
    app.film_job.reset();
    app.compare.reset();
    app.doc.reset();
    app.scan_texture.reset();
    return code;
}

}  // namespace

int run(const std::vector<std::string>& args) {
    const Result<WindowLaunch> launch = parse_window_launch(args);
    if (!launch) {
        std::cerr << "chronomap: " << printable(launch.message()) << "\n(see chronomap --help)\n";
        return launch.exit_code();
    }
    std::unique_ptr<ScriptRunner> script;
    if (!launch->script.empty()) {
        std::vector<std::string> problems;
        auto lines = read_script(launch->script, problems);
        for (const auto& p : problems) std::cerr << printable(p) << '\n';
        if (!problems.empty()) return kInputErrors;
        script = std::make_unique<ScriptRunner>(launch->script, std::move(lines));
    }
    App app;
    const std::string settings_file = settings_path();
    load_settings_into(app, *launch, settings_file);
    auto shell = WindowShell::open(app.settings.window_width, app.settings.window_height);
    if (!shell) {
        std::cerr << "chronomap: " << shell.message() << '\n';
        return shell.exit_code();
    }
    Session session{*launch, **shell, app, std::move(script), settings_file, WindowFonts{}};
    session.content_scale = session.shell.content_scale();
    // The map's fonts follow once the first frame knows the window's size.
    session.fonts = rebuild_fonts(app, session.content_scale, ui_font_scale(app, session.content_scale));
    if (!session.fonts.ui.missing.empty()) app.messages.push_back(session.fonts.ui.missing);
    open_first_atlas(app, *launch);
    session.last_time = session.shell.seconds();
    while (!session.shell.should_close()) run_frame(session);
    return finish_session(session);
}

}  // namespace chronomap::gui

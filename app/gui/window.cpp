#include <epoxy/gl.h>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/view/overlay/i18n.h"
#include "app/launch/launch.h"
#include "app/gui/gui.h"
#include "app/gui/map_input.h"
#include "app/gui/panel_compare.h"
#include "app/gui/panels.h"
#include "render/png_writer.h"
#include "render/screen.h"
#include "app/gui/script.h"
#include "app/gui/window_icon.h"

namespace chronomap::gui {
namespace {

std::vector<std::string> g_dropped;  // paths dropped onto the window since the last frame

// One map drawn into a part of the window: the window's pane, or a side of a comparison.
struct MapDraw {
    bool on = false;
    const render::PaneStyle* pane = nullptr;
    render::Camera cam;
    int x = 0;  // framebuffer pixels from the left
};

// Builds the fonts for the current scale and sizes ImGui's style to match.
FontSet rebuild_fonts(App& app, float content_scale) {
    const float s =
        app.settings.ui_scale * content_scale * (app.settings.presentation ? 1.6f : 1.0f);
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    FontSet fonts = build_fonts(*io.Fonts, s);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.ScaleAllSizes(s);
    ImGui::GetStyle() = style;
    io.FontDefault = fonts.body;
    return fonts;
}

}  // namespace

int run(const std::vector<std::string>& args) {
    const Result<WindowLaunch> launch = parse_window_launch(args);
    if (!launch) {
        std::cerr << "chronomap: " << printable(launch.message()) << "\n(see chronomap --help)\n";
        return launch.exit_code();
    }
    const WindowLaunch& opt = *launch;
    std::vector<std::string> script_problems;
    std::unique_ptr<ScriptRunner> script;
    if (!opt.script.empty()) {
        auto lines = read_script(opt.script, script_problems);
        if (!script_problems.empty()) {
            for (const auto& p : script_problems) std::cerr << printable(p) << '\n';
            return kInputErrors;
        }
        script = std::make_unique<ScriptRunner>(opt.script, std::move(lines));
    }
    App app;
    const std::string settings_file = settings_path();
    std::string warning;
    const bool first_start = settings_file.empty() || !std::filesystem::exists(settings_file);
    app.settings = load_settings(settings_file, warning);
    if (first_start) app.settings.lang = system_ui_language();  // then the saved choice
    set_ui_language(app.settings.lang);
    if (!warning.empty()) app.messages.push_back(warning);
    if (opt.ui_scale > 0) app.settings.ui_scale = opt.ui_scale;
    if (!opt.lang.empty()) app.settings.lang = opt.lang;
    if (opt.presentation) app.settings.presentation = true;

    if (!glfwInit()) {
        std::cerr << "chronomap: cannot open a window (is a display available?). Images can be "
                     "made without one: "
                     "chronomap export ATLAS --date DATE --out FILE.png\n";
        return kInternal;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 4);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The class the desktop file's StartupWMClass names, so the desktop matches window and launcher.
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "chronomap");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "chronomap");
    GLFWwindow* window = glfwCreateWindow(std::clamp(app.settings.window_width, 640, 7680),
                                          std::clamp(app.settings.window_height, 480, 4320),
                                          "Chronomap", nullptr, nullptr);
    if (!window) {
        std::cerr << "chronomap: cannot create an OpenGL 3.3 window\n";
        glfwTerminate();
        return kInternal;
    }
    {
        std::vector<std::uint8_t> icons[2] = {window_icon(32), window_icon(64)};
        const GLFWimage images[2] = {{32, 32, icons[0].data()}, {64, 64, icons[1].data()}};
        glfwSetWindowIcon(window, 2, images);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    glfwSetDropCallback(window, [](GLFWwindow*, int n, const char** paths) {
        for (int i = 0; i < n; ++i) g_dropped.emplace_back(paths[i]);
    });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout lives in our settings file
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    float content_scale = 1, unused = 1;
    glfwGetWindowContentScale(window, &content_scale, &unused);
    content_scale = std::clamp(content_scale, 1.0f, 4.0f);
    FontSet fonts = rebuild_fonts(app, content_scale);
    if (!fonts.missing.empty()) app.messages.push_back(fonts.missing);

    namespace fs = std::filesystem;
    std::string atlas = opt.atlas;
    if (atlas.empty())
        atlas = !app.settings.last_atlas.empty() && fs::exists(app.settings.last_atlas)
                    ? app.settings.last_atlas
                    : default_atlas_path();
    if (!app.open(atlas) && !opt.atlas.empty())
        std::cerr << "chronomap: cannot open " << atlas << " (see the Diagnostics panel)\n";
    if (app.doc && opt.date) app.set_date(*opt.date, false);
    if (app.doc) {
        app.set_lang(app.settings.lang);
        if (auto it = app.settings.views.find(app.settings.last_atlas);
            it != app.settings.views.end() && opt.atlas.empty()) {
            app.camera.center_x = it->second[0];
            app.camera.center_y = it->second[1];
            app.camera.units_per_pixel = it->second[2];
            app.camera_set = it->second[2] > 0;
        }
    }

    int frame = 0;
    bool screenshot_failed = false;  // a failed --screenshot or script screenshot exits 1
    double last = glfwGetTime();
    MapRect map;
    bool fullscreen = false;
    int windowed[4] = {100, 100, 1600, 900};
    while (!glfwWindowShouldClose(window)) {
        const bool busy = app.playback.playing || app.animating() || app.export_job || app.film_job || script ||
                          opt.exit_after > 0 || !opt.screenshot.empty() || frame < 3;
        if (busy)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(0.25);
        const double now = glfwGetTime();
        app.tick(now, now - last);
        last = now;
        app.poll_export();
        app.poll_film(0.05);  // a few frames of a film, the window stays responsive

        UiRequests req;
        for (const auto& path : std::exchange(g_dropped, {})) {
            if (fs::is_directory(path) || fs::path(path).extension() == ".json") {
                if (!app.open(path))
                    app.messages.push_back(fill_in(_("could not open %s as an atlas"), {path}));
            } else {
                app.add_reference(path);
            }
        }

        // Script commands run before the frame is laid out, as a user's input would.
        std::string screenshot;
        if (script && frame >= 2) {
            script->step(app, req, app.camera.width, app.camera.height, screenshot);
            if (script->done() && opt.exit_after == 0) req.quit = true;
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        const float s = fonts.scale;
        PanelContext pc{app, fonts, s, req};
        MapDraw map_draws[2];
        const ImVec2 display = io.DisplaySize;
        const bool presenting = app.settings.presentation;
        float top = 0;
        if (!presenting) {
            draw_menu_bar(pc);
            top = ImGui::GetFrameHeight();
        }
        const float timeline_h = std::min(display.y * 0.4f, app.settings.timeline_height * s);
        const float left_w = presenting || !app.settings.show_left
                                 ? 0
                                 : std::min(display.x * 0.25f, app.settings.left_width * s);
        const float right_w = presenting || !app.settings.show_right
                                  ? 0
                                  : std::min(display.x * 0.25f, app.settings.right_width * s);
        const float mid_h = std::max(1.0f, display.y - top - timeline_h);
        if (left_w > 0) draw_left_panel(pc, 0, top, left_w, mid_h);
        if (right_w > 0) draw_right_panel(pc, display.x - right_w, top, right_w, mid_h);
        draw_timeline(pc, 0, top + mid_h, display.x, timeline_h);

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        map = {left_w, top, std::max(1.0f, display.x - left_w - right_w), mid_h,
               display.x > 0 ? static_cast<float>(fb_w) / display.x : 1.0f};
        const float text_scale = overlay_text_scale(s, map.w, map.h);
        app.preview_scale = s * text_scale;
        if (app.doc) {
            // Side by side, the shared camera frames one half; a swipe cuts one full picture.
            CompareSides sides;
            if (app.compare) sides = compare_sides(app, map);
            const bool halves = app.compare && app.compare->layout == CompareLayout::SideBySide;
            const MapRect framed = halves ? sides.rect[0] : map;
            const float framed_scale = overlay_text_scale(s, framed.w, framed.h);
            if (!app.camera_set || req.fit) {
                const float band =
                    app.settings.overlays.caption
                        ? caption_band(ImGuiPainter(nullptr, fonts), app.doc->pane->overlay, framed.w, framed_scale) * map.fb_scale
                        : 0.0f;
                app.fit(framed.pixel_w(), framed.pixel_h(), band);
            }
            app.camera.width = std::max(1, halves ? sides.pixel_w[0] : map.pixel_w());
            app.camera.height = std::max(1, map.pixel_h());
            if (req.zoom_to_selected && !app.selected_territory.empty())
                app.zoom_to_territory(app.selected_territory, app.camera.width, app.camera.height);
            const bool over_right = halves && ImGui::GetIO().MousePos.x >= sides.rect[1].x;
            handle_map_mouse(app, over_right ? sides.rect[1] : framed);
            handle_keys(app, req, map);
            draw_export_dialog(pc, app.camera.width, app.camera.height);
            draw_film_dialog(pc);
            draw_trust_prompt(pc);
            if (app.compare) {
                app.preview_scale = s * framed_scale;
                draw_compare_overlays(pc, map, sides);
                for (int i = 0; i < 2; ++i) {
                    map_draws[i].on = true;
                    map_draws[i].pane = i == 0 ? &app.compare->left.style : &app.compare->right.style;
                    map_draws[i].cam = side_camera(app, sides, i);
                    map_draws[i].x = static_cast<int>(map.x * map.fb_scale) + sides.pixel_x[i];
                }
            } else {
                // The overlay works in ImGui units; the camera in framebuffer pixels.
                render::Camera ui_cam = app.camera;
                ui_cam.width = static_cast<int>(map.w);
                ui_cam.height = static_cast<int>(map.h);
                ui_cam.units_per_pixel *= map.fb_scale;
                ImGuiPainter painter(ImGui::GetBackgroundDrawList(), fonts);
                OverlayFrame of{&painter, map.x, map.y, map.w, map.h, ui_cam, &app.doc->view->geo(), text_scale};
                draw_overlay(of, app.doc->pane->overlay, app.doc->pane->labels, app.settings.overlays);
                map_draws[0] = {true, &app.doc->pane->style, app.camera, static_cast<int>(map.x * map.fb_scale)};
            }
        } else {
            handle_keys(app, req, map);
            const char* hint =
                _("No atlas is open. Drop an atlas.json (or its folder) here, or use File > Open.\n"
                  "Diagnostics, on the left, says what went wrong.");
            const ImVec2 size = ImGui::CalcTextSize(hint);
            ImGui::GetBackgroundDrawList()->AddText(
                {map.x + (map.w - size.x) / 2, map.y + (map.h - size.y) / 2},
                IM_COL32(60, 60, 60, 255), hint);
        }
        ImGui::Render();

        render::bind_screen(fb_w, fb_h);
        render::clear_screen(0xF2F2EFFF);
        if (app.doc)
            for (const MapDraw& d : map_draws) {
                if (!d.on) continue;
                render::bind_screen_rect(d.x, fb_h - static_cast<int>((map.y + map.h) * map.fb_scale), d.cam.width,
                                         d.cam.height);
                app.doc->view->draw(*d.pane, d.cam, app.preview_scale * map.fb_scale);
                render::bind_screen(fb_w, fb_h);
            }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        const bool last_frame = opt.exit_after > 0 && frame >= opt.exit_after;
        if (!opt.screenshot.empty() && (last_frame || (opt.exit_after == 0 && frame == 3)))
            screenshot = opt.screenshot;
        if (!screenshot.empty()) {
            const Result<> written = render::write_png(screenshot, fb_w, fb_h, render::read_screen(fb_w, fb_h),
                                                       {{"Software", "Chronomap"}});
            if (!written) {
                std::cerr << "chronomap: screenshot: " << printable(written.message()) << '\n';
                screenshot_failed = true;
            }
        }
        glfwSwapBuffers(window);

        if (req.rebuild_fonts) fonts = rebuild_fonts(app, content_scale);
        if (!req.open_atlas.empty() && !app.open(req.open_atlas))
            app.messages.push_back(fill_in(_("could not open %s"), {req.open_atlas}));
        if (!req.add_reference.empty()) app.add_reference(req.add_reference);
        if (req.toggle_fullscreen) {
            GLFWmonitor* monitor = glfwGetPrimaryMonitor();
            if (!fullscreen && monitor) {
                glfwGetWindowPos(window, &windowed[0], &windowed[1]);
                glfwGetWindowSize(window, &windowed[2], &windowed[3]);
                const GLFWvidmode* mode = glfwGetVideoMode(monitor);
                glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height,
                                     mode->refreshRate);
            } else {
                glfwSetWindowMonitor(window, nullptr, windowed[0], windowed[1], windowed[2],
                                     windowed[3], 0);
            }
            fullscreen = !fullscreen;
        }
        if (req.quit || last_frame) glfwSetWindowShouldClose(window, GLFW_TRUE);
    }

    if (!fullscreen)
        glfwGetWindowSize(window, &app.settings.window_width, &app.settings.window_height);
    if (app.doc)
        app.settings.views[app.settings.last_atlas] = {app.camera.center_x, app.camera.center_y,
                                                       app.camera.units_per_pixel};
    if (auto saved = save_settings(app.settings, settings_file); !saved)
        std::cerr << "chronomap: settings: " << saved.message() << '\n';
    int code = screenshot_failed ? kInternal : kOk;
    if (script)
        for (const auto& p : script->problems()) {
            std::cerr << printable(p) << '\n';
            code = kInputErrors;
        }
    app.export_job.reset();
    app.film_job.reset();
    app.compare.reset();
    app.doc.reset();  // GL objects go while the context is alive
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return code;
}

}  // namespace chronomap::gui

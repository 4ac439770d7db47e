#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <imgui.h>

#include "panels.h"

namespace chronomap::gui {
namespace {

struct Preset {
    const char* name;
    int w, h;
};
// 0 x 0 stands for the map as it is on screen.
constexpr Preset kPresets[] = {{"As on screen", 0, 0},
                               {"Full HD 1920 x 1080", 1920, 1080},
                               {"4K 3840 x 2160", 3840, 2160},
                               {"A4 landscape, 300 dpi (3508 x 2480)", 3508, 2480},
                               {"Custom", -1, -1}};

void path_prompt(const char* id, const char* hint, std::string& request) {
    static char buf[1024] = "";
    ImGui::SetNextItemWidth(420);
    if (ImGui::InputTextWithHint(id, hint, buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue) &&
        buf[0]) {
        request = buf;
        buf[0] = 0;
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace

void draw_menu_bar(PanelContext& c) {
    App& a = c.app;
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::BeginMenu("Open atlas...")) {
            path_prompt("##open", "path to atlas.json or its folder, then Enter",
                        c.requests.open_atlas);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Add reference layer...", a.doc != nullptr)) {
            path_prompt("##ref", "any vector file GDAL reads, then Enter",
                        c.requests.add_reference);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Export image...", "Ctrl+E", false, a.doc != nullptr))
            a.export_dialog_open = true;
        if (ImGui::MenuItem("Export animation...", nullptr, false, a.doc != nullptr)) a.film_dialog_open = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) c.requests.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Presentation", "F5", a.settings.presentation)) {
            a.settings.presentation = !a.settings.presentation;
            c.requests.rebuild_fonts = true;
        }
        if (ImGui::MenuItem("Full screen", "F11")) c.requests.toggle_fullscreen = true;
        if (ImGui::MenuItem("Fit the atlas", "F")) c.requests.fit = true;
        if (ImGui::MenuItem("Zoom to selected territory", "Z", false,
                            !a.selected_territory.empty()))
            c.requests.zoom_to_selected = true;
        ImGui::MenuItem("Side panels: events and options", nullptr, &a.settings.show_left);
        ImGui::MenuItem("Side panels: event card and territory", nullptr, &a.settings.show_right);
        ImGui::Separator();
        if (ImGui::MenuItem("De facto", "D", !a.settings.basis_de_jure))
            a.set_basis(Basis::DeFacto);
        if (ImGui::MenuItem("De jure", "J", a.settings.basis_de_jure)) a.set_basis(Basis::DeJure);
        if (ImGui::MenuItem("Claims", "C", a.settings.claims)) a.set_claims(!a.settings.claims);
        ImGui::Separator();
        if (ImGui::MenuItem("Compare two dates", nullptr, a.compare != nullptr, a.doc != nullptr)) {
            if (a.compare)
                a.stop_compare();
            else
                a.compare_with(a.date == a.doc->atlas().end ? a.doc->atlas().start : a.doc->atlas().end, a.basis());
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted(
            "Left/Right, Page Up/Down: previous/next event (presentation clickers send these)");
        ImGui::TextUnformatted("Home/End: start/end of the atlas    Space: play/pause");
        ImGui::TextUnformatted(
            "Drag the map to pan, wheel to zoom, click a territory to inspect it, double-click to "
            "zoom to it");
        ImGui::TextUnformatted(
            "+/-: zoom    Shift+arrows: pan    F: fit    F5: presentation    F11: full screen");
        ImGui::TextUnformatted("Ctrl+E: export an image    File > Export animation: a film");
        ImGui::EndMenu();
    }
    if (a.doc) {
        const std::string title = a.doc->atlas().title;
        ImGui::SameLine(std::max(
            0.0f, ImGui::GetWindowWidth() - ImGui::CalcTextSize(title.c_str()).x - 16 * c.s));
        ImGui::TextDisabled("%s", title.c_str());
    }
    ImGui::EndMainMenuBar();
}

std::string atlas_file_stem(const App& a) {
    namespace fs = std::filesystem;
    fs::path p = fs::absolute(a.doc->path).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();  // "maps/kars/"
    if (!fs::is_directory(p))
        p = p.filename() == "atlas.json" ? p.parent_path() : p.replace_extension();
    return p.filename().empty() ? "chronomap" : p.filename().string();
}

namespace {

std::string default_export_name(const App& a) { return atlas_file_stem(a) + "-" + a.date.iso() + ".png"; }

}  // namespace

void draw_export_dialog(PanelContext& c, int map_w, int map_h) {
    App& a = c.app;
    static int preset = 0, custom_w = 1920, custom_h = 1080;
    static char name[1024] = "";
    static OverlayOptions overlays;
    if (a.export_dialog_open && !ImGui::IsPopupOpen("Export image")) {
        ImGui::OpenPopup("Export image");
        std::snprintf(name, sizeof name, "%s", default_export_name(a).c_str());
        overlays = a.settings.overlays;
        a.export_result.clear();
    }
    ImGui::SetNextWindowSize({560 * c.s, 0});
    if (!ImGui::BeginPopupModal("Export image", &a.export_dialog_open)) return;
    const bool busy = a.export_job != nullptr;
    ImGui::BeginDisabled(busy);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", kPresets[preset].name)) {
        for (int i = 0; i < static_cast<int>(std::size(kPresets)); ++i)
            if (ImGui::Selectable(kPresets[i].name, i == preset)) preset = i;
        ImGui::EndCombo();
    }
    int w = kPresets[preset].w, h = kPresets[preset].h;
    if (w == 0) {
        w = map_w;
        h = map_h;
    } else if (w < 0) {
        ImGui::SetNextItemWidth(120 * c.s);
        ImGui::InputInt("width", &custom_w, 100, 1000);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120 * c.s);
        ImGui::InputInt("height", &custom_h, 100, 1000);
        custom_w = std::clamp(custom_w, 16, 16384);
        custom_h = std::clamp(custom_h, 16, 16384);
        w = custom_w;
        h = custom_h;
    }
    ImGui::Text("%d x %d pixels%s", w, h, std::max(w, h) > 4096 ? " (drawn in tiles)" : "");
    ImGui::Checkbox("Title and date", &overlays.title);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &overlays.legend);
    ImGui::SameLine();
    ImGui::Checkbox("Caption", &overlays.caption);
    ImGui::Checkbox("Sources", &overlays.source);
    ImGui::SameLine();
    ImGui::Checkbox("Scale bar", &overlays.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox("Labels", &overlays.labels);
    ImGui::SameLine();
    ImGui::Checkbox("Uncertainty", &overlays.uncertainty);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##file", name, sizeof name);
    ImGui::TextDisabled("A name ending in .svg or .pdf writes a vector map (text stays text in the PDF).");
    ImGui::EndDisabled();
    if (!busy && ImGui::Button("Export", {120 * c.s, 0})) {
        // The area on screen, so the image shows what the window shows, at the image's resolution.
        ExportRequest req = as_previewed(a.camera, a.preview_scale, w, h);
        req.date = a.date;
        req.view = a.basis();
        req.lang = a.settings.lang;
        req.overlays = overlays;
        req.with_claims = a.settings.claims;
        a.start_export(req, name);
    }
    if (busy) {
        ImGui::ProgressBar(a.export_job->progress(), {-1, 0});
    } else if (!a.export_result.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(a.export_result.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::SameLine();
    if (!busy && ImGui::Button("Close")) a.export_dialog_open = false;
    ImGui::EndPopup();
}

}  // namespace chronomap::gui

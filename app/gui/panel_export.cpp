// The export dialog: size presets, overlays, file name; and the names exports are given.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/gui/panels.h"

namespace chronomap::gui {
namespace {

struct Preset {
    const char* name;
    int w, h;
};
// 0 x 0 stands for the map as it is on screen.
constexpr Preset kPresets[] = {{N_("As on screen"), 0, 0},
                               {"Full HD 1920 x 1080", 1920, 1080},
                               {"4K 3840 x 2160", 3840, 2160},
                               {N_("A4 landscape, 300 dpi (3508 x 2480)"), 3508, 2480},
                               {N_("Custom"), -1, -1}};

}  // namespace

std::string default_file_name(const App& a, const char* folder_kind, const std::string& suffix) {
    namespace fs = std::filesystem;
    fs::path p = fs::absolute(a.doc->path).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();  // "maps/kars/"
    if (!fs::is_directory(p))
        p = p.filename() == "atlas.json" ? p.parent_path() : p.replace_extension();
    const std::string stem = p.filename().empty() ? "chronomap" : p.filename().string();
    return (fs::path(user_folder(folder_kind)) / (stem + suffix)).string();
}

namespace {

}  // namespace

void overlay_checkboxes(OverlayOptions& o) {
    ImGui::Checkbox(_("Title and date"), &o.title);
    ImGui::SameLine();
    ImGui::Checkbox(_("Legend"), &o.legend);
    ImGui::SameLine();
    ImGui::Checkbox(_("Caption"), &o.caption);
    ImGui::Checkbox(_("Sources"), &o.source);
    ImGui::SameLine();
    ImGui::Checkbox(_("Scale bar"), &o.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox(_("Labels"), &o.labels);
    ImGui::SameLine();
    ImGui::Checkbox(_("Uncertainty"), &o.uncertainty);
    ImGui::Checkbox(_("Title, legend and sources beside the map"), &o.column);
}

void draw_export_dialog(PanelContext& c, int map_w, int map_h) {
    App& a = c.app;
    auto& [preset, custom_w, custom_h, name, overlays] = a.panels.export_dialog;
    if (a.export_dialog_open && !ImGui::IsPopupOpen(_("Export image"))) {
        ImGui::OpenPopup(_("Export image"));
        std::snprintf(name, sizeof name, "%s", default_file_name(a, "PICTURES", "-" + a.date.iso() + ".png").c_str());
        overlays = a.shown_overlays();
        a.export_result.clear();
    }
    ImGui::SetNextWindowSize({560 * c.ui_scale, 0});
    if (!ImGui::BeginPopupModal(_("Export image"), &a.export_dialog_open)) return;
    const bool busy = a.export_job != nullptr;
    ImGui::BeginDisabled(busy);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##preset", _(kPresets[preset].name))) {
        for (int i = 0; i < static_cast<int>(std::size(kPresets)); ++i)
            if (ImGui::Selectable(_(kPresets[i].name), i == preset)) preset = i;
        ImGui::EndCombo();
    }
    int w = kPresets[preset].w, h = kPresets[preset].h;
    if (w == 0) {
        w = map_w;
        h = map_h;
    } else if (w < 0) {
        ImGui::SetNextItemWidth(120 * c.ui_scale);
        ImGui::InputInt(_("width"), &custom_w, 100, 1000);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120 * c.ui_scale);
        ImGui::InputInt(_("height"), &custom_h, 100, 1000);
        custom_w = std::clamp(custom_w, 16, 16384);
        custom_h = std::clamp(custom_h, 16, 16384);
        w = custom_w;
        h = custom_h;
    }
    ImGui::Text(_n("%d x %d pixel%s", "%d x %d pixels%s", h), w, h, std::max(w, h) > 4096 ? _(" (drawn in tiles)") : "");
    overlay_checkboxes(overlays);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##file", name, sizeof name);
    ImGui::TextDisabled(_("A name ending in .svg or .pdf writes a vector map (text stays text in the PDF)."));
    ImGui::EndDisabled();
    if (!busy && ImGui::Button(_("Export"), {120 * c.ui_scale, 0})) {
        // The area on screen, so the image shows what the window shows, at the image's resolution.
        ExportRequest req = as_previewed(a.camera, a.preview_scale, w, h);
        req.date = a.date;
        req.basis = a.basis();
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
    if (!busy && ImGui::Button(_("Close"))) a.export_dialog_open = false;
    ImGui::EndPopup();
}

}  // namespace chronomap::gui

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/gui/panels.h"

namespace chronomap::gui {
void draw_menu_bar(PanelContext& c) {
    App& a = c.app;
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(_("File"))) {
        if (ImGui::MenuItem(_("Open atlas..."), "Ctrl+O")) open_file_browser(a, BrowsePurpose::OpenAtlas);
        if (ImGui::MenuItem(_("Add reference layer..."), nullptr, false, a.doc != nullptr))
            open_file_browser(a, BrowsePurpose::AddReference);
        if (ImGui::MenuItem(_("Export image..."), "Ctrl+E", false, a.doc != nullptr))
            a.export_dialog_open = true;
        if (ImGui::MenuItem(_("Export animation..."), nullptr, false, a.doc != nullptr)) a.film_dialog_open = true;
        if (ImGui::MenuItem(_("Export events as a workbook..."), nullptr, false, a.doc != nullptr))
            a.workbook_dialog_open = true;
        if (ImGui::MenuItem(_("New lesson / edit lesson..."))) a.lesson_editor_open = true;
        if (ImGui::MenuItem(_("Georeference a scan..."))) a.georeferencer_open = true;
        ImGui::Separator();
        if (ImGui::MenuItem(_("Quit"), "Ctrl+Q")) c.requests.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(_("View"))) {
        if (ImGui::MenuItem(_("Presentation"), "F5", a.settings.presentation)) {
            a.settings.presentation = !a.settings.presentation;
            c.requests.rebuild_fonts = true;
        }
        if (ImGui::MenuItem(_("Full screen"), "F11")) c.requests.toggle_fullscreen = true;
        if (ImGui::MenuItem(_("Fit the atlas"), "F")) c.requests.fit = true;
        if (ImGui::MenuItem(_("Zoom to selected territory"), "Z", false,
                            !a.selected_territory.empty()))
            c.requests.zoom_to_selected = true;
        ImGui::MenuItem(_("Side panels: events and options"), nullptr, &a.settings.show_left);
        ImGui::MenuItem(_("Side panels: event card and territory"), nullptr, &a.settings.show_right);
        ImGui::Separator();
        if (ImGui::MenuItem(_("De facto"), "D", !a.settings.basis_de_jure))
            a.set_basis(Basis::DeFacto);
        if (ImGui::MenuItem(_("De jure"), "J", a.settings.basis_de_jure)) a.set_basis(Basis::DeJure);
        if (ImGui::MenuItem(_("Claims"), "C", a.settings.claims)) a.set_claims(!a.settings.claims);
        ImGui::Separator();
        if (ImGui::MenuItem(_("Compare two dates"), nullptr, a.compare != nullptr, a.doc != nullptr)) {
            if (a.compare)
                a.stop_compare();
            else
                a.compare_with(a.date == a.doc->atlas().end ? a.doc->atlas().start : a.doc->atlas().end, a.basis());
        }
        if (ImGui::MenuItem(_("Study the selected territory"), nullptr, !a.study_territory.empty(),
                            a.doc != nullptr && !a.selected_territory.empty()))
            a.study_territory = a.study_territory.empty() ? a.selected_territory : "";
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(_("Help"))) {
        ImGui::TextUnformatted(
            _("Left/Right, Page Up/Down: previous/next event (presentation clickers send these)"));
        ImGui::TextUnformatted(_("Home/End: start/end of the atlas    Space: play/pause"));
        ImGui::TextUnformatted(
            _("Drag the map to pan, wheel to zoom, click a territory to inspect it, double-click to "
            "zoom to it"));
        ImGui::TextUnformatted(
            _("+/-: zoom    Shift+arrows: pan    F: fit    F5: presentation    F11: full screen"));
        ImGui::TextUnformatted(_("Ctrl+E: export an image    File > Export animation: a film"));
        ImGui::EndMenu();
    }
    if (a.doc) {
        const std::string title = visual_line(a.doc->atlas().title);
        ImGui::SameLine(std::max(
            0.0f, ImGui::GetWindowWidth() - ImGui::CalcTextSize(title.c_str()).x - 16 * c.ui_scale));
        ImGui::TextDisabled("%s", title.c_str());
    }
    ImGui::EndMainMenuBar();
}

}  // namespace chronomap::gui

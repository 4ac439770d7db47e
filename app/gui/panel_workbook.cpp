// File > Export events as a workbook: the atlas's events, powers, sources and claims in one
// spreadsheet (data/formats/workbook.h), for a teacher to edit in Excel or LibreOffice and name
// in the manifest.
#include <cstdio>

#include <imgui.h>

#include "app/gui/app.h"
#include "app/gui/panels.h"
#include "app/view/overlay/i18n.h"

namespace chronomap::gui {

void draw_workbook_dialog(PanelContext& c) {
    App& a = c.app;
    char* name = a.panels.workbook_dialog.file_name;
    const std::size_t size = sizeof a.panels.workbook_dialog.file_name;
    const char* title = _("Export events as a workbook");
    if (a.workbook_dialog_open && a.doc && !ImGui::IsPopupOpen(title)) {
        ImGui::OpenPopup(title);
        std::snprintf(name, size, "%s", default_file_name(a, "DOCUMENTS", "-events.xlsx").c_str());
        a.workbook_result.clear();
    }
    ImGui::SetNextWindowSize({560 * c.ui_scale, 0});
    if (!ImGui::BeginPopupModal(title, &a.workbook_dialog_open)) return;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(_("One sheet each for events (a change a row), powers, sources and claims, and one that "
                             "explains every column. Name it in the atlas's manifest (\"workbook\") to edit the "
                             "atlas in a spreadsheet."));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##file", name, size);
    ImGui::TextDisabled(_("A name ending in .xlsx or .ods writes a spreadsheet; any other, a folder of CSV files."));
    if (ImGui::Button(_("Export"), {120 * c.ui_scale, 0})) (void)a.export_workbook(name);
    ImGui::SameLine();
    if (ImGui::Button(_("Close"))) a.workbook_dialog_open = false;
    if (!a.workbook_result.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(a.workbook_result.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::EndPopup();
}

}  // namespace chronomap::gui

// The question an atlas that reaches outside its folder puts to the user (source_policy.h): it
// opens without those sources, and this prompt lists them, so that an atlas from a stranger
// reads and contacts nothing beyond its folder unless the user says so.
#include <imgui.h>

#include "data/validate/diagnostics.h"
#include "app/view/overlay/i18n.h"
#include "app/gui/panels.h"

namespace chronomap::gui {

void draw_trust_prompt(PanelContext& c) {
    App& a = c.app;
    const char* title = _("Sources outside the atlas folder");
    if (a.external_request && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize({640 * c.ui_scale, 0});
    if (!ImGui::BeginPopupModal(title, nullptr)) return;
    if (!a.external_request) {  // answered elsewhere (a script, another atlas opened)
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextWrapped("%s", _("This atlas asks to read files outside its folder, or to connect to a server or "
                               "database. It was opened without them. Allow them only if you trust whoever made "
                               "the atlas: they can read your files or reach services on your network."));
    ImGui::Spacing();
    for (const auto& source : a.external_request->sources) ImGui::BulletText("%s", printable(source).c_str());
    ImGui::Spacing();
    if (ImGui::Button(_("Allow and reopen"))) {
        a.allow_external();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(_("Keep them refused"))) {
        a.refuse_external();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace chronomap::gui

#include <algorithm>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/gui/panels.h"

namespace chronomap::gui {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

const char* role_name(LayerRole r) {
    static const char* const kNames[] = {N_("territories"), N_("places"), N_("reference"), N_("scanned map")};
    return _(kNames[static_cast<std::size_t>(r)]);
}

// Languages offered: the interface's, then any other a territory or power has a name in.
std::vector<std::string> languages(const Atlas& atlas) {
    std::vector<std::string> out;
    for (const char* const* l = ui_languages(); *l; ++l) out.emplace_back(*l);
    auto add = [&](const Names& n) {
        for (const auto& [lang, name] : n.by_lang)
            if (std::find(out.begin(), out.end(), lang) == out.end()) out.push_back(lang);
    };
    for (const auto& p : atlas.powers) add(p.names);
    for (const auto& l : atlas.layers)
        for (const auto& f : l.features) add(f.names);
    return out;
}

// A panel pinned to a side of the window whose width the user can drag.
bool begin_side_panel(const char* name, float x, float y, float w, float h, float& stored_width,
                      float s) {
    ImGui::SetNextWindowPos({x, y});
    ImGui::SetNextWindowSize({w, h});
    ImGui::SetNextWindowSizeConstraints({std::min(200 * s, w), h}, {std::max(w, 900 * s), h});
    const bool open = ImGui::Begin(name, nullptr, kPanelFlags);
    const float now = ImGui::GetWindowWidth();
    if (std::abs(now - w) > 0.5f) stored_width = now / s;
    return open;
}

}  // namespace

void draw_options(PanelContext& c) {
    App& a = c.app;
    Settings& st = a.settings;
    ImGui::TextDisabled(_("View"));
    int basis = st.basis_de_jure ? 1 : 0;
    if (ImGui::RadioButton(_("De facto: who held control"), &basis, 0)) a.set_basis(Basis::DeFacto);
    if (ImGui::RadioButton(_("De jure: treaties in force"), &basis, 1)) a.set_basis(Basis::DeJure);
    bool claims = st.claims;
    if (ImGui::Checkbox(_("Claims (a band in the claimant's colour)"), &claims)) a.set_claims(claims);
    if (ImGui::Checkbox(_("Reference layers (modern borders, coasts)"), &st.show_reference) && a.doc)
        a.doc->view->show_reference = st.show_reference;
    bool uncertainty = st.overlays.uncertainty;
    if (ImGui::Checkbox(_("Uncertainty (soft and dashed borders, uncertain dates)"), &uncertainty))
        a.set_uncertainty(uncertainty);
    ImGui::Checkbox(_("Animate changes"), &a.enable_animation);
    ImGui::Separator();
    ImGui::TextDisabled(_("On the map"));
    ImGui::Checkbox(_("Title and date"), &st.overlays.title);
    ImGui::Checkbox(_("Legend"), &st.overlays.legend);
    ImGui::Checkbox(_("Caption of the current event"), &st.overlays.caption);
    ImGui::Checkbox(_("Sources"), &st.overlays.source);
    ImGui::Checkbox(_("Scale bar"), &st.overlays.scale_bar);
    ImGui::Checkbox(_("Labels"), &st.overlays.labels);
    if (ImGui::Checkbox(_("Title, legend and sources beside the map"), &st.overlays.column)) c.requests.fit = true;
    ImGui::Separator();
    ImGui::TextDisabled(_("Names"));
    if (a.doc) {
        ImGui::SetNextItemWidth(120 * c.ui_scale);
        if (ImGui::BeginCombo(_("Language"), st.lang.c_str())) {
            for (const auto& l : languages(a.doc->atlas())) {
                const char* name = language_name(l);
                const std::string label = name ? std::string(name) + " (" + l + ")" : l;
                if (ImGui::Selectable(label.c_str(), l == st.lang)) a.set_lang(l);
            }
            ImGui::EndCombo();
        }
    }
    ImGui::Separator();
    ImGui::TextDisabled(_("Interface"));
    ImGui::SetNextItemWidth(160 * c.ui_scale);
    float scale = st.ui_scale;
    if (ImGui::SliderFloat(_("UI scale"), &scale, 1.0f, 3.0f, "%.2fx")) st.ui_scale = scale;
    if (ImGui::IsItemDeactivatedAfterEdit()) c.requests.rebuild_fonts = true;
    ImGui::SetNextItemWidth(160 * c.ui_scale);
    // Applied when let go: each size rebuilds the fonts.
    float& dragged = a.panels.map_text_dragged;
    float percent = dragged > 0 ? dragged : st.map_text * 100;
    if (ImGui::SliderFloat(_("Map text"), &percent, 50, 200, "%.0f%%")) dragged = percent;
    if (ImGui::IsItemDeactivatedAfterEdit()) st.map_text = percent / 100;
    if (!ImGui::IsItemActive()) dragged = 0;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", _("Title, legend, caption and names on the map. In presentation (F5) they are "
                                  "sized to be read across a room, times this."));
    if (a.doc) {
        ImGui::Separator();
        ImGui::TextDisabled(_("Layers"));
        for (std::size_t i = 0; i < a.doc->atlas().layers.size(); ++i) {
            const Layer& layer = a.doc->atlas().layers[i];
            char text[512];
            std::snprintf(text, sizeof text, _("%s (%s, %zu features)%s"), layer.names.get(c.lang, layer.name).c_str(),
                          role_name(layer.role), layer.features.size(), layer.loaded ? "" : _(" - not loaded"));
            if (layer.role != LayerRole::Reference && layer.role != LayerRole::Raster) {
                ImGui::BulletText("%s", text);
                continue;
            }
            bool visible = layer.visible;  // a reference or raster layer can be switched off
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Checkbox(text, &visible)) c.requests.show_layer = std::pair{i, visible};
            if (layer.role == LayerRole::Raster && layer.visible) {
                // A scanned map's opacity where it is shown in full; it fades in and out around its dates.
                float percent = a.doc->atlas().layers[i].opacity * 100;
                ImGui::Indent();
                ImGui::SetNextItemWidth(-1);
                if (ImGui::SliderFloat("##opacity", &percent, 0, 100, _("opacity %.0f%%"))) a.set_opacity(i, percent / 100);
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
        ImGui::TextDisabled(_("Drop a vector file onto the window to add it as a reference layer."));
    }
}

void draw_diagnostics(PanelContext& c) {
    App& a = c.app;
    ImGui::PushTextWrapPos(0);
    for (const auto& m : a.messages)
        ImGui::TextColored(ImVec4(0.55f, 0.35f, 0, 1), "%s", m.c_str());
    if (a.doc) {
        const auto& items = a.doc->loaded.diagnostics.items();
        if (items.empty() && a.messages.empty())
            ImGui::TextUnformatted(_("No problems found in this atlas."));
        for (const auto& d : items)
            ImGui::TextColored(d.severity == Severity::Error ? ImVec4(0.75f, 0.1f, 0.1f, 1)
                                                             : ImVec4(0.55f, 0.35f, 0, 1),
                               "%s", d.format().c_str());
    }
    ImGui::PopTextWrapPos();
}

void legend_panel(PanelContext& c) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    ImGui::TextDisabled(_("Powers (colour of the territories they control)"));
    for (const auto& p : atlas.powers) {
        const float h = ImGui::GetTextLineHeight();
        colour_square(p.rgba, 1.6f * h, h);
        atlas_text(p.names.get(a.settings.lang, p.id));
        if (!p.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.note.c_str());
    }
    ImGui::Spacing();
    ImGui::TextDisabled(_("Status (pattern over the colour)"));
    for (Status s : {Status::Integral, Status::Autonomous, Status::Occupied, Status::Administered,
                     Status::SelfDeclared})
        ImGui::BulletText("%s: %s", status_legend(s),
                          s == Status::Integral       ? _("plain colour")
                          : s == Status::Autonomous   ? _("diagonal hatching")
                          : s == Status::Occupied     ? _("dots")
                          : s == Status::Administered ? _("cross-hatching")
                                                      : _("horizontal stripes"));
    ImGui::BulletText(_("claims: a wide band along the border, in the claimant's colour"));
    ImGui::BulletText(_("recent change: a yellow outline for a moment"));
}

void draw_left_panel(PanelContext& c, float x, float y, float w, float h) {
    App& a = c.app;
    if (begin_side_panel("##left", x, y, w, h, a.settings.left_width, c.ui_scale) &&
        ImGui::BeginTabBar("left")) {
        if (a.doc && ImGui::BeginTabItem(_("Events"))) {
            draw_event_list(c);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(_("Layers & options"))) {
            draw_options(c);
            ImGui::EndTabItem();
        }
        std::size_t problems =
            a.messages.size() + (a.doc ? a.doc->loaded.diagnostics.items().size() : 0);
        const std::string label = std::string(_("Diagnostics")) + " (" + std::to_string(problems) + ")###diag";
        if (ImGui::BeginTabItem(label.c_str())) {
            draw_diagnostics(c);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

void draw_right_panel(PanelContext& c, float x, float y, float w, float h) {
    App& a = c.app;
    if (begin_side_panel("##right", x, y, w, h, a.settings.right_width, c.ui_scale) && a.doc &&
        ImGui::BeginTabBar("right")) {
        std::string& last_territory = a.panels.inspected_territory;
        const bool territory_changed = a.selected_territory != last_territory;
        last_territory = a.selected_territory;
        bool& was_comparing = a.panels.was_comparing;
        const bool comparing = a.compare != nullptr;
        if (comparing && ImGui::BeginTabItem(_("Compare"), nullptr, !was_comparing ? ImGuiTabItemFlags_SetSelected : 0)) {
            draw_compare_panel(c);
            ImGui::EndTabItem();
        }
        was_comparing = comparing;
        // An event chosen anywhere (a history entry, the list, a marker) shows its card.
        const bool event_chosen = a.selected_event && a.selected_event != a.panels.carded_event;
        a.panels.carded_event = a.selected_event;
        if (ImGui::BeginTabItem(_("Event"), nullptr, event_chosen ? ImGuiTabItemFlags_SetSelected : 0)) {
            const Event* e =
                a.selected_event
                    ? a.selected_event
                    : a.doc->timeline->previous_event(Date{a.date.day + 1, Precision::Day});
            if (e)
                event_card(c, *e);
            else
                ImGui::TextDisabled(_("No event yet on this date."));
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(_("Territory"), nullptr,
                                territory_changed && !a.selected_territory.empty()
                                    ? ImGuiTabItemFlags_SetSelected
                                    : 0)) {
            inspector(c, a.selected_territory);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(_("Legend"))) {
            legend_panel(c);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace chronomap::gui

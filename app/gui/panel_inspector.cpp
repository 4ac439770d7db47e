#include <algorithm>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"
#include "app/gui/history_axis.h"
#include "app/gui/panels.h"

namespace chronomap::gui {
namespace {

// The precision_field of the layer that holds `f`.
std::string precision_field_of(const Atlas& atlas, const Feature& f) {
    for (const Layer& layer : atlas.layers)
        if (!layer.features.empty() && &f >= &layer.features.front() && &f <= &layer.features.back())
            return layer.precision_field;
    return {};
}

// For a power the data names (a snapshot's field value): make it one with another, as two names
// of one state ("Poland", "Polish-Lithuanian Commonwealth") or a stray value ("3") should be.
void same_state_as(PanelContext& c, const std::string& power) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    const Power* p = atlas.find_power(power);
    if (!p || p->note.rfind("named by the data", 0) != 0) return;
    static std::string chosen, chosen_for;  // the choice, for the power it was made for
    if (chosen_for != power) chosen.clear();
    chosen_for = power;
    ImGui::PushID("same-state");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    const std::string shown = chosen.empty() ? _("the same state as...") : atlas.power_name(chosen, c.lang);
    if (ImGui::BeginCombo("##as", shown.c_str())) {
        for (const auto& other : atlas.powers)
            if (other.id != power && ImGui::Selectable(atlas.power_name(other.id, c.lang).c_str(), other.id == chosen))
                chosen = other.id;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(chosen.empty());
    if (ImGui::SmallButton(_("Make them one"))) {
        c.requests.alias_power = std::pair{power, chosen};  // the atlas is opened again after the frame
        chosen.clear();
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

}  // namespace

void inspector(PanelContext& c, const std::string& id) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    const Feature* f = atlas.find_territory(id, a.date);
    if (!f) {
        ImGui::TextDisabled(_("Click a territory on the map to see its history."));
        return;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(c.fonts.title);
    atlas_text(f->names.get(a.settings.lang, id));
    ImGui::PopFont();
    std::string names;
    for (const auto& [lang, name] : f->names.by_lang)
        names += (names.empty() ? "" : "  \xC2\xB7  ") + name + " (" + lang + ")";
    atlas_text(names);
    if (auto st = a.doc->timeline->territory_state(id, a.date, a.basis()); st && st->known) {
        char head[160];
        std::snprintf(head, sizeof head, _("On %s:"), a.date.readable(a.settings.lang).c_str());
        std::string line = std::string(head) + " " + control_label(atlas, st->controller, st->status, a.settings.lang);
        line += " (" + std::string(_("since")) + " " + st->since.readable(a.settings.lang) + ")";
        atlas_text(line, false, Paragraph::LeftToRight);
        same_state_as(c, std::string(st->controller));
        const auto parents = parents_at(atlas, std::string(st->controller), a.date);
        if (!parents.empty()) {
            std::string within;
            for (const auto& p : parents) within += (within.empty() ? "" : ", ") + atlas.power_name(p, c.lang);
            ImGui::TextDisabled(_("within %s"), within.c_str());
        }
    } else {
        ImGui::TextDisabled(_("No control recorded on %s."), a.date.readable(c.lang).c_str());
    }
    // The layer's precision_field, in the interface's language when the atlas gives it
    // ("precision_ru"), as names are.
    if (const std::string field = precision_field_of(atlas, *f); !field.empty()) {
        auto precision = f->properties.find(field + "_" + c.lang);
        if (precision == f->properties.end()) precision = f->properties.find(field);
        if (precision != f->properties.end()) ImGui::TextDisabled(_("Extent: %s"), precision->second.c_str());
    }
    if (auto it = f->properties.find("note"); it != f->properties.end())
        atlas_text(it->second, true);
    ImGui::Spacing();
    history_band(c, id, a.basis(), HistoryAxis(atlas.start, atlas.end, a.doc->timeline->history(id)),
                 ImGui::GetContentRegionAvail().x);
    if (ImGui::SmallButton(_("Study: both views side by side"))) a.study_territory = id;
    ImGui::Spacing();
    ImGui::TextDisabled(_("History (%s)"), a.basis() == Basis::DeJure ? "de jure" : "de facto");
    for (const auto& h : a.doc->timeline->history(id)) {
        if (!applies_to(h.basis, a.basis())) continue;
        ImGui::PushID(h.change);
        const std::string label = h.effective.readable(c.lang) + ": " +
                                  control_label(atlas, h.change->controller, h.change->status, a.settings.lang);
        if (ImGui::Selectable(visual_line(label, Paragraph::LeftToRight).c_str(), h.event == a.selected_event)) a.select_event(h.event);
        ImGui::Indent();
        const std::string src = source_refs(atlas, h.event->sources);
        atlas_text(h.event->title);
        if (!src.empty()) ImGui::TextDisabled(_("Sources: %s"), src.c_str());
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace chronomap::gui

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

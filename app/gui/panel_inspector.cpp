#include <algorithm>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"
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

// The territory's controller through time, as a band of colours over the atlas's range.
void history_band(PanelContext& c, const std::string& id) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    const float w = ImGui::GetContentRegionAvail().x, h = 22 * c.ui_scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double start = static_cast<double>(atlas.start.day),
                 span = std::max(1.0, static_cast<double>(atlas.end.day) - start);
    auto x_of = [&](Date d) {
        return p.x + static_cast<float>((static_cast<double>(d.day) - start) / span) * w;
    };
    dl->AddRectFilled(p, {p.x + w, p.y + h}, IM_COL32(235, 235, 235, 255));
    const auto entries = a.doc->timeline->history(id);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!applies_to(entries[i].basis, a.basis())) continue;
        Date until = atlas.end;
        for (std::size_t j = i + 1; j < entries.size(); ++j)
            if (applies_to(entries[j].basis, a.basis())) {
                until = entries[j].effective;
                break;
            }
        const Power* pw = atlas.find_power(entries[i].change->controller);
        const float x0 = std::max(p.x, x_of(entries[i].effective)),
                    x1 = std::min(p.x + w, x_of(until));
        if (x1 > x0)
            dl->AddRectFilled({x0, p.y}, {x1, p.y + h}, im_colour(pw ? pw->rgba : 0x808080FF));
        if (entries[i].change->status != Status::Integral && x1 > x0) {  // hatched, as on the map
            dl->PushClipRect({x0, p.y}, {x1, p.y + h}, true);
            for (float hx = x0 - h; hx < x1; hx += 6 * c.ui_scale)
                dl->AddLine({hx, p.y + h}, {hx + h, p.y}, IM_COL32(255, 255, 255, 150), 1.0f);
            dl->PopClipRect();
        }
    }
    const float now = x_of(a.date);
    dl->AddLine({now, p.y - 3}, {now, p.y + h + 3}, IM_COL32(200, 30, 30, 255), 2.0f * c.ui_scale);
    ImGui::InvisibleButton("##band", {w, h});
    if (ImGui::IsItemHovered()) {
        const double day = start + (ImGui::GetIO().MousePos.x - p.x) / w * span;
        const Date d{static_cast<std::int64_t>(day), Precision::Day};
        if (auto st = a.doc->timeline->territory_state(id, d, a.basis()); st && st->known) {
            ImGui::SetTooltip("%s: %s", d.readable(c.lang).c_str(),
                              control_label(atlas, st->controller, st->status, a.settings.lang).c_str());
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) a.set_date(d);
    }
    ImGui::TextDisabled("%s", atlas.start.readable(c.lang).c_str());
    ImGui::SameLine(std::max(0.0f, w - ImGui::CalcTextSize(atlas.end.readable(c.lang).c_str()).x));
    ImGui::TextDisabled("%s", atlas.end.readable(c.lang).c_str());
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
    history_band(c, id);
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

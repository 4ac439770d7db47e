// One territory studied: its history as bands of colour on an axis that gives eventful years
// room (HistoryAxis), in the inspector for the window's view and in the study window for both
// views side by side, with each change a link to its event and the notes beside it.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/gui/history_axis.h"
#include "app/gui/panels.h"
#include "app/view/overlay/bidi_text.h"
#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"

namespace chronomap::gui {
namespace {

// The stretch each entry of `basis` holds, from its date until the next entry of that view.
template <typename Fn>
void for_each_stretch(const std::vector<HistoryEntry>& entries, Basis basis, Date end, Fn&& fn) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!applies_to(entries[i].basis, basis)) continue;
        Date until = end;
        for (std::size_t j = i + 1; j < entries.size(); ++j)
            if (applies_to(entries[j].basis, basis)) {
                until = entries[j].effective;
                break;
            }
        fn(entries[i], until);
    }
}

// Year labels under the band at the stretches' starts, skipping those that would overlap.
void axis_labels(PanelContext& c, const HistoryAxis& axis, ImVec2 p, float w) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* font = c.fonts.small;
    float free_from = p.x - 1;
    std::string last;
    for (const std::int64_t day : axis.breaks()) {
        const std::string label = year_label(Date{day, Precision::Day}.year());
        if (label == last) continue;  // three changes in 1918: one "1918"
        last = label;
        const float tw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
        const float x = std::clamp(p.x + static_cast<float>(axis.fraction_of(day)) * w - tw / 2, p.x, p.x + w - tw);
        if (x < free_from) continue;
        dl->AddLine({x + tw / 2, p.y}, {x + tw / 2, p.y + 3 * c.ui_scale}, IM_COL32(90, 90, 90, 255));
        dl->AddText(font, font->FontSize, {x, p.y + 3 * c.ui_scale}, IM_COL32(70, 70, 70, 255), label.c_str());
        free_from = x + tw + 6 * c.ui_scale;
    }
    ImGui::Dummy({w, font->FontSize + 4 * c.ui_scale});
}

}  // namespace

void history_band(PanelContext& c, const std::string& id, Basis basis, const HistoryAxis& axis, float w) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    const float h = 22 * c.ui_scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](Date d) { return p.x + static_cast<float>(axis.fraction_of(d.day)) * w; };
    dl->AddRectFilled(p, {p.x + w, p.y + h}, IM_COL32(235, 235, 235, 255));
    for_each_stretch(a.doc->timeline->history(id), basis, atlas.end, [&](const HistoryEntry& e, Date until) {
        const Power* pw = atlas.find_power(e.change->controller);
        const float x0 = std::max(p.x, x_of(e.effective)), x1 = std::min(p.x + w, x_of(until));
        if (x1 <= x0) return;
        dl->AddRectFilled({x0, p.y}, {x1, p.y + h}, im_colour(pw ? pw->rgba : 0x808080FF));
        if (e.change->status != Status::Integral) {  // hatched, as on the map
            dl->PushClipRect({x0, p.y}, {x1, p.y + h}, true);
            for (float hx = x0 - h; hx < x1; hx += 6 * c.ui_scale)
                dl->AddLine({hx, p.y + h}, {hx + h, p.y}, IM_COL32(255, 255, 255, 150), 1.0f);
            dl->PopClipRect();
        }
        dl->AddLine({x0, p.y}, {x0, p.y + h}, IM_COL32(255, 255, 255, 200), 1.0f);  // each change shows
    });
    const float now = x_of(a.date);
    dl->AddLine({now, p.y - 3}, {now, p.y + h + 3}, IM_COL32(200, 30, 30, 255), 2.0f * c.ui_scale);
    ImGui::PushID(static_cast<int>(basis));
    ImGui::InvisibleButton("##band", {w, h});
    ImGui::PopID();
    if (ImGui::IsItemHovered()) {
        const Date d{axis.day_at((ImGui::GetIO().MousePos.x - p.x) / w), Precision::Day};
        if (auto st = a.doc->timeline->territory_state(id, d, basis); st && st->known)
            ImGui::SetTooltip("%s: %s", d.readable(c.lang).c_str(),
                              control_label(atlas, st->controller, st->status, a.settings.lang).c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) a.set_date(d);
    }
    axis_labels(c, axis, ImGui::GetCursorScreenPos(), w);
}

namespace {

const ImVec4 kSourceInk{0.3f, 0.3f, 0.3f, 1};

// One change in one view's column: who held the territory after it, the event as a link, its
// sources, and the change's own note (where the sources disagree, most often).
void study_cell(PanelContext& c, const HistoryEntry& h) {
    App& a = c.app;
    const Atlas& atlas = a.doc->atlas();
    ImGui::PushID(h.change);
    atlas_text(control_label(atlas, h.change->controller, h.change->status, a.settings.lang), false, Paragraph::LeftToRight);
    const std::string link = visual_line(h.event->title.str(), Paragraph::FromText);
    if (ImGui::Selectable(link.c_str(), h.event == a.selected_event, ImGuiSelectableFlags_None)) {
        a.select_event(h.event);
        a.set_date(h.effective);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Go to this event"));
    // Sources and notes in a dark grey, not the pale one of disabled text: they are read here.
    if (const std::string src = source_refs(atlas, h.event->sources); !src.empty())
        ImGui::TextColored(kSourceInk, _("Sources: %s"), src.c_str());
    if (!(*h.change->note).empty()) atlas_text(*h.change->note);
    ImGui::PopID();
}

// Rows of the histories side by side: one per date and event, each view's change in its column,
// the event's notes under both.
void study_table(PanelContext& c, const std::vector<HistoryEntry>& history) {
    if (!ImGui::BeginTable("##study", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn(_("Date"), ImGuiTableColumnFlags_WidthFixed, 150 * c.ui_scale);
    ImGui::TableSetupColumn(_("de facto: who held control"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(_("de jure: treaties in force"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < history.size();) {
        std::size_t j = i;  // the entries of one date and event
        while (j < history.size() && history[j].effective == history[i].effective && history[j].event == history[i].event) ++j;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(history[i].effective.readable(c.lang).c_str());
        for (const Basis basis : {Basis::DeFacto, Basis::DeJure}) {
            ImGui::TableSetColumnIndex(basis == Basis::DeFacto ? 1 : 2);
            for (std::size_t k = i; k < j; ++k)
                if (applies_to(history[k].basis, basis)) study_cell(c, history[k]);
        }
        ImGui::PopTextWrapPos();
        if (const Event& e = *history[i].event; !e.details->notes.empty()) {  // a row of its own
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextDisabled("%s", _("Notes"));
            ImGui::TableSetColumnIndex(1);
            ImGui::PushTextWrapPos(0);
            for (const auto& note : e.details->notes) atlas_text(note);
            ImGui::PopTextWrapPos();
        }
        i = j;
    }
    ImGui::EndTable();
}

}  // namespace

void draw_study_window(PanelContext& c) {
    App& a = c.app;
    if (!a.doc || a.study_territory.empty()) return;
    const Atlas& atlas = a.doc->atlas();
    const Feature* f = atlas.find_territory(a.study_territory, a.date);
    if (!f) f = atlas.find_territory(a.study_territory);
    if (!f) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize({display.x * 0.8f, display.y * 0.8f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos({display.x * 0.5f, display.y * 0.5f}, ImGuiCond_Appearing, {0.5f, 0.5f});
    bool open = true;
    const std::string title = f->names.get(a.settings.lang, f->id) + " - " + _("history") + "###study";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        const auto history = a.doc->timeline->history(a.study_territory);
        const HistoryAxis axis(atlas.start, atlas.end, history);
        const float label_w = 90 * c.ui_scale, w = std::max(100.0f, ImGui::GetContentRegionAvail().x - label_w);
        for (const Basis basis : {Basis::DeFacto, Basis::DeJure}) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(basis == Basis::DeFacto ? _("de facto") : _("de jure"));
            ImGui::SameLine(label_w);
            ImGui::BeginGroup();
            history_band(c, a.study_territory, basis, axis, w);
            ImGui::EndGroup();
        }
        ImGui::TextDisabled("%s", _("Each stretch between two changes is as wide as the square root of its years, plus one: eventful years get room."));
        ImGui::Separator();
        study_table(c, history);
    }
    ImGui::End();
    if (!open) a.study_territory.clear();
}

}  // namespace chronomap::gui

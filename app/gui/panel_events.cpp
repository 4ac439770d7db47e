#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/view/overlay/im_colour.h"
#include "app/gui/panels.h"

namespace chronomap::gui {
namespace {

std::string power_name(const App& a, std::string_view id) {
    return a.doc->loaded.atlas.power_name(id, a.settings.lang);
}

std::string territory_name(const App& a, const std::string& id) {
    return a.doc->loaded.atlas.territory_name(id, a.settings.lang);
}

}  // namespace

const char* kind_name(EventKind k) {
    static const char* const kNames[] = {N_("treaty"), N_("decision"), N_("military"), N_("declaration"), N_("other")};
    return _(kNames[static_cast<std::size_t>(k)]);
}

void atlas_text(std::string_view text, bool disabled, Paragraph paragraph) {
    if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (!has_right_to_left(text)) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
    } else {
        const float wrap = ImGui::GetContentRegionAvail().x;
        for (const auto& line : visual_lines(*ImGui::GetFont(), ImGui::GetFontSize(), std::string(text), wrap, paragraph))
            ImGui::TextUnformatted(line.c_str());
    }
    if (disabled) ImGui::PopStyleColor();
}

void colour_square(std::uint32_t rgba, float w, float h) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + w, p.y + h}, im_colour(rgba));
    ImGui::Dummy({w, h});
    ImGui::SameLine();
}

std::uint32_t kind_colour(EventKind k) {
    switch (k) {  // Tol's bright scheme: distinct for colour-blind readers
        case EventKind::Treaty:
            return 0x4477AAFF;
        case EventKind::Decision:
            return 0xAA3377FF;
        case EventKind::Military:
            return 0xEE6677FF;
        case EventKind::Declaration:
            return 0xCCBB44FF;
        case EventKind::Other:
            return 0xBBBBBBFF;
    }
    return 0xBBBBBBFF;
}

bool never_in_force(const Event& e) { return e.details->never_in_force; }

void event_card(PanelContext& c, const Event& e) {
    const App& a = c.app;
    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(c.fonts.bold);
    atlas_text(e.title);
    ImGui::PopFont();
    const float swatch = ImGui::GetTextLineHeight() * 0.7f;
    colour_square(kind_colour(e.kind), swatch, swatch);
    ImGui::TextDisabled("%s", kind_name(e.kind));
    ImGui::Text(_("Date: %s"), e.date.readable(c.lang).c_str());
    if (e.details->signed_on) ImGui::Text(_("Signed: %s"), e.details->signed_on->readable().c_str());
    if (e.details->ratified) ImGui::Text(_("Ratified: %s"), e.details->ratified->readable().c_str());
    if (e.details->in_force)
        ImGui::Text(_("In force: %s"), e.details->in_force->readable().c_str());
    else if (never_in_force(e))
        ImGui::TextColored(ImVec4(0.7f, 0.2f, 0.1f, 1), "%s", _("Never in force"));
    ImGui::Spacing();
    atlas_text(e.details->summary);
    if (!e.details->parties.empty()) {
        std::string parties;
        for (const auto& p : e.details->parties) parties += (parties.empty() ? "" : ", ") + power_name(a, p);
        ImGui::Spacing();
        ImGui::TextDisabled(_("Parties"));
        atlas_text(parties);
    }
    if (!e.changes.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled(_("Changes"));
        for (const auto& ch : e.changes) {
            // "Batum: Ottoman Empire -> Georgian SSR, autonomous (de facto)"
            const Date when = ch.date.value_or(e.date);
            Date before = when;
            before.day -= 1;
            const Basis basis = ch.basis == Basis::DeJure ? Basis::DeJure : Basis::DeFacto;
            const auto prev = a.doc->timeline->territory_state(ch.territory, before, basis);
            const Atlas& atlas = a.doc->atlas();
            const std::string from = prev && prev->known ? control_label(atlas, prev->controller, prev->status, a.settings.lang)
                                                         : _("no control recorded");
            std::string line = territory_name(a, ch.territory) + ": " + from + " \xE2\x86\x92 " +
                               control_label(atlas, ch.controller, ch.status, a.settings.lang);
            line += ch.basis == Basis::Both     ? ""
                    : ch.basis == Basis::DeJure ? std::string(" (") + _("de jure") + ")"
                                                : std::string(" (") + _("de facto") + ")";
            if (ch.date) line += std::string(" ") + _("on") + " " + ch.date->readable(a.settings.lang);
            ImGui::Bullet();
            atlas_text(line, false, Paragraph::LeftToRight);
            if (!ch.note->empty()) atlas_text(*ch.note, true);
        }
    }
    if (!e.details->claims.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled(_("Claims"));
        for (const auto& cl : e.details->claims) {
            std::string line = power_name(a, cl.claimant) + " " + _("claims") + " " + territory_name(a, cl.territory) +
                               " " + _("from") + " " + cl.from.readable(a.settings.lang) +
                               (cl.to ? std::string(" ") + _("to") + " " + cl.to->readable(a.settings.lang) : "");
            ImGui::Bullet();
            atlas_text(line, false, Paragraph::LeftToRight);
        }
    }
    if (!e.sources.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled(_("Sources"));
        for (const auto& ref : e.sources) {
            const Atlas& atlas = a.doc->loaded.atlas;
            const Source* src = atlas.find_source(ref.source);
            // As a reader cites it, then the work in full: "Bolat 2019, p. 272 — Mehmet Ali Bolat, ...".
            std::string line = atlas.citation(ref.source) + (ref.locator.empty() ? "" : ", " + ref.locator);
            if (src) line += " \xE2\x80\x94 " + (src->author.empty() ? src->title : src->author + ", " + src->title);
            ImGui::Bullet();
            atlas_text(line, false, Paragraph::LeftToRight);
            if (src && !src->file.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", src->file.c_str());
        }
    }
    if (!e.details->notes.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled(_("Notes (where sources disagree or a fact is approximated)"));
        for (const auto& n : e.details->notes) {
            ImGui::Bullet();
            atlas_text(n);
        }
    }
    ImGui::PopTextWrapPos();
}

namespace {

// Case folded for ASCII letters, so "nakhchivan" finds "Nakhchivan" (other scripts as typed).
std::string folded(std::string_view text) {
    std::string out(text);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

}  // namespace

bool event_matches(const Atlas& atlas, const Event& e, const std::string& filter, const std::string& lang) {
    if (filter.empty()) return true;
    const std::string wanted = folded(filter);
    auto has = [&](std::string_view text) { return folded(text).find(wanted) != std::string::npos; };
    if (has(e.title.view()) || has(e.details->summary)) return true;
    // The territories it changes, by name in the interface's language and in English, and by id:
    // "Nakhchivan" finds the events that changed it, whatever their titles say.
    for (const Change& ch : e.changes)
        if (has(std::string_view(ch.territory)) || has(atlas.territory_name(std::string_view(ch.territory), lang)) ||
            has(atlas.territory_name(std::string_view(ch.territory), "en")))
            return true;
    return false;
}

void draw_event_list(PanelContext& c) {
    App& a = c.app;
    EventListState& list = a.panels.events;
    char* filter = list.filter;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", _("filter events"), filter, sizeof list.filter);
    ImGui::BeginChild("events");
    const auto& events = a.doc->atlas().events;
    std::vector<std::uint32_t>& rows = list.rows;
    if (list.rows_filter != filter) {  // a new atlas clears rows_filter (PanelState::forget_atlas)
        rows.clear();
        for (std::size_t i = 0; i < events.size(); ++i)
            if (event_matches(a.doc->atlas(), events[i], filter, c.lang)) rows.push_back(static_cast<std::uint32_t>(i));
        list.rows_filter = filter;
    }
    const Event* current = a.doc->timeline->previous_event(Date{a.date.day + 1, Precision::Day});
    const Event* highlighted = a.selected_event ? a.selected_event : current;
    const float row_height = ImGui::GetTextLineHeightWithSpacing();
    const Event*& scrolled_to = list.scrolled_to;
    if (highlighted != scrolled_to && highlighted) {
        // Bring the highlighted event into view when it changes (selection, playback).
        const auto at = std::lower_bound(rows.begin(), rows.end(), static_cast<std::uint32_t>(highlighted - events.data()));
        if (at != rows.end() && events.data() + *at == highlighted) {
            const float y = static_cast<float>(at - rows.begin()) * row_height;
            if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - row_height)
                ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.4f));
        }
        scrolled_to = highlighted;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_height);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Event& e = events[rows[static_cast<std::size_t>(r)]];
            ImGui::PushID(&e);
            const float swatch = ImGui::GetTextLineHeight() * 0.6f;
            colour_square(kind_colour(e.kind), swatch, swatch);
            const std::string label = visual_line(e.date.readable(c.lang) + "  " + e.title.str(), Paragraph::LeftToRight);
            if (ImGui::Selectable(label.c_str(), &e == highlighted)) a.select_event(&e);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace chronomap::gui

// File > New lesson / edit lesson: a lesson made from a base map and edited in forms, one per
// sheet of its workbook. Each Add writes the workbook and reads the atlas again, so the
// Diagnostics tab lists the lesson's problems as `chronomap validate` would; Undo and Redo put
// the workbook back as it was.
#include <cstdio>

#include <imgui.h>

#include "app/gui/app.h"
#include "app/gui/map_tools.h"
#include "app/gui/panels.h"
#include "app/launch/launch_args.h"
#include "app/view/overlay/i18n.h"
#include "data/edit/lesson_edits.h"
#include "data/formats/workbook.h"

namespace chronomap::gui {
namespace {


void new_lesson_form(PanelContext& c, LessonFormState& f, float w) {
    ImGui::TextWrapped("%s", _("A lesson starts from a region of the modern map (longitude and latitude of its corners: "
                               "west, south, east, north) and keeps its events in a workbook."));
    form_field(_("folder"), f.folder, sizeof f.folder, w);
    form_field(_("title"), f.title, sizeof f.title, w);
    form_field(_("from"), f.from, sizeof f.from, w / 3);
    ImGui::SameLine();
    form_field(_("to"), f.to, sizeof f.to, w / 3);
    form_field(_("region"), f.region, sizeof f.region, w);
    if (ImGui::Button(_("Make the lesson"))) {
        LessonSpec spec;
        spec.folder = f.folder;
        spec.title = f.title;
        const auto from = parse_date(f.from), to = parse_date(f.to);
        const auto region = parse_lonlat_box(f.region);
        if (!from.date || !to.date) {
            f.result = _("The dates are not dates.");
        } else if (!region) {
            f.result = _("The region is four numbers: west, south, east, north.");
        } else {
            spec.from = *from.date;
            spec.to = *to.date;
            spec.region = *region;
            c.requests.new_lesson = spec;
        }
    }
}

void sketch_buttons(LessonFormState& f) {
    ImGui::BeginDisabled(f.sketch.empty());
    if (ImGui::Button(_("Remove the last point"))) f.sketch.pop_back();
    ImGui::SameLine();
    if (ImGui::Button(_("Start again"))) f.sketch.clear();
    ImGui::EndDisabled();
}

// The map tools (map_tools.h): what a click on the map does, and the form for what is drawn.
void map_tools_form(PanelContext& c, LessonFormState& f, float w) {
    if (f.tool != MapTool::None && f.tool != MapTool::Provinces) ImGui::SetNextItemOpen(true);
    if (!ImGui::CollapsingHeader(_("Draw on the map"))) return;
    const MapTool before = f.tool;
    auto tool = [&](const char* label, MapTool t) {
        if (ImGui::RadioButton(label, f.tool == t)) f.tool = t;
    };
    tool(_("Select"), MapTool::None);
    ImGui::SameLine();
    tool(_("Split along a line"), MapTool::Line);
    ImGui::SameLine();
    tool(_("Draw an outline"), MapTool::Outline);
    ImGui::SameLine();
    tool(_("Move points"), MapTool::Points);
    if (f.tool != before) f.sketch.clear();
    if (f.tool == MapTool::Line) {
        ImGui::TextWrapped("%s", _("Click the points of a line across the territory, from outside its border to outside it "
                                   "again; a click near a border or a point lands on it. The part outlined in orange "
                                   "becomes the new territory, and it keeps the history of the old one so far."));
        form_field(_("territory to split"), f.split_id, sizeof f.split_id, w / 2);
        form_field(_("id of the new territory"), f.new_id, sizeof f.new_id, w / 2);
        form_field(_("its name"), f.new_name, sizeof f.new_name, w);
        bool right = !f.new_on_left;
        if (ImGui::Checkbox(_("the new territory is the other side"), &right)) f.new_on_left = !right;
        ImGui::BeginDisabled(f.sketch.size() < 2);
        if (ImGui::Button(_("Split"))) {
            c.requests.edit = split_along_sketch(f);
            c.requests.edit_uses_sketch = true;
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        sketch_buttons(f);
    } else if (f.tool == MapTool::Outline) {
        ImGui::TextWrapped("%s", _("Click the points of the territory's outline; a click near a border or a point lands on it."));
        form_field(_("id##d"), f.draw_id, sizeof f.draw_id, w / 2);
        form_field(_("name##d"), f.draw_name, sizeof f.draw_name, w);
        ImGui::Checkbox(_("Cut away what other territories hold, so the borders meet"), &f.clip);
        ImGui::BeginDisabled(f.sketch.size() < 3);
        if (ImGui::Button(_("Add the drawn territory"))) {
            c.requests.edit = add_sketched_territory(f);
            c.requests.edit_uses_sketch = true;
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        sketch_buttons(f);
    } else if (f.tool == MapTool::Points) {
        ImGui::TextWrapped("%s", _("Click a territory to adjust it. Drag its points; click its border to add a point; "
                                   "right-click a point to remove it. A point it shares with a neighbour moves with it."));
        form_field(_("territory##m"), f.points_id, sizeof f.points_id, w / 2);
    }
}

}  // namespace

void draw_lesson_editor(PanelContext& c) {
    App& a = c.app;
    if (!a.lesson_editor_open) return;
    LessonFormState& f = a.panels.lesson;
    ImGui::SetNextWindowSize({480 * c.ui_scale, 560 * c.ui_scale}, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(_("Lesson"), &a.lesson_editor_open)) {
        ImGui::End();
        return;
    }
    const float w = ImGui::GetContentRegionAvail().x * 0.5f;  // room for the labels after the fields
    const bool can_edit = a.doc && editable(a.doc->atlas());
    if (ImGui::CollapsingHeader(_("New lesson"), can_edit ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) new_lesson_form(c, f, w);
    if (can_edit) {
        ImGui::BeginDisabled(!a.can_undo());
        if (ImGui::Button(_("Undo"))) c.requests.undo = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!a.can_redo());
        if (ImGui::Button(_("Redo"))) c.requests.redo = true;
        ImGui::EndDisabled();
        if (a.doc->atlas().units_layer()) map_tools_form(c, f, w);
        else form_note(_("Its events, powers and sources are written into its own JSON files, each one where it "
                         "stands; the rest of their text stays as it was."));
        draw_sheet_forms(c, w);
    } else {
        form_note(_("The atlas open keeps its events in CSV files or a database; a new lesson keeps them in a workbook "
                    "that these forms edit."));
    }
    if (!f.result.empty()) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", f.result.c_str());
    }
    ImGui::End();
}

}  // namespace chronomap::gui

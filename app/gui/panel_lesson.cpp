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

constexpr const char* kKinds[] = {"treaty", "decision", "military", "declaration", "other"};
constexpr const char* kStatuses[] = {"integral", "autonomous", "occupied", "administered", "self-declared", "ceased"};
constexpr const char* kBases[] = {"de_facto", "de_jure", "both"};

void field(const char* label, char* buf, std::size_t size, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(label, buf, size);
}

void new_lesson_form(PanelContext& c, LessonFormState& f, float w) {
    ImGui::TextWrapped("%s", _("A lesson starts from a region of the modern map (longitude and latitude of its corners: "
                               "west, south, east, north) and keeps its events in a workbook."));
    field(_("folder"), f.folder, sizeof f.folder, w);
    field(_("title"), f.title, sizeof f.title, w);
    field(_("from"), f.from, sizeof f.from, w / 3);
    ImGui::SameLine();
    field(_("to"), f.to, sizeof f.to, w / 3);
    field(_("region"), f.region, sizeof f.region, w);
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

// Takes the row with the form's id out of its sheet.
void remove_button(UiRequests& req, const char* label, const char* sheet, const char* id) {
    ImGui::SameLine();
    ImGui::BeginDisabled(!*id);
    if (ImGui::Button(label))
        req.edit = [sheet = std::string(sheet), id = std::string(id)](Atlas& a) { return remove_row(a, sheet, id); };
    ImGui::EndDisabled();
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
        field(_("territory to split"), f.split_id, sizeof f.split_id, w / 2);
        field(_("id of the new territory"), f.new_id, sizeof f.new_id, w / 2);
        field(_("its name"), f.new_name, sizeof f.new_name, w);
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
        field(_("id##d"), f.draw_id, sizeof f.draw_id, w / 2);
        field(_("name##d"), f.draw_name, sizeof f.draw_name, w);
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
        field(_("territory##m"), f.points_id, sizeof f.points_id, w / 2);
    }
}

void sheets_forms(PanelContext& c, LessonFormState& f, float w) {
    auto& req = c.requests;
    if (ImGui::CollapsingHeader(_("Territory: a group of modern provinces"), ImGuiTreeNodeFlags_DefaultOpen)) {
        field(_("id##t"), f.territory_id, sizeof f.territory_id, w / 2);
        field(_("name##t"), f.territory_name, sizeof f.territory_name, w);
        field(_("provinces (GR/Kentriki Makedonia; MK)"), f.units, sizeof f.units, w);
        ImGui::TextDisabled("%s", _("No provinces: a drawn territory keeps its shape and takes the name."));
        if (ImGui::RadioButton(_("Click provinces on the map to add them"), f.tool == MapTool::Provinces))
            f.tool = f.tool == MapTool::Provinces ? MapTool::None : MapTool::Provinces;
        if (ImGui::Button(_("Add territory")))
            req.edit = [id = std::string(f.territory_id), name = std::string(f.territory_name), units = unit_list(f.units)](Atlas& a) {
                return edit_territory(a, id, name, units);
            };
        remove_button(req, _("Remove##t"), "territory", f.territory_id);
    }
    if (ImGui::CollapsingHeader(_("Power"))) {
        field(_("id##p"), f.power_id, sizeof f.power_id, w / 2);
        field(_("name##p"), f.power_name, sizeof f.power_name, w);
        ImGui::ColorEdit3(_("colour"), f.power_colour, ImGuiColorEditFlags_NoInputs);
        if (ImGui::Button(_("Add power"))) {
            char colour[8];
            std::snprintf(colour, sizeof colour, "#%02x%02x%02x", static_cast<int>(f.power_colour[0] * 255 + 0.5f),
                          static_cast<int>(f.power_colour[1] * 255 + 0.5f), static_cast<int>(f.power_colour[2] * 255 + 0.5f));
            req.edit = [id = std::string(f.power_id), name = std::string(f.power_name), col = std::string(colour)](Atlas& a) {
                return edit_power(a, id, name, col);
            };
        }
        remove_button(req, _("Remove##p"), "power", f.power_id);
    }
    if (ImGui::CollapsingHeader(_("Source"))) {
        field(_("id##s"), f.source_id, sizeof f.source_id, w / 2);
        field(_("title##s"), f.source_title, sizeof f.source_title, w);
        field(_("year"), f.source_year, sizeof f.source_year, w / 3);
        if (ImGui::Button(_("Add source")))
            req.edit = [id = std::string(f.source_id), t = std::string(f.source_title), y = std::string(f.source_year)](Atlas& a) {
                return edit_source(a, id, t, y);
            };
        remove_button(req, _("Remove##s"), "source", f.source_id);
    }
    if (ImGui::CollapsingHeader(_("Event"))) {
        field(_("id##e"), f.event_id, sizeof f.event_id, w / 2);
        field(_("date##e"), f.event_date, sizeof f.event_date, w / 3);
        ImGui::SetNextItemWidth(w / 3);
        ImGui::Combo(_("kind"), &f.event_kind, kKinds, IM_ARRAYSIZE(kKinds));
        field(_("title##e"), f.event_title, sizeof f.event_title, w);
        if (ImGui::Button(_("Add event")))
            req.edit = [id = std::string(f.event_id), d = std::string(f.event_date), k = std::string(kKinds[f.event_kind]),
                        t = std::string(f.event_title)](Atlas& a) { return edit_event(a, id, d, k, t); };
        remove_button(req, _("Remove##e"), "event", f.event_id);
    }
    if (ImGui::CollapsingHeader(_("Change of control"))) {
        field(_("event##c"), f.change_event, sizeof f.change_event, w / 2);
        field(_("territory##c"), f.change_territory, sizeof f.change_territory, w / 2);
        ImGui::SetNextItemWidth(w / 2);
        ImGui::Combo(_("status"), &f.change_status, kStatuses, IM_ARRAYSIZE(kStatuses));
        field(_("controller"), f.change_controller, sizeof f.change_controller, w / 2);
        ImGui::SetNextItemWidth(w / 3);
        ImGui::Combo(_("basis"), &f.change_basis, kBases, IM_ARRAYSIZE(kBases));
        if (ImGui::Button(_("Add change")))
            req.edit = [e = std::string(f.change_event), t = std::string(f.change_territory), s = std::string(kStatuses[f.change_status]),
                        ctl = std::string(f.change_controller), b = std::string(kBases[f.change_basis])](Atlas& a) {
                return add_change(a, e, t, s, ctl, b);
            };
    }
    if (ImGui::CollapsingHeader(_("Citation"))) {
        field(_("event##r"), f.cite_event, sizeof f.cite_event, w / 2);
        field(_("source##r"), f.cite_source, sizeof f.cite_source, w / 2);
        field(_("where in it (Art. II, p. 12)"), f.cite_locator, sizeof f.cite_locator, w / 2);
        if (ImGui::Button(_("Add citation")))
            req.edit = [e = std::string(f.cite_event), s = std::string(f.cite_source), l = std::string(f.cite_locator)](Atlas& a) {
                return add_citation(a, e, s, l);
            };
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
    const bool editable = a.doc && !a.doc->atlas().workbook.empty();
    if (ImGui::CollapsingHeader(_("New lesson"), editable ? 0 : ImGuiTreeNodeFlags_DefaultOpen)) new_lesson_form(c, f, w);
    if (editable) {
        ImGui::BeginDisabled(!a.can_undo());
        if (ImGui::Button(_("Undo"))) c.requests.undo = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(!a.can_redo());
        if (ImGui::Button(_("Redo"))) c.requests.redo = true;
        ImGui::EndDisabled();
        map_tools_form(c, f, w);
        sheets_forms(c, f, w);
    } else {
        ImGui::TextDisabled("%s", _("The atlas open keeps its events in JSON or CSV files; a new lesson keeps them in a "
                                    "workbook that these forms edit."));
    }
    if (!f.result.empty()) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", f.result.c_str());
    }
    ImGui::End();
}

}  // namespace chronomap::gui

// The lesson editor's forms, one per sheet of the workbook. Each shows, while it is filled in,
// the problems `validate` would find in what it holds (event_form.h reads an event form as a row
// of the events sheet); ids of events, powers, sources and territories are typed or chosen
// from a list of those there are, and a change's territory can be clicked on the map.
#include <cstdio>
#include <functional>

#include <imgui.h>

#include "app/gui/app.h"
#include "app/gui/panels.h"
#include "app/view/overlay/i18n.h"
#include "data/edit/event_form.h"
#include "data/edit/lesson_edits.h"
#include "data/formats/workbook.h"

namespace chronomap::gui {
namespace {

constexpr const char* kKinds[] = {"treaty", "decision", "military", "declaration", "other"};
constexpr const char* kStatuses[] = {"integral", "autonomous", "occupied", "administered", "self-declared", "ceased"};
constexpr const char* kBases[] = {"de_facto", "de_jure", "both"};

struct Option {
    std::string id, label;
};

// A field for an id, with a list of the ids there are beside it (made only when it is opened:
// an atlas of a million events is not listed every frame).
void id_field(const char* label, char* buf, std::size_t size, float w, const std::function<std::vector<Option>()>& list) {
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##id", buf, size);
    ImGui::SameLine(0, 0);
    if (ImGui::BeginCombo("##list", nullptr, ImGuiComboFlags_NoPreview | ImGuiComboFlags_HeightLarge)) {
        for (const auto& o : list())
            if (ImGui::Selectable((o.label + "##" + o.id).c_str(), o.id == buf)) std::snprintf(buf, size, "%s", o.id.c_str());
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const std::string shown(label);
    ImGui::TextUnformatted(shown.substr(0, shown.find("##")).c_str());
    ImGui::PopID();
}

std::vector<Option> event_options(const Atlas& a) {
    std::vector<Option> out;
    for (const auto& e : a.events)
        if (!e.derived) out.push_back({std::string(e.id), e.date.display() + " " + std::string(e.title)});
    return out;
}

std::vector<Option> power_options(const Atlas& a, const std::string& lang) {
    std::vector<Option> out;
    for (const auto& p : a.powers) out.push_back({p.id, p.names.get(lang, p.id)});
    return out;
}

std::vector<Option> source_options(const Atlas& a) {
    std::vector<Option> out;
    for (const auto& s : a.sources) out.push_back({s.id, a.citation(s.id)});
    return out;
}

std::vector<Option> territory_options(const Atlas& a, const std::string& lang) {
    std::vector<Option> out;
    for (const auto& id : a.territory_ids()) out.push_back({id, a.territory_name(id, lang)});
    return out;
}

// What is wrong with the form as it is, as validate words it: errors red, warnings amber.
void show_problems(const Diagnostics& problems) {
    int shown = 0;
    for (const auto& p : problems.items()) {
        if (shown++ == 4) {
            ImGui::TextDisabled("...");
            break;
        }
        const bool error = p.severity == Severity::Error;
        ImGui::PushStyleColor(ImGuiCol_Text, error ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.65f, 0.45f, 0.0f, 1));
        ImGui::TextWrapped("%s", p.message.c_str());
        ImGui::PopStyleColor();
    }
}

void show_problem(const Result<>& checked) {
    Diagnostics d;
    if (!checked) d.error({}, checked.message());
    show_problems(d);
}

// Takes the row with the form's id out of its sheet.
void remove_button(UiRequests& req, const char* label, const char* sheet, const char* id) {
    ImGui::SameLine();
    ImGui::BeginDisabled(!*id);
    if (ImGui::Button(label))
        req.edit = [sheet = std::string(sheet), id = std::string(id)](Atlas& a) { return remove_row(a, sheet, id); };
    ImGui::EndDisabled();
}

// A form's header; a form a script typed into opens, scrolled into view.
bool form_header(LessonFormState& f, const char* name, const char* label) {
    const bool asked = f.open_form == name;
    if (asked) ImGui::SetNextItemOpen(true);
    const bool open = ImGui::CollapsingHeader(label);
    if (asked && open) {
        ImGui::SetScrollHereY(0.0f);
        f.open_form.clear();
    }
    return open;
}

// A change or citation names an event of the lesson: the problem when it does not.
Result<> event_named(const Atlas& a, const char* id) {
    if (!*id) return input_error(_("Choose the event first."));
    if (!hand_written_event(a, id)) return input_error(fill_in(_("There is no event '%s': add it in the Event form first."), {id}));
    return {};
}

std::function<Result<>(Atlas&)> apply_row(const FormRow& row, bool needs_event) {
    return [row, needs_event](Atlas& a) -> Result<> {
        if (needs_event)
            if (auto ok = event_named(a, row.at("event_id").c_str()); !ok) return ok;
        return apply_event_row(a, row);
    };
}

// The problems of an event row, once its event is named.
void row_problems(const Atlas& a, const FormRow& row, bool needs_event) {
    const std::string& id = row.at("event_id");
    if (id.empty()) return;
    if (needs_event && !hand_written_event(a, id)) return show_problem(event_named(a, id.c_str()));
    show_problems(draft_event(a, row).problems);
}


void territory_form(PanelContext& c, LessonFormState& f, float w) {
    if (!ImGui::CollapsingHeader(_("Territory: a group of modern provinces"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    form_field(_("id##t"), f.territory_id, sizeof f.territory_id, w / 2);
    form_field(_("name##t"), f.territory_name, sizeof f.territory_name, w);
    form_field(_("provinces (GR/Kentriki Makedonia; MK)"), f.units, sizeof f.units, w);
    form_note(_("No provinces: a drawn territory keeps its shape and takes the name."));
    if (ImGui::RadioButton(_("Click provinces on the map to add them"), f.tool == MapTool::Provinces))
        f.tool = f.tool == MapTool::Provinces ? MapTool::None : MapTool::Provinces;
    if (*f.territory_id) show_problem(check_id(f.territory_id, "territory"));
    if (ImGui::Button(_("Add territory")))
        c.requests.edit = [id = std::string(f.territory_id), name = std::string(f.territory_name), units = unit_list(f.units)](Atlas& a) {
            return edit_territory(a, id, name, units);
        };
    remove_button(c.requests, _("Remove##t"), "territory", f.territory_id);
}

PowerFields power_fields(const LessonFormState& f) {
    char colour[8];
    std::snprintf(colour, sizeof colour, "#%02x%02x%02x", static_cast<int>(f.power_colour[0] * 255 + 0.5f),
                  static_cast<int>(f.power_colour[1] * 255 + 0.5f), static_cast<int>(f.power_colour[2] * 255 + 0.5f));
    return {f.power_id, f.power_name, colour, f.power_names, f.power_parent, f.power_note};
}

void power_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "power", _("Power"))) return;
    const Atlas& a = c.app.doc->atlas();
    form_field(_("id##p"), f.power_id, sizeof f.power_id, w / 2);
    form_field(_("name##p"), f.power_name, sizeof f.power_name, w);
    form_field(_("in other languages (tr: ...; ru: ...)"), f.power_names, sizeof f.power_names, w);
    ImGui::ColorEdit3(_("colour"), f.power_colour, ImGuiColorEditFlags_NoInputs);
    id_field(_("part of (a power)"), f.power_parent, sizeof f.power_parent, w / 2, [&] { return power_options(a, c.lang); });
    form_field(_("note##p"), f.power_note, sizeof f.power_note, w);
    if (*f.power_id) {
        show_problem(check_id(f.power_id, "power"));
        const auto names = names_in_languages(f.power_names);
        if (!names) show_problem(names.failure());
        if (*f.power_parent && !a.find_power(f.power_parent))
            show_problem(input_error("the parent of '" + std::string(f.power_id) + "' refers to power '" + f.power_parent +
                                     "', which the manifest does not define"));
    }
    if (ImGui::Button(_("Add power"))) c.requests.edit = [p = power_fields(f)](Atlas& at) { return edit_power(at, p); };
    remove_button(c.requests, _("Remove##p"), "power", f.power_id);
}

void source_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "source", _("Source"))) return;
    form_field(_("id##s"), f.source_id, sizeof f.source_id, w / 2);
    form_field(_("title##s"), f.source_title, sizeof f.source_title, w);
    form_field(_("author"), f.source_author, sizeof f.source_author, w);
    form_field(_("year"), f.source_year, sizeof f.source_year, w / 3);
    if (*f.source_id) show_problem(check_id(f.source_id, "source"));
    if (ImGui::Button(_("Add source")))
        c.requests.edit = [id = std::string(f.source_id), t = std::string(f.source_title), y = std::string(f.source_year),
                           au = std::string(f.source_author)](Atlas& a) { return edit_source(a, id, t, y, au); };
    remove_button(c.requests, _("Remove##s"), "source", f.source_id);
}

void event_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "event", _("Event"))) return;
    form_field(_("id##e"), f.event_id, sizeof f.event_id, w / 2);
    form_field(_("date##e"), f.event_date, sizeof f.event_date, w / 3);
    ImGui::SameLine();
    ImGui::Checkbox(_("Julian calendar"), &f.event_calendar_julian);
    ImGui::SetNextItemWidth(w / 3);
    ImGui::Combo(_("kind"), &f.event_kind, kKinds, IM_ARRAYSIZE(kKinds));
    form_field(_("title##e"), f.event_title, sizeof f.event_title, w);
    ImGui::InputTextMultiline(_("summary"), f.event_summary, sizeof f.event_summary, {w, ImGui::GetTextLineHeight() * 3});
    form_field(_("signed"), f.event_signed, sizeof f.event_signed, w / 3);
    ImGui::SameLine();
    form_field(_("ratified"), f.event_ratified, sizeof f.event_ratified, w / 3);
    form_field(_("in force (a date, or never)"), f.event_in_force, sizeof f.event_in_force, w / 3);
    id_field(_("a party (a power)"), f.event_party, sizeof f.event_party, w / 2, [&] { return power_options(c.app.doc->atlas(), c.lang); });
    form_field(_("note##e"), f.event_note, sizeof f.event_note, w);
    const FormRow row{{"event_id", f.event_id},         {"date", f.event_date},       {"calendar", f.event_calendar_julian ? "julian" : ""},
                      {"title", f.event_title},         {"kind", kKinds[f.event_kind]}, {"summary", f.event_summary},
                      {"signed", f.event_signed},       {"ratified", f.event_ratified}, {"in_force", f.event_in_force},
                      {"party", f.event_party},         {"event_note", f.event_note}};
    form_note(_("For an event there already, what is left empty stays as it was."));
    row_problems(c.app.doc->atlas(), row, false);
    if (ImGui::Button(_("Add event"))) c.requests.edit = apply_row(row, false);
    remove_button(c.requests, _("Remove##e"), "event", f.event_id);
}

void change_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "change", _("Change of control"))) return;
    const Atlas& a = c.app.doc->atlas();
    id_field(_("event##c"), f.change_event, sizeof f.change_event, w / 2, [&] { return event_options(a); });
    id_field(_("territory##c"), f.change_territory, sizeof f.change_territory, w / 2, [&] { return territory_options(a, c.lang); });
    if (ImGui::RadioButton(_("Click a territory on the map"), f.tool == MapTool::Territory))
        f.tool = f.tool == MapTool::Territory ? MapTool::None : MapTool::Territory;
    ImGui::SetNextItemWidth(w / 2);
    ImGui::Combo(_("status"), &f.change_status, kStatuses, IM_ARRAYSIZE(kStatuses));
    id_field(_("controller"), f.change_controller, sizeof f.change_controller, w / 2, [&] { return power_options(a, c.lang); });
    ImGui::SetNextItemWidth(w / 3);
    ImGui::Combo(_("basis"), &f.change_basis, kBases, IM_ARRAYSIZE(kBases));
    form_field(_("its own date, if not the event's"), f.change_date, sizeof f.change_date, w / 3);
    form_field(_("note##c"), f.change_note, sizeof f.change_note, w);
    const FormRow row{{"event_id", f.change_event},       {"territory", f.change_territory},
                      {"status", kStatuses[f.change_status]}, {"controller", f.change_controller},
                      {"basis", kBases[f.change_basis]},  {"change_date", f.change_date},
                      {"note", f.change_note}};
    row_problems(a, row, true);
    if (ImGui::Button(_("Add change"))) c.requests.edit = apply_row(row, true);
}

void citation_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "citation", _("Citation"))) return;
    const Atlas& a = c.app.doc->atlas();
    id_field(_("event##r"), f.cite_event, sizeof f.cite_event, w / 2, [&] { return event_options(a); });
    id_field(_("source##r"), f.cite_source, sizeof f.cite_source, w / 2, [&] { return source_options(a); });
    form_field(_("where in it (Art. II, p. 12)"), f.cite_locator, sizeof f.cite_locator, w / 2);
    const FormRow row{{"event_id", f.cite_event}, {"source", f.cite_source}, {"locator", f.cite_locator}};
    row_problems(a, row, true);
    if (ImGui::Button(_("Add citation"))) c.requests.edit = apply_row(row, true);
}

void claim_form(PanelContext& c, LessonFormState& f, float w) {
    if (!form_header(f, "claim", _("Claim"))) return;
    const Atlas& a = c.app.doc->atlas();
    id_field(_("event##l"), f.claim_event, sizeof f.claim_event, w / 2, [&] { return event_options(a); });
    id_field(_("claimant (a power)"), f.claim_claimant, sizeof f.claim_claimant, w / 2, [&] { return power_options(a, c.lang); });
    id_field(_("territory##l"), f.claim_territory, sizeof f.claim_territory, w / 2, [&] { return territory_options(a, c.lang); });
    form_field(_("from##l"), f.claim_from, sizeof f.claim_from, w / 3);
    ImGui::SameLine();
    form_field(_("to##l"), f.claim_to, sizeof f.claim_to, w / 3);
    form_field(_("note##l"), f.claim_note, sizeof f.claim_note, w);
    const ClaimFields claim{f.claim_event, f.claim_claimant, f.claim_territory, f.claim_from, f.claim_to, f.claim_note};
    if (*f.claim_event) show_problems(check_claim(a, claim));
    if (ImGui::Button(_("Add claim"))) c.requests.edit = [claim](Atlas& at) { return add_claim(at, claim); };
}

}  // namespace

void draw_sheet_forms(PanelContext& c, float w) {
    LessonFormState& f = c.app.panels.lesson;
    if (c.app.doc->atlas().units_layer()) territory_form(c, f, w);
    power_form(c, f, w);
    source_form(c, f, w);
    event_form(c, f, w);
    change_form(c, f, w);
    citation_form(c, f, w);
    claim_form(c, f, w);
}

void form_note(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void form_field(const char* label, char* buf, std::size_t size, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(label, buf, size);
}

}  // namespace chronomap::gui

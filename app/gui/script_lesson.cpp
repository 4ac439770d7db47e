#include "app/gui/script_lesson.h"

#include <cstdio>

#include "app/gui/map_tools.h"
#include "app/launch/launch_args.h"
#include "data/edit/lesson_edits.h"
#include "data/edit/shape_edits.h"
#include "data/formats/workbook.h"
#include "data/geometry/projection.h"

namespace chronomap::gui {
namespace {

constexpr std::pair<const char*, MapTool> kTools[] = {{"none", MapTool::None},       {"provinces", MapTool::Provinces},
                                                     {"line", MapTool::Line},       {"outline", MapTool::Outline},
                                                     {"points", MapTool::Points}};

// "NAME... = PLACES" from word `first` on, split at its " = " (or a last " =", with nothing after).
std::optional<std::pair<std::string, std::string>> split_at_equals(const ScriptLine& l, std::size_t first) {
    const std::string rest = words_from(l, first) + " ";
    const std::size_t eq = rest.find(" = ");
    if (eq == std::string::npos) return std::nullopt;
    return std::make_pair(rest.substr(0, eq), rest.substr(eq + 3));
}

bool has_places(const ScriptLine& l, std::size_t min_words) {
    return l.words.size() > min_words && split_at_equals(l, 2).has_value();
}

// "LON,LAT" in the display CRS of the atlas open.
Result<Vec2> place(const App& app, const std::string& text) {
    const auto comma = text.find(',');
    const auto lon = comma == std::string::npos ? std::nullopt : parse_real(text.substr(0, comma), -180, 180);
    const auto lat = comma == std::string::npos ? std::nullopt : parse_real(text.substr(comma + 1), -90, 90);
    if (!lon || !lat) return input_error("a place is LON,LAT, not '" + text + "'");
    Bounds at;
    at.add(Vec2{*lon, *lat});
    const auto p = lonlat_to_display(app.doc->atlas().crs, at);
    if (!p) return input_error("the place " + text + " has no point in the atlas's CRS");
    return Vec2{p->min_x, p->min_y};
}

// "NAME... = LON,LAT; LON,LAT...": the name, and the places in the display CRS.
Result<std::pair<std::string, std::vector<Vec2>>> name_and_places(const App& app, const ScriptLine& l, std::size_t first) {
    const auto [name, places] = *split_at_equals(l, first);
    std::vector<Vec2> points;
    for (const auto& text : unit_list(places)) {
        const auto p = place(app, text);
        if (!p) return p.failure();
        points.push_back(*p);
    }
    return std::make_pair(name, points);
}

Result<> point_edit(App& app, const ScriptLine& l) {
    const auto& w = l.words;
    const auto at = place(app, w[2]);
    if (!at) return at.failure();
    const auto to = w.size() > 3 ? place(app, w[3]) : at;
    if (!to) return to.failure();
    return app.edit_lesson([&](Atlas& atlas) {
        if (w[0] == "move_point") return move_vertex(atlas, w[1], *at, *to);
        if (w[0] == "add_point") return insert_vertex(atlas, w[1], *at);
        return delete_vertex(atlas, w[1], *at);
    });
}

Result<> shape_edit(App& app, const ScriptLine& l) {
    const auto& w = l.words;
    const bool split = w[0] == "split";
    const auto made = name_and_places(app, l, split ? 3 : 2);
    if (!made) return made.failure();
    const auto& [name, points] = *made;
    return app.edit_lesson([&, name = name, points = points](Atlas& atlas) {
        return split ? split_territory(atlas, w[1], points, w[2], name) : draw_territory(atlas, w[1], name, points, true);
    });
}

// A form's text field by name ("change.event"), as `form` types into it.

std::optional<std::pair<char*, std::size_t>> form_field_named(LessonFormState& f, const std::string& name) {
    const std::pair<const char*, std::pair<char*, std::size_t>> fields[] = {
        {"event.id", {f.event_id, sizeof f.event_id}},
        {"event.date", {f.event_date, sizeof f.event_date}},
        {"event.title", {f.event_title, sizeof f.event_title}},
        {"event.summary", {f.event_summary, sizeof f.event_summary}},
        {"event.signed", {f.event_signed, sizeof f.event_signed}},
        {"event.in_force", {f.event_in_force, sizeof f.event_in_force}},
        {"change.event", {f.change_event, sizeof f.change_event}},
        {"change.territory", {f.change_territory, sizeof f.change_territory}},
        {"change.controller", {f.change_controller, sizeof f.change_controller}},
        {"change.note", {f.change_note, sizeof f.change_note}},
        {"citation.event", {f.cite_event, sizeof f.cite_event}},
        {"citation.source", {f.cite_source, sizeof f.cite_source}},
        {"claim.event", {f.claim_event, sizeof f.claim_event}},
        {"claim.claimant", {f.claim_claimant, sizeof f.claim_claimant}},
        {"claim.territory", {f.claim_territory, sizeof f.claim_territory}},
        {"claim.from", {f.claim_from, sizeof f.claim_from}},
        {"power.id", {f.power_id, sizeof f.power_id}},
        {"power.names", {f.power_names, sizeof f.power_names}},
        {"source.author", {f.source_author, sizeof f.source_author}}};
    for (const auto& [field, buf] : fields)
        if (name == field) return buf;
    return std::nullopt;
}

// The map tools as the mouse uses them: a tool chosen, a click, the form's Split and Add buttons.
Result<> map_command(App& app, UiRequests& req, const ScriptLine& l) {
    const auto& w = l.words;
    LessonFormState& f = app.panels.lesson;
    if (w[0] == "tool") {
        for (const auto& [name, tool] : kTools)
            if (w[1] == name) f.tool = tool;
        f.sketch.clear();
        return {};
    }
    if (w[0] == "form") {  // typed into a form's field, the form opened
        const auto field = form_field_named(f, w[1]);
        if (!field) return input_error("form: no field '" + w[1] + "'");
        std::snprintf(field->first, field->second, "%s", words_from(l, 2).c_str());
        f.open_form = w[1].substr(0, w[1].find('.'));
        return {};
    }
    if (w[0] == "map_click") {
        const auto at = place(app, w[1]);
        if (!at) return at.failure();
        if (!tool_click(app, req, *at)) return input_error("map_click: no map tool is chosen (tool line, outline, ...)");
        return {};
    }
    if (w[0] == "add_drawn") {
        std::snprintf(f.draw_id, sizeof f.draw_id, "%s", w[1].c_str());
        std::snprintf(f.draw_name, sizeof f.draw_name, "%s", words_from(l, 2).c_str());
        req.edit = add_sketched_territory(f);
        req.edit_uses_sketch = true;
        return {};
    }
    std::snprintf(f.split_id, sizeof f.split_id, "%s", w[1].c_str());  // split_drawn
    std::snprintf(f.new_id, sizeof f.new_id, "%s", w[2].c_str());
    std::snprintf(f.new_name, sizeof f.new_name, "%s", words_from(l, 3).c_str());
    req.edit = split_along_sketch(f);
    req.edit_uses_sketch = true;
    return {};
}

// The georeferencer: a scan shown, a click on it, the result saved (and added as a layer).
Result<> scan_command(App& app, const ScriptLine& l) {
    const auto& w = l.words;
    if (w[0] == "scan") return app.load_scan(w[1]);
    if (w[0] == "save_scan") return app.save_scan(w.size() > 1);
    const auto comma = w[1].find(',');
    const auto x = comma == std::string::npos ? std::nullopt : parse_real(w[1].substr(0, comma), 0, 1e6);
    const auto y = comma == std::string::npos ? std::nullopt : parse_real(w[1].substr(comma + 1), 0, 1e6);
    if (!x || !y) return input_error("scan_click: a pixel is X,Y, not " + w[1]);
    app.scan_clicked(*x, *y);
    return {};
}

Result<> edit_command(App& app, const ScriptLine& l) {
    const std::string& verb = l.words[0];
    const auto& w = l.words;
    return app.edit_lesson([&](Atlas& atlas) -> Result<> {
        if (verb == "add_territory") {
            const auto [name, units] = *split_at_equals(l, 2);
            return edit_territory(atlas, w[1], name, unit_list(units));
        }
        if (verb == "add_power") return edit_power(atlas, w[1], words_from(l, 3), w[2]);
        if (verb == "add_source") return edit_source(atlas, w[1], words_from(l, 3), w[2]);
        if (verb == "add_event") return edit_event(atlas, w[1], w[2], w[3], words_from(l, 4));
        if (verb == "add_change") return add_change(atlas, w[1], w[2], w[3], w[4], w.size() > 5 ? w[5] : "both");
        if (verb == "remove") return remove_row(atlas, w[1], w[2]);
        return add_citation(atlas, w[1], w[2], words_from(l, 3));  // cite
    });
}

}  // namespace

std::string words_from(const ScriptLine& l, std::size_t first) {
    std::string text;
    for (std::size_t k = first; k < l.words.size(); ++k) text += (k == first ? "" : " ") + l.words[k];
    return text;
}

std::string check_lesson_command(const ScriptLine& l) {
    const std::string& verb = l.words[0];
    const std::size_t args = l.words.size() - 1;
    auto at_least = [&](std::size_t n, const char* form) -> std::string { return args >= n ? "" : verb + " takes " + form; };
    auto exactly = [&](std::size_t n, const char* form) -> std::string { return args == n ? "" : verb + " takes " + form; };
    if (verb == "new_lesson") return at_least(5, "FOLDER FROM TO LONMIN,LATMIN,LONMAX,LATMAX TITLE...");
    if (verb == "add_territory")
        return has_places(l, 3) ? "" : "add_territory takes ID NAME... = UNIT; UNIT... (none, to rename a drawn one)";
    if (verb == "add_power") return at_least(3, "ID #RRGGBB NAME...");
    if (verb == "add_source") return at_least(3, "ID YEAR TITLE...");
    if (verb == "add_event") return at_least(4, "ID DATE KIND TITLE...");
    if (verb == "add_change") return args == 4 || args == 5 ? "" : "add_change takes EVENT TERRITORY STATUS CONTROLLER [BASIS]";
    if (verb == "cite") return at_least(3, "EVENT SOURCE LOCATOR...");
    if (verb == "remove") return exactly(2, "territory, power, source or event and an ID");
    if (verb == "split") return has_places(l, 4) ? "" : "split takes ID NEW_ID NAME... = LON,LAT; LON,LAT...";
    if (verb == "draw") return has_places(l, 3) ? "" : "draw takes ID NAME... = LON,LAT; LON,LAT; LON,LAT...";
    if (verb == "move_point") return exactly(3, "ID LON,LAT LON,LAT");
    if (verb == "add_point" || verb == "remove_point") return exactly(2, "ID LON,LAT");
    if (verb == "tool") {
        for (const auto& [name, tool] : kTools)
            if (args == 1 && l.words[1] == name) return "";
        return "tool takes none, provinces, line, outline or points";
    }
    if (verb == "map_click") return exactly(1, "LON,LAT");
    if (verb == "split_drawn") return at_least(3, "ID NEW_ID NAME...");
    if (verb == "add_drawn") return at_least(2, "ID NAME...");
    if (verb == "form") return at_least(1, "FORM.FIELD TEXT... (change.event london-1913)");
    if (verb == "undo" || verb == "redo") return args ? verb + " takes nothing after it" : "";
    if (verb == "scan") return exactly(1, "an image file");
    if (verb == "scan_click") return exactly(1, "PIXEL_X,PIXEL_Y (from the scan's top left corner)");
    if (verb == "save_scan") return args == 0 || (args == 1 && l.words[1] == "add") ? "" : "save_scan takes nothing, or add";
    return "-";
}

Result<> run_lesson_command(App& app, UiRequests& req, const ScriptLine& l) {
    const std::string& verb = l.words[0];
    const auto& w = l.words;
    if (verb == "undo") return app.undo_edit();
    if (verb == "scan" || verb == "scan_click" || verb == "save_scan") return scan_command(app, l);
    if (verb == "redo") return app.redo_edit();
    if (verb == "new_lesson") {
        LessonSpec spec;
        spec.folder = w[1];
        const auto from = parse_date(w[2]), to = parse_date(w[3]);
        if (!from.date || !to.date) return input_error("new_lesson: bad dates " + w[2] + " " + w[3]);
        spec.from = *from.date;
        spec.to = *to.date;
        const auto region = parse_lonlat_box(w[4]);
        if (!region) return input_error("new_lesson: the region is LONMIN,LATMIN,LONMAX,LATMAX, not " + w[4]);
        spec.region = *region;
        spec.title = words_from(l, 5);
        return app.new_lesson(spec);
    }
    if (!app.doc) return input_error(verb + ": no atlas is open");
    if (verb == "tool" || verb == "map_click" || verb == "split_drawn" || verb == "add_drawn" || verb == "form") return map_command(app, req, l);
    if (verb == "move_point" || verb == "add_point" || verb == "remove_point") return point_edit(app, l);
    if (verb == "split" || verb == "draw") return shape_edit(app, l);
    return edit_command(app, l);
}

}  // namespace chronomap::gui

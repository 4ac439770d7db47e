#include "data/edit/lesson_edits.h"

#include <algorithm>

#include "data/formats/drawn_shapes.h"
#include "data/formats/workbook.h"
#include "data/load/loader_parts.h"

namespace chronomap {
namespace {

Event* hand_written(Atlas& atlas, const std::string& id) {
    for (auto& e : atlas.events)
        if (!e.derived && std::string_view(e.id) == id) return &e;
    return nullptr;
}

}  // namespace

Result<> check_id(const std::string& id, const char* what) {
    if (id.empty() || id.find_first_of(" \t\n;") != std::string::npos)
        return input_error(std::string("a ") + what + " needs a short name without spaces, not '" + id + "'");
    return {};
}

Result<> edit_territory(Atlas& atlas, const std::string& id, const std::string& name, const std::vector<std::string>& units) {
    if (auto ok = check_id(id, "territory"); !ok) return ok;
    Layer* layer = atlas.units_layer();
    if (!layer) return input_error("this atlas has no layer of base-map units (a lesson made with `chronomap init --region`)");
    auto same = std::find_if(layer->features.begin(), layer->features.end(), [&](const Feature& f) { return f.id == id; });
    if (units.empty()) {  // a drawn territory keeps its shape and takes the name
        if (same == layer->features.end() || !is_drawn(*same))
            return input_error("territory '" + id + "' needs one or more units of the base map");
        if (!name.empty()) same->names.by_lang["en"] = name;
        return {};
    }
    const std::string listed = unit_cell(units);
    Feature t;
    t.id = id;
    if (!name.empty()) t.names.by_lang["en"] = name;
    t.properties.set("units", listed);
    if (same != layer->features.end())
        *same = std::move(t);
    else
        layer->features.push_back(std::move(t));
    return {};
}

Result<> edit_power(Atlas& atlas, const std::string& id, const std::string& name, const std::string& colour) {
    if (auto ok = check_id(id, "power"); !ok) return ok;
    const auto rgba = detail::parse_colour(colour);
    if (!rgba) return input_error("the colour of power '" + id + "' should look like #1f77b4, not '" + colour + "'");
    Power p;
    p.id = id;
    if (!name.empty()) p.names.by_lang["en"] = name;
    p.rgba = *rgba;
    auto same = std::find_if(atlas.powers.begin(), atlas.powers.end(), [&](const Power& q) { return q.id == id; });
    if (same != atlas.powers.end()) {
        p.parents = same->parents;
        p.note = same->note;
        *same = std::move(p);
    } else {
        atlas.powers.push_back(std::move(p));
    }
    return {};
}

Result<> edit_source(Atlas& atlas, const std::string& id, const std::string& title, const std::string& year) {
    if (auto ok = check_id(id, "source"); !ok) return ok;
    if (title.empty()) return input_error("source '" + id + "' needs a title");
    auto same = std::find_if(atlas.sources.begin(), atlas.sources.end(), [&](const Source& s) { return s.id == id; });
    Source& s = same != atlas.sources.end() ? *same : atlas.sources.emplace_back();
    s.id = id;
    s.title = title;
    s.year = year;
    return {};
}

Result<> edit_event(Atlas& atlas, const std::string& id, const std::string& date, const std::string& kind,
                    const std::string& title) {
    if (auto ok = check_id(id, "event"); !ok) return ok;
    const DateParseResult d = parse_date(date);
    if (!d.date) return input_error("the date of event '" + id + "': " + d.error);
    const auto k = event_kind_from_string(kind);
    if (!k) return input_error("kind '" + kind + "' is not known; use treaty, decision, military, declaration or other");
    if (title.empty()) return input_error("event '" + id + "' needs a title");
    Event* ev = hand_written(atlas, id);
    if (!ev) {
        atlas.events.emplace_back();
        ev = &atlas.events.back();
        ev->id = id;
    }
    ev->date = *d.date;
    ev->kind = *k;
    ev->title = title;
    return {};
}

Result<> add_change(Atlas& atlas, const std::string& event, const std::string& territory, const std::string& status,
                    const std::string& controller, const std::string& basis) {
    Event* ev = hand_written(atlas, event);
    if (!ev) return input_error("there is no event '" + event + "' to add a change to");
    Change c;
    c.territory = territory;
    c.controller = controller;
    const auto s = status_from_string(status);
    if (!s) return input_error("status '" + status + "' is not known; use integral, autonomous, occupied, administered or self-declared");
    c.status = *s;
    const auto b = basis_from_string(basis.empty() ? "both" : basis);
    if (!b) return input_error("basis '" + basis + "' is not known; use de_facto, de_jure or both");
    c.basis = *b;
    auto same = std::find_if(ev->changes.begin(), ev->changes.end(), [&](const Change& old) {
        return old.territory == c.territory && old.basis == c.basis && !old.date;
    });
    if (same != ev->changes.end()) {
        same->status = c.status;
        same->controller = c.controller;
    } else {
        ev->changes.push_back(std::move(c));
    }
    return {};
}

Result<> add_citation(Atlas& atlas, const std::string& event, const std::string& source, const std::string& locator) {
    Event* ev = hand_written(atlas, event);
    if (!ev) return input_error("there is no event '" + event + "' to cite a source for");
    if (source.empty()) return input_error("a citation needs a source");
    ev->sources.push_back(SourceRef{source, locator, {}});
    return {};
}

namespace {

template <class Rows, class Pred>
bool erase_where(Rows& rows, Pred pred) {
    const auto end = std::remove_if(rows.begin(), rows.end(), pred);
    const bool found = end != rows.end();
    rows.erase(end, rows.end());
    return found;
}

}  // namespace

Result<> remove_row(Atlas& atlas, const std::string& sheet, const std::string& id) {
    bool found = false;
    if (sheet == "territory") {
        if (Layer* layer = atlas.units_layer())
            found = erase_where(layer->features, [&](const Feature& f) { return f.id == id; });
    } else if (sheet == "power") {
        found = erase_where(atlas.powers, [&](const Power& p) { return p.id == id; });
    } else if (sheet == "source") {
        found = erase_where(atlas.sources, [&](const Source& s) { return s.id == id; });
    } else if (sheet == "event") {
        found = erase_where(atlas.events, [&](const Event& e) { return !e.derived && std::string_view(e.id) == id; });
    } else {
        return input_error("there is no sheet of " + sheet + "s; remove a territory, power, source or event");
    }
    if (!found) return input_error("there is no " + sheet + " '" + id + "' to remove");
    atlas.lookup.forget();
    return {};
}

}  // namespace chronomap

#include "data/edit/lesson_edits.h"

#include <algorithm>

#include "data/edit/event_form.h"
#include "data/formats/drawn_shapes.h"
#include "data/formats/workbook.h"
#include "data/load/loader_parts.h"

namespace chronomap {
namespace {

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

Result<Names> names_in_languages(const std::string& cell) {
    Names names;
    for (const auto& part : unit_list(cell)) {
        const auto colon = part.find(':');
        std::string lang = part.substr(0, std::min(colon, part.size())), name = colon == std::string::npos ? "" : part.substr(colon + 1);
        name.erase(0, name.find_first_not_of(' '));
        if (lang.empty() || lang.size() > 8 || lang.find(' ') != std::string::npos || name.empty())
            return input_error("names in other languages are written 'tr: Osmanlı İmparatorluğu; ru: Османская империя', not '" +
                               part + "'");
        names.by_lang[lang] = name;
    }
    return names;
}

Result<> edit_power(Atlas& atlas, const PowerFields& fields) {
    const std::string& id = fields.id;
    if (auto ok = check_id(id, "power"); !ok) return ok;
    const auto rgba = detail::parse_colour(fields.colour);
    if (!rgba) return input_error("the colour of power '" + id + "' should look like #1f77b4, not '" + fields.colour + "'");
    auto others = names_in_languages(fields.other_names);
    if (!others) return others.failure();
    Power p;
    p.id = id;
    p.names = std::move(*others);
    if (!fields.name.empty()) p.names.by_lang["en"] = fields.name;
    p.rgba = *rgba;
    p.note = fields.note;
    if (!fields.parent.empty()) p.parents.push_back(PowerParent{fields.parent, std::nullopt, std::nullopt});
    auto same = std::find_if(atlas.powers.begin(), atlas.powers.end(), [&](const Power& q) { return q.id == id; });
    if (same != atlas.powers.end()) {  // what the form leaves empty stays as it was
        for (const auto& [lang, name] : same->names.by_lang) p.names.by_lang.emplace(lang, name);
        if (fields.parent.empty()) p.parents = same->parents;
        if (fields.note.empty()) p.note = same->note;
        p.pos = same->pos;  // it stays in the file it came from
        *same = std::move(p);
    } else {
        atlas.powers.push_back(std::move(p));
    }
    return {};
}

Result<> edit_power(Atlas& atlas, const std::string& id, const std::string& name, const std::string& colour) {
    return edit_power(atlas, PowerFields{id, name, colour, "", "", ""});
}

Result<> edit_source(Atlas& atlas, const std::string& id, const std::string& title, const std::string& year,
                     const std::string& author) {
    if (auto ok = check_id(id, "source"); !ok) return ok;
    if (title.empty()) return input_error("source '" + id + "' needs a title");
    auto same = std::find_if(atlas.sources.begin(), atlas.sources.end(), [&](const Source& s) { return s.id == id; });
    Source& s = same != atlas.sources.end() ? *same : atlas.sources.emplace_back();
    s.id = id;
    s.title = title;
    s.year = year;
    if (!author.empty()) s.author = author;
    return {};
}

Result<> edit_event(Atlas& atlas, const std::string& id, const std::string& date, const std::string& kind,
                    const std::string& title) {
    if (auto ok = check_id(id, "event"); !ok) return ok;
    return apply_event_row(atlas, {{"event_id", id}, {"date", date}, {"kind", kind}, {"title", title}});
}

Result<> add_change(Atlas& atlas, const std::string& event, const std::string& territory, const std::string& status,
                    const std::string& controller, const std::string& basis) {
    if (!hand_written_event(atlas, event)) return input_error("there is no event '" + event + "' to add a change to");
    return apply_event_row(atlas, {{"event_id", event},
                                   {"territory", territory},
                                   {"status", status},
                                   {"controller", controller},
                                   {"basis", basis}});
}

Diagnostics check_claim(const Atlas& atlas, const ClaimFields& fields) {
    Diagnostics d;
    if (!hand_written_event(atlas, fields.event))
        d.error({}, "there is no event '" + fields.event + "' to add a claim to");
    if (!fields.claimant.empty() && !atlas.find_power(fields.claimant))
        d.error({}, "claim refers to power '" + fields.claimant + "', which the manifest does not define");
    if (!fields.territory.empty() && !atlas.find_territory(fields.territory))
        d.error({}, "claim refers to territory '" + fields.territory + "', which no layer defines");
    for (const auto& [what, text] : {std::pair{"from", fields.from}, std::pair{"to", fields.to}})
        if (const DateParseResult r = parse_date(text); !r.date && (!text.empty() || std::string(what) == "from"))
            d.error({}, std::string("the claim's ") + what + ": " + r.error);
    return d;
}

Result<> add_claim(Atlas& atlas, const ClaimFields& fields) {
    Event* ev = hand_written_event(atlas, fields.event);
    if (!ev) return input_error("there is no event '" + fields.event + "' to add a claim to");
    if (fields.claimant.empty() || fields.territory.empty()) return input_error("a claim needs a claimant and a territory");
    const DateParseResult from = parse_date(fields.from);
    if (!from.date) return input_error("the claim's from: " + from.error);
    Claim c;
    c.claimant = fields.claimant;
    c.territory = fields.territory;
    c.from = *from.date;
    if (!fields.to.empty()) {
        const DateParseResult to = parse_date(fields.to);
        if (!to.date) return input_error("the claim's to: " + to.error);
        c.to = *to.date;
    }
    c.note = fields.note;
    ev->details.edit().claims.push_back(std::move(c));
    return {};
}

Result<> add_citation(Atlas& atlas, const std::string& event, const std::string& source, const std::string& locator) {
    if (!hand_written_event(atlas, event)) return input_error("there is no event '" + event + "' to cite a source for");
    if (source.empty()) return input_error("a citation needs a source");
    return apply_event_row(atlas, {{"event_id", event}, {"source", source}, {"locator", locator}});
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

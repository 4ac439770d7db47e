// Checks across the whole atlas once everything is read: ids that refer to nothing, duplicates,
// changes before their territory exists.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "loader_parts.h"

namespace chronomap::detail {
namespace {

std::string hint(const std::string& word, const std::vector<std::string>& known) {
    const std::string best = closest_match(word, known);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

template <typename T>
void check_duplicates(const std::vector<T>& items, const char* kind, Diagnostics& diags) {
    std::map<std::string, const T*> seen;
    for (const auto& item : items) {
        auto [it, fresh] = seen.emplace(item.id, &item);
        if (!fresh) {
            const SourcePos& first = it->second->pos;
            diags.error(item.pos, std::string("duplicate ") + kind + " id '" + item.id +
                                      "' (first defined at " + first.file.str() + ":" +
                                      std::to_string(first.line) + ")");
        }
    }
}

void check_territory_duplicates(const Atlas& atlas, Diagnostics& diags) {
    std::map<std::string, std::vector<std::pair<const Layer*, const Feature*>>> by_id;
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Territories)
            for (const auto& f : layer.features) by_id[f.id].emplace_back(&layer, &f);
    for (const auto& [id, list] : by_id) {
        for (std::size_t i = 0; i < list.size(); ++i)
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                const Feature& a = *list[i].second;
                const Feature& b = *list[j].second;
                const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to <= *b.valid_from;
                const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to <= *a.valid_from;
                if (!a_before_b && !b_before_a)
                    diags.feature_problem(Severity::Error, {list[j].first->source}, list[j].first->name, id,
                                          "duplicate territory id '" + id +
                                              "': two shapes are valid at the same time; give them "
                                              "valid_from/valid_to dates that do not overlap");
            }
    }
}

// A power that is its own parent, directly or through others, has no outermost parent.
void check_parent_cycles(const Atlas& atlas, Diagnostics& diags) {
    std::map<std::string, const Power*> by_id;
    for (const auto& p : atlas.powers) by_id.emplace(p.id, &p);
    std::map<std::string, int> state;  // 1: on the current path, 2: done
    std::vector<std::string> path;
    std::function<void(const Power&)> visit = [&](const Power& p) {
        state[p.id] = 1;
        path.push_back(p.id);
        for (const auto& parent : p.parents) {
            if (parent.power == p.id) {
                diags.error(p.pos, "power '" + p.id + "' is given as its own parent");
                continue;
            }
            const auto it = by_id.find(parent.power);
            if (it == by_id.end()) continue;
            if (state[parent.power] == 1) {
                std::string cycle;
                for (auto k = std::find(path.begin(), path.end(), parent.power); k != path.end(); ++k)
                    cycle += *k + " -> ";
                diags.error(p.pos, "the parents of powers form a circle: " + cycle + parent.power +
                                       "; one of them must not be the other's parent");
            } else if (state[parent.power] == 0) {
                visit(*it->second);
            }
        }
        path.pop_back();
        state[p.id] = 2;
    };
    for (const auto& p : atlas.powers)
        if (state[p.id] == 0) visit(p);
}

bool bases_overlap(Basis a, Basis b) { return a == Basis::Both || b == Basis::Both || a == b; }

// Two hand-written changes for one territory on one day that disagree: which one holds would
// depend on the order of the files.
void check_conflicting_changes(const Atlas& atlas, Diagnostics& diags) {
    struct Seen {
        const Event* event;
        const Change* change;
    };
    std::map<std::pair<std::string, std::int64_t>, std::vector<Seen>> by_day;
    for (const auto& ev : atlas.events) {
        if (ev.derived) continue;
        for (const auto& c : ev.changes) by_day[{c.territory, c.date.value_or(ev.date).day}].push_back({&ev, &c});
    }
    for (const auto& [key, list] : by_day)
        for (std::size_t i = 1; i < list.size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                const Change& a = *list[j].change;
                const Change& b = *list[i].change;
                if (!bases_overlap(a.basis, b.basis) || (a.controller == b.controller && a.status == b.status))
                    continue;
                diags.error(b.pos, "two changes for territory '" + key.first + "' on " +
                                       list[i].event->date.iso() + " disagree (" + a.controller + ", " +
                                       to_string(a.status) + " in event '" + list[j].event->id + "'; " +
                                       b.controller + ", " + to_string(b.status) + " in event '" +
                                       list[i].event->id + "'); give them different dates or bases, or keep one");
                break;
            }
}

}  // namespace

void check_atlas(Atlas& atlas, Diagnostics& diags) {
    check_parent_cycles(atlas, diags);
    check_conflicting_changes(atlas, diags);
    check_duplicates(atlas.powers, "power", diags);
    check_duplicates(atlas.sources, "source", diags);
    check_duplicates(atlas.events, "event", diags);
    check_territory_duplicates(atlas, diags);

    std::vector<std::string> power_ids, source_ids;
    for (const auto& p : atlas.powers) power_ids.push_back(p.id);
    for (const auto& s : atlas.sources) source_ids.push_back(s.id);
    const std::vector<std::string> territory_ids = atlas.territory_ids();
    const std::set<std::string> powers(power_ids.begin(), power_ids.end());
    const std::set<std::string> sources(source_ids.begin(), source_ids.end());
    const std::set<std::string> territories(territory_ids.begin(), territory_ids.end());
    // Territory ids can only be checked when every territories layer could be read; otherwise
    // each change would repeat the layer's own error.
    const bool have_territories =
        std::any_of(atlas.layers.begin(), atlas.layers.end(),
                    [](const Layer& l) { return l.role == LayerRole::Territories; }) &&
        std::all_of(atlas.layers.begin(), atlas.layers.end(),
                    [](const Layer& l) { return l.role != LayerRole::Territories || l.loaded; });

    // Earliest date at which each territory has a shape; a territory with any undated shape exists always.
    std::map<std::string, std::optional<Date>> exists_from;
    for (const auto& layer : atlas.layers) {
        if (layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features) {
            auto [it, fresh] = exists_from.emplace(f.id, f.valid_from);
            if (!fresh && it->second && (!f.valid_from || *f.valid_from < *it->second))
                it->second = f.valid_from;
        }
    }

    auto check_power = [&](const std::string& id, const SourcePos& pos, const std::string& role) {
        if (!powers.count(id))
            diags.error(pos, role + " refers to power '" + id + "', which the manifest does not define" +
                                 hint(id, power_ids));
    };
    auto check_territory = [&](const std::string& id, const SourcePos& pos, const std::string& role) {
        if (have_territories && !territories.count(id)) {
            diags.error(pos, role + " refers to territory '" + id + "', which no layer defines" +
                                 hint(id, territory_ids));
            return false;
        }
        return true;
    };

    for (const auto& p : atlas.powers)
        for (const auto& parent : p.parents) check_power(parent.power, p.pos, "the parent of '" + p.id + "'");

    for (const auto& ev : atlas.events) {
        for (const auto& party : ev.parties) check_power(party, ev.pos, "a party of event '" + ev.id + "'");
        for (const auto& ref : ev.sources)
            if (!sources.count(ref.source))
                diags.error(ref.pos, "event '" + ev.id + "' cites source '" + ref.source +
                                         "', which the manifest does not list" + hint(ref.source, source_ids));
        if (ev.sources.empty())
            diags.warning(ev.pos, "event '" + ev.id + "' cites no source; add one with a locator");
        if (atlas.time_range_read && (ev.date < atlas.start || atlas.end < ev.date))
            diags.warning(ev.pos, "event '" + ev.id + "' (" + ev.date.iso() +
                                      ") lies outside the atlas time range");
        for (const auto& c : ev.changes) {
            if (c.status != Status::Ceased) check_power(c.controller, c.controller_pos, "change");
            if (!check_territory(c.territory, c.pos, "change")) continue;
            const Date effective = c.date.value_or(ev.date);
            auto it = exists_from.find(c.territory);
            if (it != exists_from.end() && it->second && effective < *it->second)
                diags.error(c.pos, "change of '" + c.territory + "' on " + effective.iso() +
                                       " comes before the territory's shape exists (from " +
                                       it->second->iso() + "); move the change or the shape's valid_from");
        }
        for (const auto& c : ev.claims) {
            check_power(c.claimant, c.claimant_pos, "claim");
            check_territory(c.territory, c.pos, "claim");
        }
    }
}

}  // namespace chronomap::detail

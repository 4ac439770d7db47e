// Checks across the whole atlas once everything is read: ids that refer to nothing, duplicates,
// changes before their territory exists.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "data/model/id_table.h"
#include "data/load/loader_parts.h"
#include "data/validate/event_check.h"

namespace chronomap::detail {
namespace {

template <typename T>
void check_duplicates(const std::vector<T>& items, const char* kind, Diagnostics& diags) {
    auto id_of = [&](std::uint32_t n) { return std::string_view(items[n].id); };
    IdTable<decltype(id_of)> seen(id_of);
    seen.reserve(items.size());
    for (std::uint32_t i = 0; i < items.size(); ++i) {
        if (const auto first_index = seen.insert(i)) {
            const T& item = items[i];
            const SourcePos& first = items[*first_index].pos;
            diags.error(item.pos, std::string("duplicate ") + kind + " id '" + item.id +
                                      "' (first defined at " + first.file.str() + ":" +
                                      std::to_string(first.line) + ")");
        }
    }
}

// Runs of equal keys in a list sorted by key, in their order in the list: fn(first, last).
template <typename T, typename Key, typename Fn>
void for_each_run(std::vector<T>& list, Key key, Fn fn) {
    std::stable_sort(list.begin(), list.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < list.size();) {
        std::size_t j = i + 1;
        while (j < list.size() && key(list[j]) == key(list[i])) ++j;
        fn(i, j);
        i = j;
    }
}

void check_territory_duplicates(const Atlas& atlas, Diagnostics& diags) {
    std::vector<std::pair<const Layer*, const Feature*>> all;  // sorted by id, not a map: 16 bytes each
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Territories)
            for (const auto& f : layer.features) all.emplace_back(&layer, &f);
    auto id = [](const std::pair<const Layer*, const Feature*>& p) { return std::string_view(p.second->id); };
    for_each_run(all, id, [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i)
            for (std::size_t j = i + 1; j < last; ++j) {
                const Feature& a = *all[i].second;
                const Feature& b = *all[j].second;
                const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to <= *b.valid_from;
                const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to <= *a.valid_from;
                if (!a_before_b && !b_before_a)
                    diags.feature_problem(Severity::Error, {all[j].first->source}, all[j].first->name, b.id,
                                          "duplicate territory id '" + b.id +
                                              "': two shapes are valid at the same time; give them "
                                              "valid_from/valid_to dates that do not overlap");
            }
    });
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
    // Only changes that share a territory and a day can disagree. A first pass finds those by a
    // hash of the two (8 bytes a change, sorted in place); only they are gathered and compared.
    auto day_of = [](const Event& ev, const Change& c) { return std::int64_t{c.date.value_or(ev.date).day}; };
    auto hash_of = [&](const Event& ev, const Change& c) {
        const auto day = static_cast<std::uint64_t>(day_of(ev, c));
        return c.territory.hash() * 0x9E3779B97F4A7C15ULL ^ (day + 0x632BE59BD9B4E019ULL + (day << 6));
    };
    std::size_t count = 0;
    for (const auto& ev : atlas.events) count += ev.derived ? 0 : ev.changes.size();
    std::vector<std::uint64_t> hashes;
    hashes.reserve(count);
    for (const auto& ev : atlas.events)
        if (!ev.derived)
            for (const auto& c : ev.changes) hashes.push_back(hash_of(ev, c));
    std::sort(hashes.begin(), hashes.end());
    std::vector<std::uint64_t> shared;
    for (std::size_t i = 1; i < hashes.size(); ++i)
        if (hashes[i] == hashes[i - 1] && (shared.empty() || shared.back() != hashes[i])) shared.push_back(hashes[i]);
    std::vector<std::uint64_t>().swap(hashes);
    if (shared.empty()) return;

    struct Seen {
        std::uint32_t event, change;  // indexes: 8 bytes a change
    };
    std::vector<Seen> all;
    for (std::uint32_t e = 0; e < atlas.events.size(); ++e) {
        const Event& ev = atlas.events[e];
        if (ev.derived) continue;
        for (std::uint32_t c = 0; c < ev.changes.size(); ++c)
            if (std::binary_search(shared.begin(), shared.end(), hash_of(ev, ev.changes[c]))) all.push_back({e, c});
    }
    auto event = [&](const Seen& s) -> const Event& { return atlas.events[s.event]; };
    auto change = [&](const Seen& s) -> const Change& { return atlas.events[s.event].changes[s.change]; };
    auto key = [&](const Seen& s) { return std::make_pair(std::string_view(change(s).territory), day_of(event(s), change(s))); };
    // In each run of one territory and day (in file order: `all` was gathered so), a change is
    // compared with the first change of each kind (controller, status, basis) before it: the
    // earliest that disagrees is always one of those, and a run of many alike costs no more
    // than one of a few.
    std::vector<Seen> kinds;
    for_each_run(all, key, [&](std::size_t first, std::size_t last) {
        kinds.clear();
        for (std::size_t i = first; i < last; ++i) {
            const Change& b = change(all[i]);
            bool known = false;
            for (const Seen& k : kinds) {
                const Change& a = change(k);
                known = known || (a.controller == b.controller && a.status == b.status && a.basis == b.basis);
                if (!bases_overlap(a.basis, b.basis) || (a.controller == b.controller && a.status == b.status))
                    continue;
                diags.error(b.pos, "two changes for territory '" + b.territory + "' on " +
                                       event(all[i]).date.display() + " disagree (" + a.controller + ", " +
                                       to_string(a.status) + " in event '" + event(k).id + "'; " + b.controller +
                                       ", " + to_string(b.status) + " in event '" + event(all[i]).id +
                                       "'); give them different dates or bases, or keep one");
                break;
            }
            if (!known) kinds.push_back(all[i]);
        }
    });
}

}  // namespace

void check_atlas(Atlas& atlas, Diagnostics& diags) {
    check_parent_cycles(atlas, diags);
    check_conflicting_changes(atlas, diags);
    check_duplicates(atlas.powers, "power", diags);
    check_duplicates(atlas.sources, "source", diags);
    check_duplicates(atlas.events, "event", diags);
    check_territory_duplicates(atlas, diags);

    auto ids = [](const auto& items) {  // only made for a hint, when an id is not found
        std::vector<std::string> out;
        for (const auto& item : items) out.push_back(item.id);
        return out;
    };
    for (const auto& p : atlas.powers)
        for (const auto& parent : p.parents)
            if (!atlas.find_power(parent.power))
                diags.error(p.pos, "the parent of '" + p.id + "' refers to power '" + parent.power +
                                       "', which the manifest does not define" + did_you_mean(parent.power, ids(atlas.powers)));
    EventChecker events(atlas, diags);
    for (const auto& ev : atlas.events) events.check(ev);
}

}  // namespace chronomap::detail

// Changes derived from temporal layers and snapshot series, and powers named only by the data.
// They join the hand-written events in one timeline, so status, history, the inspector, the
// legend and exports treat them alike.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "data/load/loader_parts.h"
#include "data/load/source_policy.h"
#include "data/geometry/tessellate.h"

namespace chronomap::detail {
namespace {

// What a title calls a snapshot: its file, or for a database connection ("PG:dbname=x
// tables=world_1800") the table it reads; the citation keeps the whole source.
std::string snapshot_name(const std::string& source) {
    if (!is_connection_string(source)) return source;
    const auto at = source.find("tables=");
    if (at == std::string::npos) return source;
    const auto begin = at + 7, end = source.find_first_of(" \t,", begin);
    return "table " + source.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// Colours that stay distinguishable for the common colour-vision deficiencies (Okabe-Ito and
// Paul Tol's muted and light schemes), lightened so that patterns and labels stay legible on them.
constexpr std::uint32_t kPalette[] = {
    0xE69F00FF, 0x56B4E9FF, 0x009E73FF, 0xF0E442FF, 0x0072B2FF, 0xD55E00FF, 0xCC79A7FF,
    0x88CCEEFF, 0x44AA99FF, 0x117733FF, 0x999933FF, 0xDDCC77FF, 0xCC6677FF, 0x882255FF,
    0xAA4499FF, 0x77AADDFF, 0xEE8866FF, 0xEEDD88FF, 0xFFAABBFF, 0x99DDFFFF, 0xBBCC33FF,
    0xAAAA00FF, 0x332288FF, 0x6699CCFF};
constexpr std::size_t kColours = sizeof kPalette / sizeof kPalette[0];

// A perceptual distance between two colours ("redmean" weighting of RGB).
double colour_distance(std::uint32_t a, std::uint32_t b) {
    const double r1 = (a >> 24) & 0xFF, g1 = (a >> 16) & 0xFF, b1 = (a >> 8) & 0xFF;
    const double r2 = (b >> 24) & 0xFF, g2 = (b >> 16) & 0xFF, b2 = (b >> 8) & 0xFF;
    const double rm = (r1 + r2) / 2, dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
    return std::sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db);
}

std::string resolve_power(const Atlas& atlas, const std::string& name) {
    auto it = atlas.power_aliases.find(name);
    return it == atlas.power_aliases.end() ? name : it->second;
}

struct Holding {
    const Feature* feature;
    std::string controller;  // power id ("" = no control recorded)
    Status status;
};

bool touching(const Bounds& a, const Bounds& b) {
    const double eps = 1e-6 * std::max({1.0, std::abs(a.max_x), std::abs(a.max_y)});
    return a.min_x <= b.max_x + eps && b.min_x <= a.max_x + eps && a.min_y <= b.max_y + eps &&
           b.min_y <= a.max_y + eps;
}

bool overlap_in_time(const Feature& a, const Feature& b) {
    const bool a_before = a.valid_to && b.valid_from && *a.valid_to <= *b.valid_from;
    const bool b_before = b.valid_to && a.valid_from && *b.valid_to <= *a.valid_from;
    return !a_before && !b_before;
}

// The powers a legend lists first are the largest at its date. Those of each snapshot (features
// that begin on one day) are each other's rivals: among the colours clearly unlike its neighbours',
// a power takes one no rival has, so the legend's first entries do not share a swatch (in 1500,
// Moscow, the Timurids and Tibet were one yellow-green). Neighbours come first: a rival's colour
// is taken before a neighbour's.
std::map<std::string, std::set<std::string>> legend_rivals(const std::vector<Holding>& holdings) {
    constexpr std::size_t kLeaders = 20;  // of 24 colours: a 1080-line legend lists about 20 powers
    std::map<std::int64_t, std::map<std::string, double>> area;  // first day -> power -> area
    for (const auto& h : holdings) {
        if (h.controller.empty()) continue;
        double a = 0;
        for (const auto& poly : h.feature->shape.polygons) a += polygon_area(poly);
        area[h.feature->valid_from ? h.feature->valid_from->day : INT64_MIN][h.controller] += a;
    }
    std::map<std::string, std::set<std::string>> rivals;
    for (const auto& [day, by_power] : area) {
        std::vector<std::pair<double, std::string>> ranked;
        for (const auto& [power, a] : by_power) ranked.emplace_back(-a, power);
        std::sort(ranked.begin(), ranked.end());
        if (ranked.size() > kLeaders) ranked.resize(kLeaders);
        for (const auto& [a1, p1] : ranked)
            for (const auto& [a2, p2] : ranked)
                if (p1 != p2) rivals[p1].insert(p2);
    }
    return rivals;
}

// Greedy colouring of the powers' adjacency graph (powers whose shapes touch while both exist),
// most-connected first, so neighbours never share a colour while the palette lasts; past that,
// the colour used least among the neighbours. Legend rivals (legend_rivals) break the ties.
void colour_powers(Atlas& atlas, const std::vector<Holding>& holdings, const std::set<std::string>& fresh) {
    std::map<std::string, std::set<std::string>> adjacent;
    std::vector<const Holding*> list;
    for (const auto& h : holdings)
        if (!h.controller.empty()) list.push_back(&h);
    // Sweep by min_x so that only features whose x ranges overlap are compared.
    std::sort(list.begin(), list.end(), [](const Holding* a, const Holding* b) {
        return a->feature->lonlat_bounds.min_x < b->feature->lonlat_bounds.min_x;
    });
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Bounds& a = list[i]->feature->lonlat_bounds;
        if (a.empty()) continue;
        for (std::size_t j = i + 1; j < list.size(); ++j) {
            const Bounds& b = list[j]->feature->lonlat_bounds;
            if (b.min_x > a.max_x + 1e-6) break;
            if (list[i]->controller == list[j]->controller || b.empty() || !touching(a, b) ||
                !overlap_in_time(*list[i]->feature, *list[j]->feature))
                continue;
            adjacent[list[i]->controller].insert(list[j]->controller);
            adjacent[list[j]->controller].insert(list[i]->controller);
        }
    }
    auto rivals = legend_rivals(holdings);
    std::map<std::string, std::size_t> colour;  // palette index, for every power
    for (const auto& p : atlas.powers)
        if (!fresh.count(p.id))
            for (std::size_t c = 0; c < kColours; ++c)
                if (kPalette[c] == p.rgba) colour[p.id] = c;
    std::vector<std::string> order(fresh.begin(), fresh.end());
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
        return adjacent[a].size() > adjacent[b].size();
    });
    std::vector<int> uses(kColours, 0);
    for (const auto& id : order) {
        // Among the colours clearly unlike every neighbour's, the least used overall (so the map
        // does not settle on a few colours); when none is clearly unlike, the most unlike. Ties
        // go to the first after a hash of the name.
        constexpr double kClear = 180;  // redmean distance: clearly different at a glance
        const std::size_t start = std::hash<std::string>{}(id) % kColours;
        std::vector<double> gap(kColours, 1e9);
        for (std::size_t c = 0; c < kColours; ++c)
            for (const auto& n : adjacent[id])
                if (auto it = colour.find(n); it != colour.end())
                    gap[c] = std::min(gap[c], colour_distance(kPalette[c], kPalette[it->second]));
        std::vector<char> rival(kColours, 0);
        for (const auto& r : rivals[id])
            if (auto it = colour.find(r); it != colour.end()) rival[it->second] = 1;
        // Tiers: clearly unlike the neighbours and no rival's; fairly unlike them and no rival's;
        // clearly unlike them; then the most unlike.
        auto tier = [&](std::size_t c) {
            if (gap[c] >= kClear) return rival[c] ? 2 : 0;
            return gap[c] >= kClear * 0.6 && !rival[c] ? 1 : 3;
        };
        std::size_t best = start;
        for (std::size_t k = 0; k < kColours; ++k) {
            const std::size_t c = (start + k) % kColours;
            const int t = tier(c), best_t = tier(best);
            const bool better = t != best_t ? t < best_t : t == 3 ? gap[c] > gap[best] : uses[c] < uses[best];
            if (better) best = c;
        }
        colour[id] = best;
        ++uses[best];
    }
    for (auto& p : atlas.powers)
        if (fresh.count(p.id)) p.rgba = kPalette[colour[p.id]];
}

}  // namespace

namespace {

// A power the data names by a bare number ("3" in world_1783's SUBJECTO) is a stray value of
// the field, not a state: each is said once, with the features that carry it, and how to fix it.
bool looks_stray(const std::string& power) {
    return !power.empty() && power.find_first_not_of("0123456789.- ") == std::string::npos;
}

void report_strays(const std::map<std::string, std::vector<const Feature*>>& strays, const Layer& layer,
                   Diagnostics& diags) {
    for (const auto& [power, features] : strays) {
        std::string where;
        for (std::size_t k = 0; k < features.size() && k < 5; ++k)
            where += (k ? "; " : "") + features[k]->origin() +
                     (features[k]->names.by_lang.empty() ? "" : " (" + features[k]->names.get("en") + ")");
        if (features.size() > 5) where += "; and " + std::to_string(features.size() - 5) + " more";
        const Feature& first = *features.front();
        diags.feature_problem(Severity::Warning, {first.origin_file.str()}, layer.name, first.id,
                              "the power '" + power + "' in field '" + layer.controller_field +
                                  "' is a number, not a state's name: " + where +
                                  ". Name the state in the data, or make it one with another in the manifest "
                                  "(\"power_aliases\": {\"" + power + "\": \"...\"}, or the window's Territory tab)");
    }
}

}  // namespace

void derive_from_layers(Atlas& atlas, Diagnostics& diags) {
    std::set<std::string> known_powers;
    for (const auto& p : atlas.powers) known_powers.insert(p.id);
    std::set<std::string> fresh;  // powers named only by the data
    std::vector<Holding> holdings;
    std::map<std::pair<std::string, std::int64_t>, std::size_t> event_at;  // (layer, day) -> event
    std::vector<Event> derived;

    for (const auto& layer : atlas.layers) {
        if (layer.role != LayerRole::Territories || !layer.data_driven()) continue;
        const std::string source_id = "data:" + layer.name;
        Source src;
        src.id = source_id;
        src.title = "Layer '" + layer.name + "'";
        src.file = layer.snapshots.empty() ? layer.source : layer.snapshots.front().source;
        src.note = layer.snapshots.empty() ? "" : std::to_string(layer.snapshots.size()) + " snapshots";
        src.pos = layer.pos;
        atlas.sources.push_back(src);

        std::map<std::string, std::vector<const Feature*>> by_territory;
        for (const auto& f : layer.features) by_territory[f.id].push_back(&f);
        std::map<std::string, std::vector<const Feature*>> strays;
        std::set<std::string> unknown_status;
        // The snapshot that begins on each date: an event cites the snapshot it describes, not the
        // file of whichever feature happened to create it, and takes its title.
        std::map<std::int64_t, const Layer::Snapshot*> snapshot_at;
        for (const auto& s : layer.snapshots) snapshot_at.emplace(s.date.day, &s);
        auto change_at = [&](Date d, const Feature& f) -> Event& {
            auto [it, created] = event_at.emplace(std::make_pair(layer.name, std::int64_t{d.day}), derived.size());
            if (created) {
                Event e;
                e.id = layer.name + "@" + d.iso();
                e.date = d;
                e.kind = EventKind::Other;
                const auto snap = snapshot_at.find(d.day);
                const std::string file = snap != snapshot_at.end() ? snap->second->source : f.origin_file.str();
                if (snap != snapshot_at.end() && !snap->second->title.empty())
                    e.title = snap->second->title;
                else
                    e.title = layer.snapshots.empty() ? "Changes recorded in layer '" + layer.name + "'"
                                                      : "Snapshot " + snapshot_name(file) + " of layer '" + layer.name + "'";
                e.pos = layer.pos;
                e.sources.push_back({source_id, file, layer.pos});
                e.derived = true;
                derived.push_back(std::move(e));
            }
            return derived[it->second];
        };
        for (auto& [id, features] : by_territory) {
            std::stable_sort(features.begin(), features.end(), [](const Feature* a, const Feature* b) {
                const Date undated{Date::from_ymd(Date::kMinYear, 1, 1).day - 1};  // before any date
                return a->valid_from.value_or(undated) < b->valid_from.value_or(undated);
            });
            std::optional<Holding> last;
            std::optional<Date> last_end;
            for (const Feature* f : features) {
                Holding h{f, "", Status::Integral};
                if (!layer.controller_field.empty())
                    h.controller = f->controller.empty() ? "" : resolve_power(atlas, f->controller);
                else
                    h.controller = resolve_power(atlas, f->names.get("en", f->id));
                if (!f->status.empty()) {
                    if (auto s = status_from_string(f->status); s && *s != Status::Ceased)
                        h.status = *s;
                    else if (unknown_status.insert(f->status).second)
                        diags.feature_problem(Severity::Warning, {f->origin_file.str()},
                                              layer.name, f->id,
                                              "status '" + f->status + "' in field '" + layer.status_field +
                                                  "' is not one of integral, autonomous, occupied, "
                                                  "administered, self-declared; read as integral");
                }
                if (!h.controller.empty() && !known_powers.count(h.controller)) {
                    Power p;
                    p.id = h.controller;
                    p.names.by_lang["en"] = f->controller.empty() ? h.controller : f->controller.str();
                    p.note = "named by the data of layer '" + layer.name + "'";
                    p.pos = layer.pos;
                    atlas.powers.push_back(std::move(p));
                    known_powers.insert(h.controller);
                    fresh.insert(h.controller);
                }
                if (fresh.count(h.controller) && looks_stray(h.controller)) strays[h.controller].push_back(f);
                holdings.push_back(h);
                const Date start = f->valid_from.value_or(atlas.start);
                const bool gap = last_end && *last_end < start;
                if (gap) {  // it had ceased in between
                    Change c;
                    c.territory = id;
                    c.status = Status::Ceased;
                    c.note.set("no shape in the data from this date");
                    c.date = *last_end;
                    change_at(*last_end, *f).changes.push_back(c);
                }
                // An empty controller is "no controller recorded" from this date, not the last one
                // kept (Sweden 'ceased' in 1500 must not stay Swedish-less-but-drawn in 1530).
                const bool differs = !last || gap || last->controller != h.controller || last->status != h.status;
                if (differs) {
                    Change c;
                    c.territory = id;
                    c.controller = h.controller;
                    c.status = h.status;
                    c.note.set(f->origin());
                    change_at(start, *f).changes.push_back(c);
                }
                last = h;
                last_end = f->valid_to;
            }
            if (last_end && *last_end <= atlas.end) {
                Change c;
                c.territory = id;
                c.status = Status::Ceased;
                c.note.set("no shape in the data from this date");
                change_at(*last_end, *last->feature).changes.push_back(c);
            }
        }
        report_strays(strays, layer, diags);
    }
    for (auto& e : derived) {
        e.details.edit().summary = std::to_string(e.changes.size()) + " change(s) of control derived from the data.";
        atlas.events.push_back(std::move(e));
    }
    if (!fresh.empty()) colour_powers(atlas, holdings, fresh);
}

}  // namespace chronomap::detail

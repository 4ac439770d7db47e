#include "data/validate/event_check.h"

#include <algorithm>

#include "data/load/loader_parts.h"

namespace chronomap {
namespace {

template <class Items>
std::vector<std::string> ids(const Items& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.id);
    return out;
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
    const std::string best = closest_match(word, known);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

EventChecker::EventChecker(const Atlas& atlas, Diagnostics& diags) : atlas_(atlas), diags_(diags) {
    const auto& layers = atlas.layers;
    have_territories_ = std::any_of(layers.begin(), layers.end(), [](const Layer& l) { return l.role == LayerRole::Territories; }) &&
                        std::all_of(layers.begin(), layers.end(),
                                    [](const Layer& l) { return l.role != LayerRole::Territories || l.loaded; });
}

void EventChecker::check_power(const std::string& id, const SourcePos& pos, const std::string& role) {
    if (!atlas_.find_power(id))
        diags_.error(pos, role + " refers to power '" + id + "', which the manifest does not define" +
                              did_you_mean(id, ids(atlas_.powers)));
}

bool EventChecker::check_territory(const std::string& id, const SourcePos& pos, const std::string& role) {
    if (!have_territories_ || atlas_.find_territory(id)) return true;
    diags_.error(pos, role + " refers to territory '" + id + "', which no layer defines" + did_you_mean(id, atlas_.territory_ids()));
    return false;
}

std::optional<Date> EventChecker::first_shape(const std::string& territory) {
    if (!exists_from_) {
        exists_from_.emplace();
        for (const auto& layer : atlas_.layers) {
            if (layer.role != LayerRole::Territories) continue;
            for (const auto& f : layer.features) {
                auto [it, fresh] = exists_from_->emplace(f.id, f.valid_from);
                if (!fresh && it->second && (!f.valid_from || *f.valid_from < *it->second)) it->second = f.valid_from;
            }
        }
    }
    const auto it = exists_from_->find(territory);
    return it == exists_from_->end() ? std::nullopt : it->second;
}

void EventChecker::check(const Event& ev) {
    for (const auto& party : ev.details->parties) check_power(party, ev.pos, "a party of event '" + std::string(ev.id) + "'");
    for (const auto& ref : ev.sources)
        if (!atlas_.find_source(ref.source))
            diags_.error(ref.pos, "event '" + ev.id + "' cites source '" + ref.source + "', which the manifest does not list" +
                                      did_you_mean(ref.source, ids(atlas_.sources)));
    if (ev.sources.empty()) diags_.warning(ev.pos, "event '" + ev.id + "' cites no source; add one with a locator");
    if (atlas_.time_range_read && (ev.date < atlas_.start || atlas_.end < ev.date))
        diags_.warning(ev.pos, "event '" + ev.id + "' (" + ev.date.display() + ") lies outside the atlas time range");
    for (const auto& c : ev.changes) {
        // A derived change with no controller: the data records none from that date.
        if (c.status != Status::Ceased && !(ev.derived && c.controller.empty())) check_power(c.controller, c.controller_pos, "change");
        if (!check_territory(c.territory, c.pos, "change")) continue;
        const Date effective = c.date.value_or(ev.date);
        if (const auto from = first_shape(c.territory); from && effective < *from)
            diags_.error(c.pos, "change of '" + c.territory + "' on " + effective.display() +
                                    " comes before the territory's shape exists (from " + from->iso() +
                                    "); move the change or the shape's valid_from");
    }
    for (const auto& c : ev.details->claims) {
        check_power(c.claimant, c.claimant_pos, "claim");
        check_territory(c.territory, c.pos, "claim");
    }
}

}  // namespace chronomap

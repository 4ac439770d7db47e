#include "data/time/timeline.h"

#include <algorithm>
#include <unordered_map>

namespace chronomap {

Timeline::Timeline(const Atlas& atlas) : atlas_(atlas) {
    territory_ids_ = atlas.territory_ids();
    auto& index = index_;
    for (std::size_t i = 0; i < territory_ids_.size(); ++i) index.emplace(territory_ids_[i], i);
    // Territories named only by changes (no geometry) still get a state.
    for (const auto& ev : atlas.events)
        for (const auto& c : ev.changes)
            if (index.emplace(c.territory, territory_ids_.size()).second) territory_ids_.push_back(c.territory);

    std::vector<std::vector<Entry>> facto(territory_ids_.size()), jure(territory_ids_.size());
    for (const auto& ev : atlas.events) {
        for (const auto& c : ev.changes) {
            const std::size_t t = index.at(c.territory);
            const Entry e{c.date.value_or(ev.date), &ev, &c};
            if (applies_to(c.basis, Basis::DeFacto)) facto[t].push_back(e);
            if (applies_to(c.basis, Basis::DeJure)) jure[t].push_back(e);
        }
    }
    // Stable: two changes on the same day apply in the order the events list them.
    auto flatten = [](std::vector<std::vector<Entry>>& lists, Index& out) {
        out.offsets.reserve(lists.size() + 1);
        out.offsets.push_back(0);
        for (auto& list : lists) {
            std::stable_sort(list.begin(), list.end(),
                             [](const Entry& a, const Entry& b) { return a.effective < b.effective; });
            out.entries.insert(out.entries.end(), list.begin(), list.end());
            out.offsets.push_back(out.entries.size());
        }
    };
    flatten(facto, de_facto_);
    flatten(jure, de_jure_);

    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> ranges(territory_ids_.size());
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Territories)
            for (const auto& f : layer.features)
                ranges[index.at(f.id)].emplace_back(f.valid_from ? f.valid_from->day : INT64_MIN,
                                                    f.valid_to ? f.valid_to->day : INT64_MAX);
    shape_offsets_.push_back(0);
    for (auto& r : ranges) {
        shape_ranges_.insert(shape_ranges_.end(), r.begin(), r.end());
        shape_offsets_.push_back(shape_ranges_.size());
    }
}

bool Timeline::exists(const TerritoryState& s, Date date) const {
    if (s.known && s.status == Status::Ceased) return false;
    const int i = territory_index(std::string(s.territory));
    if (i < 0) return s.known;
    const std::size_t from = shape_offsets_[static_cast<std::size_t>(i)];
    const std::size_t to = shape_offsets_[static_cast<std::size_t>(i) + 1];
    // Known only through changes (no shapes at all): on the map while under control.
    if (from == to) return s.known;
    // Otherwise it needs a shape at the date: when every shape has expired, it has gone.
    for (std::size_t k = from; k < to; ++k)
        if (shape_ranges_[k].first <= date.day && date.day < shape_ranges_[k].second) return true;
    return false;
}

int Timeline::territory_index(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? -1 : static_cast<int>(it->second);
}

void Timeline::fill(std::size_t index, Date date, Basis basis, TerritoryState& out) const {
    const Index& idx = basis == Basis::DeJure ? de_jure_ : de_facto_;
    const auto begin = idx.entries.begin() + static_cast<std::ptrdiff_t>(idx.offsets[index]);
    const auto end = idx.entries.begin() + static_cast<std::ptrdiff_t>(idx.offsets[index + 1]);
    // Last entry whose effective date is <= date.
    const auto it = std::upper_bound(begin, end, date,
                                     [](Date d, const Entry& e) { return d < e.effective; });
    out.territory = territory_ids_[index];
    if (it == begin) {
        out.known = false;
        out.controller = {};
        out.event = nullptr;
        out.change = nullptr;
        return;
    }
    const Entry& e = *std::prev(it);
    out.known = true;
    out.status = e.change->status;
    out.controller = e.change->controller;
    out.since = e.effective;
    out.event = e.event;
    out.change = e.change;
}

void Timeline::state_at(Date date, Basis basis, std::vector<TerritoryState>& out) const {
    out.resize(territory_ids_.size());
    for (std::size_t i = 0; i < territory_ids_.size(); ++i) fill(i, date, basis, out[i]);
}

std::vector<TerritoryState> Timeline::state_at(Date date, Basis basis) const {
    std::vector<TerritoryState> out;
    state_at(date, basis, out);
    return out;
}

std::optional<TerritoryState> Timeline::territory_state(const std::string& id, Date date,
                                                        Basis basis) const {
    const int i = territory_index(id);
    if (i < 0) return std::nullopt;
    TerritoryState s;
    fill(static_cast<std::size_t>(i), date, basis, s);
    return s;
}

std::vector<HistoryEntry> Timeline::history(const std::string& territory) const {
    std::vector<HistoryEntry> out;
    for (const auto& ev : atlas_.events)
        for (const auto& c : ev.changes)
            if (c.territory == territory) out.push_back({c.date.value_or(ev.date), c.basis, &ev, &c});
    std::stable_sort(out.begin(), out.end(),
                     [](const HistoryEntry& a, const HistoryEntry& b) { return a.effective < b.effective; });
    return out;
}

const Event* Timeline::next_event(Date after) const {
    auto it = std::upper_bound(atlas_.events.begin(), atlas_.events.end(), after,
                               [](Date d, const Event& e) { return d < e.date; });
    return it == atlas_.events.end() ? nullptr : &*it;
}

const Event* Timeline::previous_event(Date before) const {
    auto it = std::lower_bound(atlas_.events.begin(), atlas_.events.end(), before,
                               [](const Event& e, Date d) { return e.date < d; });
    return it == atlas_.events.begin() ? nullptr : &*std::prev(it);
}

std::vector<const Event*> Timeline::events_between(std::optional<Date> from,
                                                   std::optional<Date> to) const {
    std::vector<const Event*> out;
    for (const auto& e : atlas_.events)
        if ((!from || *from <= e.date) && (!to || e.date <= *to)) out.push_back(&e);
    return out;
}

std::vector<const Claim*> Timeline::claims_at(Date date) const {
    std::vector<const Claim*> out;
    for (const auto& e : atlas_.events)
        for (const auto& c : e.details->claims)
            if (c.from <= date && (!c.to || date < *c.to)) out.push_back(&c);
    return out;
}

}  // namespace chronomap

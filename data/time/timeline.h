#pragma once
// Time queries over a loaded atlas: the state of every territory at a date, histories, stepping
// through events. Built once per atlas; queries do no allocation beyond their results.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/model/atlas.h"

namespace chronomap {

// Views point into the atlas and the timeline: valid while both live.
struct TerritoryState {
    std::string_view territory;
    bool known = false;  // false before the first change that concerns it
    Status status = Status::Integral;
    std::string_view controller;
    Date since;
    const Event* event = nullptr;
    const Change* change = nullptr;
};

struct HistoryEntry {
    Date effective;
    Basis basis;
    const Event* event;
    const Change* change;
};

class Timeline {
public:
    explicit Timeline(const Atlas& atlas);

    // One entry per territory, in atlas order. A change dated D is in effect on D itself.
    std::vector<TerritoryState> state_at(Date date, Basis basis) const;
    // Same, written into `out` (resized to territory_count()), for callers that query per frame.
    void state_at(Date date, Basis basis, std::vector<TerritoryState>& out) const;
    std::optional<TerritoryState> territory_state(const std::string& id, Date date, Basis basis) const;

    // Whether a territory is on the map at a date: not ceased, and with a shape valid then (or,
    // for a territory known only through changes, under control). Others are left out of status
    // lists and legends.
    bool exists(const TerritoryState& state, Date date) const;

    std::vector<HistoryEntry> history(const std::string& territory) const;
    const Event* next_event(Date after) const;    // first event strictly after
    const Event* previous_event(Date before) const;  // last event strictly before
    std::vector<const Event*> events_between(std::optional<Date> from, std::optional<Date> to) const;
    std::vector<const Claim*> claims_at(Date date) const;

    const std::vector<std::string>& territories() const { return territory_ids_; }
    std::size_t territory_count() const { return territory_ids_.size(); }
    int territory_index(const std::string& id) const;

private:
    struct Entry {
        Date effective;
        const Event* event;
        const Change* change;
    };
    // Per view, every territory's changes sorted by effective date, stored contiguously:
    // territory i owns entries[offsets[i] .. offsets[i + 1]).
    struct Index {
        std::vector<Entry> entries;
        std::vector<std::size_t> offsets;
    };
    const Atlas& atlas_;
    std::vector<std::string> territory_ids_;
    std::unordered_map<std::string, std::size_t> index_;
    Index de_facto_;
    Index de_jure_;
    // Per territory, the [from, to) day ranges of its shapes: territory i owns
    // shape_ranges_[shape_offsets_[i] .. shape_offsets_[i + 1]).
    std::vector<std::pair<std::int64_t, std::int64_t>> shape_ranges_;
    std::vector<std::size_t> shape_offsets_;

    void fill(std::size_t index, Date date, Basis basis, TerritoryState& out) const;
};

}  // namespace chronomap

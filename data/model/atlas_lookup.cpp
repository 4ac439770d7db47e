#include "data/model/atlas_lookup.h"

#include "data/model/atlas.h"
#include "data/model/id_table.h"

namespace chronomap {

namespace {

// Where each indexed array is and how long: an index is current while this is unchanged.
// Walked for every lookup, so it is compared in place rather than built.
using Print = std::pair<const void*, std::size_t>;
template <typename Fn>
void for_each_array(const Atlas& atlas, Fn fn) {
    fn(Print{atlas.powers.data(), atlas.powers.size()});
    fn(Print{atlas.sources.data(), atlas.sources.size()});
    fn(Print{atlas.events.data(), atlas.events.size()});
    fn(Print{atlas.layers.data(), atlas.layers.size()});
    for (const auto& layer : atlas.layers)
        if (layer.role == LayerRole::Territories) fn(Print{layer.features.data(), layer.features.size()});
}

std::vector<Print> fingerprint(const Atlas& atlas) {
    std::vector<Print> out;
    for_each_array(atlas, [&](Print p) { out.push_back(p); });
    return out;
}

bool same_arrays(const Atlas& atlas, const std::vector<Print>& prints) {
    std::size_t i = 0;
    bool same = true;
    for_each_array(atlas, [&](Print p) { same = same && i < prints.size() && prints[i++] == p; });
    return same && i == prints.size();
}

template <typename T>
struct IdOf {
    const std::vector<T>* items;
    std::string_view operator()(std::uint32_t n) const { return (*items)[n].id; }
};

struct FeatureIdOf {
    const std::vector<const Feature*>* items;
    std::string_view operator()(std::uint32_t n) const { return (*items)[n]->id; }
};

template <typename T>
IdTable<IdOf<T>> table_of(const std::vector<T>& items) {
    IdTable<IdOf<T>> table(IdOf<T>{&items});
    table.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) table.insert(static_cast<std::uint32_t>(i));
    return table;
}

}  // namespace

struct AtlasLookup::Index {
    explicit Index(const Atlas& atlas)
        : prints(fingerprint(atlas)),
          powers(table_of(atlas.powers)),
          sources(table_of(atlas.sources)),
          events(table_of(atlas.events)),
          territories(FeatureIdOf{&features}) {
        for (const auto& layer : atlas.layers)
            if (layer.role == LayerRole::Territories)
                for (const auto& f : layer.features) features.push_back(&f);
        // Features with one id (a territory in several snapshots) are chained in layer order.
        next.assign(features.size(), kNone);
        std::vector<std::uint32_t> last(features.size(), kNone);
        territories.reserve(features.size());
        for (std::uint32_t i = 0; i < features.size(); ++i) {
            if (const auto first = territories.insert(i)) {
                std::uint32_t tail = last[*first] == kNone ? *first : last[*first];
                next[tail] = i;
                last[*first] = i;
            }
        }
    }
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};
    std::vector<Print> prints;
    IdTable<IdOf<Power>> powers;
    IdTable<IdOf<Source>> sources;
    IdTable<IdOf<Event>> events;
    std::vector<const Feature*> features;  // of the territories layers, in order
    std::vector<std::uint32_t> next;       // the next feature with the same id
    IdTable<FeatureIdOf> territories;      // the first feature of each id
};

AtlasLookup::~AtlasLookup() = default;

std::shared_ptr<const AtlasLookup::Index> AtlasLookup::index(const Atlas& atlas) const {
    const std::lock_guard<std::mutex> hold(mutex_);
    if (!index_ || !same_arrays(atlas, index_->prints)) index_ = std::make_shared<const Index>(atlas);
    return index_;
}

const Power* AtlasLookup::power(const Atlas& atlas, std::string_view id) const {
    const auto n = index(atlas)->powers.find(id);
    return n ? &atlas.powers[*n] : nullptr;
}

const Source* AtlasLookup::source(const Atlas& atlas, std::string_view id) const {
    const auto n = index(atlas)->sources.find(id);
    return n ? &atlas.sources[*n] : nullptr;
}

const Event* AtlasLookup::event(const Atlas& atlas, std::string_view id) const {
    const auto n = index(atlas)->events.find(id);
    return n ? &atlas.events[*n] : nullptr;
}

const Feature* AtlasLookup::territory(const Atlas& atlas, std::string_view id, std::optional<Date> at) const {
    const auto idx = index(atlas);
    const auto first = idx->territories.find(id);
    if (!first) return nullptr;
    if (at)
        for (std::uint32_t i = *first; i != Index::kNone; i = idx->next[i])
            if (idx->features[i]->valid_at(*at)) return idx->features[i];
    return idx->features[*first];
}

}  // namespace chronomap

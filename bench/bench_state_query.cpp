// Targets: a state query over 10,000 territories and 100,000 changes in under 1 ms; the names
// of every territory of a 200,000-territory atlas (what `status` prints) in well under 1 s.
#include <benchmark/benchmark.h>

#include <random>

#include "data/time/timeline.h"

using namespace chronomap;

namespace {

// A synthetic atlas: no geometry, territories named only by their changes.
Atlas make_atlas(int territories, int changes) {
    Atlas atlas;
    atlas.powers = {{"a", {}, 0xFF0000FF, {}, {}, {}}, {"b", {}, 0x00FF00FF, {}, {}, {}}};
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> day(0, 365 * 100);
    std::uniform_int_distribution<int> territory(0, territories - 1);
    const int per_event = 10;
    for (int e = 0; e < changes / per_event; ++e) {
        Event ev;
        ev.id = "e" + std::to_string(e);
        ev.date.day = Date::from_ymd(1900, 1, 1).day + day(rng);
        for (int c = 0; c < per_event; ++c) {
            Change ch;
            // Every territory gets at least one change; the rest are random.
            const int index = e * per_event + c;
            ch.territory = "t" + std::to_string(index < territories ? index : territory(rng));
            ch.controller = (c % 2) ? "a" : "b";
            ch.status = static_cast<Status>(c % 5);
            ch.basis = static_cast<Basis>(1 + c % 3);
            ev.changes.push_back(std::move(ch));
        }
        atlas.events.push_back(std::move(ev));
    }
    std::sort(atlas.events.begin(), atlas.events.end(),
              [](const Event& x, const Event& y) { return x.date < y.date; });
    return atlas;
}

void BM_StateQuery(benchmark::State& state) {
    const Atlas atlas = make_atlas(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    const Timeline tl(atlas);
    std::vector<TerritoryState> out;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> day(0, 365 * 100);
    std::size_t known = 0;
    for (auto _ : state) {
        Date d;
        d.day = Date::from_ymd(1900, 1, 1).day + day(rng);
        tl.state_at(d, Basis::DeFacto, out);
        known += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["territories"] = static_cast<double>(tl.territory_count());
    benchmark::DoNotOptimize(known);
}
BENCHMARK(BM_StateQuery)->Args({10000, 100000})->Unit(benchmark::kMicrosecond);

void BM_TimelineBuild(benchmark::State& state) {
    const Atlas atlas = make_atlas(10000, 100000);
    for (auto _ : state) {
        Timeline tl(atlas);
        benchmark::DoNotOptimize(&tl);
    }
}
BENCHMARK(BM_TimelineBuild)->Unit(benchmark::kMillisecond);

// What `status` and the inspector do per row: a territory's feature and its power's name. Each
// lookup searched the arrays once (200,000 territories: 80 s for a status table).
void BM_NamesOfEveryTerritory(benchmark::State& state) {
    Atlas atlas;
    Layer layer;
    layer.role = LayerRole::Territories;
    const int n = static_cast<int>(state.range(0));
    for (int i = 0; i < n; ++i) {
        Feature f;
        f.id = "t" + std::to_string(i);
        f.names.by_lang["en"] = "T" + std::to_string(i);
        layer.features.push_back(std::move(f));
    }
    atlas.layers.push_back(std::move(layer));
    for (int i = 0; i < 3000; ++i) atlas.powers.push_back({"p" + std::to_string(i), {}, 0, {}, {}, {}});
    std::size_t chars = 0;
    for (auto _ : state) {
        atlas.lookup.forget();  // the index is built once per table, as a command does
        for (int i = 0; i < n; ++i) {
            chars += atlas.territory_name("t" + std::to_string(i), "en").size();
            chars += atlas.power_name("p" + std::to_string(i % 3000), "en").size();
        }
    }
    benchmark::DoNotOptimize(chars);
}
BENCHMARK(BM_NamesOfEveryTerritory)->Arg(200000)->Unit(benchmark::kMillisecond);

}  // namespace

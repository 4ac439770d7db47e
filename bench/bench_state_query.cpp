// Target: a state query over 10,000 territories and 100,000 changes in under 1 ms.
#include <benchmark/benchmark.h>

#include <random>

#include "timeline.h"

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

}  // namespace

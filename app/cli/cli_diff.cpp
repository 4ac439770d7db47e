#include "app/cli/cli_diff.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/cli_common.h"
#include "data/time/comparison.h"

namespace chronomap::cli {
namespace {

using ojson = nlohmann::ordered_json;

std::string side(const Atlas& atlas, const std::optional<TerritoryState>& s, const std::string& lang) {
    if (!s) return "not on the map";
    return atlas.power_name(s->controller, lang) + (s->status == Status::Integral ? "" : std::string(" (") + to_string(s->status) + ")");
}

ojson side_json(const Atlas& atlas, const std::optional<TerritoryState>& s, const std::string& lang) {
    if (!s) return nullptr;
    return {{"status", to_string(s->status)},
            {"controller", std::string(s->controller)},
            {"controller_name", atlas.power_name(s->controller, lang)}};
}

}  // namespace

Result<> run_diff(const DiffRequest& req) {
    const Result<LoadResult> loaded = load(req.atlas, true, false);
    if (!loaded) return loaded.failure();
    const LoadResult& r = *loaded;
    const std::string& lang = req.lang;
    note_missing_language(r.atlas, lang);
    const Date first = req.first, second = req.second;
    const Basis view_a = req.first_basis, view_b = req.second_basis;
    const Timeline tl(r.atlas);
    const auto diffs = compare_dates(tl, first, view_a, second, view_b);
    if (req.json) {
        ojson list = ojson::array();
        for (const auto& d : diffs)
            list.push_back({{"territory", d.territory},
                            {"name", r.atlas.territory_name(d.territory, lang)},
                            {"before", side_json(r.atlas, d.before, lang)},
                            {"after", side_json(r.atlas, d.after, lang)},
                            {"changes_between", d.changes_between},
                            {"event", d.event ? ojson(d.event->id) : ojson(nullptr)}});
        const ojson out = {{"from", {{"date", first.iso()}, {"basis", to_string(view_a)}}},
                           {"to", {{"date", second.iso()}, {"basis", to_string(view_b)}}},
                           {"differences", std::move(list)}};
        std::cout << out.dump(2) << '\n';
        return {};
    }
    auto view_name = [](Basis b) { return b == Basis::DeJure ? "de jure" : "de facto"; };
    std::cout << printable(r.atlas.title) << ": " << first.readable() << " (" << view_name(view_a) << ") to "
              << second.readable() << " (" << view_name(view_b) << ")\n";
    if (diffs.empty()) std::cout << "no territory differs\n";
    for (const auto& d : diffs) {
        std::cout << "  " << printable(r.atlas.territory_name(d.territory, lang)) << ": "
                  << printable(side(r.atlas, d.before, lang)) << " -> " << printable(side(r.atlas, d.after, lang)) << ", " << d.changes_between << " change"
                  << (d.changes_between == 1 ? "" : "s") << " between";
        if (d.event) std::cout << " (last: " << printable(d.event->title.str()) << ", " << d.event->date.readable() << ")";
        std::cout << '\n';
    }
    return {};
}

}  // namespace chronomap::cli

// Lookups by id: the same answers a search through the arrays gives, on atlases changed after
// the first lookup too.
#include <gtest/gtest.h>

#include "data/model/atlas.h"

using namespace chronomap;

namespace {

Feature feature(const std::string& id, std::optional<Date> from, std::optional<Date> to, const std::string& origin) {
    Feature f;
    f.id = id;
    f.valid_from = from;
    f.valid_to = to;
    f.names.by_lang["en"] = origin;  // tells the features apart
    return f;
}

Atlas sample() {
    Atlas a;
    Layer ref;
    ref.role = LayerRole::Reference;
    ref.features.push_back(feature("kars", {}, {}, "reference"));  // not a territory
    Layer t1;
    t1.role = LayerRole::Territories;
    t1.features.push_back(feature("kars", Date::year_only(1900), Date::year_only(1918), "1900"));
    t1.features.push_back(feature("batumi", {}, {}, "batumi"));
    Layer t2;
    t2.role = LayerRole::Territories;
    t2.features.push_back(feature("kars", Date::year_only(1918), Date::year_only(1921), "1918"));
    t2.features.push_back(feature("kars", Date::year_only(1921), {}, "1921"));
    a.layers = {ref, t1, t2};
    a.powers.push_back(Power{"ru", {}, 1, {}, "first", {}});
    a.powers.push_back(Power{"tr", {}, 2, {}, "", {}});
    a.powers.push_back(Power{"ru", {}, 3, {}, "second", {}});
    a.events.push_back(Event{});
    a.events.back().id = "kars-1921";
    return a;
}

}  // namespace

TEST(AtlasLookup, FindsWhatASearchWouldFind) {
    const Atlas a = sample();
    ASSERT_NE(a.find_power("ru"), nullptr);
    EXPECT_EQ(a.find_power("ru")->note, "first");  // the first of two with one id
    EXPECT_EQ(a.find_power("tr")->rgba, 2u);
    EXPECT_EQ(a.find_power("xx"), nullptr);
    EXPECT_EQ(a.find_power(""), nullptr);
    ASSERT_NE(a.find_event("kars-1921"), nullptr);
    EXPECT_EQ(a.find_source("anything"), nullptr);

    // A territory in several layers: the one valid at the date, else the first; never a
    // reference layer's feature.
    EXPECT_EQ(a.find_territory("kars")->names.get("en"), "1900");
    EXPECT_EQ(a.find_territory("kars", Date::year_only(1919))->names.get("en"), "1918");
    EXPECT_EQ(a.find_territory("kars", Date::year_only(1990))->names.get("en"), "1921");
    EXPECT_EQ(a.find_territory("kars", Date::year_only(1800))->names.get("en"), "1900");
    EXPECT_EQ(a.find_territory("batumi", Date::year_only(1800))->names.get("en"), "batumi");
    EXPECT_EQ(a.find_territory("nakhchivan"), nullptr);
}

TEST(AtlasLookup, SeesChangesMadeAfterTheFirstLookup) {
    Atlas a = sample();
    EXPECT_EQ(a.find_power("ge"), nullptr);
    a.powers.push_back(Power{"ge", {}, 4, {}, "", {}});
    ASSERT_NE(a.find_power("ge"), nullptr);
    EXPECT_EQ(a.find_power("ge")->rgba, 4u);

    EXPECT_EQ(a.find_territory("ardahan"), nullptr);
    a.layers[1].features.push_back(feature("ardahan", {}, {}, "ardahan"));
    ASSERT_NE(a.find_territory("ardahan"), nullptr);

    std::swap(a.powers[0], a.powers[1]);  // reordered in place: said with forget()
    a.lookup.forget();
    EXPECT_EQ(a.find_power("tr"), &a.powers[0]);

    const Atlas copy = a;  // a copy answers from its own arrays
    EXPECT_EQ(copy.find_power("tr"), &copy.powers[0]);
    EXPECT_EQ(copy.find_territory("kars", Date::year_only(1919)), &copy.layers[2].features[0]);
}

TEST(AtlasLookup, ManyIdsAndManyPiecesOfOne) {
    Atlas a;
    Layer l;
    l.role = LayerRole::Territories;
    for (int i = 0; i < 50000; ++i) l.features.push_back(feature("t" + std::to_string(i), {}, Date::year_only(1000), ""));
    for (int year = 1000; year < 1100; ++year)
        l.features.push_back(feature("t7", Date::year_only(year), Date::year_only(year + 1), std::to_string(year)));
    a.layers.push_back(std::move(l));
    for (int i = 0; i < 50000; i += 997) EXPECT_EQ(a.find_territory("t" + std::to_string(i))->id, "t" + std::to_string(i));
    EXPECT_EQ(a.find_territory("t7", Date::year_only(1057))->names.get("en"), "1057");
    EXPECT_EQ(a.find_territory("t50000"), nullptr);
}

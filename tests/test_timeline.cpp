#include <gtest/gtest.h>

#include "data/load/loader.h"
#include "data/time/timeline.h"

using namespace chronomap;

namespace {
struct Fixture : ::testing::Test {
    LoadResult r = load_atlas(std::string(CHRONOMAP_FIXTURES) + "/good/atlas.json");
    Timeline tl{r.atlas};
    Date d(const char* s) { return *parse_date(s).date; }
    TerritoryState at(const char* id, const char* date, Basis basis = Basis::DeFacto) {
        return *tl.territory_state(id, d(date), basis);
    }
};
}  // namespace

TEST_F(Fixture, NothingKnownBeforeTheFirstChange) {
    EXPECT_FALSE(at("alpha", "1899-12-31").known);
    EXPECT_TRUE(at("alpha", "1900-01-01").known);
}

TEST_F(Fixture, AChangeIsInEffectOnItsOwnDay) {
    EXPECT_EQ(at("alpha", "1918-04-24").controller, "red");
    const auto s = at("alpha", "1918-04-25");
    EXPECT_EQ(s.controller, "blue");
    EXPECT_EQ(s.status, Status::Occupied);
    EXPECT_EQ(s.since.iso(), "1918-04-25");
    EXPECT_EQ(s.event->id, "invasion");
}

TEST_F(Fixture, DeFactoAndDeJureDiffer) {
    // The invasion is de facto only: de jure, alpha stays red until the treaty takes effect.
    EXPECT_EQ(at("alpha", "1919-01-01", Basis::DeFacto).controller, "blue");
    EXPECT_EQ(at("alpha", "1919-01-01", Basis::DeJure).controller, "red");
    // A change's own date (in force 22 September) overrides the event's date (signed 16 March).
    EXPECT_EQ(at("alpha", "1921-09-21", Basis::DeJure).controller, "red");
    EXPECT_EQ(at("alpha", "1921-09-22", Basis::DeJure).controller, "blue");
    EXPECT_EQ(at("alpha", "1921-09-22", Basis::DeJure).status, Status::Integral);
    // The Nakhchivan change is de jure only.
    EXPECT_EQ(at("nakhchivan", "1921-03-16", Basis::DeJure).status, Status::Autonomous);
    EXPECT_EQ(at("nakhchivan", "1921-03-16", Basis::DeFacto).status, Status::Integral);
}

TEST_F(Fixture, StateOfAllTerritoriesInAtlasOrder) {
    const auto all = tl.state_at(d("1990-01-20"), Basis::DeFacto);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].territory, "alpha");
    EXPECT_EQ(all[2].territory, "nakhchivan");
    EXPECT_EQ(all[2].status, Status::SelfDeclared);
    EXPECT_EQ(all[3].territory, "gamma");
    EXPECT_EQ(all[3].controller, "blue");
    EXPECT_EQ(tl.state_at(d("1990-01-27"), Basis::DeFacto)[2].status, Status::Autonomous);
}

TEST_F(Fixture, HistoryListsEveryChangeInOrder) {
    const auto h = tl.history("nakhchivan");
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h[0].event->id, "start");
    EXPECT_EQ(h[1].event->id, "treaty");
    EXPECT_EQ(h[2].event->id, "secession");
    EXPECT_EQ(h[3].event->id, "annulment");
    EXPECT_TRUE(tl.history("nowhere").empty());
}

TEST_F(Fixture, NextAndPreviousEvent) {
    EXPECT_EQ(tl.next_event(d("1918-04-24"))->id, "invasion");
    EXPECT_EQ(tl.next_event(d("1918-04-25"))->id, "treaty");  // strictly after
    EXPECT_EQ(tl.previous_event(d("1918-04-25"))->id, "ancient");
    EXPECT_EQ(tl.previous_event(d("1921-03-17"))->id, "treaty");
    EXPECT_EQ(tl.next_event(d("1990-01-27")), nullptr);
    EXPECT_EQ(tl.previous_event(d("1900-01-01")), nullptr);
}

TEST_F(Fixture, EventsInARangeIncludeBothEnds) {
    const auto e = tl.events_between(d("1918-04-25"), d("1950-01-01"));
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(e.front()->id, "invasion");
    EXPECT_EQ(e.back()->id, "gamma-created");
    EXPECT_EQ(tl.events_between(std::nullopt, std::nullopt).size(), r.atlas.events.size());
}

TEST_F(Fixture, ClaimsInForce) {
    EXPECT_TRUE(tl.claims_at(d("1945-06-06")).empty());
    ASSERT_EQ(tl.claims_at(d("1945-06-07")).size(), 1u);
    EXPECT_EQ(tl.claims_at(d("1945-06-07"))[0]->claimant, "red");
    EXPECT_EQ(tl.claims_at(d("1953-05-29")).size(), 1u);
    EXPECT_TRUE(tl.claims_at(d("1953-05-30")).empty());  // renounced on that day
}

TEST_F(Fixture, ParentsOfAPowerDependOnTheDate) {
    EXPECT_TRUE(parents_at(r.atlas, "blue-ssr", d("1922-12-29")).empty());
    ASSERT_EQ(parents_at(r.atlas, "blue-ssr", d("1950")).size(), 1u);
    EXPECT_EQ(parents_at(r.atlas, "blue-ssr", d("1950"))[0], "union");
    EXPECT_TRUE(parents_at(r.atlas, "blue-ssr", d("1991-12-26")).empty());
}

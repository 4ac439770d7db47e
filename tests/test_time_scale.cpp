// The timeline's scale (app/gui/time_scale.h): linear for an atlas of centuries, logarithmic in the
// time before the end for one reaching into prehistory, where the events crowd the last millennia.
#include <gtest/gtest.h>

#include "data/time/date.h"
#include "app/gui/time_scale.h"
#include "app/gui/timeline_layout.h"

using chronomap::Date;
using chronomap::gui::TimeScale;

namespace {

double day(int year) { return static_cast<double>(Date::year_only(year).day); }

}  // namespace

TEST(TimeScale, AnAtlasOfCenturiesIsLinear) {
    const TimeScale kars(day(1914), day(1991));
    EXPECT_FALSE(kars.logarithmic());
    EXPECT_EQ(kars.place(day(1921)), day(1921));
    EXPECT_EQ(kars.day_at(day(1950)), day(1950));
}

TEST(TimeScale, AnAtlasFromPrehistoryGivesTheLastMillenniaMostOfTheWidth) {
    // historical-basemaps: 123,000 BC to 2010; its events are nearly all after 2000 BC.
    const TimeScale world(day(-122999), day(2010));
    ASSERT_TRUE(world.logarithmic());
    const double first = world.place(day(-122999)), last = world.place(day(2010));
    const double share = (last - world.place(day(-1999))) / (last - first);
    EXPECT_GT(share, 0.5);  // linear, the last 4,000 years would be 3% of the axis
    // Increasing, and the way back is the way there, past the end too (when panned there).
    double previous = -1e300;
    for (const int year : {-122999, -50000, -9999, -499, 1, 700, 1500, 1800, 1914, 2010, 2100, 2500}) {
        const double p = world.place(day(year));
        EXPECT_GT(p, previous) << year;
        previous = p;
        EXPECT_NEAR(world.day_at(p), day(year), 1e-3 * std::max(1.0, std::abs(day(year) - day(2010)))) << year;
    }
    // 1914 and 1938 stay apart: 24 years near the end get over 1% of the axis, wider than two
    // markers on a timeline 1,400 pixels wide (linear, they would get 0.02%).
    EXPECT_GT((world.place(day(1938)) - world.place(day(1914))) / (last - first), 0.01);
}

// The timeline's first phase (timeline_layout.h): ticks in order inside the track, no label
// running into the one before, and every event in view under exactly one marker.
namespace {

chronomap::Atlas kars_like_atlas() {
    chronomap::Atlas atlas;
    atlas.start = Date::year_only(1914);
    atlas.end = Date::year_only(1991);
    for (int year = 1914; year <= 1991; year += 3) {
        chronomap::Event e;
        e.date = Date::year_only(year);
        atlas.events.push_back(e);
        e.date = Date::year_month(year, 6);  // a neighbour closer than a marker's width
        atlas.events.push_back(e);
    }
    return atlas;
}

}  // namespace

TEST(TimelineLayout, LabelsNeverRunIntoEachOtherAndMarkersCoverEveryEventOnce) {
    using namespace chronomap::gui;
    const chronomap::Atlas atlas = kars_like_atlas();
    for (const float width : {300.0f, 1400.0f, 4000.0f}) {
        TimelineView view;  // empty: the layout fits the atlas
        const TimelineTrack track{10, width, 80, 90, 6, 12};
        const TimelineLayout layout(atlas, view, track);
        EXPECT_LT(view.start, view.end);
        // Every label 70 pixels wide: wider than some of the spacings chosen, so some are left out.
        const auto ticks = layout.ticks("en", [](const std::string&) { return 70.0f; });
        ASSERT_FALSE(ticks.empty()) << width;
        float label_end = -1e9f, previous_x = -1e9f;
        int labelled = 0;
        for (const auto& t : ticks) {
            EXPECT_GT(t.x, previous_x);
            EXPECT_GE(t.x, track.x - 1);
            EXPECT_LE(t.x, track.x + width + 1);
            previous_x = t.x;
            if (t.label.empty()) continue;
            EXPECT_GE(t.x, label_end + track.label_gap) << t.label << " runs into the label before";
            label_end = t.x + 70;
            ++labelled;
        }
        EXPECT_GT(labelled, 0);
        const auto bins = layout.markers(atlas.events);
        int covered = 0;
        for (const auto& b : bins) covered += b.count;
        EXPECT_EQ(covered, static_cast<int>(atlas.events.size())) << width;
        for (std::size_t i = 1; i < bins.size(); ++i) EXPECT_GE(bins[i].x - bins[i - 1].x, track.marker_width);
    }
}

// The timeline's scale (app/gui/time_scale.h): linear for an atlas of centuries, logarithmic in the
// time before the end for one reaching into prehistory, where the events crowd the last millennia.
#include <gtest/gtest.h>

#include "data/time/date.h"
#include "app/gui/time_scale.h"

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

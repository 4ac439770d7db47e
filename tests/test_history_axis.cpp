// The study's time axis (app/gui/history_axis.h): each stretch between two changes of a
// territory as wide as the square root of its years plus one, so the years of many changes get
// room. Nakhchivan's 1918-1924 (eleven changes in six of the atlas's 78 years) had a few pixels.
#include <gtest/gtest.h>

#include "app/gui/history_axis.h"
#include "data/load/loader.h"
#include "data/time/timeline.h"

using namespace chronomap;
using chronomap::gui::HistoryAxis;

TEST(HistoryAxis, GivesEventfulYearsRoom) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    const Timeline tl(r.atlas);
    const auto history = tl.history("nakhchivan");
    const HistoryAxis axis(r.atlas.start, r.atlas.end, history);
    const auto d = [](const char* text) { return parse_date(text).date->day; };
    const double start = static_cast<double>(r.atlas.start.day), span = static_cast<double>(r.atlas.end.day) - start;
    const double linear = (static_cast<double>(d("1924-02-09")) - static_cast<double>(d("1918-01-01"))) / span;
    const double given = axis.fraction_of(d("1924-02-09")) - axis.fraction_of(d("1918-01-01"));
    EXPECT_LT(linear, 0.1);
    EXPECT_GT(given, 0.45) << "1918-1924 keeps " << given << " of the axis";
    // Ordered, ends fixed, and back from a fraction to the day within a day.
    EXPECT_EQ(axis.fraction_of(r.atlas.start.day), 0.0);
    EXPECT_EQ(axis.fraction_of(r.atlas.end.day), 1.0);
    double before = -1;
    for (std::int64_t day = r.atlas.start.day; day <= r.atlas.end.day; day += 97) {
        const double f = axis.fraction_of(day);
        EXPECT_GT(f, before);
        before = f;
        EXPECT_NEAR(static_cast<double>(axis.day_at(f)), static_cast<double>(day), 1.0);
    }
    // Every change is a break, each in its place.
    for (const auto& h : history) {
        const auto& b = axis.breaks();
        EXPECT_TRUE(std::find(b.begin(), b.end(), h.effective.day) != b.end() || h.effective <= r.atlas.start);
    }
}

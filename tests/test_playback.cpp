// Playback stepping and the colour transition, without a window (data/time/playback.h).
#include <gtest/gtest.h>

#include "data/time/playback.h"

using namespace chronomap;

namespace {
Date d(const char* s) { return *parse_date(s).date; }
}  // namespace

TEST(Playback, StepsAtLeastADayAndStopsOrLoopsAtTheEnd) {
    Playback p;
    p.playing = true;
    p.years_per_second = 1;
    const Date start = d("1914"), end = d("1991-12-31");
    EXPECT_EQ(playback_step(p, d("1920-01-01"), 1.0 / 60, start, end).day - d("1920-01-01").day, 6);  // 365/60
    p.years_per_second = 0.0001f;
    EXPECT_EQ(playback_step(p, d("1920-01-01"), 1.0 / 60, start, end).day - d("1920-01-01").day, 1);
    p.years_per_second = 10;
    EXPECT_EQ(playback_step(p, d("1991-12-30"), 1, start, end), end);
    EXPECT_FALSE(p.playing);
    p.playing = p.loop = true;
    EXPECT_EQ(playback_step(p, d("1991-12-30"), 1, start, end), start);
    EXPECT_TRUE(p.playing);
}

TEST(Playback, DefaultSpeedCrossesTheAtlasInAboutAMinute) {
    EXPECT_NEAR(default_years_per_second(d("1914"), d("1974")), 1.0, 0.01);
    EXPECT_NEAR(default_years_per_second(d("123000 BC"), d("2010")), 125010.0 / 60, 5);
    EXPECT_NEAR(default_years_per_second(d("1921-01-01"), d("1921-02-01")), 1.0 / 60, 1e-9);  // the slowest
}

TEST(ColourTransition, BlendsChangedFillsAndFadesTheirHighlight) {
    ColourTransition t;
    t.start({0x000000FF, 0x112233FF}, {0xFF0000FF, 0x445566FF}, {true, false}, 10.0);
    EXPECT_TRUE(t.active(10.0));
    EXPECT_EQ(t.fill(0, 10.0), 0x000000FFu);
    EXPECT_EQ(t.fill(0, 10.0 + ColourTransition::kDuration / 2), 0x800000FFu);  // smoothstep(0.5) = 0.5
    EXPECT_EQ(t.fill(0, 10.0 + ColourTransition::kDuration), 0xFF0000FFu);
    EXPECT_EQ(t.fill(1, 10.0), 0x445566FFu);  // unchanged: the new colour at once
    EXPECT_EQ(t.highlight(0, 10.0), 255);
    EXPECT_EQ(t.highlight(1, 10.0), 0);
    EXPECT_EQ(t.highlight(0, 10.0 + ColourTransition::kHighlight), 0);
    EXPECT_FALSE(t.active(10.0 + ColourTransition::kHighlight + 0.01));
    ColourTransition none;
    none.start({1}, {1}, {false}, 3.0);
    EXPECT_FALSE(none.active(3.0));
}

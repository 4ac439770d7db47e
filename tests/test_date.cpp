#include <gtest/gtest.h>

#include "data/time/date.h"

using namespace chronomap;

TEST(Date, UnixEpochIsDayZero) {
    EXPECT_EQ(Date::from_ymd(1970, 1, 1).day, 0);
    EXPECT_EQ(Date::from_ymd(1970, 1, 2).day, 1);
    EXPECT_EQ(Date::from_ymd(1969, 12, 31).day, -1);
}

TEST(Date, ParsesEachPrecision) {
    const auto y = parse_date("1921");
    ASSERT_TRUE(y.date);
    EXPECT_EQ(y.date->precision, Precision::Year);
    EXPECT_EQ(y.date->iso(), "1921");
    const auto m = parse_date("1921-03");
    ASSERT_TRUE(m.date);
    EXPECT_EQ(m.date->precision, Precision::Month);
    EXPECT_EQ(m.date->iso(), "1921-03");
    const auto d = parse_date("1921-10-13");
    ASSERT_TRUE(d.date);
    EXPECT_EQ(d.date->precision, Precision::Day);
    EXPECT_EQ(d.date->year(), 1921);
    EXPECT_EQ(d.date->month(), 10);
    EXPECT_EQ(d.date->day_of_month(), 13);
}

TEST(Date, ReadableForms) {
    EXPECT_EQ(parse_date("1921-10-13").date->readable(), "13 October 1921");
    EXPECT_EQ(parse_date("1921-03").date->readable(), "March 1921");
    EXPECT_EQ(parse_date("1921").date->readable(), "1921");
    // Astronomical year -489 is 490 BC (there is no year 0 in the BC/AD count).
    EXPECT_EQ(parse_date("-0489").date->readable(), "490 BC");
    EXPECT_EQ(parse_date("0000").date->readable(), "1 BC");
    EXPECT_EQ(parse_date("-0490-09-12").date->readable(), "12 September 491 BC");
}

TEST(Date, NegativeYearsRoundTrip) {
    const auto d = parse_date("-0490");
    ASSERT_TRUE(d.date) << d.error;
    EXPECT_EQ(d.date->year(), -490);
    EXPECT_EQ(d.date->iso(), "-0490");
    EXPECT_LT(*d.date, *parse_date("0001").date);
}

TEST(Date, RoundTripsEveryDayOverFourCenturies) {
    // Includes 1900 (not leap) and 2000 (leap) and the BC/AD boundary.
    for (std::int64_t day = Date::from_ymd(-200, 1, 1).day; day < Date::from_ymd(2100, 1, 1).day; day += 7) {
        Date d;
        d.day = day;
        const auto back = parse_date(d.iso());
        ASSERT_TRUE(back.date) << d.iso() << ": " << back.error;
        EXPECT_EQ(back.date->day, day) << d.iso();
    }
}

TEST(Date, Bounds) {
    EXPECT_TRUE(parse_date("9999-12-31").date);
    EXPECT_TRUE(parse_date("-9999-01-01").date);
    EXPECT_FALSE(parse_date("10000").date);
    EXPECT_TRUE(parse_date("-10000").date);  // deep time: down to -200000
    EXPECT_TRUE(parse_date("-200000").date);
    EXPECT_FALSE(parse_date("-200001").date);
    EXPECT_FALSE(parse_date("-2000000").date);
    EXPECT_EQ(parse_date("9999-12-31").date->iso(), "9999-12-31");
    EXPECT_EQ(parse_date("-9999-01-01").date->iso(), "-9999-01-01");
}

TEST(Date, LeapYears) {
    EXPECT_TRUE(parse_date("2000-02-29").date);
    EXPECT_FALSE(parse_date("1900-02-29").date);
    EXPECT_TRUE(parse_date("1900-02-29", Calendar::Julian).date);  // leap in the Julian calendar
    EXPECT_TRUE(parse_date("1920-02-29").date);
}

TEST(Date, EveryInvalidFormIsAnErrorWithAMessage) {
    struct Case {
        const char* text;
        const char* message_part;
    };
    const Case cases[] = {
        {"1921-02-30", "day 30 does not exist"},
        {"1921-13", "month 13 does not exist"},
        {"1921-00", "month 0 does not exist"},
        {"1921-04-31", "April 1921 has 30 days"},
        {"1921-01-00", "day 0 does not exist"},
        {"", "is not a date"},
        {"21-10", "is not a date"},  // a year with fewer than four digits stands alone
        {"1921-1-5", "is not a date"},
        {"1921/10/13", "is not a date"},
        {"1921-10-13T00:00", "is not a date"},
        {"13 October 1921", "is not a date"},
        {"19210", "four digits"},
        {"1921-10-", "is not a date"},
        {"abcd", "is not a date"},
    };
    for (const auto& c : cases) {
        const auto r = parse_date(c.text);
        EXPECT_FALSE(r.date) << c.text;
        EXPECT_NE(r.error.find(c.message_part), std::string::npos) << c.text << " -> " << r.error;
    }
}

TEST(Date, ErrorOffsetPointsAtTheBadPart) {
    EXPECT_EQ(parse_date("1921-02-30").error_offset, 8);
    EXPECT_EQ(parse_date("1921-13").error_offset, 5);
}

TEST(Date, JulianIsConvertedToGregorian) {
    // The Erzincan armistice: 5 December 1917 (Old Style) is 18 December 1917 (New Style).
    const auto os = parse_date("1917-12-05", Calendar::Julian);
    ASSERT_TRUE(os.date);
    EXPECT_EQ(os.date->iso(), "1917-12-18");
    // Russia's switch: 31 January 1918 O.S. was followed by 14 February 1918 N.S.
    EXPECT_EQ(parse_date("1918-01-31", Calendar::Julian).date->day + 1,
              parse_date("1918-02-14").date->day);
    // Before 1582 the difference is smaller: 4 October 1582 J = 14 October 1582 G.
    EXPECT_EQ(parse_date("1582-10-04", Calendar::Julian).date->iso(), "1582-10-14");
}

TEST(Date, Ordering) {
    EXPECT_LT(*parse_date("1921-03-16").date, *parse_date("1921-10-13").date);
    EXPECT_EQ(*parse_date("1921").date, *parse_date("1921-01-01").date);
}

TEST(Date, DeepTimeIsExactAndReadable) {
    const Date d = *parse_date("-122999").date;  // 123,000 BC
    EXPECT_EQ(d.year(), -122999);
    EXPECT_EQ(d.readable(), "123,000 BC");
    EXPECT_EQ(d.iso(), "-122999");
    EXPECT_EQ(parse_date(d.iso()).date->day, d.day);
    EXPECT_EQ(*parse_date("123000 BC").date, d);
    EXPECT_EQ(parse_date("-9999").date->readable(), "10,000 BC");
    EXPECT_LT(*parse_date("-200000").date, *parse_date("-199999").date);
}

TEST(Date, EraFormsMeanWhatHistoriansMean) {
    EXPECT_EQ(*parse_date("500 BC").date, *parse_date("-0499").date);
    EXPECT_EQ(*parse_date("500 BCE").date, *parse_date("-0499").date);
    EXPECT_EQ(*parse_date("1 BC").date, *parse_date("0000").date);
    EXPECT_EQ(*parse_date("AD 5").date, *parse_date("0005").date);
    EXPECT_EQ(*parse_date("5 AD").date, *parse_date("0005").date);
    EXPECT_EQ(*parse_date("1914 CE").date, *parse_date("1914").date);
    EXPECT_EQ(parse_date("500 bc").date->readable(), "500 BC");
    EXPECT_EQ(*parse_date("500").date, *parse_date("0500").date);  // year-only, AD
    EXPECT_EQ(parse_date("21").date->readable(), "21");
    EXPECT_EQ(parse_date("500 BC").date->precision, Precision::Year);
    EXPECT_FALSE(parse_date("0 BC").date);  // no year 0 in the BC/AD count
    EXPECT_FALSE(parse_date("500 BX").date);
    EXPECT_FALSE(parse_date("300000 BC").date);
}

TEST(Date, TheMisreadableNegativeYearIsNoted) {
    // -0500 is 501 BC under ISO 8601; it is accepted, with a note naming the fix.
    const auto r = parse_date("-0500");
    ASSERT_TRUE(r.date);
    EXPECT_EQ(r.date->readable(), "501 BC");
    EXPECT_NE(r.warning.find("501 BC"), std::string::npos) << r.warning;
    EXPECT_NE(r.warning.find("'500 BC'"), std::string::npos) << r.warning;
    EXPECT_NE(r.warning.find("'-0499'"), std::string::npos) << r.warning;
    EXPECT_TRUE(parse_date("-0499").warning.empty());
    EXPECT_TRUE(parse_date("500 BC").warning.empty());
    EXPECT_TRUE(parse_date("1900").warning.empty());
}

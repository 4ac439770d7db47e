#pragma once
// Calendar dates as day numbers in the proleptic Gregorian calendar.
// A platform date (time_t, std::chrono::sys_days with <chrono> formatting) is not used because
// historical atlases need years before 1 and a precision (year, month or day).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chronomap {

enum class Precision : std::uint8_t { Year, Month, Day };
enum class Calendar : std::uint8_t { Gregorian, Julian };

struct Date {
    // Days since 1970-01-01 (proleptic Gregorian). For year or month precision, the first day.
    // Bit fields make a date 8 bytes (a million events hold several each); 56 bits of days
    // are far more than the years allowed need.
    std::int64_t day : 56 = 0;
    Precision precision : 8 = Precision::Day;

    static constexpr int kMinYear = -200000;  // astronomical: 200,001 BC
    static constexpr int kMaxYear = 9999;

    static Date from_ymd(int year, int month, int day, Calendar cal = Calendar::Gregorian);
    static Date year_only(int year);
    static Date year_month(int year, int month);

    int year() const;
    int month() const;
    int day_of_month() const;
    // The first day after the span the date stands for: the next day, month or year.
    std::int64_t span_end() const;
    // The span's last day, as a day: "1921" is 31 December 1921, the state after all that year's
    // events, which is what a year to compare with means.
    Date last_day() const { return Date{span_end() - 1, Precision::Day}; }

    // ISO 8601 at the date's own precision: "1921", "1921-03", "1921-03-16", "-0489".
    std::string iso() const;
    // Readable English form: "13 October 1921", "March 1921", "1921", "490 BC", "10,000 BC".
    std::string readable() const;
    // For tables and messages: ISO from year 1000 on ("1921-10-13"); before it, years as people
    // write them, which the date parser reads back ("800", "3 March 800", "500 BC"), never the
    // astronomical "-0499".
    std::string display() const;
    // The same in a language of the interface (tr, az, ru, hy, ka; English otherwise):
    // "13 Ekim 1921", "13 октября 1921", "март 1921", "MÖ 500".
    std::string readable(const std::string& lang) const;

    friend bool operator==(const Date& a, const Date& b) { return a.day == b.day; }
    friend auto operator<=>(const Date& a, const Date& b) { return a.day <=> b.day; }
};

// "-500", "1914": a whole number of at most 8 characters, as temporal layers store years.
bool is_whole_year_text(std::string_view text);
// Such a number as a year: negative years are years BC when `negative_years_bce` (-500 = 500 BC,
// Cliopatria's convention), else astronomical (-500 = 501 BC). nullopt when the text is not one
// or the year lies outside what a Date holds.
std::optional<Date> whole_year(std::string_view text, bool negative_years_bce);

struct DateParseResult {
    std::optional<Date> date;
    std::string error;  // empty on success; a message a person can act on
    int error_offset = 0;  // character offset of the problem inside the text
    // Set on success when the text is easily misread: a negative (astronomical) year ending in
    // 00, such as "-0500", is 501 BC, and is far more often meant as 500 BC.
    std::string warning;
};

// Parses ISO forms YYYY, YYYY-MM or YYYY-MM-DD with an optional sign, where a negative year is
// astronomical ("-0489" is 490 BC; there is a year 0, which is 1 BC) and may have up to six
// digits ("-123000"); and year-only era forms "500 BC", "500 BCE", "AD 5", "5 AD", "5 CE".
// Julian input is converted to the proleptic Gregorian day.
DateParseResult parse_date(std::string_view text, Calendar cal = Calendar::Gregorian);

bool is_leap_year(int year, Calendar cal = Calendar::Gregorian);
int days_in_month(int year, int month, Calendar cal = Calendar::Gregorian);

// "1921", "500 BC", "10,000 BC": how a year is written for people.
std::string year_label(int year);

}  // namespace chronomap

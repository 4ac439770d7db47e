#include "data/time/date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace chronomap {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days, valid for the whole int range we use.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Ymd {
    int y;
    int m;
    int d;
};

Ymd civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Julian calendar date to days since 1970-01-01, through the Julian Day Number.
std::int64_t days_from_julian(std::int64_t y, int m, int d) {
    const std::int64_t a = (14 - m) / 12;
    const std::int64_t yy = y + 4800 - a;
    const std::int64_t mm = m + 12 * a - 3;
    auto floor_div = [](std::int64_t n, std::int64_t k) { return n >= 0 ? n / k : -((-n + k - 1) / k); };
    const std::int64_t jdn = d + floor_div(153 * mm + 2, 5) + 365 * yy + floor_div(yy, 4) - 32083;
    return jdn - 2440588;  // JDN of 1970-01-01
}

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool is_leap_year(int year, Calendar cal) {
    if (cal == Calendar::Julian) return year % 4 == 0;
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month, Calendar cal) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year, cal)) return 29;
    return kDays[static_cast<std::size_t>(month - 1)];
}

Date Date::from_ymd(int year, int month, int day, Calendar cal) {
    Date out;
    out.day = cal == Calendar::Julian ? days_from_julian(year, month, day)
                                      : days_from_civil(year, static_cast<unsigned>(month),
                                                        static_cast<unsigned>(day));
    out.precision = Precision::Day;
    return out;
}

Date Date::year_only(int year) {
    Date out = from_ymd(year, 1, 1);
    out.precision = Precision::Year;
    return out;
}

Date Date::year_month(int year, int month) {
    Date out = from_ymd(year, month, 1);
    out.precision = Precision::Month;
    return out;
}

int Date::year() const { return civil_from_days(day).y; }
int Date::month() const { return civil_from_days(day).m; }
int Date::day_of_month() const { return civil_from_days(day).d; }

std::string Date::iso() const {
    const Ymd c = civil_from_days(day);
    char buf[32];
    const char* sign = c.y < 0 ? "-" : "";
    const int ay = c.y < 0 ? -c.y : c.y;
    switch (precision) {
        case Precision::Year: std::snprintf(buf, sizeof buf, "%s%04d", sign, ay); break;
        case Precision::Month: std::snprintf(buf, sizeof buf, "%s%04d-%02d", sign, ay, c.m); break;
        case Precision::Day:
            std::snprintf(buf, sizeof buf, "%s%04d-%02d-%02d", sign, ay, c.m, c.d);
            break;
    }
    return buf;
}

std::string year_label(int year) {
    // Astronomical year 0 is 1 BC, -1 is 2 BC, and so on; thousands are grouped from 10,000.
    const long long n = year <= 0 ? 1LL - year : year;
    std::string digits = std::to_string(n);
    if (n >= 10000)
        for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
            digits.insert(static_cast<std::size_t>(at), ",");
    return year <= 0 ? digits + " BC" : digits;
}

namespace {

// "1914", "March 1914", "13 March 1914", with the year as given.
std::string with_month_and_day(const Ymd& c, Precision precision, const std::string& year) {
    const std::string month_name = kMonthNames[static_cast<std::size_t>(c.m - 1)];
    switch (precision) {
        case Precision::Year: return year;
        case Precision::Month: return month_name + " " + year;
        case Precision::Day: return std::to_string(c.d) + " " + month_name + " " + year;
    }
    return year;
}

}  // namespace

std::string Date::display() const {
    const Ymd c = civil_from_days(day);
    if (c.y >= 1000 || (c.y >= 1 && precision != Precision::Year)) return iso();
    return with_month_and_day(c, precision, c.y <= 0 ? std::to_string(1LL - c.y) + " BC" : std::to_string(c.y));
}

std::string Date::readable() const {
    const Ymd c = civil_from_days(day);
    return with_month_and_day(c, precision, year_label(c.y));
}

namespace {

std::string_view trimmed(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
}

bool all_digits(std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool equals_upper(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::toupper(x) == y; });
}

// "500 BC", "500 BCE", "AD 5", "5 AD", "5 CE": the astronomical year, or nullopt if not this form.
std::optional<long long> era_year(std::string_view t, bool& bc, bool& matched) {
    matched = false;
    const auto space = t.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    std::string_view a = trimmed(t.substr(0, space)), b = trimmed(t.substr(space + 1));
    std::string_view number, era;
    if (all_digits(a)) {
        number = a;
        era = b;
    } else if (all_digits(b)) {
        number = b;
        era = a;
    } else {
        return std::nullopt;
    }
    bc = equals_upper(era, "BC") || equals_upper(era, "BCE") || equals_upper(era, "B.C.");
    const bool ad = equals_upper(era, "AD") || equals_upper(era, "CE") || equals_upper(era, "A.D.");
    if (!bc && !ad) return std::nullopt;
    matched = true;
    if (number.size() > 7) return std::nullopt;
    long long n = 0;
    for (char c : number) n = n * 10 + (c - '0');
    if (n < 1) return std::nullopt;
    return bc ? 1 - n : n;
}

}  // namespace

DateParseResult parse_date(std::string_view text, Calendar cal) {
    DateParseResult r;
    auto fail = [&](std::string msg, int offset) {
        r.error = std::move(msg);
        r.error_offset = offset;
        return r;
    };
    const std::string quoted = "'" + std::string(text) + "'";
    const std::string range = "from " + year_label(Date::kMinYear) + " (" +
                              std::to_string(Date::kMinYear) + ") to " + year_label(Date::kMaxYear);
    bool bc = false, era = false;
    const auto era_value = era_year(trimmed(text), bc, era);
    if (era) {
        if (!era_value)
            return fail(quoted + ": the year must be a whole number from 1 (there is no year 0 "
                                 "in the BC/AD count)",
                        0);
        if (*era_value < Date::kMinYear || *era_value > Date::kMaxYear)
            return fail(quoted + ": years go " + range, 0);
        r.date = Date::year_only(static_cast<int>(*era_value));
        return r;
    }
    std::size_t i = 0;
    int sign = 1;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        sign = text[i] == '-' ? -1 : 1;
        ++i;
    }
    auto read_digits = [&](std::size_t count, int& value) {
        value = 0;
        for (std::size_t k = 0; k < count; ++k, ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    const std::string expected =
        " is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (negative years are astronomical: "
        "-0489 is 490 BC), or a year such as '500 BC' or 'AD 5'";
    // A year alone may be written with fewer digits ("500" is AD 500); with a month it has four.
    std::size_t digits = 0;
    while (i + digits < text.size() && text[i + digits] >= '0' && text[i + digits] <= '9') ++digits;
    const bool short_year = sign > 0 && digits >= 1 && digits < 4 && i + digits == text.size();
    if (!read_digits(short_year ? digits : 4, year)) return fail(quoted + expected, static_cast<int>(i));
    // Negative years may have up to six digits (deep time); positive ones stop at 9999.
    while (sign < 0 && i < text.size() && text[i] >= '0' && text[i] <= '9' && i < 7) {
        year = year * 10 + (text[i] - '0');
        ++i;
    }
    if (i < text.size() && text[i] >= '0' && text[i] <= '9')
        return fail(quoted + ": years have four digits, or up to six when negative (years go " +
                        range + ")",
                    static_cast<int>(i));
    year *= sign;
    if (year < Date::kMinYear) return fail(quoted + ": years go " + range, 0);
    if (year < 0 && year % 100 == 0)
        r.warning = quoted + " is astronomical year " + std::to_string(year) + ", which is " +
                    year_label(year) + "; if " + year_label(year + 1) + " is meant, write '" +
                    std::to_string(-year) + " BC' or the astronomical '" +
                    (year + 1 > -1000 ? "-0" : "-") + std::to_string(-(year + 1)) + "'";
    Precision precision = Precision::Year;
    if (i < text.size()) {
        if (text[i] != '-') return fail(quoted + expected, static_cast<int>(i));
        ++i;
        const std::size_t month_at = i;
        if (!read_digits(2, month)) return fail(quoted + expected, static_cast<int>(i));
        if (month < 1 || month > 12)
            return fail(quoted + ": month " + std::to_string(month) + " does not exist (01 to 12)",
                        static_cast<int>(month_at));
        precision = Precision::Month;
        if (i < text.size()) {
            if (text[i] != '-') return fail(quoted + expected, static_cast<int>(i));
            ++i;
            const std::size_t day_at = i;
            if (!read_digits(2, day)) return fail(quoted + expected, static_cast<int>(i));
            const int dim = days_in_month(year, month, cal);
            if (day < 1 || day > dim)
                return fail(quoted + ": day " + std::to_string(day) + " does not exist; " +
                                kMonthNames[static_cast<std::size_t>(month - 1)] + " " +
                                std::to_string(year) + " has " + std::to_string(dim) + " days",
                            static_cast<int>(day_at));
            precision = Precision::Day;
            if (i != text.size()) return fail(quoted + expected, static_cast<int>(i));
        }
    }
    if (cal == Calendar::Julian && precision != Precision::Day)
        r.warning = quoted + " has no day, so the Julian calendar cannot be applied to it; it is read as the "
                             "same " + (precision == Precision::Year ? "year" : "month") +
                    " in the Gregorian calendar (give the day to convert it exactly)";
    Date d;
    switch (precision) {
        case Precision::Year: d = Date::year_only(year); break;
        case Precision::Month: d = Date::year_month(year, month); break;
        case Precision::Day: d = Date::from_ymd(year, month, day, cal); break;
    }
    // A Julian day near the ends of the range falls outside it in the Gregorian calendar (Julian
    // 9999-12-31 is in Gregorian 10000), where no date can be written back.
    if (d.year() > Date::kMaxYear || d.year() < Date::kMinYear)
        return fail(quoted + ": in the Gregorian calendar this day falls in year " + std::to_string(d.year()) +
                        ", outside the years Chronomap can show (" + range + ")",
                    0);
    r.date = d;
    return r;
}

std::int64_t Date::span_end() const {
    switch (precision) {
        case Precision::Day: return day + 1;
        case Precision::Month:
            return month() == 12 ? Date::year_only(year() + 1).day : Date::year_month(year(), month() + 1).day;
        case Precision::Year: return Date::year_only(year() + 1).day;
    }
    return day + 1;
}

bool is_whole_year_text(std::string_view text) {
    const std::size_t from = !text.empty() && text[0] == '-' ? 1 : 0;
    return text.size() > from && text.size() <= 8 && text.find_first_not_of("0123456789", from) == std::string_view::npos;
}

std::optional<Date> whole_year(std::string_view text, bool negative_years_bce) {
    if (!is_whole_year_text(text)) return std::nullopt;
    long long year = std::stoll(std::string(text));
    if (year < 0 && negative_years_bce) year += 1;
    if (year < Date::kMinYear || year > Date::kMaxYear) return std::nullopt;
    return Date::year_only(static_cast<int>(year));
}

}  // namespace chronomap

// Dates written in the six interface languages: "13 October 1921", "13 Ekim 1921",
// "13 oktyabr 1921", "13 октября 1921", "13 հոկտեմբերի 1921 թ.", "13 ოქტომბერი 1921".
#include <array>

#include "data/time/date.h"

namespace chronomap {
namespace {

struct Words {
    const char* lang;
    std::array<const char*, 12> day_month;   // after a day number ("13 октября")
    std::array<const char*, 12> month_year;  // before a year ("октябрь 1921")
    const char* bc_before;                   // "MÖ 500"
    const char* bc_after;                    // "500 до н. э."
    const char* year_after;                  // "1921 թ."
};

constexpr Words kWords[] = {
    {"tr",
     {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
     {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
     "MÖ ", "", ""},
    {"az",
     {"yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"},
     {"yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"},
     "e.ə. ", "", ""},
    {"ru",
     {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
      "декабря"},
     {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
      "декабрь"},
     "", " до н. э.", ""},
    {"hy",
     {"հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի",
      "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"},
     {"հունվար", "փետրվար", "մարտ", "ապրիլ", "մայիս", "հունիս", "հուլիս", "օգոստոս", "սեպտեմբեր", "հոկտեմբեր",
      "նոյեմբեր", "դեկտեմբեր"},
     "մ.թ.ա. ", "", " թ."},
    {"ka",
     {"იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი",
      "ნოემბერი", "დეკემბერი"},
     {"იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი",
      "ნოემბერი", "დეკემბერი"},
     "ძვ. წ. ", "", ""},
};

const Words* words_for(const std::string& lang) {
    const std::string base = lang.substr(0, lang.find('-'));
    for (const auto& w : kWords)
        if (base == w.lang) return &w;
    return nullptr;
}

}  // namespace

std::string Date::readable(const std::string& lang) const {
    const Words* w = words_for(lang);
    if (!w) return readable();
    const int y = year(), m = month();
    // The year as readable() writes it, without its " BC", which each language places itself.
    Date year_only_date = Date::year_only(y > 0 ? y : 1);
    std::string digits = y > 0 ? year_only_date.readable() : Date::year_only(1 - y).readable();
    if (y <= 0) digits = std::string(w->bc_before) + digits + w->bc_after;
    else digits += w->year_after;
    switch (precision) {
        case Precision::Year: return digits;
        case Precision::Month: return std::string(w->month_year[static_cast<std::size_t>(m - 1)]) + " " + digits;
        case Precision::Day:
            return std::to_string(day_of_month()) + " " + w->day_month[static_cast<std::size_t>(m - 1)] + " " + digits;
    }
    return digits;
}

}  // namespace chronomap

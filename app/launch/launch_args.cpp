#include "app/launch/launch_args.h"

#include <charconv>
#include <cmath>

namespace chronomap {

std::optional<std::pair<int, int>> parse_size(const std::string& text, int lo, int hi_width, int hi_height) {
    const auto x = text.find_first_of("xX");
    if (x == std::string::npos) return std::nullopt;
    const auto w = parse_integer(text.substr(0, x), lo, hi_width);
    const auto h = parse_integer(text.substr(x + 1), lo, hi_height);
    if (!w || !h) return std::nullopt;
    return std::pair<int, int>{static_cast<int>(*w), static_cast<int>(*h)};
}

bool is_language_code(const std::string& lang) {
    const std::size_t dash = lang.find('-');
    const std::string base = lang.substr(0, dash);
    const bool letters = base.size() >= 2 && base.size() <= 3 &&
                         base.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
    if (dash == std::string::npos) return letters;
    const std::string rest = lang.substr(dash + 1);
    return letters && rest.size() >= 2 && rest.size() <= 8 &&
           rest.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == std::string::npos;
}

std::optional<long long> parse_integer(const std::string& text, long long lo, long long hi) {
    long long v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || v < lo || v > hi)
        return std::nullopt;
    return v;
}

std::optional<double> parse_real(const std::string& text, double lo, double hi) {
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v) || v < lo ||
        v > hi)
        return std::nullopt;
    return v;
}

Args parse_args(const std::vector<std::string>& args, const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options) {
    Args out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() < 3 || a.rfind("--", 0) != 0) {
            out.positional.push_back(a);
            continue;
        }
        std::string key = a;
        std::optional<std::string> value;
        if (const auto eq = a.find('='); eq != std::string::npos) {
            key = a.substr(0, eq);
            value = a.substr(eq + 1);
        }
        if (flag_options.count(key) && !value) {
            out.flags.insert(key);
        } else if (value_options.count(key)) {
            if (!value) {
                if (i + 1 >= args.size()) {
                    out.error = key + " needs a value";
                    return out;
                }
                value = args[++i];
            }
            out.options[key] = *value;
        } else {
            out.error = "unknown option " + key;
            return out;
        }
    }
    return out;
}

}  // namespace chronomap

namespace chronomap {

std::optional<Bounds> parse_lonlat_box(const std::string& text) {
    double v[4];
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t comma = i < 3 ? text.find(',', at) : text.size();
        if (comma == std::string::npos) return std::nullopt;
        const double limit = i % 2 == 0 ? 180 : 90;
        const auto x = parse_real(text.substr(at, comma - at), -limit, limit);
        if (!x) return std::nullopt;
        v[i] = *x;
        at = comma + 1;
    }
    if (v[0] >= v[2] || v[1] >= v[3]) return std::nullopt;
    Bounds b;
    b.add(Vec2{v[0], v[1]});
    b.add(Vec2{v[2], v[3]});
    return b;
}

}  // namespace chronomap

#include "app/launch/launch.h"

#include <filesystem>

#include "app/launch/launch_args.h"
#include "version.h"

namespace chronomap {

std::string default_atlas_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) {
        candidates.push_back(exe.parent_path() / "../share/chronomap/maps" / CHRONOMAP_DEFAULT_ATLAS);
        candidates.push_back(exe.parent_path() / "maps" / CHRONOMAP_DEFAULT_ATLAS);
    }
    candidates.push_back(fs::path(CHRONOMAP_SOURCE_MAPS_DIR) / CHRONOMAP_DEFAULT_ATLAS);
    for (const auto& c : candidates)
        if (fs::exists(c / "atlas.json", ec)) return (c / "atlas.json").lexically_normal().string();
    return (candidates.back() / "atlas.json").lexically_normal().string();
}

Result<WindowLaunch> parse_window_launch(const std::vector<std::string>& args) {
    WindowLaunch o;
    const auto a = parse_args(
        args, {"--date", "--screenshot", "--exit-after-frames", "--script", "--lang", "--ui-scale", "--frame-time"},
        {"--presentation"});
    if (!a.error.empty()) return input_error(a.error);
    if (a.positional.size() > 1) return input_error("the window opens one atlas at a time");
    if (!a.positional.empty()) o.atlas = a.positional[0];
    if (auto d = a.get("--date")) {
        const auto r = parse_date(*d);
        if (!r.date) return input_error("--date: " + r.error);
        o.date = r.date;
    }
    o.screenshot = a.get("--screenshot").value_or("");
    o.script = a.get("--script").value_or("");
    o.lang = a.get("--lang").value_or("");
    if (!o.lang.empty() && !is_language_code(o.lang))
        return input_error("--lang takes a language code such as en, tr, az, ru, hy or ka");
    if (auto v = a.get("--exit-after-frames")) {
        const auto n = parse_integer(*v, 1, 100000000);
        if (!n) return input_error("--exit-after-frames must be a whole number from 1 to 100000000");
        o.exit_after = static_cast<int>(*n);
    }
    if (auto v = a.get("--ui-scale")) {
        const auto x = parse_real(*v, 1, 3);
        if (!x) return input_error("--ui-scale must be a number from 1 to 3");
        o.ui_scale = static_cast<float>(*x);
    }
    if (auto v = a.get("--frame-time")) {
        const auto ms = parse_integer(*v, 0, 10000);
        if (!ms) return input_error("--frame-time must be a whole number of milliseconds from 0 to 10000");
        o.frame_time_ms = static_cast<int>(*ms);
    }
    o.presentation = a.has("--presentation");
    return o;
}

}  // namespace chronomap

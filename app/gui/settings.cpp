#include "app/gui/settings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>


#include <nlohmann/json.hpp>

#include "data/formats/input_file.h"
#include "data/formats/output_file.h"

namespace chronomap::gui {

using nlohmann::json;

std::string settings_path() {
    namespace fs = std::filesystem;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME");
        xdg && *xdg && fs::path(xdg).is_absolute())
        return (fs::path(xdg) / "chronomap" / "settings.json").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".config" / "chronomap" / "settings.json").string();
    return {};
}

std::string user_folder(const std::string& kind) {
    namespace fs = std::filesystem;
    const char* home_env = std::getenv("HOME");
    const std::string home = home_env && *home_env ? home_env : "";
    std::error_code ec;
    // user-dirs.dirs holds lines such as XDG_PICTURES_DIR="$HOME/Bilder" (xdg-user-dirs).
    fs::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        config = xdg;
    else if (!home.empty())
        config = fs::path(home) / ".config";
    std::ifstream in(config / "user-dirs.dirs");
    const std::string key = "XDG_" + kind + "_DIR=\"";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key, 0) != 0 || line.size() < key.size() + 1 || line.back() != '"') continue;
        std::string value = line.substr(key.size(), line.size() - key.size() - 1);
        if (value.rfind("$HOME", 0) == 0) value = home + value.substr(5);
        // "$HOME/" alone means the folder is not set up: files then go to the home folder.
        if (!value.empty() && fs::is_directory(value, ec) && fs::path(value) != fs::path(home + "/")) return value;
    }
    if (home.empty()) return fs::current_path(ec).string();
    const char* english = kind == "VIDEOS"      ? "Videos"
                          : kind == "DOCUMENTS" ? "Documents"
                          : kind == "DOWNLOAD"  ? "Downloads"
                          : kind == "DESKTOP"   ? "Desktop"
                                                : "Pictures";
    const fs::path fallback = fs::path(home) / english;
    return fs::is_directory(fallback, ec) ? fallback.string() : home;
}

namespace {

constexpr std::uintmax_t kMaxSettingsBytes = 16u << 20;

template <typename T>
void get(const json& j, const char* key, T& out) {
    if (auto it = j.find(key); it != j.end()) {
        try {
            out = it->get<T>();
        } catch (const json::exception&) {
            // A value of the wrong type keeps the default.
        }
    }
}

template <typename T>
T fit(T v, T lo, T hi, T fallback) {
    if (!(v == v)) return fallback;  // NaN
    return std::clamp(v, lo, hi);
}

}  // namespace

void remember_recent(Settings& s, const std::string& path) {
    auto& r = s.recent_atlases;
    r.erase(std::remove(r.begin(), r.end(), path), r.end());
    r.insert(r.begin(), path);
    if (r.size() > kRecentAtlases) r.resize(kRecentAtlases);
}

void clamp_settings(Settings& s) {
    const Settings d;
    if (!(s.ui_scale >= 1.0f && s.ui_scale <= 3.0f)) s.ui_scale = d.ui_scale;  // as before: out of range is unset
    s.map_text = fit(s.map_text, 0.5f, 2.0f, d.map_text);
    if (s.recent_atlases.size() > kRecentAtlases) s.recent_atlases.resize(kRecentAtlases);
    s.left_width = fit(s.left_width, 160.0f, 1200.0f, d.left_width);
    s.right_width = fit(s.right_width, 160.0f, 1200.0f, d.right_width);
    s.timeline_height = fit(s.timeline_height, 80.0f, 600.0f, d.timeline_height);
    s.window_width = fit(s.window_width, 640, 7680, d.window_width);
    s.window_height = fit(s.window_height, 480, 4320, d.window_height);
}

Settings load_settings(const std::string& path, std::string& warning) {
    Settings s;
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) return s;
    if (auto readable = check_input_file(path, kMaxSettingsBytes); !readable) {
        warning = "the settings file " + path + " cannot be read (" + readable.message() + "); using defaults";
        return s;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        warning = "the settings file " + path + " is not readable; using defaults";
        return s;
    }
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        warning =
            "the settings file " + path + " is damaged; using defaults (it will be rewritten)";
        return s;
    }
    get(j, "last_atlas", s.last_atlas);
    get(j, "ui_scale", s.ui_scale);
    get(j, "map_text", s.map_text);
    get(j, "lang", s.lang);
    get(j, "basis_de_jure", s.basis_de_jure);
    get(j, "claims", s.claims);
    get(j, "show_reference", s.show_reference);
    if (auto o = j.find("overlays"); o != j.end() && o->is_object()) {
        get(*o, "title", s.overlays.title);
        get(*o, "legend", s.overlays.legend);
        get(*o, "caption", s.overlays.caption);
        get(*o, "source", s.overlays.source);
        get(*o, "scale_bar", s.overlays.scale_bar);
        get(*o, "labels", s.overlays.labels);
        get(*o, "uncertainty", s.overlays.uncertainty);
        get(*o, "column", s.overlays.column);
    }
    get(j, "show_left", s.show_left);
    get(j, "show_right", s.show_right);
    get(j, "left_width", s.left_width);
    get(j, "right_width", s.right_width);
    get(j, "timeline_height", s.timeline_height);
    get(j, "window_width", s.window_width);
    get(j, "window_height", s.window_height);
    get(j, "views", s.views);
    get(j, "recent_atlases", s.recent_atlases);
    clamp_settings(s);
    return s;
}

Result<> save_settings(const Settings& given, const std::string& path) {
    namespace fs = std::filesystem;
    if (path.empty()) return internal_error("no settings directory (HOME is not set)");
    Settings s = given;
    clamp_settings(s);
    json j = {{"last_atlas", s.last_atlas},
              {"ui_scale", s.ui_scale},
              {"map_text", s.map_text},
              {"lang", s.lang},
              {"basis_de_jure", s.basis_de_jure},
              {"claims", s.claims},
              {"show_reference", s.show_reference},
              {"overlays",
               {{"title", s.overlays.title},
                {"legend", s.overlays.legend},
                {"caption", s.overlays.caption},
                {"source", s.overlays.source},
                {"scale_bar", s.overlays.scale_bar},
                {"labels", s.overlays.labels},
                {"uncertainty", s.overlays.uncertainty},
                {"column", s.overlays.column}}},
              {"show_left", s.show_left},
              {"show_right", s.show_right},
              {"left_width", s.left_width},
              {"right_width", s.right_width},
              {"timeline_height", s.timeline_height},
              {"window_width", s.window_width},
              {"window_height", s.window_height},
              {"views", s.views},
              {"recent_atlases", s.recent_atlases}};
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    Result<OutputFile> file = OutputFile::open(path);
    if (!file) return file.failure();
    {
        std::ofstream out(file->temp_path(), std::ios::trunc);
        out << j.dump(2) << '\n';
        out.flush();
        if (!out) return internal_error("cannot write " + path);
    }
    return file->commit();
}

}  // namespace chronomap::gui

#pragma once
// What the window remembers between runs: last atlas, view per atlas, UI scale, language, panel
// layout. Stored as JSON in $XDG_CONFIG_HOME/chronomap (or ~/.config/chronomap), written
// atomically: a temporary file, then a rename, so a crash never leaves half a file.

#include <array>
#include <map>
#include <string>
#include <vector>

#include "app/view/overlay/overlay.h"
#include "data/support/result.h"

namespace chronomap::gui {

struct Settings {
    std::string last_atlas;
    float ui_scale = 1.0f;  // 1..3, on top of the screen's content scale
    // The map's text (title, legend, caption, names), 0.5..2: times the interface's size in the
    // window, times the size read across a room (room_text_scale) in presentation.
    float map_text = 1.0f;
    std::string lang = "en";
    bool basis_de_jure = false;
    bool claims = true;
    bool show_reference = true;
    bool presentation = false;  // for this run only (--presentation, F5): never saved
    OverlayOptions overlays;
    bool show_left = true, show_right = true;
    float left_width = 320, right_width = 380, timeline_height = 125;  // at scale 1
    int window_width = 1600, window_height = 900;
    std::map<std::string, std::array<double, 3>>
        views;  // atlas path -> centre x, y, units per pixel
    std::vector<std::string> recent_atlases;  // newest first, at most kRecentAtlases (the file browser's Recent)
};

inline constexpr std::size_t kRecentAtlases = 8;
// Puts `path` first among the recent atlases (once), keeping kRecentAtlases.
void remember_recent(Settings& s, const std::string& path);

// $XDG_CONFIG_HOME/chronomap/settings.json, ~/.config/chronomap/settings.json, or "" without HOME.
std::string settings_path();
// Where the desktop keeps a kind of file ("PICTURES", "VIDEOS", "DOCUMENTS", "DOWNLOAD", "DESKTOP"), from xdg-user-dirs'
// user-dirs.dirs, else ~/Pictures or ~/Videos if they exist, else the home folder: exports go
// there, not to whatever folder the program was started from.
std::string user_folder(const std::string& kind);
// Defaults for a missing file; a damaged file gives defaults and a warning.
Settings load_settings(const std::string& path, std::string& warning);
// Keeps sizes in ranges that fit a screen (applied on load and on save).
void clamp_settings(Settings& s);
Result<> save_settings(const Settings& s, const std::string& path);

}  // namespace chronomap::gui

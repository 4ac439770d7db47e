// The window's state that needs no window: settings files and scripts.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"
#include "app/gui/app.h"
#include "app/gui/panels.h"
#include "app/gui/script.h"
#include "app/gui/settings.h"
#include "app/gui/window_icon.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
using namespace chronomap::gui;
namespace fs = std::filesystem;

namespace {

using test_support::TempDir;

TEST(Settings, RoundTripThroughTheFileAndLeaveNoTemporaryFile) {
    TempDir dir;
    const std::string file = (dir.path / "chronomap" / "settings.json").string();
    Settings s;
    s.last_atlas = "/maps/kars/atlas.json";
    s.ui_scale = 2.5f;
    s.lang = "hy";
    s.basis_de_jure = true;
    s.overlays.legend = false;
    s.left_width = 410;
    s.views["/maps/kars/atlas.json"] = {4.5e6, 4.9e6, 812.5};
    ASSERT_TRUE(test::succeeded(save_settings(s, file)));
    std::string warning;
    const Settings back = load_settings(file, warning);
    EXPECT_EQ(warning, "");
    EXPECT_EQ(back.last_atlas, s.last_atlas);
    EXPECT_FLOAT_EQ(back.ui_scale, 2.5f);
    EXPECT_EQ(back.lang, "hy");
    EXPECT_TRUE(back.basis_de_jure);
    EXPECT_FALSE(back.overlays.legend);
    EXPECT_TRUE(back.overlays.title);
    EXPECT_FLOAT_EQ(back.left_width, 410);
    EXPECT_DOUBLE_EQ(back.views.at("/maps/kars/atlas.json")[2], 812.5);
    for (const auto& e : fs::directory_iterator(dir.path / "chronomap"))
        EXPECT_EQ(e.path().filename(), "settings.json") << "left behind: " << e.path();
}

TEST(Settings, ADamagedFileGivesDefaultsAndAWarning) {
    TempDir dir;
    const std::string file = (dir.path / "settings.json").string();
    std::ofstream(file) << "{\"ui_scale\": 2, \"lang\": ";  // cut off mid-write by an older version
    std::string warning;
    const Settings s = load_settings(file, warning);
    EXPECT_NE(warning.find("damaged"), std::string::npos);
    EXPECT_FLOAT_EQ(s.ui_scale, 1.0f);
    // Values of the wrong type or out of range keep their defaults.
    std::ofstream(file, std::ios::trunc) << R"({"ui_scale": 9, "lang": 3, "claims": false})";
    warning.clear();
    const Settings t = load_settings(file, warning);
    EXPECT_EQ(warning, "");
    EXPECT_FLOAT_EQ(t.ui_scale, 1.0f);
    EXPECT_EQ(t.lang, "en");
    EXPECT_FALSE(t.claims);
}

TEST(Settings, FollowXdgConfigHome) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(settings_path(), "/tmp/xdg-test/chronomap/settings.json");
    ::setenv("XDG_CONFIG_HOME", "relative/ignored", 1);  // the spec says relative paths are invalid
    EXPECT_EQ(settings_path().find("relative"), std::string::npos);
    if (old)
        ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_CONFIG_HOME");
}

TEST(Script, ProblemsNameTheirLine) {
    TempDir dir;
    const std::string file = (dir.path / "s.script").string();
    std::ofstream(file) << "# comment\n\ndate 1921-02-30\nfrobnicate\nwait 2\n";
    std::vector<std::string> problems;
    auto lines = read_script(file, problems);
    // Checked whole before anything runs (the window exits 2 with these, before its first frame).
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].find("s.script:3: bad date"), std::string::npos) << problems[0];
    EXPECT_NE(problems[1].find("s.script:4: unknown command 'frobnicate'"), std::string::npos);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].line, 3);
    problems.clear();
    read_script((dir.path / "missing").string(), problems);
    EXPECT_EQ(problems.size(), 1u);
}

}  // namespace

// The window's icon is the packaged SVG's design: a sea with rounded corners, three territories,
// the timeline's red marker.
TEST(Settings, TheWindowIconDrawsThePackagedDesign) {
    const int size = 64;
    const auto icon = chronomap::gui::window_icon(size);
    ASSERT_EQ(icon.size(), static_cast<std::size_t>(size * size * 4));
    auto at = [&](int x, int y) {
        const std::uint8_t* p = &icon[(static_cast<std::size_t>(y) * size + static_cast<std::size_t>(x)) * 4];
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
    };
    EXPECT_EQ(at(0, 0) & 0xFF, 0u);              // outside the rounded corner: transparent
    EXPECT_EQ(at(4, 32), 0xC6DBEBFFu);           // the sea
    EXPECT_EQ(at(15, 20), 0xC46E6EFFu);          // the territory top left
    EXPECT_EQ(at(45, 18), 0x5A9BD4FFu);          // top right
    EXPECT_EQ(at(30, 38), 0xE0B84AFFu);          // below
    EXPECT_EQ(at(38, 56), 0xD62828FFu);          // the timeline's marker
}

// The event list's filter finds an event by the territories it changes, not only by its words:
// "nakhchivan" missed the events whose titles name a treaty.
TEST(EventFilter, FindsTheEventsThatChangedATerritory) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    std::size_t by_words = 0, by_filter = 0, by_changes = 0;
    for (const auto& e : r.atlas.events) {
        const bool words = e.title.str().find("Nakhchivan") != std::string::npos ||
                           e.details->summary.find("Nakhchivan") != std::string::npos;
        const bool changes = std::any_of(e.changes.begin(), e.changes.end(),
                                         [](const Change& ch) { return std::string_view(ch.territory) == "nakhchivan"; });
        by_words += words;
        by_changes += changes;
        const bool found = event_matches(r.atlas, e, "nakhchivan", "en");
        by_filter += found;
        EXPECT_EQ(found, words || changes) << e.id.str();
    }
    EXPECT_GT(by_filter, by_words);  // the events that changed it without naming it
    EXPECT_GE(by_filter, by_changes);
    // In another language, by the name shown there.
    const Event* moscow = r.atlas.find_event("moscow-treaty");
    ASSERT_NE(moscow, nullptr);
    EXPECT_TRUE(event_matches(r.atlas, *moscow, "Нахичевань", "ru"));
}

// Exports and films go to the desktop's folders for pictures and videos (xdg-user-dirs), not to
// the folder the program was started from.
TEST(Settings, ExportsGoToTheDesktopsFolders) {
    test_support::TempDir t;
    const std::string old_home = std::getenv("HOME") ? std::getenv("HOME") : "";
    const char* old_config = std::getenv("XDG_CONFIG_HOME");
    const std::string saved_config = old_config ? old_config : "";
    ::setenv("HOME", t.path.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (t.path / "config").c_str(), 1);
    std::filesystem::create_directories(t.path / "config");
    std::filesystem::create_directories(t.path / "Bilder");
    std::filesystem::create_directories(t.path / "Videos");
    std::ofstream(t.path / "config" / "user-dirs.dirs") << "# written by xdg-user-dirs-update\n"
                                                         << "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n"
                                                         << "XDG_MUSIC_DIR=\"$HOME/\"\n";
    EXPECT_EQ(user_folder("PICTURES"), (t.path / "Bilder").string());
    EXPECT_EQ(user_folder("VIDEOS"), (t.path / "Videos").string());  // not in the file: ~/Videos
    EXPECT_EQ(user_folder("MUSIC"), t.path.string());                 // "$HOME/": the home folder
    ::setenv("HOME", old_home.c_str(), 1);
    if (old_config)
        ::setenv("XDG_CONFIG_HOME", saved_config.c_str(), 1);
    else
        ::unsetenv("XDG_CONFIG_HOME");
}

// The bundled atlas edited from the window's forms (App::edit_lesson on an atlas kept in JSON):
// the edit goes into the event's own file, `validate` finds the atlas clean, and undo puts every
// file back byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/gui/app.h"
#include "data/edit/event_form.h"
#include "data/edit/lesson_edits.h"
#include "data/formats/manifest_edit.h"
#include "data/formats/workbook.h"
#include "data/load/loader.h"
#include "render/headless_context.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> json_files(const fs::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.path().extension() == ".json") {
            std::ifstream in(e.path(), std::ios::binary);
            std::stringstream s;
            s << in.rdbuf();
            out[e.path().string()] = s.str();
        }
    return out;
}

}  // namespace

TEST(WindowEdit, TheBundledAtlasIsEditedInItsOwnFilesAndUndone) {
    test_support::TempDir dir;
    const fs::path kars = dir.path / "kars";
    fs::copy(fs::path(CHRONOMAP_MAPS) / "kars", kars, fs::copy_options::recursive);
    const auto original = json_files(kars);
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx);
    gui::App app;
    ASSERT_TRUE(app.open(kars.string()));
    ASSERT_TRUE(gui::editable(app.doc->atlas()));
    const auto added = app.edit_lesson([](Atlas& a) {
        return apply_event_row(a, {{"event_id", "erzurum-1916"}, {"source", "overview"}, {"locator", "p. 12"},
                                   {"event_note", "Checked against the overview in the window."}});
    });
    ASSERT_TRUE(added) << added.message();
    ASSERT_TRUE(app.edit_lesson([](Atlas& a) { return edit_source(a, "window-note", "A source added in the window", "2026", "A. Teacher"); }));
    ASSERT_TRUE(app.edit_lesson([](Atlas& a) {
        return apply_event_row(a, {{"event_id", "window-event"}, {"date", "1916-05-01"}, {"kind", "other"},
                                   {"title", "An event added in the window"}, {"source", "window-note"}});
    }));
    const auto edited = json_files(kars);
    std::size_t changed = 0;
    for (const auto& [path, text] : original) changed += edited.at(path) == text ? 0 : 1;
    EXPECT_EQ(changed, 2u);  // the events' file and the manifest (the new source)
    const std::string& events_file = edited.at((kars / "events" / "1914-1918.json").string());
    EXPECT_NE(events_file.find("Checked against the overview"), std::string::npos);
    EXPECT_NE(events_file.find("\"id\": \"window-event\""), std::string::npos);  // beside the latest event before it
    ASSERT_TRUE(app.doc->atlas().find_event("window-event"));
    const Event* erzurum = app.doc->atlas().find_event("erzurum-1916");
    ASSERT_TRUE(erzurum);
    EXPECT_EQ(std::string(erzurum->sources.back().locator), "p. 12");
    ASSERT_TRUE(app.doc->atlas().find_source("window-note"));
    const auto checked = test_support::run_cli({"validate", kars.string()});
    EXPECT_EQ(checked.code, 0) << checked.out;
    EXPECT_NE(checked.out.find(" 0 error(s)"), std::string::npos) << checked.out;
    for (int k = 0; k < 3; ++k) ASSERT_TRUE(app.undo_edit());
    EXPECT_EQ(json_files(kars), original);
    ASSERT_TRUE(app.redo_edit());
    EXPECT_NE(json_files(kars), original);
    app.doc.reset();  // GL objects go while the context is alive
}

// An atlas with event files and a workbook: an event of a file is edited in its file, one added
// goes into the workbook, and nothing is written twice.
TEST(WindowEdit, AnAtlasWithEventFilesAndAWorkbookKeepsEachWhereItIs) {
    test_support::TempDir dir;
    const fs::path kars = dir.path / "kars";
    fs::copy(fs::path(CHRONOMAP_MAPS) / "kars", kars, fs::copy_options::recursive);
    ASSERT_TRUE(write_workbook(Atlas{}, (kars / "extra").string()));
    ASSERT_TRUE(set_manifest_member((kars / "atlas.json").string(), "workbook", "extra"));
    auto ctx = render::HeadlessContext::create();
    ASSERT_TRUE(ctx);
    gui::App app;
    ASSERT_TRUE(app.open(kars.string()));
    const std::size_t events = app.doc->atlas().events.size();
    ASSERT_TRUE(app.edit_lesson([](Atlas& a) {
        return apply_event_row(a, {{"event_id", "erzurum-1916"}, {"source", "overview"}, {"locator", "p. 12"}});
    }));
    ASSERT_TRUE(app.edit_lesson([](Atlas& a) {
        return apply_event_row(a, {{"event_id", "workbook-event"}, {"date", "1916-05-01"}, {"title", "In the workbook"},
                                   {"source", "overview"}, {"locator", "p. 3"}});
    }));
    const LoadResult again = load_atlas(kars.string());
    EXPECT_FALSE(again.diagnostics.has_errors()) << again.diagnostics.items().front().format();
    EXPECT_EQ(again.atlas.events.size(), events + 1);
    const Event* added = again.atlas.find_event("workbook-event");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->pos.file.str(), "extra/events.csv");
    const Event* erzurum = again.atlas.find_event("erzurum-1916");
    ASSERT_TRUE(erzurum);
    EXPECT_EQ(erzurum->pos.file.str(), "events/1914-1918.json");
    EXPECT_EQ(std::string(erzurum->sources.back().locator), "p. 12");
    std::ifstream powers(kars / "extra" / "powers.csv");
    const std::string powers_sheet((std::istreambuf_iterator<char>(powers)), {});
    EXPECT_EQ(powers_sheet.find("ottoman-empire"), std::string::npos);  // the manifest's powers stay there
    app.doc.reset();
}

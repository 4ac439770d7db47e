// The bundled atlas edited in its own JSON files (atlas_json.h): an object written back reads as
// the same event, power or source, and an edit leaves every other object's text as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/edit/event_form.h"
#include "data/formats/atlas_json.h"
#include "data/load/loader.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

std::string text_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path copy_of_kars(const test_support::TempDir& dir) {
    const fs::path to = dir.path / "kars";
    fs::copy(fs::path(CHRONOMAP_MAPS) / "kars", to, fs::copy_options::recursive);
    return to / "atlas.json";
}

}  // namespace

// Every event, power and source of the bundled atlas written back as JSON is read back the same.
TEST(AtlasJson, EverythingWrittenBackReadsTheSame) {
    test_support::TempDir dir;
    const fs::path manifest = copy_of_kars(dir);
    const LoadResult kars = load_atlas(manifest.string());
    ASSERT_FALSE(kars.diagnostics.has_errors());
    const AtlasJson as_read = atlas_json(kars.atlas, "atlas.json");
    AtlasJson stale = as_read;  // every object differs from what is written: all are rewritten
    for (auto& [file, lists] : stale)
        for (auto& [list, items] : lists)
            for (auto& [id, value] : items) value = {{"id", id}};
    ASSERT_TRUE(write_json_changes(stale, as_read, manifest.string()));
    const LoadResult again = load_atlas(manifest.string());
    EXPECT_FALSE(again.diagnostics.has_errors());
    EXPECT_EQ(again.atlas.events.size(), kars.atlas.events.size());
    EXPECT_EQ(atlas_json(again.atlas, "atlas.json"), as_read);
    // Nothing the model holds was left out of the objects written (the comparison above would
    // not see a field both the before and the after lack).
    std::size_t claims = 0, notes = 0;
    for (const auto& ev : kars.atlas.events) {
        const Event* read = again.atlas.find_event(std::string(ev.id));
        ASSERT_TRUE(read) << ev.id;
        const EventDetails &a = *ev.details, &b = *read->details;
        EXPECT_TRUE(ev.date == read->date && a.summary == b.summary && a.signed_on == b.signed_on && a.ratified == b.ratified &&
                    a.in_force == b.in_force && a.never_in_force == b.never_in_force && a.parties == b.parties &&
                    a.notes == b.notes && a.claims.size() == b.claims.size() && ev.changes.size() == read->changes.size() &&
                    ev.sources.size() == read->sources.size() && ev.kind == read->kind)
            << ev.id;
        for (std::size_t k = 0; k < ev.changes.size() && k < read->changes.size(); ++k)
            EXPECT_TRUE(*ev.changes[k].note == *read->changes[k].note && ev.changes[k].date == read->changes[k].date &&
                        ev.changes[k].basis == read->changes[k].basis)
                << ev.id;
        claims += a.claims.size();
        notes += a.notes.size();
    }
    EXPECT_GT(claims, 0u);  // the bundled atlas has them, so the check means something
    EXPECT_GT(notes, 0u);
    for (const auto& p : kars.atlas.powers) {
        const Power* read = again.atlas.find_power(p.id);
        ASSERT_TRUE(read);
        EXPECT_TRUE(read->names.by_lang == p.names.by_lang && read->rgba == p.rgba && read->note == p.note &&
                    read->parents.size() == p.parents.size())
            << p.id;
    }
}

// A source added to one event in the window: that event's object is rewritten where it stands,
// and nothing else in any file changes.
TEST(AtlasJson, AnEditRewritesOnlyTheEventItChanged) {
    test_support::TempDir dir;
    const fs::path manifest = copy_of_kars(dir);
    LoadResult kars = load_atlas(manifest.string());
    const AtlasJson before = atlas_json(kars.atlas, "atlas.json");
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(manifest.parent_path()))
        if (e.path().extension() == ".json") files[e.path().string()] = text_of(e.path());
    ASSERT_TRUE(apply_event_row(kars.atlas, {{"event_id", "erzurum-1916"}, {"source", "overview"}, {"locator", "p. 12"}}));
    ASSERT_TRUE(write_json_changes(before, atlas_json(kars.atlas, "atlas.json"), manifest.string()));
    const fs::path changed = manifest.parent_path() / "events" / "1914-1918.json";
    for (const auto& [path, text] : files)
        if (path != changed.string()) {
            EXPECT_EQ(text_of(path), text) << path;
        }
    const std::string old_text = files[changed.string()], new_text = text_of(changed);
    const std::size_t at = old_text.find("\"id\": \"erzurum-1916\"");
    ASSERT_NE(at, std::string::npos);
    const std::size_t object = old_text.rfind('{', at);
    EXPECT_EQ(new_text.substr(0, object), old_text.substr(0, object));  // what comes before, as it was
    const std::size_t next = old_text.find("\"id\": \"trabzon-1916\"");
    EXPECT_EQ(new_text.substr(new_text.find("\"id\": \"trabzon-1916\"")), old_text.substr(next));  // and after
    const LoadResult again = load_atlas(manifest.string());
    EXPECT_FALSE(again.diagnostics.has_errors());
    const Event* erzurum = again.atlas.find_event("erzurum-1916");
    ASSERT_TRUE(erzurum);
    EXPECT_EQ(std::string(erzurum->sources.back().locator), "p. 12");
}

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "data/validate/geometry_check.h"
#include "data/load/loader.h"
#include "data/load/loader_parts.h"
#include "data/geometry/mesh.h"
#include "tests/support/mesh_area.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {
std::string fixture(const std::string& name) { return std::string(CHRONOMAP_FIXTURES) + "/" + name; }

std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += item.format() + "\n";
    return out;
}
}  // namespace

TEST(Loader, GoodAtlasLoadsWithoutProblems) {
    const LoadResult r = load_atlas(fixture("good/atlas.json"));
    EXPECT_TRUE(r.manifest_read);
    EXPECT_EQ(r.diagnostics.items().size(), 0u) << all_messages(r.diagnostics);
    EXPECT_EQ(r.atlas.title, "Test atlas");
    EXPECT_EQ(r.atlas.layers.size(), 2u);
    EXPECT_EQ(r.atlas.powers.size(), 4u);
    EXPECT_EQ(r.atlas.events.size(), 7u);  // 5 from JSON, 2 from CSV
    EXPECT_EQ(r.atlas.start.iso(), "1900");
    const Power* red = r.atlas.find_power("red");
    ASSERT_TRUE(red);
    EXPECT_EQ(red->rgba, 0xD55E00FFu);
    EXPECT_EQ(red->names.get("tr"), "Kırmızı Devlet");
    EXPECT_EQ(red->names.get("hy"), "Red State");  // falls back to English
}

TEST(Loader, EventsAreSortedAndCarryAllTheirDates) {
    const LoadResult r = load_atlas(fixture("good/atlas.json"));
    for (std::size_t i = 1; i < r.atlas.events.size(); ++i)
        EXPECT_LE(r.atlas.events[i - 1].date, r.atlas.events[i].date);
    const Event* t = r.atlas.find_event("treaty");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->details->ratified->iso(), "1921-07-20");
    EXPECT_EQ(t->details->in_force->iso(), "1921-09-22");
    EXPECT_EQ(t->kind, EventKind::Treaty);
    ASSERT_EQ(t->changes.size(), 2u);
    EXPECT_EQ(t->changes[1].basis, Basis::DeJure);
    EXPECT_EQ(t->sources[0].locator, "Art. III");
    // The Julian date 31 December 1899 is 12 January 1900 in the Gregorian calendar.
    EXPECT_EQ(r.atlas.find_event("ancient")->date.iso(), "1900-01-12");
}

TEST(Loader, CsvEventsMergeRowsIntoEvents) {
    const LoadResult r = load_atlas(fixture("good/atlas.json"));
    const Event* s = r.atlas.find_event("secession");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->kind, EventKind::Declaration);
    ASSERT_EQ(s->changes.size(), 1u);
    EXPECT_EQ(s->changes[0].status, Status::SelfDeclared);
    EXPECT_EQ(s->changes[0].basis, Basis::DeFacto);
    EXPECT_EQ(s->changes[0].pos.line, 2);
}

TEST(Loader, NamesInEveryScriptAndHoles) {
    const LoadResult r = load_atlas(fixture("good/atlas.json"));
    const Feature* n = r.atlas.find_territory("nakhchivan");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->names.get("az"), "Naxçıvan");
    EXPECT_EQ(n->names.get("ru"), "Нахичевань");
    EXPECT_EQ(n->names.get("ka"), "ნახჭევანი");
    ASSERT_EQ(n->shape.polygons.size(), 1u);
    EXPECT_EQ(n->shape.polygons[0].rings.size(), 2u);  // exterior and one hole
    EXPECT_EQ(r.atlas.find_territory("alpha")->names.get("hy"), "Ալֆա");
}

TEST(Loader, ShapesWithValidityDates) {
    const LoadResult r = load_atlas(fixture("good/atlas.json"));
    const Feature* g = r.atlas.find_territory("gamma");
    ASSERT_TRUE(g);
    ASSERT_TRUE(g->valid_from);
    EXPECT_EQ(g->valid_from->iso(), "1950-01-01");
    EXPECT_FALSE(g->valid_to);
}

TEST(Loader, AFolderStandsForItsAtlasJson) {
    const LoadResult r = load_atlas(fixture("good"));
    EXPECT_FALSE(r.diagnostics.has_errors()) << all_messages(r.diagnostics);
    EXPECT_EQ(r.atlas.title, "Test atlas");
}

TEST(Loader, MissingManifestIsAnErrorNotACrash) {
    const LoadResult r = load_atlas(fixture("does-not-exist/atlas.json"));
    EXPECT_FALSE(r.manifest_read);
    ASSERT_EQ(r.diagnostics.error_count(), 1);
    EXPECT_NE(r.diagnostics.items()[0].message.find("cannot read the atlas manifest"), std::string::npos);
}

// Every bad fixture yields, among its diagnostics, exactly the located message in expected.txt.
class BadFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(BadFixture, ReportsItsLocatedMessage) {
    const fs::path dir = fs::path(CHRONOMAP_FIXTURES) / "bad" / GetParam();
    std::ifstream in(dir / "expected.txt");
    std::string expected;
    std::getline(in, expected);
    ASSERT_FALSE(expected.empty());
    // As validate does: load, then triangulate every polygon as the map would.
    LoadResult r = load_atlas((dir / "atlas.json").string());
    if (r.manifest_read) check_geometry(r.atlas, r.diagnostics);
    EXPECT_TRUE(r.diagnostics.has_errors());
    const std::string messages = all_messages(r.diagnostics);
    EXPECT_NE(messages.find(expected), std::string::npos) << "expected: " << expected << "\ngot:\n" << messages;
}

static std::vector<std::string> bad_fixture_names() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(fs::path(CHRONOMAP_FIXTURES) / "bad"))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadFixture, ::testing::ValuesIn(bad_fixture_names()),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (auto& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return n;
                         });

TEST(Loader, AnAtlasWithErrorsStillLoadsWhatItCan) {
    const LoadResult r = load_atlas(fixture("bad/unknown-power/atlas.json"));
    EXPECT_TRUE(r.diagnostics.has_errors());
    EXPECT_EQ(r.atlas.layers[0].features.size(), 3u);
    EXPECT_EQ(r.atlas.events.size(), 1u);
}

TEST(Loader, InvalidGeometryIsRepairedWhereItIsDrawnWithAWarning) {
    const fs::path dir = fs::temp_directory_path() / ("chronomap-bowtie-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "t.geojson") << R"({"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"id":"bow"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]})";
    std::ofstream(dir / "atlas.json") << R"({"title":"t","time_range":{"start":"1900","end":"2000"},
        "layers":[{"source":"t.geojson","role":"territories"}],"sources":[],"events":[]})";
    LoadResult r = load_atlas((dir / "atlas.json").string());
    fs::remove_all(dir);
    // Loading does not check validity (it would cost more than all the rest); the map's
    // triangulation does, and validate reports what it repaired, located.
    check_geometry(r.atlas, r.diagnostics);
    EXPECT_EQ(r.diagnostics.error_count(), 0) << all_messages(r.diagnostics);
    ASSERT_GE(r.diagnostics.warning_count(), 1);
    EXPECT_NE(all_messages(r.diagnostics).find("feature 'bow': warning: the polygon was invalid"), std::string::npos);
    // Drawn as MakeValid repairs it: two triangles of area 1 each, not the zero area of the ring.
    std::vector<MeshProblem> problems;
    const MapMesh m = build_mesh({{&r.atlas.find_territory("bow")->shape, 0}}, {0, 0}, 0, &problems);
    EXPECT_NEAR(test_support::mesh_area(m), 2.0, 1e-6);
}

TEST(Loader, PointsInATerritoriesLayerAreAWarning) {
    const fs::path dir = fs::temp_directory_path() / ("chronomap-points-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "t.geojson") << R"({"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"id":"town"},"geometry":{"type":"Point","coordinates":[1,2]}}]})";
    std::ofstream(dir / "atlas.json") << R"({"title":"t","time_range":{"start":"1900","end":"2000"},
        "layers":[{"source":"t.geojson","role":"territories"}],"events":[]})";
    const LoadResult r = load_atlas((dir / "atlas.json").string());
    fs::remove_all(dir);
    EXPECT_EQ(r.diagnostics.error_count(), 0) << all_messages(r.diagnostics);
    EXPECT_NE(all_messages(r.diagnostics).find("a territories layer needs polygons, but this feature is a Point"),
              std::string::npos);
}

// "in_force": "never" (JSON) and the word never in the in_force column (CSV) mark a treaty that
// never took effect; a treaty with no in_force is not known, and is not marked.
TEST(Loader, NeverInForceIsWhatTheAtlasSays) {
    Atlas atlas;
    Diagnostics diags;
    detail::read_events_csv_text("event_id,date,title,kind,signed,in_force,source,locator\n"
                                 "gyumri,1920-12-02,Gyumri,treaty,1920-12-02,never,s,p. 1\n"
                                 "moscow,1921-03-16,Moscow,treaty,1921-03-16,1921-09-22,s,p. 2\n"
                                 "brest,1918-03-03,Brest,treaty,1918-03-03,,s,p. 3\n",
                                 "events.csv", diags, atlas);
    ASSERT_EQ(atlas.events.size(), 3u) << diags.items().size();
    EXPECT_TRUE(atlas.events[0].details->never_in_force);
    EXPECT_FALSE(atlas.events[0].details->in_force);
    EXPECT_FALSE(atlas.events[1].details->never_in_force);
    EXPECT_TRUE(atlas.events[1].details->in_force);
    EXPECT_FALSE(atlas.events[2].details->never_in_force);
    EXPECT_FALSE(diags.has_errors());
}

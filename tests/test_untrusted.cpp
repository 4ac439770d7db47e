// An atlas from a stranger: it reads only its own folder, reaches no network or service, writes
// nothing beside its inputs, and its text cannot drive the terminal.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <cpl_conv.h>
#include <gdal_priv.h>

#include "data/validate/diagnostics.h"
#include "data/load/loader.h"
#include "data/load/source_policy.h"
#include "tests/support/listener.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::Listener;
using test_support::TempDir;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

const char* kSquare =
    R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},)"
    R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})";

std::string atlas_with_source(const std::string& source) {
    return R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326","layers":[)"
           R"({"name":"x","source":")" + source + R"(","role":"territories","id_field":"id"}]})";
}

}  // namespace

TEST(SourcePolicy, OnlyPathsInsideTheAtlasFolderAreOpened) {
    TempDir t;
    write(t.path / "atlas" / "ok.geojson", kSquare);
    write(t.path / "secret.csv", "a\nsecret\n");
    const std::string dir = (t.path / "atlas").string();
    EXPECT_EQ(resolve_source("ok.geojson", dir, false).refused, "");
    EXPECT_EQ(resolve_source("sub/../ok.geojson", dir, false).refused, "");
    EXPECT_NE(resolve_source("../secret.csv", dir, false).refused, "");
    EXPECT_NE(resolve_source((t.path / "secret.csv").string(), dir, false).refused, "");
    EXPECT_NE(resolve_source("CSV:" + (t.path / "secret.csv").string(), dir, false).refused, "");
    EXPECT_NE(resolve_source("/vsicurl/http://127.0.0.1:1/x.geojson", dir, false).refused, "");
    EXPECT_NE(resolve_source("PG:dbname=x", dir, false).refused, "");
    EXPECT_NE(resolve_source("http://127.0.0.1/x.geojson", dir, false).refused, "");
    // A link inside the folder to a file outside it is outside.
    fs::create_symlink(t.path / "secret.csv", t.path / "atlas" / "link.csv");
    EXPECT_NE(resolve_source("link.csv", dir, false).refused, "");
    // The user's leave lifts it.
    EXPECT_EQ(resolve_source("../secret.csv", dir, true).refused, "");
    EXPECT_TRUE(resolve_source("../secret.csv", dir, true).external);
}

TEST(SourcePolicy, ConnectionStringsAreToldFromPaths) {
    EXPECT_TRUE(is_connection_string("PG:dbname=x"));
    EXPECT_TRUE(is_connection_string("WFS:http://x"));
    EXPECT_TRUE(is_connection_string("/vsizip/a.zip/b.shp"));
    EXPECT_TRUE(is_connection_string("gopher://127.0.0.1/_x"));
    EXPECT_FALSE(is_connection_string("data/world_1914.geojson"));
    EXPECT_FALSE(is_connection_string("C:\\data\\x.shp"));
    EXPECT_FALSE(is_connection_string("dir/a:b.geojson"));
}

TEST(UntrustedAtlas, ReachesNoServiceAndReadsNothingOutside) {
    TempDir t;
    Listener l;
    const std::string port = std::to_string(l.port);
    write(t.path / "secret" / "secret.csv", "id,name\n-----BEGIN,key\n");
    const std::string sources[] = {
        "/vsicurl/http://127.0.0.1:" + port + "/x.geojson",
        "/vsicurl?header_file=" + (t.path / "secret" / "secret.csv").string() + "&url=http://127.0.0.1:" + port + "/x",
        "/vsicurl/gopher://127.0.0.1:" + port + "/_FLUSHALL",
        "http://127.0.0.1:" + port + "/x.geojson",
        "WFS:http://127.0.0.1:" + port + "/wfs",
        "OAPIF:http://127.0.0.1:" + port + "/",
        "ESRIJSON:http://127.0.0.1:" + port + "/x",
        "PG:host=127.0.0.1 port=" + port + " dbname=x connect_timeout=1",
        "CSV:" + (t.path / "secret" / "secret.csv").string(),
        "../secret/secret.csv",
    };
    for (const auto& source : sources) {
        SCOPED_TRACE(source);
        const fs::path dir = t.path / "atlas";
        fs::remove_all(dir);
        write(dir / "atlas.json", atlas_with_source(source));
        const LoadResult r = load_atlas((dir / "atlas.json").string());
        EXPECT_TRUE(r.diagnostics.has_errors());
        EXPECT_EQ(r.unread_inputs.size(), 1u);
        EXPECT_EQ(r.external_sources.size(), 1u);
        for (const auto& layer : r.atlas.layers) EXPECT_TRUE(layer.features.empty());
        for (const auto& d : r.diagnostics.items()) EXPECT_EQ(d.message.find("-----BEGIN"), std::string::npos);
        // Nothing was written beside the atlas either.
        std::size_t files = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
        EXPECT_EQ(files, 1u);
    }
    EXPECT_EQ(l.connections(), 0);
}

TEST(UntrustedAtlas, EventFilesOutsideTheFolderAreRefused) {
    TempDir t;
    write(t.path / "events.json", R"({"events":[]})");
    write(t.path / "atlas" / "t.geojson", kSquare);
    write(t.path / "atlas" / "atlas.json",
          R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326","layers":[)"
          R"({"name":"x","source":"t.geojson","role":"territories","id_field":"id"}],"events":["../events.json"]})");
    const LoadResult r = load_atlas((t.path / "atlas" / "atlas.json").string());
    ASSERT_EQ(r.unread_inputs.size(), 1u);
    EXPECT_NE(r.unread_inputs[0].find("../events.json"), std::string::npos);
}

TEST(UntrustedAtlas, CommandsExit2WhenALayerCannotBeRead) {
    TempDir t;
    write(t.path / "atlas.json", atlas_with_source("missing.geojson"));
    const std::string atlas = (t.path / "atlas.json").string();
    EXPECT_EQ(test_support::run_cli({"status", atlas, "--date", "1920"}).code, 2);
    EXPECT_EQ(test_support::run_cli({"events", atlas}).code, 2);
    const auto out = (t.path / "x.svg").string();
    EXPECT_EQ(test_support::run_cli({"export", atlas, "--date", "1920", "--out", out}).code, 2);
    EXPECT_FALSE(fs::exists(out));
}

TEST(UntrustedAtlas, AllowExternalOpensWhatTheUserTrusts) {
    TempDir t;
    write(t.path / "shared" / "t.geojson", kSquare);
    write(t.path / "atlas" / "atlas.json", atlas_with_source("../shared/t.geojson"));
    const std::string atlas = (t.path / "atlas" / "atlas.json").string();
    EXPECT_EQ(test_support::run_cli({"validate", atlas}).code, 2);
    const auto ok = test_support::run_cli({"validate", atlas, "--allow-external"});
    EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
}

TEST(TerminalOutput, ControlAndBidiCharactersAreEscaped) {
    EXPECT_EQ(printable("a\x1b]0;pwned\x07z"), "a\\x1B]0;pwned\\x07z");
    EXPECT_EQ(printable("x\xE2\x80\xAEy"), "x\\u{202E}y");   // right-to-left override
    EXPECT_EQ(printable("x\xE2\x81\xA6y"), "x\\u{2066}y");   // left-to-right isolate
    EXPECT_EQ(printable("x\xC2\x9B" "2Jy"), "x\\u{009B}2Jy");  // C1 CSI
    EXPECT_EQ(printable("Nax\xC3\xA7\xC4\xB1van"), "Nax\xC3\xA7\xC4\xB1van");  // letters stay
}

TEST(TerminalOutput, AnAtlasTitleCannotDriveTheTerminal) {
    TempDir t;
    write(t.path / "t.geojson", kSquare);
    write(t.path / "atlas.json",
          R"({"title":"Evil\u001b]0;owned\u0007\r\u202e","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326",)"
          R"("layers":[{"name":"x","source":"t.geojson","role":"territories","id_field":"id"}]})");
    const auto r = test_support::run_cli({"events", (t.path / "atlas.json").string()});
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(r.out.find('\r'), std::string::npos);
    EXPECT_EQ(r.out.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_NE(r.out.find("Evil\\x1B]0;owned\\x07\\x0D\\u{202E}"), std::string::npos) << r.out;
}

TEST(Silence, MisspeltManifestKeysAreSaidWithTheNearestField) {
    TempDir t;
    write(t.path / "t.geojson", kSquare);
    write(t.path / "atlas.json",
          R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326","evnts":[],)"
          R"("layers":[{"name":"x","source":"t.geojson","role":"territories","id_field":"id","name_feild":"n"}],)"
          R"("powers":[{"id":"p","names":{"en":"P"},"colour":"#ff0000"}]})");
    const LoadResult r = load_atlas((t.path / "atlas.json").string());
    std::vector<std::string> said;
    for (const auto& d : r.diagnostics.items())
        if (d.message.rfind("unknown field", 0) == 0) said.push_back(d.message);
    ASSERT_EQ(said.size(), 3u);
    EXPECT_NE(said[0].find("'evnts' in the atlas manifest is ignored (did you mean 'events'?)"), std::string::npos);
    EXPECT_NE(said[1].find("(did you mean 'name_field'?)"), std::string::npos);
    EXPECT_NE(said[2].find("(did you mean 'color'?)"), std::string::npos);
}

namespace {

// An atlas of one square territory whose name is `name_json` (as written in JSON), loaded.
LoadResult load_one_named(const TempDir& t, const std::string& name_json) {
    write(t.path / "t.geojson",
          R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":")" + name_json +
              R"("},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})");
    write(t.path / "atlas.json",
          R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326",)"
          R"("layers":[{"name":"x","source":"t.geojson","role":"territories","id_field":"id"}]})");
    return load_atlas((t.path / "atlas.json").string());
}

bool says(const LoadResult& r, const std::string& what) {
    for (const auto& d : r.diagnostics.items())
        if (d.message.find(what) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(Silence, NamesInScriptsTheMapCannotDrawAreSaid) {
    TempDir t;
    EXPECT_TRUE(says(load_one_named(t, "ܐܘܪܗܝ"), "right-to-left"));  // Syriac: no face, no joining
    EXPECT_TRUE(says(load_one_named(t, "Kars 🏰"), "emoji"));
    // Persian and Hebrew are drawn (ordered and joined: test_bidi.cpp), so nothing is said.
    EXPECT_FALSE(says(load_one_named(t, "تبریز"), "right-to-left"));
    EXPECT_FALSE(says(load_one_named(t, "ירושלים"), "right-to-left"));
}

TEST(Silence, ANulInANameDoesNotCutIt) {
    TempDir t;
    const LoadResult r = load_one_named(t, "Kars\\u0000 Oblast");
    EXPECT_TRUE(says(r, "NUL"));
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].features.size(), 1u);
    bool whole = false;
    for (const auto& [lang, name] : r.atlas.layers[0].features[0].names.by_lang)
        whole = whole || std::string_view(name.c_str()) == "Kars\uFFFD Oblast";
    EXPECT_TRUE(whole) << "the name is cut at the NUL or lost";
}

TEST(Films, AFilmBeyondASaneSizeIsRefusedBeforeItIsPlanned) {
    // 1e-6 years a second at 120 fps over 77 years planned 9.4e9 frames and died of memory.
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    TempDir t;
    const auto r = test_support::run_cli(
        {"animate", kars, "--out", (t.path / "x.mp4").string(), "--fps", "120", "--years-per-second", "1e-6"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("the film would have 9.36e+09 frames"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(t.path / "x.mp4"));
}

namespace {

LoadResult load_one_polygon(const TempDir& t, const std::string& ring, const std::string& crs) {
    write(t.path / "t.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a"},)"
                                R"("geometry":{"type":"Polygon","coordinates":[)" + ring + "]}}]}");
    write(t.path / "atlas.json", R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":")" + crs +
                                     R"(","layers":[{"name":"x","source":"t.geojson","role":"territories","id_field":"id"}]})");
    return load_atlas((t.path / "atlas.json").string());
}

}  // namespace

TEST(Geography, PolarPolygonsAreHeldToTheEdgeOfAMercatorMap) {
    for (const char* ring : {"[[0,-90],[40,-90],[40,-60],[0,-60],[0,-90]]", "[[0,60],[40,60],[40,90],[0,90],[0,60]]"}) {
        SCOPED_TRACE(ring);
        TempDir t;
        const LoadResult r = load_one_polygon(t, ring, "EPSG:3857");
        for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << d.format();
        ASSERT_EQ(r.atlas.layers[0].features.size(), 1u);
        const Shape& s = r.atlas.layers[0].features[0].shape;
        ASSERT_EQ(s.polygons.size(), 1u);
        Bounds b;
        for (const Vec2& v : s.polygons[0].rings[0]) b.add(v);
        EXPECT_TRUE(std::isfinite(b.min_y) && std::isfinite(b.max_y));
        EXPECT_LE(std::abs(b.max_y), 20037509.0);  // Web Mercator's square
        EXPECT_LE(std::abs(b.min_y), 20037509.0);
        EXPECT_GT(b.max_y - b.min_y, 1e6);  // a band, not a line
    }
}

TEST(Geography, CoordinatesOffTheGlobeAreAnError) {
    TempDir t;
    const LoadResult r = load_one_polygon(t, "[[0,0],[1e308,0],[1e308,1],[0,1],[0,0]]", "EPSG:4326");
    EXPECT_TRUE(r.diagnostics.has_errors());
    EXPECT_TRUE(r.atlas.layers[0].features.empty());
}

TEST(Films, AGifAboveFiftyFramesASecondIsRefused) {
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    TempDir t;
    const auto r = test_support::run_cli({"animate", kars, "--out", (t.path / "x.gif").string(), "--fps", "60",
                                          "--from", "1921-01-01", "--to", "1921-02-01"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("at most 50 frames a second"), std::string::npos) << r.err;
}

TEST(Films, PngFramesOfAKilledFilmDoNotMixWithTheNext) {
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    TempDir t;
    const fs::path folder = t.path / "frames";
    fs::create_directories(folder);
    for (int k = 1; k <= 655; ++k) {  // what a killed film of 655 frames left
        char name[32];
        std::snprintf(name, sizeof name, "frame-%06d.png", k);
        write(folder / name, "x");
    }
    const std::vector<std::string> film = {"animate", kars, "--out", folder.string() + "/", "--from", "1920-10-01",
                                           "--to", "1921-04-01", "--per-event", "0.2", "--fps", "5", "--size", "160x90"};
    const auto r = test_support::run_cli(film);
    ASSERT_EQ(r.code, 0) << r.err;
    std::size_t frames = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++frames;
    EXPECT_NE(r.out.find("(" + std::to_string(frames) + " frames"), std::string::npos) << r.out;
    EXPECT_LT(frames, 655u);
    for (const auto& e : fs::directory_iterator(t.path)) EXPECT_EQ(e.path().filename(), "frames");  // no .part left
    // A folder holding anything else is not the film's to replace.
    write(folder / "notes.txt", "mine");
    EXPECT_EQ(test_support::run_cli(film).code, 2);
    EXPECT_TRUE(fs::exists(folder / "notes.txt"));
}

// A layer or a display CRS of Mars (IAU_2015:49900) is not reprojected onto the Earth.
TEST(Geography, ACrsOfAnotherBodyIsRefused) {
    TempDir t;
    write(t.path / "t.geojson",
          R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"IAU_2015:49900"}},)"
          R"("features":[{"type":"Feature","properties":{"id":"a"},)"
          R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})");
    write(t.path / "atlas.json", R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326",)"
                                 R"("layers":[{"name":"x","source":"t.geojson","role":"territories","id_field":"id"}]})");
    const LoadResult r = load_atlas((t.path / "atlas.json").string());
    ASSERT_TRUE(r.diagnostics.has_errors());
    EXPECT_NE(r.diagnostics.items().front().format().find("not on the Earth"), std::string::npos)
        << r.diagnostics.items().front().format();
    EXPECT_TRUE(r.atlas.layers.empty() || r.atlas.layers[0].features.empty());

    const LoadResult mars_map = load_one_polygon(t, "[[0,0],[1,0],[1,1],[0,1],[0,0]]", "IAU_2015:49900");
    bool said = false;
    for (const auto& d : mars_map.diagnostics.items()) said = said || d.format().find("not on the Earth") != std::string::npos;
    EXPECT_TRUE(said);
}

// A GeoPackage left with a write-ahead log (its writer killed, or QGIS still holding it) is read
// with the log's changes, and neither it nor the log is rewritten: SQLite folds the log in when
// the last connection closes, even one opened read-only.
TEST(UntrustedAtlas, AGeoPackageLeftWithALogIsNotRewritten) {
    TempDir t;
    write(t.path / "old.geojson",
          R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"Old"},)"
          R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})");
    const fs::path gpkg = t.path / "t.gpkg";
    const std::string make = "ogr2ogr -f GPKG -nln t '" + gpkg.string() + "' '" + (t.path / "old.geojson").string() + "'";
    ASSERT_EQ(std::system(make.c_str()), 0);
    // A writer that changes the name in the log and dies without closing.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        GDALAllRegister();
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "WAL");
        GDALDataset* ds = GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
        if (!ds) ::_exit(3);
        ds->ExecuteSQL("PRAGMA wal_autocheckpoint=0", nullptr, nullptr);
        ds->ExecuteSQL("UPDATE t SET name = 'New'", nullptr, nullptr);
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const fs::path wal = t.path / "t.gpkg-wal";
    ASSERT_TRUE(fs::exists(wal)) << "the writer left no log; the case tests nothing";
    auto bytes = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string db_before = bytes(gpkg), wal_before = bytes(wal);

    write(t.path / "atlas.json", R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326","layers":[)"
                                 R"({"name":"x","source":"t.gpkg","role":"territories","id_field":"id","name_field":"name"}]})");
    ::setenv("CHRONOMAP_NO_CACHE", "1", 1);
    const LoadResult r = load_atlas((t.path / "atlas.json").string());
    ::unsetenv("CHRONOMAP_NO_CACHE");
    ASSERT_EQ(r.atlas.layers.size(), 1u);
    ASSERT_EQ(r.atlas.layers[0].features.size(), 1u);
    EXPECT_EQ(r.atlas.layers[0].features[0].names.by_lang.begin()->second, "New");  // the log was read
    EXPECT_EQ(bytes(gpkg), db_before);
    ASSERT_TRUE(fs::exists(wal));
    EXPECT_EQ(bytes(wal), wal_before);
}

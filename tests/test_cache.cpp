// The cache: what it returns is what was stored, or nothing; damaged and stale entries are never
// trusted; atlases read through it are the same as read without it.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "data/load/cache.h"
#include "data/load/loader.h"
#include "app/view/scene/map_scene.h"
#include "tests/support/series.h"
#include "data/time/timeline.h"

using namespace chronomap;
namespace fs = std::filesystem;

namespace {

struct CacheDir : ::testing::Test {
    fs::path dir = fs::temp_directory_path() / ("chronomap-cache-" + std::to_string(::getpid()));
    std::string saved;
    void SetUp() override {
        if (const char* x = std::getenv("XDG_CACHE_HOME")) saved = x;
        fs::create_directories(dir);
        ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
    }
    void TearDown() override {
        if (saved.empty())
            ::unsetenv("XDG_CACHE_HOME");
        else
            ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
        fs::remove_all(dir);
    }
    std::vector<fs::path> files(const std::string& kind) const {
        std::vector<fs::path> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir / "cache" / "chronomap" / kind, ec)) out.push_back(e.path());
        return out;
    }
};

// A summary of what a load produced, to compare loads with and without the cache.
std::string summary(const LoadResult& r) {
    std::string s;
    for (const auto& l : r.atlas.layers)
        for (const auto& f : l.features) {
            s += f.id + "|" + f.controller + "|" + (f.valid_from ? f.valid_from->iso() : "-") + "|";
            for (const auto& p : f.shape.polygons)
                for (const auto& ring : p.rings) s += std::to_string(ring.size()) + ",";
            s += "\n";
        }
    for (const auto& d : r.diagnostics.items()) s += d.format() + "\n";
    for (const auto& p : r.atlas.powers) s += p.id + std::to_string(p.rgba) + "\n";
    return s;
}

}  // namespace

TEST_F(CacheDir, StoredPayloadsComeBackAndDamagedOnesDoNot) {
    const std::string payload(100000, 'x');
    ASSERT_TRUE(cache::store("test", 42, payload));
    EXPECT_EQ(cache::load("test", 42).value_or(""), payload);
    EXPECT_FALSE(cache::load("test", 43));  // another key
    const auto stored = files("test");
    ASSERT_EQ(stored.size(), 1u);
    {  // one flipped byte in the payload
        std::fstream f(stored[0], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(5000);
        f.put('y');
    }
    EXPECT_FALSE(cache::load("test", 42));
    ASSERT_TRUE(cache::store("test", 42, payload));
    fs::resize_file(stored[0], 3000);  // truncated
    EXPECT_FALSE(cache::load("test", 42));
    fs::resize_file(stored[0], 0);
    EXPECT_FALSE(cache::load("test", 42));
}

// Payloads of several blocks are written and read a block at a time, never held whole; values
// that straddle blocks come back intact, and damage anywhere is found once all is read.
TEST_F(CacheDir, LargePayloadsAreStreamedBothWaysAndCheckedAtTheEnd) {
    std::vector<double> numbers(400000);  // 3.2 MB: four blocks
    for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = static_cast<double>(i) * 0.5;
    const std::string text(cache::kBlock + 3, 't');  // so what follows starts off a block boundary
    auto write = [&](cache::Writer& w) {
        w.put<std::uint32_t>(7);
        w.str(text);
        w.vec(numbers);
        w.put<std::uint64_t>(0xfeedULL);
    };
    ASSERT_TRUE(cache::store("test", 7, write));
    auto read_back = [&](bool expect_intact) {
        auto stored = cache::open("test", 7);
        ASSERT_TRUE(stored);
        cache::Reader& r = stored->reader();
        EXPECT_EQ(r.get<std::uint32_t>(), 7u);
        EXPECT_EQ(r.str(), text);
        const auto read = r.vec<double>();
        EXPECT_EQ(read.size(), numbers.size());
        if (expect_intact) {
            EXPECT_EQ(read, numbers);
        }
        EXPECT_EQ(r.get<std::uint64_t>(), 0xfeedULL);
        EXPECT_TRUE(r.done());
        EXPECT_EQ(stored->intact(), expect_intact);
    };
    read_back(true);
    cache::Writer whole;  // the same payload, kept: load() gives it back byte for byte
    write(whole);
    EXPECT_EQ(cache::load("test", 7).value_or(""), whole.buffer());

    const auto stored = files("test");
    ASSERT_EQ(stored.size(), 1u);
    {  // in the third block, among the numbers: everything still reads, but the check fails
        std::fstream f(stored[0], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(2 * static_cast<std::streamoff>(cache::kBlock) + 1000);
        f.put('\x7f');
    }
    read_back(false);
    EXPECT_FALSE(cache::load("test", 7));
}

TEST_F(CacheDir, ReadersStopAtTheEndOfTheirData) {
    cache::Writer w;
    w.str("hello");
    w.vec(std::vector<double>{1, 2, 3});
    const std::string all = w.buffer();
    cache::Reader r(all);
    EXPECT_EQ(r.str(), "hello");
    EXPECT_EQ(r.vec<double>().size(), 3u);
    EXPECT_TRUE(r.done());
    cache::Reader cut(std::string_view(all).substr(0, all.size() - 4));
    cut.str();
    cut.vec<double>();
    EXPECT_FALSE(cut.ok());
}

TEST_F(CacheDir, AnAtlasReadThroughTheCacheIsTheSameAndStaleOrDamagedEntriesAreRebuilt) {
    test_support::SeriesSpec spec{3, 6, 4, 3, 7};
    const std::string manifest = test_support::write_series(dir.string(), spec);
    const std::string cold = summary(load_atlas(manifest));
    ASSERT_EQ(files("layers").size(), 3u);  // one per snapshot file
    EXPECT_EQ(summary(load_atlas(manifest)), cold);  // warm

    // Damage every entry: the next load reads the files again and gets the same atlas.
    for (const auto& f : files("layers")) fs::resize_file(f, fs::file_size(f) / 2);
    EXPECT_EQ(summary(load_atlas(manifest)), cold);

    // Change one source: its old entry must not be used.
    const fs::path first = dir / "world_0.geojson";
    std::string text;
    {
        std::ifstream in(first);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto at = text.find("\"Power ");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 7, "\"Renamed ");
    std::ofstream(first) << text;
    const LoadResult changed = load_atlas(manifest);
    EXPECT_NE(summary(changed), cold);
    EXPECT_TRUE(std::any_of(changed.atlas.powers.begin(), changed.atlas.powers.end(),
                            [](const Power& p) { return p.id.rfind("Renamed ", 0) == 0; }));
}

TEST_F(CacheDir, OffMeansOff) {
    ::setenv("CHRONOMAP_NO_CACHE", "1", 1);
    EXPECT_TRUE(cache::directory().empty());
    EXPECT_FALSE(cache::store("test", 1, "x"));
    ::unsetenv("CHRONOMAP_NO_CACHE");
    EXPECT_FALSE(cache::directory().empty());
}

TEST_F(CacheDir, ASceneFromTheCacheIsTheSceneBuilt) {
    test_support::SeriesSpec spec{3, 6, 4, 3, 7};
    const std::string manifest = test_support::write_series(dir.string(), spec);
    const LoadResult r = load_atlas(manifest);
    const Timeline tl(r.atlas);
    const MapScene built = MapScene::build(r.atlas, tl);
    ASSERT_EQ(files("scenes").size(), 1u);
    const MapScene again = MapScene::build(r.atlas, tl);
    ASSERT_EQ(again.territories.size(), built.territories.size());
    for (std::size_t l = 0; l < built.territories.size(); ++l) {
        EXPECT_EQ(again.territories[l].mesh.indices, built.territories[l].mesh.indices);
        EXPECT_EQ(again.territories[l].mesh.positions, built.territories[l].mesh.positions);
        EXPECT_EQ(again.territories[l].mesh.groups.size(), built.territories[l].mesh.groups.size());
    }
    ASSERT_EQ(again.labels.size(), built.labels.size());
    for (std::size_t i = 0; i < built.labels.size(); ++i) EXPECT_EQ(again.labels[i].at.x, built.labels[i].at.x);
    // A damaged entry is rebuilt, with the same result.
    for (const auto& f : files("scenes")) fs::resize_file(f, 100);
    const MapScene rebuilt = MapScene::build(r.atlas, tl);
    EXPECT_EQ(rebuilt.territories[0].mesh.indices, built.territories[0].mesh.indices);
}

namespace {

void write_file(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string one_square(const std::string& id, const std::string& name) {
    return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":")" + id +
           R"(","name":")" + name +
           R"("},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})";
}

void write_atlas(const fs::path& dir, const std::string& source) {
    write_file(dir / "atlas.json", R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326",)"
                                   R"("layers":[{"name":"x","source":")" + source +
                                       R"(","role":"territories","id_field":"id","name_field":"name"}]})");
}

std::string first_name(const LoadResult& r) {
    if (r.atlas.layers.empty() || r.atlas.layers[0].features.empty()) return "(none)";
    const auto& f = r.atlas.layers[0].features[0];
    return f.names.by_lang.empty() ? "(unnamed)" : f.names.by_lang.begin()->second;
}

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

// A shapefile's names are in its .dbf: a changed .dbf beside the same .shp is a changed layer.
TEST_F(CacheDir, AShapefileWhoseDbfChangedIsReadAgain) {
    write_file(dir / "old.geojson", one_square("a", "Old"));
    write_file(dir / "new.geojson", one_square("a", "New"));
    for (const char* stem : {"t", "n"}) {
        const std::string from = (dir / (stem == std::string("t") ? "old.geojson" : "new.geojson")).string();
        const std::string cmd = "ogr2ogr -f 'ESRI Shapefile' '" + (dir / (std::string(stem) + ".shp")).string() + "' '" + from + "'";
        ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    }
    write_atlas(dir, "t.shp");
    const std::string manifest = (dir / "atlas.json").string();
    EXPECT_EQ(first_name(load_atlas(manifest)), "Old");
    ASSERT_EQ(files("layers").size(), 1u);
    EXPECT_EQ(first_name(load_atlas(manifest)), "Old");  // from the cache

    ASSERT_EQ(bytes_of(dir / "t.shp"), bytes_of(dir / "n.shp"));  // the same shapes: only the .dbf differs
    fs::copy_file(dir / "n.dbf", dir / "t.dbf", fs::copy_options::overwrite_existing);
    EXPECT_EQ(first_name(load_atlas(manifest)), "New");
}

// A .vrt names other files: its own bytes say nothing of theirs, so it is not cached at all.
TEST_F(CacheDir, SourcesThatPointAtOtherFilesAreNotCached) {
    write_file(dir / "t.geojson", one_square("a", "Old"));
    write_file(dir / "t.vrt", R"(<OGRVRTDataSource><OGRVRTLayer name="t"><SrcDataSource relativeToVRT="1">t.geojson</SrcDataSource>)"
                              R"(<SrcLayer>t</SrcLayer></OGRVRTLayer></OGRVRTDataSource>)");
    write_atlas(dir, "t.vrt");
    LoadOptions trusted;
    trusted.allow_external = true;  // VRT is not among the drivers an untrusted atlas may use
    const std::string manifest = (dir / "atlas.json").string();
    EXPECT_EQ(first_name(load_atlas(manifest, trusted)), "Old");
    EXPECT_TRUE(files("layers").empty());
    write_file(dir / "t.geojson", one_square("a", "New"));
    EXPECT_EQ(first_name(load_atlas(manifest, trusted)), "New");
}

// The scene cache is keyed on the features too: a renamed feature with the same shape is not
// restored under its old id.
TEST_F(CacheDir, ASceneIsKeyedOnItsFeatures) {
    write_file(dir / "t.geojson", one_square("a", "Same"));
    write_atlas(dir, "t.geojson");
    const std::string manifest = (dir / "atlas.json").string();
    {
        const LoadResult r = load_atlas(manifest);
        const Timeline tl(r.atlas);
        (void)MapScene::build(r.atlas, tl);
    }
    ASSERT_EQ(files("scenes").size(), 1u);
    write_file(dir / "t.geojson", one_square("b", "Same"));
    const LoadResult r = load_atlas(manifest);
    const Timeline tl(r.atlas);
    (void)MapScene::build(r.atlas, tl);
    EXPECT_EQ(files("scenes").size(), 2u);
}

// A process killed while writing leaves "….tmpPID"; the next store removes it.
TEST_F(CacheDir, AbandonedTemporaryFilesAreRemoved) {
    ASSERT_TRUE(cache::store("layers", 1, "x"));
    const fs::path abandoned = dir / "cache" / "chronomap" / "layers" / "0000000000000002.bin.tmp999999999";
    write_file(abandoned, "half");
    const fs::path ours = dir / "cache" / "chronomap" / "layers" / ("0000000000000003.bin.tmp" + std::to_string(::getpid()));
    write_file(ours, "being written");
    ASSERT_TRUE(cache::store("layers", 4, "y"));
    EXPECT_FALSE(fs::exists(abandoned));
    EXPECT_TRUE(fs::exists(ours));  // this process is alive: not abandoned
}

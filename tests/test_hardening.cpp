// Hostile and careless inputs (the hardening issue): a regression test for each row it listed,
// named by what it holds. Each failed before its fix.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "app/cli/cli.h"
#include "app/launch/launch_args.h"
#include "data/formats/csv_reader.h"
#include "app/gui/gui.h"
#include "data/formats/json_doc.h"
#include "data/load/loader.h"
#include "data/support/parallel.h"
#include "render/png_writer.h"
#include "app/gui/script.h"
#include "app/gui/settings.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/succeeded.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::TempDir;

namespace {

using test_support::run_cli;

const std::string kGood = std::string(CHRONOMAP_FIXTURES) + "/good";

// A copy of the good fixture whose first event has the given title and summary.
void write_atlas_with_event_text(const fs::path& dir, const std::string& title, const std::string& summary) {
    fs::copy(kGood, dir, fs::copy_options::recursive);
    fs::copy(std::string(CHRONOMAP_FIXTURES) + "/common", dir.parent_path() / "common",
             fs::copy_options::recursive | fs::copy_options::skip_existing);
    std::ifstream in(dir / "events.json");
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    const std::string from = R"("title": "Start", "kind": "other",)";
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), R"("title": ")" + title + R"(", "summary": ")" + summary + R"(", "kind": "other",)");
    std::ofstream(dir / "events.json") << text;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
// A failure whose message says `part`.
bool has(const Result<>& failed, const std::string& part) { return !failed && has(failed.message(), part); }

long dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

}  // namespace

// Rows 1, 2 and 12: any length of event text; what is drawn is bounded, with a warning.
TEST(Hardening, LongEventTextExportsWithAWarning) {
    TempDir tmp;
    const fs::path dir = tmp.path / "atlas";
    write_atlas_with_event_text(dir, std::string(100000, 'T'), std::string(30000, 's'));
    const auto r = run_cli({"export", dir.string(), "--date", "1900-06-01", "--size", "640x360", "--out",
                            (tmp.path / "long.png").string()});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(tmp.path / "long.png"));
    const LoadResult loaded = load_atlas(dir.string());
    const Event* e = loaded.atlas.find_event("start");
    ASSERT_TRUE(e);
    EXPECT_LE(e->title.size(), 310u);
    EXPECT_LE(e->details->summary.size(), 4010u);
    bool warned = false;
    for (const auto& d : loaded.diagnostics.items()) warned = warned || has(d.message, "30000 bytes long");
    EXPECT_TRUE(warned);
}

// A settings file that is a folder (or a FIFO) gives defaults and a message.
TEST(Hardening, SettingsThatAreAFolderGiveDefaults) {
    TempDir tmp;
    fs::create_directories(tmp.path / "settings.json");
    std::string warning;
    const gui::Settings s = gui::load_settings((tmp.path / "settings.json").string(), warning);
    EXPECT_TRUE(has(warning, "is a folder")) << warning;
    EXPECT_EQ(s.ui_scale, gui::Settings{}.ui_scale);
    ASSERT_EQ(::mkfifo((tmp.path / "fifo.json").c_str(), 0600), 0);
    warning.clear();
    gui::load_settings((tmp.path / "fifo.json").string(), warning);  // would block in open()
    EXPECT_TRUE(has(warning, "not a regular file")) << warning;
}

// Rows 4 and 15: libpng's error path (a write past the file-size limit) leaks nothing (the
// ASan build checks) and leaves no temporary file.
TEST(Hardening, FailedPngWriteLeaksNothingAndLeavesNoTemporaryFile) {
    TempDir tmp;
    const std::string out = (tmp.path / "big.png").string();
    std::vector<std::uint8_t> noise(512 * 512 * 4);
    for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<std::uint8_t>(i * 2654435761u >> 13);
    auto old = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    ::getrlimit(RLIMIT_FSIZE, &saved);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const Result<> written = render::write_png(out, 512, 512, noise, {{"Title", "A title"}, {"Source", "A source"}});
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, old);
    EXPECT_TRUE(has(written, "cannot write")) << written.message();
    EXPECT_TRUE(fs::is_empty(tmp.path)) << "a temporary file was left behind";
}

// A script is checked whole before anything runs; every bad line is named.
TEST(Hardening, ScriptIsCheckedBeforeItRuns) {
    TempDir tmp;
    const fs::path script = tmp.path / "s.script";
    std::ofstream(script) << "date 1921\nfrobnicate now\nwait 1e20\nexport out.png 10x\nspeed nan\nquit\n";
    std::vector<std::string> problems;
    gui::read_script(script.string(), problems);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_TRUE(has(problems[0], ":2: unknown command 'frobnicate'"));
    EXPECT_TRUE(has(problems[1], ":3: wait takes"));
    EXPECT_TRUE(has(problems[2], ":4: size must be WxH"));
    EXPECT_TRUE(has(problems[3], ":5: speed takes"));
}

// FIFOs and devices as inputs are refused at once, never opened.
TEST(Hardening, NonRegularInputsAreRefused) {
    TempDir tmp;
    ASSERT_EQ(::mkfifo((tmp.path / "atlas.json").c_str(), 0600), 0);
    auto r = load_atlas((tmp.path / "atlas.json").string());
    ASSERT_EQ(r.diagnostics.error_count(), 1);
    EXPECT_TRUE(has(r.diagnostics.items()[0].message, "not a regular file"));

    const fs::path dir = tmp.path / "atlas";
    fs::create_directories(dir);
    // Inside the atlas folder (a device outside it is refused before anything looks at it).
    ASSERT_EQ(::mkfifo((dir / "layer.geojson").c_str(), 0600), 0);
    ASSERT_EQ(::mkfifo((dir / "events.json").c_str(), 0600), 0);
    std::ofstream(dir / "atlas.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "l", "source": "layer.geojson", "role": "territories"}],
        "events": ["events.json", "missing.csv"]})";
    r = load_atlas((dir / "atlas.json").string());
    int refused = 0;
    for (const auto& d : r.diagnostics.items()) refused += has(d.message, "not a regular file");
    EXPECT_EQ(refused, 2);  // the layer and events.json; missing.csv does not exist
    std::ofstream(tmp.path / "devices.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "l", "source": "/dev/zero", "role": "territories"}], "events": ["/dev/zero"]})";
    r = load_atlas((tmp.path / "devices.json").string(), LoadOptions{true, true});  // allowed outside
    refused = 0;
    for (const auto& d : r.diagnostics.items()) refused += has(d.message, "not a regular file");
    EXPECT_EQ(refused, 2);
}

// Numeric flags are parsed strictly, with the range in the message.
TEST(Hardening, NumericFlagsAreStrict) {
    for (const char* bad : {"abc", "0", "-1", "1e20", "5x", ""})
        EXPECT_FALSE(parse_integer(bad, 1, 100000000)) << bad;
    EXPECT_EQ(parse_integer("12", 1, 100), 12);
    for (const char* bad : {"nan", "abc", "inf", "0.5", "3.5", "2 "}) EXPECT_FALSE(parse_real(bad, 1, 3)) << bad;
    EXPECT_EQ(parse_real("1.5", 1, 3), 1.5);
    // The window refuses them before it needs a display.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--exit-after-frames", "abc"}, {"--exit-after-frames", "0"},
          {"--exit-after-frames", "1e20"}, {"--ui-scale", "nan"}, {"--ui-scale", "abc"}}) {
        std::ostringstream err;
        auto* old = std::cerr.rdbuf(err.rdbuf());
        const int code = gui::run(args);
        std::cerr.rdbuf(old);
        EXPECT_EQ(code, 2) << args[0] << " " << args[1];
        EXPECT_TRUE(has(err.str(), args[0] + " must be")) << err.str();
    }
}

// Only regular files are replaced; a link to one writes its target.
TEST(Hardening, OnlyRegularFilesAreReplaced) {
    TempDir tmp;
    ASSERT_EQ(::mkfifo((tmp.path / "fifo.png").c_str(), 0600), 0);
    const std::vector<std::uint8_t> pixel(4, 255);
    EXPECT_TRUE(has(render::write_png((tmp.path / "fifo.png").string(), 1, 1, pixel, {}), "not a regular file"));
    EXPECT_TRUE(fs::is_fifo(tmp.path / "fifo.png"));
    EXPECT_TRUE(has(render::write_png("/dev/null", 1, 1, pixel, {}), "not a regular file"));
    EXPECT_TRUE(has(render::write_png(tmp.path.string(), 1, 1, pixel, {}), "is a folder"));

    std::ofstream(tmp.path / "real.png") << "old";
    fs::create_symlink(tmp.path / "real.png", tmp.path / "link.png");
    EXPECT_TRUE(test::succeeded(render::write_png((tmp.path / "link.png").string(), 1, 1, pixel, {})));
    EXPECT_TRUE(fs::is_symlink(tmp.path / "link.png"));
    EXPECT_GT(fs::file_size(tmp.path / "real.png"), 3u);
    fs::create_symlink(tmp.path / "nowhere.png", tmp.path / "dangling.png");
    EXPECT_TRUE(has(render::write_png((tmp.path / "dangling.png").string(), 1, 1, pixel, {}), "link to nothing"));
}

// Temporary files of a killed run are removed by the next write to the same path.
TEST(Hardening, StaleTemporaryFilesAreRemoved) {
    TempDir tmp;
    const fs::path stale = tmp.path / (".map.png.tmp" + std::to_string(dead_pid()));
    const fs::path live = tmp.path / (".map.png.tmp" + std::to_string(::getppid()));  // a running process
    std::ofstream(stale) << "partial";
    std::ofstream(live) << "being written";
    const std::vector<std::uint8_t> pixel(4, 255);
    EXPECT_TRUE(test::succeeded(render::write_png((tmp.path / "map.png").string(), 1, 1, pixel, {})));
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));
}

// Panel sizes are clamped on load and on save.
TEST(Hardening, PanelSizesAreClamped) {
    TempDir tmp;
    const std::string path = (tmp.path / "settings.json").string();
    std::ofstream(path) << R"({"left_width": -500, "right_width": 1e30, "timeline_height": 99999,
                              "window_width": -1, "window_height": 1000000000, "ui_scale": 50})";
    std::string warning;
    gui::Settings s = gui::load_settings(path, warning);
    EXPECT_EQ(s.left_width, 160.0f);
    EXPECT_EQ(s.right_width, 1200.0f);
    EXPECT_EQ(s.timeline_height, 600.0f);
    EXPECT_EQ(s.window_width, 640);
    EXPECT_EQ(s.window_height, 4320);
    EXPECT_EQ(s.ui_scale, 1.0f);  // out of range: the default
    s.left_width = -7;
    ASSERT_TRUE(test::succeeded(gui::save_settings(s, path)));
    EXPECT_EQ(gui::load_settings(path, warning).left_width, 160.0f);
}

// Messages a user can act on.
TEST(Hardening, MessagesAreUsable) {
    TempDir tmp;
    // --out a folder: says so (it said "cannot move the image into place: Success").
    auto r = run_cli({"export", kGood, "--date", "1930", "--size", "64x64", "--out", tmp.path.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(has(r.err, "is a folder")) << r.err;
    EXPECT_FALSE(has(r.err, "Success"));
    // A 254-character name is written; the temporary name fits too.
    const std::string long_name = std::string(250, 'm') + ".png";
    r = run_cli({"export", kGood, "--date", "1930", "--size", "64x64", "--out", (tmp.path / long_name).string()});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(tmp.path / long_name));
    // A bad start date is one error, not two.
    const fs::path atlas = tmp.path / "range.json";
    std::ofstream(atlas) << R"({"title": "t", "time_range": {"start": "1900-13", "end": "1000"}, "layers": []})";
    EXPECT_EQ(load_atlas(atlas.string()).diagnostics.error_count(), 1);
    // Control bytes and invalid UTF-8 are escaped; a huge argument is not echoed whole.
    r = run_cli({"status", kGood, "--date", std::string("19\x01\xff", 4)});
    EXPECT_TRUE(has(r.err, "\\x01\\xFF")) << r.err;
    r = run_cli({"status", kGood, "--basis", std::string(50 << 20, 'x'), "--date", "1930"});
    EXPECT_EQ(r.code, 2);
    EXPECT_LT(r.err.size(), 5000u);
    EXPECT_TRUE(has(r.err, "more bytes"));
}

// A box that is not a box, or shows nothing, is an error; the poles are cut, not refused.
TEST(Hardening, BoundingBoxesAreChecked) {
    TempDir tmp;
    const std::string out = (tmp.path / "box.png").string();
    auto export_box = [&](const std::string& box) {
        return run_cli({"export", kGood, "--date", "1930", "--size", "64x64", "--bbox", box, "--out", out});
    };
    EXPECT_EQ(export_box("nan,0,10,10").code, 2);
    EXPECT_EQ(export_box("0,0,10").code, 2);
    EXPECT_EQ(export_box("10,0,0,10").code, 2);
    EXPECT_EQ(export_box("0,0,200,10").code, 2);
    const auto ocean = export_box("-40,-40,-30,-30");
    EXPECT_EQ(ocean.code, 2);
    EXPECT_TRUE(has(ocean.err, "shows none of the atlas's territories")) << ocean.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(export_box("-180,-90,180,90").code, 0);
}

// A failure inside Chronomap (an exception in a worker thread, such as bad_alloc)
// reaches the caller instead of terminating the process; the command line exits 1 for it.
TEST(Hardening, InternalFailuresAreNotInputErrors) {
    EXPECT_THROW(parallel_for(100, [](std::size_t i) {
                     if (i == 37) throw std::bad_alloc();
                 }),
                 std::bad_alloc);
    int done = 0;
    parallel_for(1, [&](std::size_t) { ++done; });
    EXPECT_EQ(done, 1);
}

// Positions cost what the input does. 500 levels of 20 KB keys took 6.7 GB (a full JSON
// pointer per value); five million array elements took 530 MB and a diagnostic each.
TEST(Hardening, JsonPositionsCostWhatTheInputDoes) {
    std::string text, pointer;
    for (int i = 0; i < 500; ++i) {
        const std::string key = std::string(20000, static_cast<char>('a' + i % 26)) + std::to_string(i);
        text += "{\"" + key + "\": ";
        pointer += "/" + key;
    }
    text += "[1, 2, {\"x\": 3}]" + std::string(500, '}');
#if !defined(__SANITIZE_ADDRESS__)
    const std::size_t before = mallinfo2().uordblks;
#endif
    Diagnostics diags;
    auto doc = parse_json_with_positions(text, "deep.json", diags);
    ASSERT_TRUE(doc);
#if !defined(__SANITIZE_ADDRESS__)
    const std::size_t used = mallinfo2().uordblks - before;
    EXPECT_LT(used, 4 * text.size()) << used << " bytes for " << text.size() << " of input";
#endif
    const SourcePos p = doc->pos(pointer + "/2/x");
    EXPECT_EQ(p.line, 1);
    EXPECT_EQ(p.column, static_cast<int>(text.size()) - 500 - 2);  // the 3 of {"x": 3}
    EXPECT_EQ(doc->pos(pointer + "/3").line, 0);                   // no such element
    EXPECT_EQ(doc->pos("/nope").line, 0);

    Diagnostics many;
    std::string array = "[0";
    for (int i = 1; i < 5000000; ++i) array += ",0";
    array += "]";
    auto big = parse_json_with_positions(array, "big.json", many);
    ASSERT_TRUE(big);
    EXPECT_EQ(big->pos("/4999999").column, static_cast<int>(array.size()) - 1);
}

// Five million bad values are counted, not each kept as a message.
TEST(Hardening, DiagnosticsAreCountedBeyondALimit) {
    Diagnostics d;
    for (int i = 0; i < 100000; ++i) d.error({"f.json", i + 1, 1}, "an event should be an object");
    d.warning({"f.json"}, "one warning");
    EXPECT_EQ(d.error_count(), 100000);
    EXPECT_EQ(d.warning_count(), 1);
    EXPECT_EQ(d.items().size(), Diagnostics::kMaxListed + 1);
    EXPECT_TRUE(has(d.items().back().message, "counted in the totals but not listed"));
}

// Repeated keys and lone surrogate escapes are said, with their place.
TEST(Hardening, RepeatedKeysAndLoneSurrogatesAreSaid) {
    Diagnostics diags;
    auto doc = parse_json_with_positions("{\"id\": \"a\",\n \"id\": \"b\", \"t\": \"\\ud800x\"}", "d.json", diags);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->root["id"], "b");
    EXPECT_EQ(doc->pos("/id").line, 2);  // the value that is used
    ASSERT_EQ(diags.warning_count(), 2);
    EXPECT_TRUE(has(diags.items()[0].message, "appears twice"));
    EXPECT_EQ(diags.items()[0].pos.line, 2);
    EXPECT_TRUE(has(diags.items()[1].message, "lone UTF-16 surrogate"));
}

// A CSV is read a piece at a time; wherever the pieces end (inside a quoted field, between
// \r and \n, between two quotes of an escaped one, after a NUL byte), the records, their places
// and the problems are those of reading the text whole.
TEST(Hardening, CsvReadInPiecesIsReadAsAWhole) {
    static const char with_nuls[] = "id,t\nx,a\0b\n\ny,\"c\0\"\"\"\n";
    const std::string texts[] = {
        "\xEF\xBB\xBF" "event_id,date,title\r\na,1921,\"two\r\nlines, \"\"quoted\"\"\"\r\n\r\nb,1922,\"\"\r\n",
        std::string(with_nuls, sizeof with_nuls - 1),
        "id,t\r\rq,\"never closed\nz,1\n",
        "a,b\nc,\"ends at the end\"",
        "a\r",
    };
    auto dump = [](const std::vector<CsvRecord>& records, const Diagnostics& d) {
        std::string out;
        for (const auto& r : records) {
            out += "@" + std::to_string(r.line) + ":";
            for (const auto& f : r.fields) out += "[" + f.text + "]" + std::to_string(f.line) + "." + std::to_string(f.column);
            out += "\n";
        }
        for (const auto& item : d.items()) out += item.format() + "\n";
        return out;
    };
    for (const std::string& text : texts) {
        Diagnostics whole_diags;
        const std::string whole = dump(read_csv(text, "e.csv", whole_diags), whole_diags);
        for (std::size_t piece : {1u, 2u, 3u, 5u}) {
            Diagnostics d;
            std::vector<CsvRecord> records;
            std::size_t at = 0;
            const CsvInput input = [&](std::string& buf, std::size_t) {
                const std::size_t n = std::min(piece, text.size() - at);
                buf.append(text, at, n);
                at += n;
                return n;
            };
            for_each_csv_record(input, "e.csv", d, [&](const CsvRecord& r) { records.push_back(r); });
            EXPECT_EQ(dump(records, d), whole) << "pieces of " << piece << " bytes";
        }
    }
    Diagnostics d;  // and the whole is what it should be
    const auto records = read_csv(texts[0], "e.csv", d);
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].fields[2].text, "two\nlines, \"quoted\"");
    EXPECT_EQ(records[2].line, 5);
    EXPECT_EQ(records[2].fields[2].text, "");
}

// Every CSV problem is a located diagnostic; no row disappears without one.
TEST(Hardening, CsvProblemsAreLocated) {
    Diagnostics diags;
    auto records = read_csv("event_id,date,title\na,1921,\"open\nb,1922,B\nc,1923,C\n", "e.csv", diags);
    ASSERT_EQ(diags.error_count(), 1);
    EXPECT_EQ(diags.items()[0].pos.line, 2);
    EXPECT_EQ(diags.items()[0].pos.column, 8);
    EXPECT_TRUE(has(diags.items()[0].message, "never closed"));
    EXPECT_EQ(records.size(), 1u);  // the header; the rest is named in the message

    Diagnostics nul;
    records = read_csv(std::string("event_id,date,title\na,1921,x\0y\nb,1922,B\n", 40), "e.csv", nul);
    ASSERT_EQ(nul.error_count(), 1);
    EXPECT_EQ(nul.items()[0].pos.line, 2);
    ASSERT_EQ(records.size(), 3u);  // the row with the NUL byte is kept, without the byte
    EXPECT_EQ(records[1].fields[2].text, "xy");

    Diagnostics utf16;
    read_csv("\xFF\xFE" "e\0v\0", "e.csv", utf16);
    EXPECT_TRUE(has(utf16.items().at(0).message, "UTF-16"));

    // A 10 MB field keeps its event (GDAL dropped it, printing "ERROR 1" on stderr).
    TempDir tmp;
    std::ofstream(tmp.path / "atlas.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
        "layers": [], "sources": [{"id": "s", "title": "S"}], "events": ["e.csv"]})";
    std::ofstream(tmp.path / "e.csv") << "event_id,date,title,source,locator\nbig,1921,\"" << std::string(10 << 20, 'w')
                                      << "\",s,p. 1\nnext,1922,Next,s,p. 2\n";
    const LoadResult r = load_atlas((tmp.path / "atlas.json").string());
    ASSERT_TRUE(r.atlas.find_event("big"));
    ASSERT_TRUE(r.atlas.find_event("next"));
    EXPECT_EQ(r.diagnostics.error_count(), 0);
}

// GDAL's messages become located diagnostics, never raw stderr; a damaged GeoJSON says
// where it stops being valid.
TEST(Hardening, GdalMessagesAreDiagnostics) {
    TempDir tmp;
    std::ofstream(tmp.path / "atlas.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
        "layers": [{"name": "cut", "source": "cut.geojson", "role": "territories"},
                   {"name": "junk", "source": "junk.shp", "role": "territories"}]})";
    std::ofstream(tmp.path / "cut.geojson")
        << "{\"type\": \"FeatureCollection\", \"features\": [\n{\"type\": \"Feature\", \"properties\": {\"id\": \"a\"},\n"
           "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1,";
    std::ofstream(tmp.path / "junk.shp") << std::string("\x00\x00\x27\x0a\xff\xfe", 6) << std::string(200, '\xee');
    // Everything written on the real stderr (file descriptor 2) while loading.
    const fs::path err_file = tmp.path / "stderr.txt";
    std::fflush(stderr);
    const int saved = ::dup(2);
    const int fd = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    const LoadResult r = load_atlas((tmp.path / "atlas.json").string());
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(fd);
    ::close(saved);
    EXPECT_EQ(fs::file_size(err_file), 0u) << "GDAL printed on stderr";
    bool located = false;
    for (const auto& d : r.diagnostics.items()) located = located || has(d.message, "stops being valid at line 3");
    EXPECT_TRUE(located);
    EXPECT_GE(r.diagnostics.error_count(), 2);
}

// What was accepted without a word.
TEST(Hardening, SuspectInputsAreSaid) {
    TempDir tmp;
    const std::string territories = std::string(CHRONOMAP_FIXTURES) + "/common/territories.geojson";
    std::ofstream(tmp.path / "atlas.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
      "crs": "EPSG:4978",
      "layers": [{"name": "base", "source": ")" << territories << R"(", "role": "territories"},
                 {"name": "empty", "source": "", "role": "reference"}],
      "powers": [{"id": "red", "name": "Red", "color": "#ff0000", "parents": [{"power": "red"}]},
                 {"id": "a", "name": "A", "color": "#00ff00", "parents": [{"power": "b"}]},
                 {"id": "b", "name": "B", "color": "#0000ff", "parents": [{"power": "a"}]},
                 {"id": " ", "name": "Blank", "color": "#000000"}],
      "sources": [{"id": "s", "title": "S"}],
      "events": ["events.json"]})";
    std::ofstream(tmp.path / "events.json") << R"([
      {"id": "", "date": "1920", "title": "E", "sources": [{"source": "s", "locator": "1"}]},
      {"id": "x", "date": "1921-03-01", "title": "X", "sources": [{"source": "s", "locator": "1"}],
       "changes": [{"territory": "alpha", "status": "integral", "controller": "red"},
                   {"territory": "alpha", "status": "integral", "controller": "a"}]},
      {"id": "j", "date": "1921", "calendar": "julian", "title": "J", "sources": [{"source": "s", "locator": "1"}]}])";
    const LoadResult r = load_atlas((tmp.path / "atlas.json").string());
    std::string all;
    for (const auto& d : r.diagnostics.items()) all += d.format() + "\n";
    for (const char* expected :
         {"'source' of layer 2 is empty", "'id' of power 4 is empty", "'id' of an event is empty",
          "neither geographic nor projected", "'red' is given as its own parent", "form a circle: a -> b -> a",
          "two changes for territory 'alpha' on 1921-03-01 disagree", "Julian calendar cannot be applied"})
        EXPECT_TRUE(has(all, expected)) << expected << "\n" << all;

    // A GeoJSON layer in a CRS PROJ does not know is refused, not read as longitude/latitude.
    std::ofstream(tmp.path / "crs.json") << R"({"title": "t", "time_range": {"start": "1900", "end": "2000"},
      "layers": [{"name": "l", "source": "l.geojson", "role": "territories"}]})";
    std::ofstream(tmp.path / "l.geojson") << R"({"type": "FeatureCollection",
      "crs": {"type": "name", "properties": {"name": "EPSG:999999"}}, "features": [{"type": "Feature",
      "properties": {"id": "a"}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})";
    const LoadResult crs = load_atlas((tmp.path / "crs.json").string());
    ASSERT_EQ(crs.diagnostics.error_count(), 1);
    EXPECT_TRUE(has(crs.diagnostics.items()[0].message, "is not known to PROJ"));

    // --lang: a code the atlas has no names in is said; a malformed one is refused.
    auto note = run_cli({"status", kGood, "--date", "1930", "--lang", "xx"});
    EXPECT_EQ(note.code, 0);
    EXPECT_TRUE(has(note.err, "no names in 'xx'")) << note.err;
    EXPECT_EQ(run_cli({"status", kGood, "--date", "1930", "--lang", "../x"}).code, 2);
}

// Rows 5 and 6: one polygon with 22,500 holes (export took more than 120 s) and one of 1,000,000
// vertices (100 s) export through the command line. Disabled in the ordinary run; ctest runs them
// as hardening.huge_polygons with a 60 s timeout, which the old quadratic triangulation missed.
namespace {

void write_polygon_atlas(const fs::path& dir, const std::string& geometry) {
    std::ofstream(dir / "atlas.json") << R"({"title": "huge", "time_range": {"start": "1900", "end": "2000"},
      "layers": [{"name": "l", "source": "l.geojson", "role": "territories"}],
      "powers": [{"id": "red", "name": "Red", "color": "#D55E00"}], "sources": [{"id": "s", "title": "S"}],
      "events": ["events.json"]})";
    std::ofstream(dir / "events.json") << R"([{"id": "e", "date": "1900-01-01", "title": "E",
      "changes": [{"territory": "big", "status": "integral", "controller": "red"}],
      "sources": [{"source": "s", "locator": "p. 1"}]}])";
    std::ofstream(dir / "l.geojson") << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
      "properties": {"id": "big"}, "geometry": )" << geometry << "}]}";
}

std::string ring(const std::vector<std::pair<double, double>>& points) {
    std::string out = "[";
    char buf[64];
    for (const auto& [x, y] : points) {
        std::snprintf(buf, sizeof buf, "[%.6f, %.6f],", x, y);
        out += buf;
    }
    std::snprintf(buf, sizeof buf, "[%.6f, %.6f]]", points.front().first, points.front().second);
    return out + buf;
}

}  // namespace

TEST(HugePolygons, DISABLED_TwentyTwoThousandHolesAndAMillionVerticesExport) {
    TempDir tmp;
    {  // 150 x 150 square holes in a 30 x 30 degree square
        std::string g = R"({"type": "Polygon", "coordinates": [)" + ring({{0, 0}, {30, 0}, {30, 30}, {0, 30}});
        for (int i = 0; i < 150; ++i)
            for (int j = 0; j < 150; ++j) {
                const double x = 0.05 + i * 0.2, y = 0.05 + j * 0.2;
                g += "," + ring({{x, y}, {x, y + 0.1}, {x + 0.1, y + 0.1}, {x + 0.1, y}});
            }
        fs::create_directories(tmp.path / "holes");
        write_polygon_atlas(tmp.path / "holes", g + "]}");
        const auto r = run_cli({"export", (tmp.path / "holes").string(), "--date", "1950", "--size", "800x800",
                                "--out", (tmp.path / "holes.png").string()});
        EXPECT_EQ(r.code, 0) << r.err;
    }
    {  // a wobbly star of 1,000,000 vertices
        std::vector<std::pair<double, double>> points;
        const int n = 1000000;
        for (int k = 0; k < n; ++k) {
            const double a = 2 * M_PI * k / n;
            const double radius = 10 + 3 * std::sin(a * 400) + 0.5 * std::sin(a * 9000);
            points.emplace_back(20 + radius * std::cos(a), 20 + radius * std::sin(a));
        }
        fs::create_directories(tmp.path / "star");
        write_polygon_atlas(tmp.path / "star", R"({"type": "Polygon", "coordinates": [)" + ring(points) + "]}");
        const auto r = run_cli({"export", (tmp.path / "star").string(), "--date", "1950", "--size", "800x800",
                                "--out", (tmp.path / "star.png").string()});
        EXPECT_EQ(r.code, 0) << r.err;
        EXPECT_FALSE(has(r.err, "not drawn")) << r.err;
    }
}

// The command line in-process: exit codes and the JSON shapes other tools rely on.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "app/cli/cli.h"
#include "app/cli/cli_common.h"
#include "data/load/loader.h"
#include "app/view/scene/map_view.h"
#include "tests/support/run_cli.h"

using namespace chronomap;

namespace {
test_support::Captured run(const std::vector<std::string>& args) { return test_support::run_cli(args); }

const std::string kGood = std::string(CHRONOMAP_FIXTURES) + "/good";
}  // namespace

TEST(Cli, HelpAndVersion) {
    EXPECT_EQ(run({"--help"}).code, 0);
    EXPECT_NE(run({"--help"}).out.find("chronomap validate ATLAS"), std::string::npos);
    EXPECT_EQ(run({"--version"}).out.rfind("chronomap ", 0), 0u);
}

// Each command takes its own flags only, and says what they are with --help.
TEST(Cli, ACommandRefusesAnotherCommandsFlagsAndExplainsItself) {
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    const auto stray = run({"status", kars, "--date", "1921", "--fps", "3", "--force"});
    EXPECT_EQ(stray.code, 2);  // it used to run, and exit 0
    EXPECT_NE(stray.err.find("status takes no option --fps"), std::string::npos) << stray.err;
    EXPECT_EQ(run({"init", kGood, "--json"}).code, 2);
    EXPECT_EQ(run({"events", kars, "--date", "1921"}).code, 2);
    for (const char* command : {"validate", "status", "events", "diff", "history", "export", "animate", "init"}) {
        const auto help = run({command, "--help"});
        EXPECT_EQ(help.code, 0) << command;
        EXPECT_NE(help.out.find(std::string("chronomap ") + command + " "), std::string::npos) << help.out;
        EXPECT_EQ(help.out.find("chronomap validate") != std::string::npos, std::string(command) == "validate")
            << command << " --help shows other commands";
    }
    // The flags each command reads still reach it.
    EXPECT_EQ(run({"status", kars, "--date", "1921", "--basis", "de_jure", "--lang", "tr", "--json"}).code, 0);
    EXPECT_EQ(run({"validate", kars, "--no-geometry", "--allow-external"}).code, 0);
}

TEST(Cli, ValidateExitCodes) {
    EXPECT_EQ(run({"validate", kGood}).code, 0);
    EXPECT_EQ(run({"validate", std::string(CHRONOMAP_FIXTURES) + "/bad/unknown-power"}).code, 2);
    EXPECT_EQ(run({"validate", "/no/such/atlas.json"}).code, 2);
}

TEST(Cli, BadArgumentsAreInputErrors) {
    EXPECT_EQ(run({"status", kGood}).code, 2);  // no --date
    const auto bad_date = run({"status", kGood, "--date", "1921-02-30"});
    EXPECT_EQ(bad_date.code, 2);
    EXPECT_NE(bad_date.err.find("day 30 does not exist"), std::string::npos);
    EXPECT_EQ(run({"status", kGood, "--date", "1921", "--basis", "both"}).code, 2);
    EXPECT_EQ(run({"frobnicate"}).code, 2);
    EXPECT_EQ(run({"status", kGood, "--date"}).code, 2);
    const auto unknown = run({"history", kGood, "nakhcivan"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("did you mean 'nakhchivan'"), std::string::npos);
}

// Every flag is checked before any work: a bad flag is named even when the atlas is missing too,
// and an export whose flags are bad writes nothing. A file the user named that cannot be written
// is the input's fault (exit 2), said as such.
TEST(Cli, FlagsAreCheckedBeforeAnyWork) {
    const auto lang = run({"status", "/no/such/atlas", "--date", "1921", "--lang", "Turkish"});
    EXPECT_EQ(lang.code, 2);
    EXPECT_NE(lang.err.find("--lang takes a language code"), std::string::npos) << lang.err;
    EXPECT_EQ(lang.err.find("no/such"), std::string::npos) << "the atlas was read first: " << lang.err;
    const auto size = run({"export", "/no/such/atlas", "--date", "1921", "--out", "x.png", "--size", "big"});
    EXPECT_NE(size.err.find("--size must look like"), std::string::npos) << size.err;
    EXPECT_NE(size.err.find("see chronomap export --help"), std::string::npos) << size.err;
    const auto folder = run({"export", kGood, "--date", "1921", "--out", "/"});
    EXPECT_EQ(folder.code, 2);
    EXPECT_NE(folder.err.find("is a folder"), std::string::npos) << folder.err;
}

TEST(Cli, StatusJsonShape) {
    const auto r = run({"status", kGood, "--date", "1945-06-07", "--basis", "de_jure", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["date"], "1945-06-07");
    EXPECT_EQ(j["basis"], "de_jure");
    // gamma has no shape before 1950 and no control: it is not on the map, so not listed.
    ASSERT_EQ(j["territories"].size(), 3u);
    const auto& alpha = j["territories"][0];
    for (const char* key : {"id", "name", "status", "controller", "controller_name", "since", "event"})
        EXPECT_TRUE(alpha.contains(key)) << key;
    EXPECT_EQ(alpha["controller"], "blue");
    EXPECT_EQ(alpha["controller_name"], "Blue State");
    EXPECT_EQ(alpha["since"], "1921-09-22");
    EXPECT_EQ(alpha["event"], "treaty");
    ASSERT_EQ(j["claims"].size(), 1u);
    EXPECT_EQ(j["claims"][0]["claimant"], "red");
    for (const auto& t : j["territories"]) EXPECT_NE(t["id"], "gamma");
}

TEST(Cli, StatusListsATerritoryWithAShapeButNoChangeYetWithNulls) {
    const auto r = run({"status", kGood, "--date", "1890", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_GE(j["territories"].size(), 1u);
    EXPECT_TRUE(j["territories"][0]["status"].is_null());  // before the atlas's first change
    EXPECT_TRUE(j["territories"][0]["controller"].is_null());
}

TEST(Cli, StatusTableInAnotherLanguage) {
    const auto r = run({"status", kGood, "--date", "1910", "--lang", "tr"});
    ASSERT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("Kırmızı Devlet"), std::string::npos);
    EXPECT_NE(r.out.find("Alfa"), std::string::npos);
}

TEST(Cli, EventsJsonShapeAndRange) {
    const auto r = run({"events", kGood, "--from", "1921", "--to", "1921-12-31", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["events"].size(), 1u);
    const auto& e = j["events"][0];
    for (const char* key : {"id", "date", "title", "kind", "changes", "sources"}) EXPECT_TRUE(e.contains(key)) << key;
    EXPECT_EQ(e["id"], "treaty");
    EXPECT_EQ(e["kind"], "treaty");
    EXPECT_EQ(e["changes"][0]["date"], "1921-09-22");
    EXPECT_EQ(e["sources"][0]["locator"], "Art. III");
}

TEST(Cli, HistoryJson) {
    const auto r = run({"history", kGood, "alpha", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["territory"], "alpha");
    ASSERT_EQ(j["history"].size(), 3u);
    EXPECT_EQ(j["history"][1]["basis"], "de_facto");
    EXPECT_EQ(j["history"][1]["status"], "occupied");
}

TEST(Cli, DiffListsWhatChangedBetweenTwoDates) {
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    const auto text = run({"diff", kars, "1914", "1921-11-01"});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("Kars: Russian Empire -> Turkey, 6 changes between"), std::string::npos) << text.out;
    const auto r = run({"diff", kars, "1923-07-01", "1923-07-01", "--compare-basis", "de_jure", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["from"]["basis"], "de_facto");
    EXPECT_EQ(j["to"]["basis"], "de_jure");
    ASSERT_EQ(j["differences"].size(), 1u);  // Nakhchivan: a district in practice, autonomous by treaty
    EXPECT_EQ(j["differences"][0]["territory"], "nakhchivan");
    EXPECT_EQ(j["differences"][0]["before"]["status"], "integral");
    EXPECT_EQ(j["differences"][0]["after"]["status"], "autonomous");
    EXPECT_EQ(run({"diff", kars, "1914"}).code, 2);
    EXPECT_EQ(run({"diff", kars, "1914", "1921-02-30"}).code, 2);
}

// Once loaded, an atlas of few vertices drawn is drawn by cairo, whether `--renderer auto` is
// written or implied; written, it used to keep GL (24 MB of Natural Earth at 1:10m, 545,000
// vertices, took 1.45 s instead of 0.68 s).
TEST(Cli, RendererAutoWrittenOutChoosesAsWhenImplied) {
    const LoadResult r = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    const Timeline tl(r.atlas);
    MapView view;
    view.build(r.atlas, tl, SceneLevels::OnDemand, false);
    ExportRequest req;
    req.date = *parse_date("1921").date;
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    const std::set<std::string> values = {"--date", "--out", "--renderer"};
    const auto implied = cli::parse_export(parse_args({kars, "--date", "1921", "--out", "a.png"}, values, {}));
    const auto written = cli::parse_export(parse_args({kars, "--date", "1921", "--out", "a.png", "--renderer", "auto"}, values, {}));
    const auto gpu = cli::parse_export(parse_args({kars, "--date", "1921", "--out", "a.png", "--renderer", "gpu"}, values, {}));
    ASSERT_TRUE(implied && written && gpu);
    EXPECT_TRUE(cli::draw_on_cpu_after_all(view, req, implied->renderer));
    EXPECT_TRUE(cli::draw_on_cpu_after_all(view, req, written->renderer));
    EXPECT_FALSE(cli::draw_on_cpu_after_all(view, req, gpu->renderer));
}

// export --compare 1921 compares with the end of 1921 (after Moscow and Kars), as the window's
// Compare does, not with 1 January; a full date stays that day.
TEST(Cli, ACompareYearMeansItsLastDay) {
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    const std::set<std::string> values = {"--date", "--out", "--compare"};
    const auto year = cli::parse_export(parse_args({kars, "--date", "1914", "--out", "a.png", "--compare", "1921"}, values, {}));
    const auto month = cli::parse_export(parse_args({kars, "--date", "1914", "--out", "a.png", "--compare", "1921-02"}, values, {}));
    const auto day = cli::parse_export(parse_args({kars, "--date", "1914", "--out", "a.png", "--compare", "1921-03-16"}, values, {}));
    ASSERT_TRUE(year && month && day);
    EXPECT_EQ(year->compare->iso(), "1921-12-31");
    EXPECT_EQ(month->compare->iso(), "1921-02-28");
    EXPECT_EQ(day->compare->iso(), "1921-03-16");
}

// A PNG export of a small atlas is drawn by cairo and never starts GL (starting llvmpipe was half
// of a small export); --renderer gpu draws it with GL, and an unknown renderer is refused.
TEST(Cli, ASmallAtlasIsExportedWithoutStartingGl) {
    const auto out = std::filesystem::temp_directory_path() / ("chronomap-renderer-" + std::to_string(::getpid()) + ".png");
    const std::string kars = std::string(CHRONOMAP_MAPS) + "/kars";
    ::setenv("CHRONOMAP_TIMING", "1", 1);
    const auto automatic = run({"export", kars, "--date", "1921", "--size", "320x180", "--out", out.string()});
    const auto gpu = run({"export", kars, "--date", "1921", "--size", "320x180", "--renderer", "gpu", "--out", out.string()});
    ::unsetenv("CHRONOMAP_TIMING");
    EXPECT_EQ(automatic.code, 0) << automatic.err;
    EXPECT_EQ(automatic.err.find("GL context"), std::string::npos) << automatic.err;
    EXPECT_EQ(gpu.code, 0) << gpu.err;
    EXPECT_NE(gpu.err.find("GL context"), std::string::npos) << gpu.err;
    EXPECT_EQ(run({"export", kars, "--date", "1921", "--renderer", "vulkan", "--out", out.string()}).code, 2);
    std::filesystem::remove(out);
}

// `init --workbook` writes a manifest and a spreadsheet with one example a sheet and its columns
// explained in the language asked for; the lesson validates as it is, and `workbook` writes an
// atlas's events back into such a spreadsheet, which the manifest can then name instead.
TEST(Cli, InitWritesAWorkbookTemplateAndWorkbookExportsOne) {
    const auto dir = std::filesystem::temp_directory_path() / ("chronomap-workbook-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    const auto init = run({"init", "--workbook", "lesson.ods", "--out", (dir / "atlas.json").string(), "--title",
                           "The Balkan Wars", "--from", "1912", "--to", "1913", "--lang", "ru"});
    ASSERT_EQ(init.code, 0) << init.err;
    const auto manifest = nlohmann::json::parse(std::ifstream(dir / "atlas.json"));
    EXPECT_EQ(manifest["workbook"], "lesson.ods");
    EXPECT_EQ(manifest["title"], "The Balkan Wars");
    const auto checked = run({"validate", dir.string()});
    EXPECT_EQ(checked.code, 0) << checked.out;
    EXPECT_NE(checked.out.find("0 error(s), 0 warning(s)"), std::string::npos) << checked.out;
    EXPECT_NE(checked.out.find("1 power(s), 1 event(s)"), std::string::npos) << checked.out;
    // The columns sheet explains them in Russian.
    std::string meanings;
    {
        GDALDatasetUniquePtr ods(GDALDataset::Open((dir / "lesson.ods").string().c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(ods);
        OGRLayer* columns = ods->GetLayerByName("columns");
        ASSERT_TRUE(columns);
        for (auto& row : *columns)
            for (int k = 0; k < row->GetFieldCount(); ++k) meanings += std::string(row->GetFieldAsString(k)) + "\n";
    }
    EXPECT_NE(meanings.find("Краткое имя события без пробелов"), std::string::npos) << meanings;
    EXPECT_EQ(run({"init", "--workbook", "lesson.ods", "--out", (dir / "atlas.json").string()}).code, 2);  // exists

    const auto exported = run({"workbook", std::string(CHRONOMAP_MAPS) + "/kars", "--out", (dir / "kars.xlsx").string()});
    EXPECT_EQ(exported.code, 0) << exported.err;
    EXPECT_NE(exported.out.find("49 event(s), 24 power(s)"), std::string::npos) << exported.out;
    EXPECT_EQ(run({"workbook", std::string(CHRONOMAP_MAPS) + "/kars"}).code, 2);  // no --out
    std::filesystem::remove_all(dir);
}

// The workbook (data/formats/workbook.h): the bundled atlas's events, powers, sources and claims
// written to a spreadsheet and read back give the same atlas, in XLSX, ODS and CSV files; a
// workbook's problems are placed by sheet, row and column; dates typed as dates are read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/formats/workbook.h"
#include "data/load/loader.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::TempDir;

namespace {

std::string opt(const std::optional<Date>& d) { return d ? d->iso() + "/" + std::to_string(int(d->precision)) : "-"; }

// Everything a workbook holds, as text, in the atlas's order.
std::string fingerprint(const Atlas& atlas) {
    std::ostringstream out;
    for (const auto& p : atlas.powers) {
        out << "power " << p.id << " " << std::hex << p.rgba << std::dec << " note=" << p.note;
        for (const auto& [lang, name] : p.names.by_lang) out << " " << lang << "=" << name;
        for (const auto& parent : p.parents) out << " parent=" << parent.power << opt(parent.from) << opt(parent.to);
        out << "\n";
    }
    for (const auto& s : atlas.sources)
        out << "source " << s.id << "|" << s.cite << "|" << s.author << "|" << s.title << "|" << s.year << "|"
            << s.language << "|" << s.file << "|" << s.note << "\n";
    for (const auto& e : atlas.events) {
        if (e.derived) continue;
        const EventDetails& d = *e.details;
        out << "event " << std::string(e.id) << " " << opt(e.date) << " " << std::string(e.title) << " " << to_string(e.kind)
            << " summary=" << d.summary << " signed=" << opt(d.signed_on) << " ratified=" << opt(d.ratified)
            << " in_force=" << opt(d.in_force) << (d.never_in_force ? " never" : "") << "\n";
        for (const auto& c : e.changes)
            out << "  change " << c.territory.str() << " " << to_string(c.status) << " " << c.controller.str() << " "
                << to_string(c.basis) << " " << opt(c.date) << " note=" << *c.note << "\n";
        for (const auto& s : e.sources) out << "  source " << s.source.str() << " at " << std::string(s.locator) << "\n";
        for (const auto& p : d.parties) out << "  party " << p << "\n";
        for (const auto& n : d.notes) out << "  note " << n << "\n";
        for (const auto& c : d.claims)
            out << "  claim " << c.claimant.str() << " " << c.territory.str() << " " << opt(c.from) << " " << opt(c.to)
                << " note=" << c.note << "\n";
    }
    return out.str();
}

// The bundled atlas, copied, with its powers, sources and events replaced by the workbook.
fs::path kars_reading(const TempDir& dir, const std::string& workbook) {
    fs::copy(fs::path(CHRONOMAP_MAPS) / "kars", dir.path / "kars", fs::copy_options::recursive);
    nlohmann::ordered_json manifest = nlohmann::ordered_json::parse(std::ifstream(dir.path / "kars" / "atlas.json"));
    manifest.erase("powers");
    manifest.erase("sources");
    manifest.erase("events");
    manifest["workbook"] = workbook;
    std::ofstream(dir.path / "kars" / "atlas.json") << manifest.dump(2);
    return dir.path / "kars";
}

class WorkbookRoundTrip : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(WorkbookRoundTrip, TheBundledAtlasComesBackWhole) {
    const LoadResult original = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    ASSERT_FALSE(original.diagnostics.has_errors());
    TempDir dir;
    const std::string name = GetParam();
    const fs::path atlas = kars_reading(dir, name);
    ASSERT_TRUE(write_workbook(original.atlas, (atlas / name).string()));
    const LoadResult back = load_atlas(atlas.string());
    for (const auto& d : back.diagnostics.items()) ADD_FAILURE() << d.format();
    EXPECT_EQ(back.atlas.powers.size(), 24u);
    EXPECT_EQ(fingerprint(back.atlas), fingerprint(original.atlas));
    // Written again from what was read, the workbook is the same.
    ASSERT_TRUE(write_workbook(back.atlas, (dir.path / ("again-" + name)).string()));
}

INSTANTIATE_TEST_SUITE_P(Formats, WorkbookRoundTrip, ::testing::Values("lesson.xlsx", "lesson.ods", "lesson-csv"));

// A teacher's spreadsheet: dates typed as dates (stored as numbers with a date style), a bad
// status and a colour without '#', each placed by sheet, row and column.
TEST(Workbook, ProblemsArePlacedBySheetRowAndColumn) {
    TempDir dir;
    GDALAllRegister();
    {
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("XLSX")->Create(
            (dir.path / "lesson.xlsx").string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* events = ds->CreateLayer("events", nullptr, wkbNone, nullptr);
        for (const char* c : {"event_id", "title", "territory", "status", "controller"}) {
            OGRFieldDefn f(c, OFTString);
            events->CreateField(&f);
        }
        OGRFieldDefn date("date", OFTDate);
        events->CreateField(&date);
        auto add = [&](const char* id, const char* status, int day) {
            OGRFeature row(events->GetLayerDefn());
            row.SetField("event_id", id);
            row.SetField("title", "Treaty");
            row.SetField("territory", "north");
            row.SetField("status", status);
            row.SetField("controller", "serbia");
            row.SetField("date", 1913, 8, day);
            ASSERT_EQ(events->CreateFeature(&row), OGRERR_NONE);
        };
        add("bucharest", "integral", 10);
        add("later", "annexed", 11);
        OGRLayer* powers = ds->CreateLayer("powers", nullptr, wkbNone, nullptr);
        for (const char* c : {"id", "name", "color"}) {
            OGRFieldDefn f(c, OFTString);
            powers->CreateField(&f);
        }
        OGRFeature p(powers->GetLayerDefn());
        p.SetField("id", "serbia");
        p.SetField("name", "Kingdom of Serbia");
        p.SetField("color", "1f77b4");
        ASSERT_EQ(powers->CreateFeature(&p), OGRERR_NONE);
    }
    std::ofstream(dir.path / "atlas.json") << R"({"title": "Balkans", "time_range": {"start": "1912", "end": "1913"},
        "layers": [], "workbook": "lesson.xlsx"})";
    const LoadResult r = load_atlas((dir.path / "atlas.json").string());
    ASSERT_EQ(r.atlas.events.size(), 2u);
    EXPECT_EQ(r.atlas.events[0].date.iso(), "1913-08-10");
    std::string all;
    for (const auto& d : r.diagnostics.items()) all += d.format() + "\n";
    // Row 3 of the events sheet, column D (status); row 2 of the powers sheet, column C.
    EXPECT_NE(all.find("lesson.xlsx [events]:3:4: error: status 'annexed' is not known"), std::string::npos) << all;
    EXPECT_NE(all.find("lesson.xlsx [powers]:2:3: error: colour '1f77b4'"), std::string::npos) << all;
}

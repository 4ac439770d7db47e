// Every input a fuzzer found a problem with, kept in tests/fixtures/fuzz/NAME/, replayed through
// the same target function the fuzzer ran (fuzz/fuzz_targets.h) in the ordinary build.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

TEST(FuzzRegressions, EveryKeptInputStillPasses) {
    const std::map<std::string, int (*)(const std::uint8_t*, std::size_t)> targets = {
        {"json_doc", chronomap::fuzz::fuzz_json_doc}, {"date", chronomap::fuzz::fuzz_date},
        {"csv_events", chronomap::fuzz::fuzz_csv_events}, {"manifest", chronomap::fuzz::fuzz_manifest},
        {"geojson", chronomap::fuzz::fuzz_geojson}, {"settings", chronomap::fuzz::fuzz_settings},
        {"workbook", chronomap::fuzz::fuzz_workbook}};
    int replayed = 0;
    for (const auto& dir : fs::directory_iterator(std::string(CHRONOMAP_FIXTURES) + "/fuzz")) {
        const auto target = targets.find(dir.path().filename().string());
        ASSERT_NE(target, targets.end()) << "no fuzz target named " << dir.path().filename();
        for (const auto& file : fs::directory_iterator(dir.path())) {
            std::ifstream in(file.path(), std::ios::binary);
            const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            SCOPED_TRACE(file.path().string());
            // The targets return nothing to check: a broken invariant aborts the test, and the
            // sanitizer build catches what a finding did to memory.
            (void)target->second(bytes.data(), bytes.size());
            ++replayed;
        }
    }
    EXPECT_GE(replayed, 1);  // the kept findings were found
}

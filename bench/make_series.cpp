// Writes a generated snapshot series (see tests/support/series.h) for benchmarks and trials:
//   make_series DIR [SNAPSHOTS COLUMNS ROWS POINTS_PER_SIDE [POWERS]]
// The defaults make a world-scale series: 50 snapshots of 350 territories of 112 vertices,
// about 1.96 million vertices in all.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "tests/support/series.h"

int main(int argc, char** argv) {
    if (argc != 2 && argc != 6 && argc != 7) {
        std::fprintf(stderr, "usage: make_series DIR [SNAPSHOTS COLUMNS ROWS POINTS_PER_SIDE [POWERS]]\n");
        return 2;
    }
    chronomap::test_support::SeriesSpec spec{50, 25, 14, 28};
    if (argc >= 6) spec = {std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]), 7};
    if (argc == 7) spec.powers = std::atoi(argv[6]);
    std::filesystem::create_directories(argv[1]);
    std::printf("%s\n", chronomap::test_support::write_series(argv[1], spec).c_str());
    return 0;
}

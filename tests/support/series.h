#pragma once
// A generated snapshot series in the shape of public world-border data sets (one GeoJSON file a
// date, fields NAME and SUBJECTO, BCE dates), for tests and benchmarks: a grid of territories
// whose controllers change from snapshot to snapshot, some in several pieces under one name, some
// ceasing to exist and coming back.

#include <string>
#include <vector>

namespace chronomap::test_support {

struct SeriesSpec {
    int snapshots = 10;
    int columns = 20, rows = 10;  // cells of one degree, from (10, 10)
    int points_per_side = 10;     // vertices on each side of a cell
    int powers = 7;               // more than 7: blocks of 2x2 cells, up to this many powers
};

// The snapshot dates as written in the manifest ("123000 BC", ...), oldest first.
std::vector<std::string> series_dates(int snapshots);

// Writes atlas.json and the snapshot files into dir (which must exist). Returns the manifest path.
std::string write_series(const std::string& dir, const SeriesSpec& spec);

// Which cells a snapshot has and their names and controllers, as the files say.
struct SeriesCell {
    int x, y;
    std::string name, controller;
};
std::vector<SeriesCell> series_cells(const SeriesSpec& spec, int snapshot);

}  // namespace chronomap::test_support

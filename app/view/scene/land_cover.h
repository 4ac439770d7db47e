#pragma once
// Where the map has land, coarsely: a grid over the scene's extent in which a cell is land when its
// centre lies inside a shape. Boxes drawn over the map (the legend) go where they hide the least.

#include <cstdint>
#include <vector>

#include "data/geometry/geometry.h"

namespace chronomap {

// Cells [first, last] of one row of the grid.
struct CellRun {
    std::uint16_t row = 0, first = 0, last = 0;
};

// The grid's placement: `cols` x `rows` square cells of `cell` display units from `origin` (the
// extent's lower left corner).
struct LandGridFrame {
    Vec2 origin;
    double cell = 0;
    int cols = 0, rows = 0;

    bool empty() const { return cols == 0 || rows == 0; }
};

// A grid about `cells_across` cells across the longer side of `extent` (none when it is empty).
LandGridFrame land_grid_frame(const Bounds& extent, int cells_across = 512);

// The cells whose centres lie inside the shape's polygons (even-odd, so holes are not land).
std::vector<CellRun> cell_runs(const LandGridFrame& grid, const std::vector<Polygon>& polygons);

// The land at one date: a byte per cell.
struct LandCover {
    LandGridFrame grid;
    std::vector<std::uint8_t> cells;  // row-major from the lower left; 1 = land

    void add(const std::vector<CellRun>& runs);
    // The share of the cells inside `area` (display CRS) that are land: 0 with no grid.
    double share(const Bounds& area) const;
};

}  // namespace chronomap

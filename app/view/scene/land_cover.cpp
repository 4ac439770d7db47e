#include "app/view/scene/land_cover.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

LandGridFrame land_grid_frame(const Bounds& extent, int cells_across) {
    LandGridFrame g;
    if (extent.empty() || cells_across < 1) return g;
    const double w = extent.max_x - extent.min_x, h = extent.max_y - extent.min_y;
    const double longer = std::max(w, h);
    if (!(longer > 0)) return g;
    g.origin = {extent.min_x, extent.min_y};
    g.cell = longer / cells_across;
    g.cols = std::clamp(static_cast<int>(std::ceil(w / g.cell)), 1, cells_across);
    g.rows = std::clamp(static_cast<int>(std::ceil(h / g.cell)), 1, cells_across);
    return g;
}

std::vector<CellRun> cell_runs(const LandGridFrame& grid, const std::vector<Polygon>& polygons) {
    std::vector<CellRun> runs;
    if (grid.empty()) return runs;
    // Per polygon, where each edge crosses the rows' centre lines; pairs of crossings along a row
    // bound the inside (even-odd over all its rings).
    struct Crossing {
        int row;
        double x;
    };
    std::vector<Crossing> crossings;
    for (const Polygon& poly : polygons) {
        crossings.clear();
        for (const Ring& ring : poly.rings) {
            for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                const Vec2 a = ring[i], b = ring[(i + 1) % n];
                // Rows whose centre y (origin + (r + 0.5) * cell) is in [min y, max y).
                const double ya = (a.y - grid.origin.y) / grid.cell - 0.5, yb = (b.y - grid.origin.y) / grid.cell - 0.5;
                const double lo = std::min(ya, yb), hi = std::max(ya, yb);
                const int r0 = std::max(0, static_cast<int>(std::ceil(lo)));
                const int r1 = std::min(grid.rows - 1, static_cast<int>(std::ceil(hi)) - 1);
                for (int r = r0; r <= r1; ++r) {
                    const double t = (r - ya) / (yb - ya);
                    crossings.push_back({r, a.x + t * (b.x - a.x)});
                }
            }
        }
        std::sort(crossings.begin(), crossings.end(), [](const Crossing& p, const Crossing& q) {
            return p.row != q.row ? p.row < q.row : p.x < q.x;
        });
        for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
            if (crossings[i].row != crossings[i + 1].row) {  // an odd count: a ring left open
                --i;
                continue;
            }
            // Columns whose centre x lies between the two crossings.
            const int c0 = std::max(0, static_cast<int>(std::ceil((crossings[i].x - grid.origin.x) / grid.cell - 0.5)));
            const int c1 = std::min(grid.cols - 1,
                                    static_cast<int>(std::floor((crossings[i + 1].x - grid.origin.x) / grid.cell - 0.5)));
            if (c0 <= c1)
                runs.push_back({static_cast<std::uint16_t>(crossings[i].row), static_cast<std::uint16_t>(c0),
                                static_cast<std::uint16_t>(c1)});
        }
    }
    return runs;
}

void LandCover::add(const std::vector<CellRun>& runs) {
    if (grid.empty()) return;
    cells.resize(static_cast<std::size_t>(grid.cols) * static_cast<std::size_t>(grid.rows), 0);
    for (const CellRun& r : runs) {
        auto* row = cells.data() + static_cast<std::size_t>(r.row) * static_cast<std::size_t>(grid.cols);
        std::fill(row + r.first, row + r.last + 1, std::uint8_t{1});
    }
}

double LandCover::share(const Bounds& area) const {
    if (grid.empty() || cells.empty() || area.empty()) return 0;
    // Cells whose centres lie in the area; the area's part outside the grid is sea.
    auto first = [&](double v, double origin) { return static_cast<int>(std::ceil((v - origin) / grid.cell - 0.5)); };
    auto last = [&](double v, double origin) { return static_cast<int>(std::floor((v - origin) / grid.cell - 0.5)); };
    const int c0 = std::max(0, first(area.min_x, grid.origin.x)), c1 = std::min(grid.cols - 1, last(area.max_x, grid.origin.x));
    const int r0 = std::max(0, first(area.min_y, grid.origin.y)), r1 = std::min(grid.rows - 1, last(area.max_y, grid.origin.y));
    if (c0 > c1 || r0 > r1) return 0;
    std::size_t land = 0;
    for (int r = r0; r <= r1; ++r) {
        const auto* row = cells.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.cols);
        land += static_cast<std::size_t>(std::count(row + c0, row + c1 + 1, std::uint8_t{1}));
    }
    const double all = std::max(1.0, (area.max_x - area.min_x) / grid.cell) * std::max(1.0, (area.max_y - area.min_y) / grid.cell);
    return std::min(1.0, static_cast<double>(land) / all);
}

}  // namespace chronomap

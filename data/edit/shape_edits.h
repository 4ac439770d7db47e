#pragma once
// Territories drawn in the window (the lesson editor's map tools): one split along a line, one
// drawn vertex by vertex, one adjusted a vertex at a time. Each works on the shapes of the
// atlas's units layer, in the display CRS, and leaves the territories it changed drawn
// (drawn_shapes.h): the caller writes them into the GeoPackage with the workbook. GEOS does the
// cutting under a time limit; a shape it cannot cut, or one that comes out crossing itself, is
// refused and nothing changes.

#include <string>
#include <vector>

#include "data/geometry/geometry.h"
#include "data/model/atlas.h"
#include "data/support/result.h"

namespace chronomap {

// The two sides of a line (walking from its first point) that it cuts a shape into.
struct SplitSides {
    std::vector<Polygon> left, right;
};

// The line must cross the shape from outside to outside: one that ends inside cuts nothing.
// Pieces it does not touch (islands) go to the side of the line they lie on, its first and last
// segments extended.
[[nodiscard]] Result<SplitSides> split_shape(const Shape& shape, const std::vector<Vec2>& line);

// Splits territory `id` along the line: the side on the line's left (its right, when
// new_on_left is false) becomes territory `new_id` named `new_name`, with the same dates and a
// copy of every change and claim of `id` so far; the rest keeps `id`.
[[nodiscard]] Result<> split_territory(Atlas& atlas, const std::string& id, const std::vector<Vec2>& line,
                                       const std::string& new_id, const std::string& new_name, bool new_on_left = true);

// A territory drawn as one outline, replacing any with the same id. With `clip`, what lies on
// other territories of the layer (at a common date) is cut away, so an outline drawn roughly
// over a neighbour meets it border to border.
[[nodiscard]] Result<> draw_territory(Atlas& atlas, const std::string& id, const std::string& name, const Ring& outline,
                                      bool clip);

// Edits of territory `id`'s outline at its vertex nearest `at` (for an insertion, its edge
// nearest `at`, where the new vertex goes). Vertices of other territories at exactly the same
// place move, go or are inserted with it, so a border two territories share stays shared.
[[nodiscard]] Result<> move_vertex(Atlas& atlas, const std::string& id, Vec2 at, Vec2 to);
[[nodiscard]] Result<> insert_vertex(Atlas& atlas, const std::string& id, Vec2 at);
[[nodiscard]] Result<> delete_vertex(Atlas& atlas, const std::string& id, Vec2 at);

// Where a click at p lands: the nearest vertex of a territory or a visible reference shape within
// `tolerance` (display units), else the nearest point on one of their edges within it, else p.
Vec2 snap_point(const Atlas& atlas, Vec2 p, double tolerance);

}  // namespace chronomap

// Splitting and drawing territories with GEOS (shape_edits.h). Vertex edits and snapping are in
// vertex_edits.cpp.
#include "data/edit/shape_edits.h"

#include <algorithm>
#include <limits>

#include "data/edit/lesson_edits.h"
#include "data/geometry/geos_shapes.h"

namespace chronomap {
namespace {

using geos::GeomPtr;

constexpr double kGeosSeconds = 2.0;

// Which side of the line p lies on, by its nearest segment (the first and last extended beyond
// the line's ends): true for the left.
bool left_of(const std::vector<Vec2>& line, Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    bool left = false;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Vec2 a = line[i], b = line[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        if (len2 == 0) continue;
        double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
        if (i > 0) t = std::max(t, 0.0);
        if (i + 2 < line.size()) t = std::min(t, 1.0);
        const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y, d = ex * ex + ey * ey;
        if (d < best) {
            best = d;
            left = dx * (p.y - a.y) - dy * (p.x - a.x) > 0;
        }
    }
    return left;
}

// The shape's polygons as one valid GEOS area: joined, or repaired where joining fails.
GeomPtr area_of(GEOSContextHandle_t h, const std::vector<Polygon>& polygons) {
    const GeomPtr all = geos::make_collection(h, polygons);
    if (!all) return GeomPtr(nullptr, {h});
    GeomPtr joined(GEOSUnaryUnion_r(h, all.get()), {h});
    if (joined) return joined;
    GeomPtr repaired(GEOSMakeValid_r(h, all.get()), {h});
    return GeomPtr(repaired ? GEOSUnaryUnion_r(h, repaired.get()) : nullptr, {h});
}

std::vector<Polygon> polygons_of(GEOSContextHandle_t h, const GEOSGeometry* g) {
    std::vector<Polygon> out;
    if (g) geos::polygons_of(h, g, out);
    return out;
}

GeomPtr joined(GEOSContextHandle_t h, std::vector<GEOSGeometry*>& parts) {
    GeomPtr all(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())),
                {h});
    parts.clear();  // the collection owns them
    return GeomPtr(all ? GEOSUnaryUnion_r(h, all.get()) : nullptr, {h});
}

Feature* territory(Atlas& atlas, const std::string& id) {
    Layer* layer = atlas.units_layer();
    if (!layer) return nullptr;
    for (auto& f : layer->features)
        if (f.id == id) return &f;
    return nullptr;
}

bool dates_meet(const Feature& a, const Feature& b) {
    const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to <= *b.valid_from;
    const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to <= *a.valid_from;
    return !a_before_b && !b_before_a;
}

// The outline less what other territories of the layer hold at a common date.
GeomPtr clipped(GEOSContextHandle_t h, GeomPtr drawn, const Layer& layer, const Feature& self) {
    std::vector<GEOSGeometry*> others;
    for (const auto& f : layer.features) {
        if (f.id == self.id || !dates_meet(f, self)) continue;
        for (const auto& poly : f.shape.polygons)
            if (auto g = geos::make_polygon(h, poly)) others.push_back(g.release());
    }
    if (others.empty()) return drawn;
    GeomPtr taken = joined(h, others);
    if (!taken) return GeomPtr(nullptr, {h});
    return GeomPtr(GEOSDifference_r(h, drawn.get(), taken.get()), {h});
}

void copy_history(Atlas& atlas, const std::string& from, const std::string& to) {
    for (auto& ev : atlas.events) {
        if (ev.derived) continue;
        const std::size_t n = ev.changes.size();
        for (std::size_t k = 0; k < n; ++k)
            if (ev.changes[k].territory == from) {
                Change copy = ev.changes[k];
                copy.territory = to;
                ev.changes.push_back(std::move(copy));
            }
        std::vector<Claim> claims;
        for (const auto& c : ev.details->claims)
            if (c.territory == from) claims.push_back(c);
        for (auto& c : claims) {
            c.territory = to;
            ev.details.edit().claims.push_back(std::move(c));
        }
    }
}

}  // namespace

Result<SplitSides> split_shape(const Shape& shape, const std::vector<Vec2>& line) {
    if (line.size() < 2) return input_error("a line to split along needs two or more points");
    geos::Context ctx;
    const auto h = ctx.h;
    const geos::Budget budget(kGeosSeconds);
    const GeomPtr area = area_of(h, shape.polygons);
    const GeomPtr cut = geos::make_line(h, line);
    if (!area || !cut) return input_error("GEOS could not read the territory's shape");
    const GeomPtr boundary(GEOSBoundary_r(h, area.get()), {h});
    const GeomPtr noded(boundary ? GEOSUnion_r(h, boundary.get(), cut.get()) : nullptr, {h});
    const GEOSGeometry* edges[] = {noded.get()};
    const GeomPtr faces(noded ? GEOSPolygonize_r(h, edges, 1) : nullptr, {h});
    if (!faces) return input_error(budget.expired() ? "cutting the territory took too long" : "GEOS could not cut the territory");
    // A line that ends inside the territory leaves a piece that lies on both of its sides.
    bool ends_inside = false;
    for (const Vec2& end : {line.front(), line.back()}) {
        const GeomPtr point(GEOSGeom_createPointFromXY_r(h, end.x, end.y), {h});
        ends_inside = ends_inside || GEOSContains_r(h, area.get(), point.get()) == 1;
    }
    std::vector<GEOSGeometry*> left, right;
    for (int i = 0, n = GEOSGetNumGeometries_r(h, faces.get()); i < n; ++i) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(h, faces.get(), i);
        const GeomPtr inside(GEOSPointOnSurface_r(h, face), {h});
        if (!inside || GEOSContains_r(h, area.get(), inside.get()) != 1) continue;  // a hole
        double x = 0, y = 0;
        GEOSGeomGetX_r(h, inside.get(), &x);
        GEOSGeomGetY_r(h, inside.get(), &y);
        (left_of(line, {x, y}) ? left : right).push_back(GEOSGeom_clone_r(h, face));
    }
    const bool one_sided = left.empty() || right.empty();
    SplitSides sides;
    sides.left = polygons_of(h, joined(h, left).get());
    sides.right = polygons_of(h, joined(h, right).get());
    if (ends_inside || one_sided)
        return input_error("the line does not cut the territory in two: draw it across the territory, from outside "
                           "its border to outside it again");
    if (sides.left.empty() || sides.right.empty()) return input_error("GEOS could not join the pieces of the territory");
    return sides;
}

Result<> split_territory(Atlas& atlas, const std::string& id, const std::vector<Vec2>& line, const std::string& new_id,
                         const std::string& new_name, bool new_on_left) {
    if (auto ok = check_id(new_id, "territory"); !ok) return ok;
    Feature* old = territory(atlas, id);
    if (!old) return input_error("this lesson has no territory '" + id + "' to split");
    if (territory(atlas, new_id)) return input_error("there is a territory '" + new_id + "' already");
    Result<SplitSides> sides = split_shape(old->shape, line);
    if (!sides) return sides.failure();
    Feature made = *old;
    made.id = new_id;
    made.names = {};
    if (!new_name.empty()) made.names.by_lang["en"] = new_name;
    made.shape = {};
    made.shape.polygons = std::move(new_on_left ? sides->left : sides->right);
    made.properties.set("units", "");
    old->shape = {};
    old->shape.polygons = std::move(new_on_left ? sides->right : sides->left);
    old->properties.set("units", "");
    atlas.units_layer()->features.push_back(std::move(made));  // `old` dangles from here
    copy_history(atlas, id, new_id);
    return {};
}

Result<> draw_territory(Atlas& atlas, const std::string& id, const std::string& name, const Ring& outline, bool clip) {
    if (auto ok = check_id(id, "territory"); !ok) return ok;
    Layer* layer = atlas.units_layer();
    if (!layer) return input_error("this atlas has no territories layer of a lesson to draw in");
    if (outline.size() < 3) return input_error("an outline needs three or more points");
    Feature* t = territory(atlas, id);
    Feature drawn = t ? *t : Feature{};
    drawn.id = id;
    if (!name.empty()) drawn.names.by_lang["en"] = name;
    drawn.properties.set("units", "");
    geos::Context ctx;
    const auto h = ctx.h;
    const geos::Budget budget(kGeosSeconds);
    GeomPtr shape = area_of(h, {Polygon{{outline}}});
    if (shape && clip) shape = clipped(h, std::move(shape), *layer, drawn);
    if (!shape) return input_error(budget.expired() ? "drawing the territory took too long" : "GEOS could not make a shape of the outline");
    drawn.shape = {};
    drawn.shape.polygons = polygons_of(h, shape.get());
    if (drawn.shape.polygons.empty())
        return input_error("nothing is left of the outline: it lies wholly on other territories");
    if (t)
        *t = std::move(drawn);
    else
        layer->features.push_back(std::move(drawn));
    return {};
}

}  // namespace chronomap

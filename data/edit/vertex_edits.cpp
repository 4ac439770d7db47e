// A territory's outline adjusted a vertex at a time, and snapping to the shapes on the map
// (shape_edits.h). A vertex is found by place, not by number, so the same edit works on a
// territory and on its neighbours where their borders share points.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>

#include "data/edit/shape_edits.h"
#include "data/geometry/geos_shapes.h"

namespace chronomap {
namespace {

bool same(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
double dist2(Vec2 a, Vec2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }
bool closed(const Ring& r) { return r.size() > 1 && same(r.front(), r.back()); }

Vec2 nearest_on_segment(Vec2 a, Vec2 b, Vec2 p) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

// Each edge of a ring as (i, j): j is i + 1, or 0 for the closing edge of a ring stored open.
template <class Fn>
void each_edge(const Ring& r, Fn fn) {
    const std::size_t n = r.size();
    for (std::size_t i = 0; i + 1 < n; ++i) fn(i, i + 1);
    if (n > 2 && !closed(r)) fn(n - 1, 0);
}

std::optional<Vec2> nearest_vertex(const Shape& s, Vec2 p) {
    std::optional<Vec2> best;
    for (const auto& poly : s.polygons)
        for (const auto& ring : poly.rings)
            for (const Vec2& v : ring)
                if (!best || dist2(v, p) < dist2(*best, p)) best = v;
    return best;
}

std::optional<std::pair<Vec2, Vec2>> nearest_edge(const Shape& s, Vec2 p) {
    std::optional<std::pair<Vec2, Vec2>> best;
    double best_d = std::numeric_limits<double>::infinity();
    for (const auto& poly : s.polygons)
        for (const auto& ring : poly.rings)
            each_edge(ring, [&](std::size_t i, std::size_t j) {
                const double d = dist2(nearest_on_segment(ring[i], ring[j], p), p);
                if (d < best_d) best_d = d, best = std::make_pair(ring[i], ring[j]);
            });
    return best;
}

std::size_t distinct_points(const Ring& r) { return r.size() - (closed(r) ? 1 : 0); }

bool valid(const Shape& s) {
    geos::Context ctx;
    const geos::Budget budget(1.0);
    for (const auto& poly : s.polygons) {
        auto g = geos::make_polygon(ctx.h, poly);
        if (!g || GEOSisValid_r(ctx.h, g.get()) != 1) return false;
    }
    return true;
}

// Applies `edit` to every ring of the layer's territories; those it changed become drawn. When
// one comes out with fewer than three points or crossing itself, every shape is put back.
Result<> edit_rings(Layer& layer, const std::string& id, const std::function<bool(Ring&)>& edit) {
    std::vector<std::pair<Feature*, Shape>> before;
    for (auto& f : layer.features) {
        Shape old = f.shape;
        bool changed = false;
        for (auto& poly : f.shape.polygons)
            for (auto& ring : poly.rings) changed = edit(ring) || changed;
        if (changed) before.emplace_back(&f, std::move(old));
    }
    for (const auto& [f, old] : before) {
        bool ok = true;
        for (const auto& poly : f->shape.polygons)
            for (const auto& ring : poly.rings) ok = ok && distinct_points(ring) >= 3;
        if (!ok || !valid(f->shape)) {
            const std::string which = f->id;
            for (auto& undone : before) undone.first->shape = std::move(undone.second);
            return input_error(ok ? "that makes the border of territory '" + which + "' cross itself"
                                  : "that leaves a ring of territory '" + which + "' with fewer than three points");
        }
        f->properties.set("units", "");
    }
    if (before.empty()) return input_error("territory '" + id + "' has no such point");
    return {};
}

Result<std::pair<Layer*, const Feature*>> find(Atlas& atlas, const std::string& id) {
    Layer* layer = atlas.units_layer();
    if (layer)
        for (const auto& f : layer->features)
            if (f.id == id && !f.shape.polygons.empty()) return std::make_pair(layer, &f);
    return input_error("this lesson has no territory '" + id + "' with a shape to adjust");
}

}  // namespace

Result<> move_vertex(Atlas& atlas, const std::string& id, Vec2 at, Vec2 to) {
    const auto found = find(atlas, id);
    if (!found) return found.failure();
    const Vec2 v = *nearest_vertex(found->second->shape, at);
    return edit_rings(*found->first, id, [&](Ring& r) {
        bool changed = false;
        for (Vec2& p : r)
            if (same(p, v)) p = to, changed = true;
        return changed;
    });
}

Result<> delete_vertex(Atlas& atlas, const std::string& id, Vec2 at) {
    const auto found = find(atlas, id);
    if (!found) return found.failure();
    const Vec2 v = *nearest_vertex(found->second->shape, at);
    return edit_rings(*found->first, id, [&](Ring& r) {
        const bool was_closed = closed(r);
        const auto end = std::remove_if(r.begin(), r.end(), [&](Vec2 p) { return same(p, v); });
        if (end == r.end()) return false;
        r.erase(end, r.end());
        if (was_closed && !r.empty() && !closed(r)) r.push_back(r.front());
        return true;
    });
}

Result<> insert_vertex(Atlas& atlas, const std::string& id, Vec2 at) {
    const auto found = find(atlas, id);
    if (!found) return found.failure();
    const auto [a, b] = *nearest_edge(found->second->shape, at);
    const Vec2 point = nearest_on_segment(a, b, at);
    return edit_rings(*found->first, id, [&, a = a, b = b](Ring& r) {
        std::vector<std::size_t> after;  // the edges that are this one, by their first point
        each_edge(r, [&](std::size_t i, std::size_t j) {
            if ((same(r[i], a) && same(r[j], b)) || (same(r[i], b) && same(r[j], a))) after.push_back(i);
        });
        for (auto k = after.rbegin(); k != after.rend(); ++k)
            r.insert(r.begin() + static_cast<std::ptrdiff_t>(*k + 1), point);
        return !after.empty();
    });
}

Vec2 snap_point(const Atlas& atlas, Vec2 p, double tolerance) {
    const double tol2 = tolerance * tolerance;
    std::optional<Vec2> vertex, edge;
    double vertex_d = tol2, edge_d = tol2;
    for (const auto& layer : atlas.layers) {
        const bool targets = layer.role == LayerRole::Territories || (layer.role == LayerRole::Reference && layer.visible);
        if (!targets) continue;
        for (const auto& f : layer.features) {
            const Bounds b = f.shape.bounds();
            if (p.x < b.min_x - tolerance || p.x > b.max_x + tolerance || p.y < b.min_y - tolerance || p.y > b.max_y + tolerance)
                continue;
            for (const auto& poly : f.shape.polygons)
                for (const auto& ring : poly.rings)
                    each_edge(ring, [&](std::size_t i, std::size_t j) {
                        if (const double d = dist2(ring[i], p); d <= vertex_d) vertex_d = d, vertex = ring[i];
                        const Vec2 on = nearest_on_segment(ring[i], ring[j], p);
                        if (const double d = dist2(on, p); d <= edge_d) edge_d = d, edge = on;
                    });
        }
    }
    return vertex ? *vertex : edge ? *edge : p;
}

}  // namespace chronomap

#pragma once
// Plain geometry in the display CRS. The renderer and the tests see only these types.

#include <limits>
#include <vector>

namespace chronomap {

struct Vec2 {
    double x = 0;
    double y = 0;
};

using Ring = std::vector<Vec2>;

struct Polygon {
    std::vector<Ring> rings;  // rings[0] is the exterior, the rest are holes
};

struct Bounds {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    void add(Vec2 p) {
        if (p.x < min_x) min_x = p.x;
        if (p.y < min_y) min_y = p.y;
        if (p.x > max_x) max_x = p.x;
        if (p.y > max_y) max_y = p.y;
    }
    void add(const Bounds& b) {
        if (b.empty()) return;
        add(Vec2{b.min_x, b.min_y});
        add(Vec2{b.max_x, b.max_y});
    }
};

// The box around a ring's points.
inline Bounds bounds_of(const std::vector<Vec2>& ring) {
    Bounds b;
    for (const Vec2& v : ring) b.add(v);
    return b;
}

// Whether p is inside the ring (even-odd: a point on a ring of a polygon with holes is inside
// the polygon when an odd number of its rings hold it).
bool ring_contains(const std::vector<Vec2>& ring, Vec2 p);

struct Shape {
    std::vector<Polygon> polygons;
    std::vector<std::vector<Vec2>> lines;
    std::vector<Vec2> points;

    bool empty() const { return polygons.empty() && lines.empty() && points.empty(); }
    std::size_t vertex_count() const;
    Bounds bounds() const;
    // Whether p lies inside one of the polygons (even-odd rule, so holes are outside).
    bool contains(Vec2 p) const;
};

}  // namespace chronomap

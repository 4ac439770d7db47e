#include "data/geometry/earcut.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace chronomap {
namespace {

struct Node {
    std::uint32_t i;  // index of the vertex in the polygon
    double x, y;
    Node* prev = nullptr;
    Node* next = nullptr;
    std::int32_t z = 0;  // z-order of the vertex
    Node* prev_z = nullptr;
    Node* next_z = nullptr;
    bool steiner = false;
};

double area(const Node* p, const Node* q, const Node* r) {
    return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y);
}
bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }
int sign(double v) { return (v > 0) - (v < 0); }

bool point_in_triangle(double ax, double ay, double bx, double by, double cx, double cy, double px,
                       double py) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) &&
           (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
           (bx - px) * (cy - py) >= (cx - px) * (by - py);
}

bool on_segment(const Node* p, const Node* q, const Node* r) {
    return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) &&
           q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
}

bool intersects(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
    const int o1 = sign(area(p1, q1, p2)), o2 = sign(area(p1, q1, q2));
    const int o3 = sign(area(p2, q2, p1)), o4 = sign(area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && on_segment(p1, p2, q1)) return true;
    if (o2 == 0 && on_segment(p1, q2, q1)) return true;
    if (o3 == 0 && on_segment(p2, p1, q2)) return true;
    if (o4 == 0 && on_segment(p2, q1, q2)) return true;
    return false;
}

bool locally_inside(const Node* a, const Node* b) {
    return area(a->prev, a, a->next) < 0 ? area(a, b, a->next) >= 0 && area(a, a->prev, b) >= 0
                                         : area(a, b, a->prev) < 0 || area(a, a->next, b) < 0;
}

bool middle_inside(const Node* a, const Node* b) {
    const Node* p = a;
    bool inside = false;
    const double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
    do {
        if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y &&
            (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
            inside = !inside;
        p = p->next;
    } while (p != a);
    return inside;
}

bool intersects_polygon(const Node* a, const Node* b) {
    const Node* p = a;
    do {
        if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
            intersects(p, p->next, a, b))
            return true;
        p = p->next;
    } while (p != a);
    return false;
}

bool valid_diagonal(const Node* a, const Node* b) {
    return a->next->i != b->i && a->prev->i != b->i && !intersects_polygon(a, b) &&
           ((locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
             (area(a->prev, a, b->prev) != 0 || area(a, b->prev, b) != 0)) ||
            (equals(a, b) && area(a->prev, a, a->next) > 0 && area(b->prev, b, b->next) > 0));
}

bool sector_contains_sector(const Node* m, const Node* p) {
    return area(m->prev, m, p->prev) < 0 && area(p->next, m, m->next) < 0;
}

class Earcut {
  public:
    explicit Earcut(std::vector<std::uint32_t>& out) : out_(out) {}

    void run(const Polygon& poly) {
        if (poly.rings.empty()) return;
        std::uint32_t base = 0;
        Node* outer = linked_list(poly.rings[0], base, true);
        base += static_cast<std::uint32_t>(poly.rings[0].size());
        if (!outer || outer->next == outer->prev) return;
        if (poly.rings.size() > 1) outer = eliminate_holes(poly, outer, base);
        std::size_t total = 0;
        for (const auto& r : poly.rings) total += r.size();
        if (total > 80) {
            double min_x = outer->x, min_y = outer->y, max_x = min_x, max_y = min_y;
            for (const Vec2& v : poly.rings[0]) {
                min_x = std::min(min_x, v.x);
                min_y = std::min(min_y, v.y);
                max_x = std::max(max_x, v.x);
                max_y = std::max(max_y, v.y);
            }
            min_x_ = min_x;
            min_y_ = min_y;
            const double size = std::max(max_x - min_x, max_y - min_y);
            inv_size_ = size != 0 ? 32767.0 / size : 0;
        }
        cut(outer, 0);
    }

  private:
    static constexpr std::size_t kDiagonalChecks = 20000;
    std::size_t diagonal_checks_ = 0;
    std::vector<std::uint32_t>& out_;
    std::deque<Node> nodes_;  // stable addresses
    double min_x_ = 0, min_y_ = 0, inv_size_ = 0;

    Node* insert(std::uint32_t i, double x, double y, Node* last) {
        Node* p = &nodes_.emplace_back(Node{i, x, y});
        if (!last) {
            p->prev = p->next = p;
        } else {
            p->next = last->next;
            p->prev = last;
            last->next->prev = p;
            last->next = p;
        }
        return p;
    }

    static void remove(Node* p) {
        p->next->prev = p->prev;
        p->prev->next = p->next;
        if (p->prev_z) p->prev_z->next_z = p->next_z;
        if (p->next_z) p->next_z->prev_z = p->prev_z;
    }

    Node* linked_list(const Ring& ring, std::uint32_t base, bool clockwise) {
        double sum = 0;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            sum += (ring[j].x - ring[i].x) * (ring[i].y + ring[j].y);
        Node* last = nullptr;
        const auto n = static_cast<std::uint32_t>(ring.size());
        if (clockwise == (sum > 0)) {
            for (std::uint32_t i = 0; i < n; ++i) last = insert(base + i, ring[i].x, ring[i].y, last);
        } else {
            for (std::uint32_t i = n; i-- > 0;) last = insert(base + i, ring[i].x, ring[i].y, last);
        }
        if (last && equals(last, last->next)) {
            remove(last);
            last = last->next;
        }
        return last;
    }

    // Drops duplicate and collinear vertices between start and end.
    static Node* filter_points(Node* start, Node* end = nullptr) {
        if (!start) return start;
        if (!end) end = start;
        Node* p = start;
        bool again = false;
        do {
            again = false;
            if (!p->steiner && (equals(p, p->next) || area(p->prev, p, p->next) == 0)) {
                remove(p);
                p = end = p->prev;
                if (p == p->next) break;
                again = true;
            } else {
                p = p->next;
            }
        } while (again || p != end);
        return end;
    }

    void emit(const Node* a, const Node* b, const Node* c) { out_.insert(out_.end(), {a->i, b->i, c->i}); }

    void cut(Node* ear, int pass) {
        if (!ear) return;
        if (pass == 0 && inv_size_ != 0) index_curve(ear);
        Node* stop = ear;
        while (ear->prev != ear->next) {
            Node* prev = ear->prev;
            Node* next = ear->next;
            if (inv_size_ != 0 ? is_ear_hashed(ear) : is_ear(ear)) {
                emit(prev, ear, next);
                remove(ear);
                ear = next->next;  // skipping the next vertex gives fewer slivers
                stop = next->next;
                continue;
            }
            ear = next;
            if (ear == stop) {
                if (pass == 0) {
                    cut(filter_points(ear), 1);
                } else if (pass == 1) {
                    ear = cure_local_intersections(filter_points(ear));
                    cut(ear, 2);
                } else if (pass == 2) {
                    split(ear);
                }
                break;
            }
        }
    }

    static bool is_ear(const Node* ear) {
        const Node *a = ear->prev, *b = ear, *c = ear->next;
        if (area(a, b, c) >= 0) return false;  // reflex
        const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
        const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
        for (const Node* p = c->next; p != a; p = p->next)
            if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
                point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
                area(p->prev, p, p->next) >= 0)
                return false;
        return true;
    }

    bool is_ear_hashed(const Node* ear) const {
        const Node *a = ear->prev, *b = ear, *c = ear->next;
        if (area(a, b, c) >= 0) return false;
        const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
        const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
        const std::int32_t min_z = z_order(x0, y0), max_z = z_order(x1, y1);
        auto blocks = [&](const Node* p) {
            return p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && p != a && p != c &&
                   point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
                   area(p->prev, p, p->next) >= 0;
        };
        const Node* p = ear->prev_z;
        const Node* n = ear->next_z;
        while (p && p->z >= min_z && n && n->z <= max_z) {
            if (blocks(p)) return false;
            p = p->prev_z;
            if (blocks(n)) return false;
            n = n->next_z;
        }
        for (; p && p->z >= min_z; p = p->prev_z)
            if (blocks(p)) return false;
        for (; n && n->z <= max_z; n = n->next_z)
            if (blocks(n)) return false;
        return true;
    }

    Node* cure_local_intersections(Node* start) {
        Node* p = start;
        do {
            Node* a = p->prev;
            Node* b = p->next->next;
            if (!equals(a, b) && intersects(a, p, p->next, b) && locally_inside(a, b) &&
                locally_inside(b, a)) {
                emit(a, p, b);
                remove(p);
                remove(p->next);
                p = start = b;
            }
            p = p->next;
        } while (p != start);
        return filter_points(p);
    }

    void split(Node* start) {
        Node* a = start;
        do {
            for (Node* b = a->next->next; b != a->prev; b = b->next) {
                // Each check walks the polygon: a ring that crosses itself thousands of times
                // made this cubic (seconds on 4,000 points). Past the budget the rest is left
                // unfilled, and the caller sees the area fall short.
                if (++diagonal_checks_ > kDiagonalChecks) return;
                if (a->i != b->i && valid_diagonal(a, b)) {
                    Node* c = split_polygon(a, b);
                    a = filter_points(a, a->next);
                    c = filter_points(c, c->next);
                    cut(a, 0);
                    cut(c, 0);
                    return;
                }
            }
            a = a->next;
        } while (a != start);
    }

    Node* split_polygon(Node* a, Node* b) {
        Node* a2 = &nodes_.emplace_back(Node{a->i, a->x, a->y});
        Node* b2 = &nodes_.emplace_back(Node{b->i, b->x, b->y});
        Node* an = a->next;
        Node* bp = b->prev;
        a->next = b;
        b->prev = a;
        a2->next = an;
        an->prev = a2;
        b2->next = a2;
        a2->prev = b2;
        bp->next = b2;
        b2->prev = bp;
        return b2;
    }

    Node* eliminate_holes(const Polygon& poly, Node* outer, std::uint32_t base) {
        std::vector<Node*> queue;
        for (std::size_t r = 1; r < poly.rings.size(); ++r) {
            Node* list = linked_list(poly.rings[r], base, false);
            base += static_cast<std::uint32_t>(poly.rings[r].size());
            if (!list) continue;
            if (list == list->next) list->steiner = true;
            queue.push_back(leftmost(list));
        }
        std::sort(queue.begin(), queue.end(), [](const Node* a, const Node* b) {
            return a->x < b->x || (a->x == b->x && a->y < b->y);
        });
        for (Node* hole : queue) outer = eliminate_hole(hole, outer);
        return outer;
    }

    Node* eliminate_hole(Node* hole, Node* outer) {
        Node* bridge = find_hole_bridge(hole, outer);
        if (!bridge) return outer;
        Node* reverse = split_polygon(bridge, hole);
        filter_points(reverse, reverse->next);
        return filter_points(bridge, bridge->next);
    }

    // David Eberly's method: a ray from the hole's leftmost point to the left.
    static Node* find_hole_bridge(Node* hole, Node* outer) {
        Node* p = outer;
        const double hx = hole->x, hy = hole->y;
        double qx = -INFINITY;
        Node* m = nullptr;
        do {
            if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
                const double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = p->x < p->next->x ? p : p->next;
                    if (x == hx) return m;
                }
            }
            p = p->next;
        } while (p != outer);
        if (!m) return nullptr;
        Node* stop = m;
        const double mx = m->x, my = m->y;
        double tan_min = INFINITY;
        p = m;
        do {
            if (hx >= p->x && p->x >= mx && hx != p->x &&
                point_in_triangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
                const double tan = std::abs(hy - p->y) / (hx - p->x);
                if (locally_inside(p, hole) &&
                    (tan < tan_min ||
                     (tan == tan_min && (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
                    m = p;
                    tan_min = tan;
                }
            }
            p = p->next;
        } while (p != stop);
        return m;
    }

    static Node* leftmost(Node* start) {
        Node* best = start;
        Node* p = start;
        do {
            if (p->x < best->x || (p->x == best->x && p->y < best->y)) best = p;
            p = p->next;
        } while (p != start);
        return best;
    }

    std::int32_t z_order(double fx, double fy) const {
        auto spread = [](std::uint32_t v) {
            v = (v | (v << 8)) & 0x00FF00FFu;
            v = (v | (v << 4)) & 0x0F0F0F0Fu;
            v = (v | (v << 2)) & 0x33333333u;
            v = (v | (v << 1)) & 0x55555555u;
            return v;
        };
        const auto x = static_cast<std::uint32_t>(std::clamp((fx - min_x_) * inv_size_, 0.0, 32767.0));
        const auto y = static_cast<std::uint32_t>(std::clamp((fy - min_y_) * inv_size_, 0.0, 32767.0));
        return static_cast<std::int32_t>(spread(x) | (spread(y) << 1));
    }

    void index_curve(Node* start) {
        Node* p = start;
        do {
            if (p->z == 0) p->z = z_order(p->x, p->y);
            p->prev_z = p->prev;
            p->next_z = p->next;
            p = p->next;
        } while (p != start);
        p->prev_z->next_z = nullptr;
        p->prev_z = nullptr;
        sort_linked(p);
    }

    // Simon Tatham's merge sort of a linked list, on z.
    static void sort_linked(Node* list) {
        int in_size = 1;
        int merges = 0;
        do {
            Node* p = list;
            list = nullptr;
            Node* tail = nullptr;
            merges = 0;
            while (p) {
                ++merges;
                Node* q = p;
                int p_size = 0;
                for (int i = 0; i < in_size && q; ++i) {
                    ++p_size;
                    q = q->next_z;
                }
                int q_size = in_size;
                while (p_size > 0 || (q_size > 0 && q)) {
                    Node* e = nullptr;
                    if (p_size != 0 && (q_size == 0 || !q || p->z <= q->z)) {
                        e = p;
                        p = p->next_z;
                        --p_size;
                    } else {
                        e = q;
                        q = q->next_z;
                        --q_size;
                    }
                    if (tail)
                        tail->next_z = e;
                    else
                        list = e;
                    e->prev_z = tail;
                    tail = e;
                }
                p = q;
            }
            tail->next_z = nullptr;
            in_size *= 2;
        } while (merges > 1);
    }
};

}  // namespace

void earcut(const Polygon& polygon, std::vector<std::uint32_t>& indices) {
    Earcut(indices).run(polygon);
}

}  // namespace chronomap

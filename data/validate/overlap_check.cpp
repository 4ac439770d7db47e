#include "data/validate/overlap_check.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "data/geometry/geos_shapes.h"
#include "data/geometry/projection.h"

namespace chronomap {
namespace {

constexpr std::int64_t kAlways = std::numeric_limits<std::int64_t>::max();

struct Item {
    const Layer* layer;
    const Feature* feature;
    Bounds box;
    std::int64_t from, to;  // days the shape is valid: [from, to)
};

std::vector<Item> territory_shapes(const Atlas& atlas) {
    std::vector<Item> items;
    for (const auto& layer : atlas.layers) {
        if (layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features) {
            if (f.shape.polygons.empty()) continue;
            items.push_back({&layer, &f, f.shape.bounds(), f.valid_from ? std::int64_t{f.valid_from->day} : -kAlways,
                             f.valid_to ? std::int64_t{f.valid_to->day} : kAlways});
        }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.box.min_x < b.box.min_x; });
    return items;
}

// "", " from 1 March 1919", " until 1920", " from 1914 to 1920": when both shapes are valid.
std::string common_dates(const Item& a, const Item& b) {
    const Feature& fa = *a.feature;
    const Feature& fb = *b.feature;
    std::optional<Date> from = fa.valid_from, to = fa.valid_to;
    if (fb.valid_from && (!from || *from < *fb.valid_from)) from = fb.valid_from;
    if (fb.valid_to && (!to || *fb.valid_to < *to)) to = fb.valid_to;
    if (from && to) return " from " + from->display() + " to " + to->display();
    if (from) return " from " + from->display();
    if (to) return " until " + to->display();
    return "";
}

std::string rounded(double v) {
    if (v >= 10) return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[32];
    std::snprintf(buf, sizeof buf, v >= 1 ? "%.1f" : "%.2g", v);
    return buf;
}

std::string place(Vec2 lonlat) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f° %c, %.2f° %c", std::fabs(lonlat.x), lonlat.x < 0 ? 'W' : 'E',
                  std::fabs(lonlat.y), lonlat.y < 0 ? 'S' : 'N');
    return buf;
}

// Square kilometres in one square unit of the display CRS around c (degrees in EPSG:4326,
// metres stretched by latitude in Web Mercator); nullopt when the CRS cannot say.
std::optional<double> km2_per_unit(const ToLonLat& to_lonlat, Vec2 c, double step) {
    const auto sx = to_lonlat.ground_distance(c, {c.x + step, c.y});
    const auto sy = to_lonlat.ground_distance(c, {c.x, c.y + step});
    if (!sx || !sy || step <= 0) return std::nullopt;
    return (*sx / step) * (*sy / step) / 1e6;
}

class Checker {
  public:
    Checker(const Atlas& atlas, Diagnostics& diags, const OverlapLimits& limits)
        : atlas_(atlas), diags_(diags), limits_(limits), to_lonlat_(atlas.crs) {}

    OverlapReport run() {
        items_ = territory_shapes(atlas_);
        geoms_.resize(items_.size());
        repaired_.resize(items_.size());
        areas_.assign(items_.size(), -1);
        deadline_ = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                          std::chrono::duration<double>(limits_.seconds));
        for (std::size_t i = 0; i < items_.size() && !report_.out_of_time; ++i)
            for (std::size_t j = i + 1; j < items_.size() && items_[j].box.min_x <= items_[i].box.max_x; ++j) {
                if (!candidates(items_[i], items_[j])) continue;
                ++report_.pairs_compared;
                compare(i, j);
                if (report_.out_of_time) break;
            }
        if (report_.unchecked > 0)
            diags_.warning({}, std::to_string(report_.unchecked) + " of " + std::to_string(report_.pairs_compared) +
                                   " pairs of neighbouring territories could not be checked for overlaps (" +
                                   (report_.out_of_time ? "the check stopped at its limit of " + rounded(limits_.seconds) +
                                                          " s; `chronomap validate` allows " +
                                                          rounded(OverlapLimits{}.seconds) + " s"
                                                        : "GEOS could not intersect their shapes, which need "
                                                          "repair") +
                                   ")");
        return report_;
    }

  private:
    static bool candidates(const Item& a, const Item& b) {
        return a.box.min_y <= b.box.max_y && b.box.min_y <= a.box.max_y && a.from < b.to && b.from < a.to &&
               a.feature->id != b.feature->id;
    }

    const GEOSGeometry* geom(std::size_t i) {
        if (!geoms_[i]) {
            std::vector<GEOSGeometry*> parts;
            for (const auto& poly : items_[i].feature->shape.polygons)
                if (auto g = geos::make_polygon(ctx_.h, poly)) parts.push_back(g.release());
            geoms_[i] = geos::GeomPtr(GEOSGeom_createCollection_r(ctx_.h, GEOS_MULTIPOLYGON, parts.data(),
                                                                  static_cast<unsigned>(parts.size())),
                                      {ctx_.h});
            if (!geoms_[i] || GEOSArea_r(ctx_.h, geoms_[i].get(), &areas_[i]) != 1) areas_[i] = 0;
        }
        return geoms_[i].get();
    }

    // No GEOSIntersects first: on two large shapes it builds their whole topology, while the
    // intersection itself (OverlayNG) works only on the edges inside the shapes' common box.
    geos::GeomPtr intersection(const GEOSGeometry* a, const GEOSGeometry* b) {
        return geos::GeomPtr(GEOSIntersection_r(ctx_.h, a, b), {ctx_.h});
    }

    // The shape made valid, once; null when GEOS cannot (then the pair is unchecked).
    const GEOSGeometry* repaired(std::size_t i) {
        auto& fixed = repaired_[i];
        if (!fixed.tried) {
            fixed.tried = true;
            fixed.geom = geos::GeomPtr(GEOSMakeValid_r(ctx_.h, geom(i)), {ctx_.h});
            double area = 0;
            if (fixed.geom && GEOSArea_r(ctx_.h, fixed.geom.get(), &area) == 1) areas_[i] = area;
        }
        return fixed.geom.get();
    }

    void compare(std::size_t i, std::size_t j) {
        const double left = std::chrono::duration<double>(deadline_ - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            report_.out_of_time = true;
            report_.unchecked += 1;
            return;
        }
        const geos::Budget budget(std::min(left, limits_.seconds_per_pair));
        const GEOSGeometry* a = geom(i);
        const GEOSGeometry* b = geom(j);
        if (!a || !b) {
            ++report_.unchecked;
            return;
        }
        geos::GeomPtr common = intersection(a, b);
        double area = 0;
        bool measured = common && GEOSArea_r(ctx_.h, common.get(), &area) == 1;
        // A self-crossing ring fails the intersection, or has an area of its own smaller than
        // what it shares (a bow tie's two wings cancel): the repaired shapes are compared.
        const bool doubtful = !measured || std::min(areas_[i], areas_[j]) <= 0 ||
                              area > 1.01 * std::min(areas_[i], areas_[j]);
        if (doubtful && !budget.expired()) {
            a = repaired(i);
            b = repaired(j);
            common = a && b ? intersection(a, b) : geos::GeomPtr(nullptr, {ctx_.h});
            measured = common && GEOSArea_r(ctx_.h, common.get(), &area) == 1;
        }
        if (!measured) {
            ++report_.unchecked;
            report_.out_of_time = report_.out_of_time || (budget.expired() && left <= limits_.seconds_per_pair);
            return;
        }
        const double smaller = std::min(areas_[i], areas_[j]);
        if (area <= 0 || smaller <= 0 || area < limits_.min_share * smaller) return;
        std::optional<Vec2> lonlat;
        std::optional<double> km2;
        if (geos::GeomPtr c{GEOSGetCentroid_r(ctx_.h, common.get()), {ctx_.h}}) {
            Vec2 p;
            if (GEOSGeomGetX_r(ctx_.h, c.get(), &p.x) == 1 && GEOSGeomGetY_r(ctx_.h, c.get(), &p.y) == 1 &&
                to_lonlat_.valid()) {
                lonlat = to_lonlat_(p);
                if (auto k = km2_per_unit(to_lonlat_, p, std::sqrt(area) / 8)) km2 = area * *k;
            }
        }
        if (km2 && *km2 < limits_.min_km2) return;
        report(i, j, area / smaller, lonlat, km2);
    }

    void report(std::size_t i, std::size_t j, double share_of_smaller, std::optional<Vec2> lonlat,
                std::optional<double> km2) {
        const Item& a = items_[i];
        const Item& b = items_[j];
        const Item& small = areas_[i] <= areas_[j] ? a : b;
        const std::string where = lonlat ? ", around " + place(*lonlat) : "";
        const std::string size = km2 ? " about " + rounded(*km2) + " km² (" : "";
        const std::string share = rounded(100 * share_of_smaller) + " % of '" + small.feature->id + "'";
        const Feature& f = *b.feature;
        const std::string file = f.origin_file.str().empty() ? b.layer->source : f.origin_file.str();
        diags_.feature_problem(Severity::Warning, {file}, b.layer->name, f.id,
                               "overlaps territory '" + a.feature->id + "' by" +
                                   (size.empty() ? " " + share : size + share + ")") + where + common_dates(a, b) +
                                   "; a place should belong to one territory at a time");
        ++report_.overlaps;
    }

    const Atlas& atlas_;
    Diagnostics& diags_;
    OverlapLimits limits_;
    ToLonLat to_lonlat_;
    geos::Context ctx_;
    std::vector<Item> items_;
    std::vector<geos::GeomPtr> geoms_;
    std::vector<double> areas_;
    struct Repaired {
        bool tried = false;
        geos::GeomPtr geom{nullptr, {nullptr}};
    };
    std::vector<Repaired> repaired_;
    std::chrono::steady_clock::time_point deadline_;
    OverlapReport report_;
};

}  // namespace

OverlapReport check_overlaps(const Atlas& atlas, Diagnostics& diags, const OverlapLimits& limits) {
    return Checker(atlas, diags, limits).run();
}

}  // namespace chronomap

// Triangulation candidates on the same polygons: our tessellate() (ear clipping, tiled), GEOS's
// constrained Delaunay triangulation, and the GLU tessellator (SGI's libtess, as in Mesa).
// Counters: how many polygons each method failed on or covered with the wrong area.
#include <benchmark/benchmark.h>

#include <GL/glu.h>
#include <geos_c.h>

#include <cmath>
#include <vector>

#include "data/geometry/tessellate.h"

using namespace chronomap;

namespace {

Ring wobbly(double cx, double cy, double radius, int n, double wobble, bool ccw) {
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * M_PI * (ccw ? i : n - i) / n;
        const double rr = radius * (1 + wobble * std::sin(a * 37) * std::cos(a * 11));
        r.push_back({cx + rr * std::cos(a), cy + rr * std::sin(a)});
    }
    r.push_back(r.front());
    return r;
}

// 0: one polygon of 1,000,000 vertices; 1: a square with 22,500 square holes; 2: 2,000 polygons
// of 500 vertices (a world of countries).
std::vector<Polygon> case_polygons(int which) {
    std::vector<Polygon> out;
    if (which == 0) {
        out.push_back({{wobbly(0, 0, 1000, 1000000, 0.3, true)}});
    } else if (which == 1) {
        Polygon p{{Ring{{0, 0}, {3000, 0}, {3000, 3000}, {0, 3000}, {0, 0}}}};
        for (int i = 0; i < 150; ++i)
            for (int j = 0; j < 150; ++j) {
                const double x = 5 + i * 19.9, y = 5 + j * 19.9;
                p.rings.push_back({{x, y}, {x, y + 9}, {x + 9, y + 9}, {x + 9, y}, {x, y}});
            }
        out.push_back(std::move(p));
    } else {
        for (int i = 0; i < 2000; ++i)
            out.push_back({{wobbly((i % 50) * 30.0, (i / 50) * 30.0, 12, 500, 0.3, true)}});
    }
    return out;
}

const char* kCaseNames[] = {"one_polygon_1M_vertices", "22500_holes", "2000_polygons_of_500"};

void BM_Tessellate(benchmark::State& state) {
    const auto polys = case_polygons(static_cast<int>(state.range(0)));
    state.SetLabel(kCaseNames[state.range(0)]);
    int failed = 0;
    for (auto _ : state) {
        failed = 0;
        Tessellation t;
        for (const auto& p : polys) failed += !tessellate(p, t).ok();
        benchmark::DoNotOptimize(t.indices.data());
    }
    state.counters["failed"] = failed;
}
BENCHMARK(BM_Tessellate)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly();

void BM_GeosConstrainedDelaunay(benchmark::State& state) {
    const auto polys = case_polygons(static_cast<int>(state.range(0)));
    state.SetLabel(kCaseNames[state.range(0)]);
    GEOSContextHandle_t h = GEOS_init_r();
    int failed = 0;
    for (auto _ : state) {
        failed = 0;
        for (const auto& p : polys) {
            auto ring = [&](const Ring& r) {
                GEOSCoordSequence* s = GEOSCoordSeq_create_r(h, static_cast<unsigned>(r.size()), 2);
                for (unsigned i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(h, s, i, r[i].x, r[i].y);
                return GEOSGeom_createLinearRing_r(h, s);
            };
            std::vector<GEOSGeometry*> holes;
            for (std::size_t i = 1; i < p.rings.size(); ++i) holes.push_back(ring(p.rings[i]));
            GEOSGeometry* g = GEOSGeom_createPolygon_r(h, ring(p.rings[0]), holes.data(),
                                                      static_cast<unsigned>(holes.size()));
            GEOSGeometry* t = GEOSConstrainedDelaunayTriangulation_r(h, g);
            failed += t == nullptr;
            if (t) GEOSGeom_destroy_r(h, t);
            GEOSGeom_destroy_r(h, g);
        }
    }
    GEOS_finish_r(h);
    state.counters["failed"] = failed;
}
// The 22,500-hole case takes minutes in GEOS; it is left out (see README).
BENCHMARK(BM_GeosConstrainedDelaunay)->Arg(0)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly();

struct GluOut {
    std::size_t vertices = 0;
    std::vector<std::vector<double>> combined;
};

void BM_GluTessellator(benchmark::State& state) {
    const auto polys = case_polygons(static_cast<int>(state.range(0)));
    state.SetLabel(kCaseNames[state.range(0)]);
    for (auto _ : state) {
        GLUtesselator* tess = gluNewTess();
        GluOut out;
        gluTessCallback(tess, GLU_TESS_VERTEX_DATA,
                        reinterpret_cast<void (*)()>(+[](void*, void* user) { ++static_cast<GluOut*>(user)->vertices; }));
        gluTessCallback(tess, GLU_TESS_BEGIN, reinterpret_cast<void (*)()>(+[](GLenum) {}));
        gluTessCallback(tess, GLU_TESS_END, reinterpret_cast<void (*)()>(+[] {}));
        gluTessCallback(tess, GLU_TESS_EDGE_FLAG, reinterpret_cast<void (*)()>(+[](GLboolean) {}));  // triangles only
        gluTessCallback(tess, GLU_TESS_COMBINE_DATA,
                        reinterpret_cast<void (*)()>(+[](GLdouble c[3], void*[4], GLfloat[4], void** out, void* user) {
                            auto* o = static_cast<GluOut*>(user);
                            o->combined.push_back({c[0], c[1], c[2]});
                            *out = o->combined.back().data();
                        }));
        gluTessProperty(tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
        std::vector<std::vector<double>> coords;
        for (const auto& p : polys) {
            coords.clear();
            gluTessBeginPolygon(tess, &out);
            for (const auto& r : p.rings) {
                gluTessBeginContour(tess);
                coords.emplace_back();
                auto& c = coords.back();
                c.reserve(r.size() * 3);
                for (const auto& v : r) c.insert(c.end(), {v.x, v.y, 0});
                for (std::size_t i = 0; i + 1 < r.size(); ++i) gluTessVertex(tess, &c[i * 3], &c[i * 3]);
                gluTessEndContour(tess);
            }
            gluTessEndPolygon(tess);
        }
        gluDeleteTess(tess);
        benchmark::DoNotOptimize(out.vertices);
    }
}
BENCHMARK(BM_GluTessellator)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly();

}  // namespace

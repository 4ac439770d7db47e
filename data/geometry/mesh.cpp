#include "data/geometry/mesh.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <thread>

#include "data/support/parallel.h"
#include "data/geometry/simplify.h"
#include "data/geometry/tessellate.h"

namespace chronomap {
namespace {

void add_ring_segments(MapMesh& mesh, const Ring& ring, Vec2 o, std::uint32_t slot) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        mesh.segments.insert(
            mesh.segments.end(),
            {static_cast<float>(ring[i].x - o.x), static_cast<float>(ring[i].y - o.y),
             static_cast<float>(ring[i + 1].x - o.x), static_cast<float>(ring[i + 1].y - o.y)});
        mesh.segment_feature.push_back(slot);
    }
}

void add_triangles(MapMesh& mesh, const Tessellation& t, Vec2 o, std::uint32_t slot) {
    const auto base = static_cast<std::uint32_t>(mesh.feature.size());
    for (const Vec2& v : t.vertices) {
        mesh.positions.push_back(static_cast<float>(v.x - o.x));
        mesh.positions.push_back(static_cast<float>(v.y - o.y));
        mesh.feature.push_back(slot);
    }
    for (std::uint32_t i : t.indices) mesh.indices.push_back(base + i);
}

struct Chunk {
    std::size_t begin = 0, end = 0;  // inputs
    std::vector<MapMesh> levels;
    std::vector<MeshProblem> problems;
};

// Appends a group run to `groups`, or extends the last one when it has the same id.
void extend_groups(std::vector<MapMesh::Group>& groups, std::uint32_t id, std::uint32_t index_end,
                   std::uint32_t segment_end) {
    if (groups.empty() || groups.back().id != id) {
        MapMesh::Group g;
        g.id = id;
        if (!groups.empty()) {
            g.first_index = groups.back().first_index + groups.back().index_count;
            g.first_segment = groups.back().first_segment + groups.back().segment_count;
        }
        groups.push_back(g);
    }
    groups.back().index_count = index_end - groups.back().first_index;
    groups.back().segment_count = segment_end - groups.back().first_segment;
}

void build_chunk(const std::vector<MeshInput>& inputs, Vec2 origin,
                 const std::vector<double>& tolerances, Chunk& chunk) {
    chunk.levels.assign(tolerances.size(), MapMesh{});
    for (auto& m : chunk.levels) m.origin = origin;
    Tessellation full, coarse;
    Polygon small;
    for (std::size_t i = chunk.begin; i < chunk.end; ++i) {
        const MeshInput& in = inputs[i];
        for (std::size_t p = 0; p < in.shape->polygons.size(); ++p) {
            const Polygon& poly = in.shape->polygons[p];
            full.vertices.clear();
            full.indices.clear();
            bool full_done = false;
            std::optional<TessResult> coarse_repair;  // the first repair a coarse level needed
            TessResult full_result;
            auto full_detail = [&]() -> const TessResult& {
                if (!full_done) {
                    full_result = tessellate(poly, full);
                    full_done = true;
                }
                return full_result;
            };
            for (std::size_t l = 0; l < tolerances.size(); ++l) {
                MapMesh& mesh = chunk.levels[l];
                if (tolerances[l] > 0) {
                    if (!simplify_polygon(poly, tolerances[l], small)) continue;  // below a pixel
                    coarse.vertices.clear();
                    coarse.indices.clear();
                    if (const TessResult cr = tessellate(small, coarse); cr.ok()) {
                        if ((cr.method == TessMethod::Repaired || cr.method == TessMethod::GeosDelaunay) &&
                            !coarse_repair)
                            coarse_repair = cr;
                        add_triangles(mesh, coarse, origin, in.slot);
                        for (const Ring& ring : small.rings) add_ring_segments(mesh, ring, origin, in.slot);
                        continue;
                    }
                }
                const TessResult& r = full_detail();
                if (r.ok()) add_triangles(mesh, full, origin, in.slot);
                for (const Ring& ring : poly.rings) add_ring_segments(mesh, ring, origin, in.slot);
            }
            for (auto& mesh : chunk.levels)
                extend_groups(mesh.groups, in.group, static_cast<std::uint32_t>(mesh.indices.size()),
                              static_cast<std::uint32_t>(mesh.segment_feature.size()));
            // Problems are those of full detail when some level needed it. Otherwise every level
            // drew the polygon; a repair there is said, as found in the simplified polygon
            // (tessellating full detail only to check the data would cost more than the rest).
            if (!full_done) {
                if (coarse_repair) chunk.problems.push_back({i, p, false, false, true, coarse_repair->message});
                continue;
            }
            const TessResult& r = full_detail();
            if (!r.ok() || r.method == TessMethod::Repaired || r.method == TessMethod::GeosDelaunay ||
                r.method == TessMethod::Unrepaired)
                chunk.problems.push_back({i, p, !r.ok(), r.no_area, false, r.message});
        }
    }
}

}  // namespace

void MapMesh::append(const MapMesh& o) {
    const auto base = static_cast<std::uint32_t>(feature.size());
    const auto index_base = static_cast<std::uint32_t>(indices.size());
    const auto segment_base = static_cast<std::uint32_t>(segment_feature.size());
    for (const Group& g : o.groups)
        extend_groups(groups, g.id, index_base + g.first_index + g.index_count,
                      segment_base + g.first_segment + g.segment_count);
    positions.insert(positions.end(), o.positions.begin(), o.positions.end());
    feature.insert(feature.end(), o.feature.begin(), o.feature.end());
    indices.reserve(indices.size() + o.indices.size());
    for (std::uint32_t i : o.indices) indices.push_back(base + i);
    segments.insert(segments.end(), o.segments.begin(), o.segments.end());
    segment_feature.insert(segment_feature.end(), o.segment_feature.begin(), o.segment_feature.end());
}

std::vector<MapMesh> build_meshes(const std::vector<MeshInput>& inputs, Vec2 origin,
                                  const std::vector<double>& tolerances,
                                  std::vector<MeshProblem>* problems, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    // Chunks of about equal vertex counts, several per thread so that one huge polygon does not
    // leave the other threads idle for long.
    std::size_t total = 0;
    for (const auto& in : inputs) total += in.shape->vertex_count();
    const std::size_t target = std::max<std::size_t>(4096, total / (threads * 8) + 1);
    std::vector<Chunk> chunks;
    std::size_t acc = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (chunks.empty() || acc >= target) {
            chunks.push_back({i, i, {}, {}});
            acc = 0;
        }
        chunks.back().end = i + 1;
        acc += inputs[i].shape->vertex_count();
    }
    parallel_for(chunks.size(), [&](std::size_t c) { build_chunk(inputs, origin, tolerances, chunks[c]); },
                 threads);

    // Concatenated in input order, so the result does not depend on the threads' timing.
    std::vector<MapMesh> out(tolerances.size());
    for (auto& m : out) m.origin = origin;
    for (const Chunk& c : chunks) {
        for (std::size_t l = 0; l < out.size(); ++l) out[l].append(c.levels[l]);
        if (problems) problems->insert(problems->end(), c.problems.begin(), c.problems.end());
    }
    return out;
}

MapMesh build_mesh(const std::vector<MeshInput>& inputs, Vec2 origin, double tolerance,
                   std::vector<MeshProblem>* problems) {
    return std::move(build_meshes(inputs, origin, {tolerance}, problems).front());
}

void add_lines(MapMesh& mesh, const Shape& shape, std::uint32_t slot) {
    for (const auto& line : shape.lines) add_ring_segments(mesh, line, mesh.origin, slot);
}

}  // namespace chronomap

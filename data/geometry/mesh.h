#pragma once
// Triangle meshes built once at load from polygon shapes, for the GPU. Plain data: the renderer
// uploads it; colours live elsewhere (per feature), so a date change never rebuilds a mesh.

#include <cstdint>
#include <string>
#include <vector>

#include "data/geometry/geometry.h"

namespace chronomap {

struct MapMesh {
    Vec2 origin;                      // subtracted from every position to keep float precision
    std::vector<float> positions;     // x, y pairs relative to origin
    std::vector<std::uint32_t> feature;  // per vertex: the feature slot it belongs to
    std::vector<std::uint32_t> indices;  // three per triangle
    // Outlines as independent segments: x0, y0, x1, y1 relative to origin, and one slot each.
    std::vector<float> segments;
    std::vector<std::uint32_t> segment_feature;
    // Contiguous runs of inputs that share a group (shapes valid over the same dates): the
    // renderer draws only the groups shown, so fifty snapshots cost one snapshot's drawing.
    struct Group {
        std::uint32_t id = 0;
        std::uint32_t first_index = 0, index_count = 0;
        std::uint32_t first_segment = 0, segment_count = 0;
    };
    std::vector<Group> groups;

    std::size_t triangle_count() const { return indices.size() / 3; }
    std::size_t vertex_count() const { return feature.size(); }
    void append(const MapMesh& other);  // same origin
};

struct MeshInput {
    const Shape* shape;
    std::uint32_t slot;
    std::uint32_t group = 0;  // inputs of one group should be adjacent
};

// A polygon that needed repair or could not be drawn at full detail (or, when no level needed full
// detail, that needed repair as simplified for a coarser level). `input` indexes the inputs.
struct MeshProblem {
    std::size_t input = 0;
    std::size_t polygon = 0;
    bool dropped = false;     // not drawn at all; otherwise drawn after a repair
    bool no_area = false;     // dropped because it has no area: nothing visible is lost
    bool simplified = false;  // found in the simplified polygon; the data may be valid
    std::string message;
};

// Triangulates every polygon (holes included) at each tolerance: 0 is full detail, a tolerance
// > 0 first simplifies the polygon (simplify.h) for coarse zoom levels, falling back to full
// detail for a polygon whose simplified form does not triangulate. See tessellate.h for how no
// polygon is lost. Work is spread over `threads` (0: every core). Problems are reported once, for
// full detail.
std::vector<MapMesh> build_meshes(const std::vector<MeshInput>& inputs, Vec2 origin,
                                  const std::vector<double>& tolerances,
                                  std::vector<MeshProblem>* problems = nullptr, unsigned threads = 0);
MapMesh build_mesh(const std::vector<MeshInput>& inputs, Vec2 origin, double tolerance,
                   std::vector<MeshProblem>* problems = nullptr);

// Adds a shape's lines (reference borders, rivers) as outline segments; polygon outlines come
// with build_meshes.
void add_lines(MapMesh& mesh, const Shape& shape, std::uint32_t slot);

}  // namespace chronomap

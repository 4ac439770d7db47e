#pragma once
// Triangle meshes built once at load from polygon shapes, for the GPU. Plain data: the renderer
// uploads it; colours live elsewhere (per feature), so a date change never rebuilds a mesh.

#include <cstdint>
#include <string>
#include <vector>

#include "geometry.h"

namespace chronomap {

struct MapMesh {
    Vec2 origin;                      // subtracted from every position to keep float precision
    std::vector<float> positions;     // x, y pairs relative to origin
    std::vector<std::uint32_t> feature;  // per vertex: the feature slot it belongs to
    std::vector<std::uint32_t> indices;  // three per triangle
    // Outlines as independent segments: x0, y0, x1, y1 relative to origin, and one slot each.
    std::vector<float> segments;
    std::vector<std::uint32_t> segment_feature;

    std::size_t triangle_count() const { return indices.size() / 3; }
    std::size_t vertex_count() const { return feature.size(); }
};

struct MeshInput {
    const Shape* shape;
    std::uint32_t slot;
};

// Triangulates every polygon (holes included) with GEOS's constrained Delaunay triangulation.
// tolerance > 0 first simplifies each polygon (topology-preserving) for coarse zoom levels.
// Polygons GEOS cannot triangulate are skipped and named in `problems`.
MapMesh build_mesh(const std::vector<MeshInput>& inputs, Vec2 origin, double tolerance,
                   std::vector<std::string>* problems = nullptr);

// Adds line work (reference borders, coasts) as outline segments.
void add_lines(MapMesh& mesh, const Shape& shape, std::uint32_t slot);

}  // namespace chronomap

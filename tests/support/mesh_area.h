#pragma once
// The area a mesh's triangles cover, in its own units: what the map fills.

#include <cmath>

#include "data/geometry/mesh.h"

namespace chronomap::test_support {

inline double mesh_area(const MapMesh& m) {
    double a = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const float* p0 = &m.positions[2 * m.indices[t]];
        const float* p1 = &m.positions[2 * m.indices[t + 1]];
        const float* p2 = &m.positions[2 * m.indices[t + 2]];
        a += std::abs((p1[0] - p0[0]) * (p2[1] - p0[1]) - (p2[0] - p0[0]) * (p1[1] - p0[1])) / 2;
    }
    return a;
}

}  // namespace chronomap::test_support

#pragma once
// Polygons that cannot be drawn as they are, found by triangulating them the way the map does,
// as located diagnostics (layer, feature id, part, the dates the shape is valid).

#include "data/model/atlas.h"
#include "data/validate/diagnostics.h"
#include "data/geometry/mesh.h"

namespace chronomap {

// A repaired polygon is a warning, one that could not be drawn an error.
Diagnostic mesh_diagnostic(const Layer& layer, const Feature& feature, const MeshProblem& problem);

// Triangulates every polygon of every layer at full detail (on every core) and adds a diagnostic
// for each that needed repair or could not be drawn. Returns the number of polygons checked.
std::size_t check_geometry(const Atlas& atlas, Diagnostics& diags);

}  // namespace chronomap

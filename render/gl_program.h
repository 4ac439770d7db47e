#pragma once
// Compiling and linking GLSL programs, with the driver's log on failure.

#include <string>

#include <epoxy/gl.h>

#include "data/support/result.h"

namespace chronomap::render {

// The linked program, or the driver's log (our fault: the shaders are ours).
Result<GLuint> link_program(const char* vertex_src, const char* fragment_src);

}  // namespace chronomap::render

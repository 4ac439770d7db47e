#pragma once
// Compiling and linking GLSL programs, with the driver's log on failure.

#include <string>

#include <epoxy/gl.h>

namespace chronomap::render {

// Returns 0 and fills error on failure.
GLuint link_program(const char* vertex_src, const char* fragment_src, std::string& error);

}  // namespace chronomap::render

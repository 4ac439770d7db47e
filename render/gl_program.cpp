#include "render/gl_program.h"

#include <vector>

namespace chronomap::render {
namespace {

// The info log of a shader or program (glGetShaderInfoLog / glGetProgramInfoLog).
template <typename GetIv, typename GetLog>
std::string info_log(GLuint object, GetIv get_iv, GetLog get_log) {
    GLint len = 0;
    get_iv(object, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> log(static_cast<std::size_t>(len) + 1);
    get_log(object, len, nullptr, log.data());
    return log.data();
}

Result<GLuint> compile(GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(s, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(s);
        return internal_error(std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log);
    }
    return s;
}

}  // namespace

Result<GLuint> link_program(const char* vertex_src, const char* fragment_src) {
    const Result<GLuint> vs = compile(GL_VERTEX_SHADER, vertex_src);
    if (!vs) return vs.failure();
    const Result<GLuint> fs = compile(GL_FRAGMENT_SHADER, fragment_src);
    if (!fs) {
        glDeleteShader(*vs);
        return fs.failure();
    }
    const GLuint p = glCreateProgram();
    glAttachShader(p, *vs);
    glAttachShader(p, *fs);
    glLinkProgram(p);
    glDeleteShader(*vs);
    glDeleteShader(*fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(p, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(p);
        return internal_error("link: " + log);
    }
    return p;
}

}  // namespace chronomap::render

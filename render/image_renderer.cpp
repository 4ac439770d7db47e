#include "render/image_renderer.h"

#include "render/gl_program.h"

namespace chronomap::render {
namespace {

// The quad's corner (0..1) placed from the image's lower left corner relative to the camera;
// rows run from the top, so the texture is read upside down.
constexpr const char* kVertex = R"(#version 330 core
layout(location = 0) in vec2 a_corner;
uniform vec2 u_corner;
uniform vec2 u_size;
uniform vec2 u_scale;
out vec2 v_uv;
void main() {
    v_uv = vec2(a_corner.x, 1.0 - a_corner.y);
    gl_Position = vec4((u_corner + a_corner * u_size) * u_scale, 0.0, 1.0);
}
)";

constexpr const char* kFragment = R"(#version 330 core
in vec2 v_uv;
uniform sampler2D u_image;
uniform float u_opacity;
out vec4 colour;
void main() {
    vec4 c = texture(u_image, v_uv);
    colour = vec4(c.rgb, c.a * u_opacity);
}
)";

}  // namespace

ImageRenderer::~ImageRenderer() {
    if (!textures_.empty()) glDeleteTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

Result<> ImageRenderer::init() {
    const Result<GLuint> program = link_program(kVertex, kFragment);
    if (!program) return program.failure();
    program_ = *program;
    u_corner_ = glGetUniformLocation(program_, "u_corner");
    u_size_ = glGetUniformLocation(program_, "u_size");
    u_scale_ = glGetUniformLocation(program_, "u_scale");
    u_opacity_ = glGetUniformLocation(program_, "u_opacity");
    u_image_ = glGetUniformLocation(program_, "u_image");
    const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glGenBuffers(1, &vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    return {};
}

int ImageRenderer::add(const std::uint8_t* rgba, int width, int height) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    textures_.push_back(texture);
    return static_cast<int>(textures_.size()) - 1;
}

void ImageRenderer::draw(int image, const ImageArea& area, const Camera& cam, float opacity) const {
    if (opacity <= 0 || image < 0 || static_cast<std::size_t>(image) >= textures_.size()) return;
    glUseProgram(program_);
    // Subtracted in double: display coordinates do not survive float.
    const float corner[2] = {static_cast<float>(area.min_x - cam.center_x), static_cast<float>(area.min_y - cam.center_y)};
    const float size[2] = {static_cast<float>(area.max_x - area.min_x), static_cast<float>(area.max_y - area.min_y)};
    const float scale[2] = {static_cast<float>(2.0 / (cam.units_per_pixel * cam.width)),
                            static_cast<float>(2.0 / (cam.units_per_pixel * cam.height))};
    glUniform2fv(u_corner_, 1, corner);
    glUniform2fv(u_size_, 1, size);
    glUniform2fv(u_scale_, 1, scale);
    glUniform1f(u_opacity_, opacity);
    glUniform1i(u_image_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, textures_[static_cast<std::size_t>(image)]);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

}  // namespace chronomap::render

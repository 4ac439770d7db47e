#include "render/map_renderer.h"

#include <algorithm>

#include "render/gl_program.h"
#include "render/shaders.h"

namespace chronomap::render {
namespace {

void rgba_floats(std::uint32_t c, float out[4]) {
    out[0] = static_cast<float>((c >> 24) & 0xFF) / 255.0f;
    out[1] = static_cast<float>((c >> 16) & 0xFF) / 255.0f;
    out[2] = static_cast<float>((c >> 8) & 0xFF) / 255.0f;
    out[3] = static_cast<float>(c & 0xFF) / 255.0f;
}

}  // namespace

void MapRenderer::release(GpuMesh& m) {
    for (auto& l : m.levels) {
        glDeleteVertexArrays(1, &l.fill_vao);
        glDeleteBuffers(2, l.fill_vbo);
        glDeleteBuffers(1, &l.fill_ibo);
        glDeleteVertexArrays(1, &l.line_vao);
        glDeleteBuffers(2, l.line_vbo);
    }
    m.levels.clear();
}

MapRenderer::~MapRenderer() {
    for (auto& m : meshes_) release(m);
    if (fill_program_) glDeleteProgram(fill_program_);
    if (line_program_) glDeleteProgram(line_program_);
}

Result<> MapRenderer::init() {
    const Result<GLuint> fill = link_program(shaders::kFillVertex, shaders::kFillFragment);
    if (!fill) return fill.failure();
    fill_program_ = *fill;
    const Result<GLuint> line = link_program(shaders::kLineVertex, shaders::kLineFragment);
    if (!line) return line.failure();
    line_program_ = *line;
    fill_u_ = Uniforms::of(fill_program_);
    line_u_ = Uniforms::of(line_program_);
    return {};
}

int MapRenderer::add_mesh(const std::vector<LodLevel>& levels) {
    meshes_.push_back(upload(levels));
    return static_cast<int>(meshes_.size()) - 1;
}

void MapRenderer::replace_mesh(int mesh, const std::vector<LodLevel>& levels) {
    GpuMesh& m = meshes_[static_cast<std::size_t>(mesh)];
    release(m);
    m = upload(levels);
}

MapRenderer::GpuMesh MapRenderer::upload(const std::vector<LodLevel>& levels) {
    GpuMesh gm;
    for (const auto& lvl : levels) {
        const MapMesh& m = lvl.mesh;
        GpuLevel g;
        g.tolerance = lvl.tolerance;
        g.origin_x = m.origin.x;
        g.origin_y = m.origin.y;
        g.triangles = m.triangle_count();
        glGenVertexArrays(1, &g.fill_vao);
        glBindVertexArray(g.fill_vao);
        glGenBuffers(2, g.fill_vbo);
        glBindBuffer(GL_ARRAY_BUFFER, g.fill_vbo[0]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.positions.size() * sizeof(float)),
                     m.positions.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindBuffer(GL_ARRAY_BUFFER, g.fill_vbo[1]);
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(m.feature.size() * sizeof(std::uint32_t)),
                     m.feature.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);
        glGenBuffers(1, &g.fill_ibo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.fill_ibo);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(m.indices.size() * sizeof(std::uint32_t)),
                     m.indices.data(), GL_STATIC_DRAW);
        g.index_count = static_cast<GLsizei>(m.indices.size());

        // One instance per segment (its two ends and its slot); the quad's corners come from
        // gl_VertexID, so a segment costs 20 bytes, not six vertices.
        const std::size_t nseg = m.segment_feature.size();
        glGenVertexArrays(1, &g.line_vao);
        glBindVertexArray(g.line_vao);
        glGenBuffers(2, g.line_vbo);
        glBindBuffer(GL_ARRAY_BUFFER, g.line_vbo[0]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.segments.size() * sizeof(float)),
                     m.segments.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, g.line_vbo[1]);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nseg * sizeof(std::uint32_t)),
                     m.segment_feature.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribDivisor(0, 1);
        glEnableVertexAttribArray(2);
        glVertexAttribDivisor(2, 1);
        g.line_vertex_count = static_cast<GLsizei>(nseg * 6);
        g.groups = m.groups;
        glBindVertexArray(0);
        gm.levels.push_back(g);
    }
    // Finest first, so that level_for can stop at the first level coarse enough.
    std::sort(gm.levels.begin(), gm.levels.end(),
              [](const GpuLevel& a, const GpuLevel& b) { return a.tolerance < b.tolerance; });
    return gm;
}

template <typename Draw>
void MapRenderer::for_visible(const std::vector<char>& visible, const GpuLevel& level, bool segments,
                              Draw draw) const {
    if (visible.empty() || level.groups.empty()) {
        draw(0u, segments ? static_cast<std::uint32_t>(level.line_vertex_count / 6)
                          : static_cast<std::uint32_t>(level.index_count));
        return;
    }
    // Adjacent visible groups are merged into one draw call.
    std::uint32_t first = 0, count = 0;
    for (const auto& g : level.groups) {
        const bool shown = g.id >= visible.size() || visible[g.id];
        const std::uint32_t f = segments ? g.first_segment : g.first_index;
        const std::uint32_t n = segments ? g.segment_count : g.index_count;
        if (!shown || n == 0) continue;
        if (count > 0 && first + count == f) {
            count += n;
            continue;
        }
        if (count > 0) draw(first, count);
        first = f;
        count = n;
    }
    if (count > 0) draw(first, count);
}

void MapRenderer::clear(std::uint32_t rgba) const {
    float c[4];
    rgba_floats(rgba, c);
    glClearColor(c[0], c[1], c[2], c[3]);
    glClear(GL_COLOR_BUFFER_BIT);
}

int MapRenderer::level_for(int mesh, const Camera& cam) const {
    const auto& levels = meshes_[static_cast<std::size_t>(mesh)].levels;
    int chosen = level_within_a_pixel(levels, cam.units_per_pixel);
    const auto empty = [&](int l) {
        const GpuLevel& g = levels[static_cast<std::size_t>(l)];
        return g.index_count == 0 && g.line_vertex_count == 0;
    };
    if (empty(chosen))
        for (int l = chosen - 1; l >= 0; --l)
            if (!empty(l)) return l;
    return chosen;
}

std::size_t MapRenderer::triangles_drawn(int mesh, const Camera& cam) const {
    return meshes_[static_cast<std::size_t>(mesh)]
        .levels[static_cast<std::size_t>(level_for(mesh, cam))]
        .triangles;
}

MapRenderer::Uniforms MapRenderer::Uniforms::of(GLuint p) {
    Uniforms u;
    auto at = [p](const char* name) { return glGetUniformLocation(p, name); };
    u.offset = at("u_offset");
    u.scale = at("u_scale");
    u.styles = at("u_styles");
    u.styles_width = at("u_styles_width");
    u.flat = at("u_flat");
    u.flat_colour = at("u_flat_colour");
    u.pattern_px = at("u_pattern_px");
    u.frag_origin = at("u_frag_origin");
    u.viewport = at("u_viewport");
    u.width_px = at("u_width_px");
    u.highlight_px = at("u_highlight_px");
    u.mode = at("u_mode");
    u.colour = at("u_colour");
    u.hide_unfilled = at("u_hide_unfilled");
    return u;
}

void MapRenderer::set_camera_uniforms(const Uniforms& u, const GpuLevel& level, const PaneStyle& pane,
                                      const Camera& cam) const {
    // Subtract in double: display coordinates (metres in Web Mercator) do not survive float.
    const float offset[2] = {static_cast<float>(level.origin_x - cam.center_x),
                             static_cast<float>(level.origin_y - cam.center_y)};
    const float scale[2] = {static_cast<float>(2.0 / (cam.units_per_pixel * cam.width)),
                            static_cast<float>(2.0 / (cam.units_per_pixel * cam.height))};
    glUniform2fv(u.offset, 1, offset);
    glUniform2fv(u.scale, 1, scale);
    glUniform1i(u.styles, 0);
    glUniform1i(u.styles_width, pane.texture_width());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, pane.texture());
}

void MapRenderer::draw_fill(int mesh, const PaneStyle& pane, const Camera& cam, std::uint32_t flat_rgba) const {
    const GpuMesh& gm = meshes_[static_cast<std::size_t>(mesh)];
    const GpuLevel& l = gm.levels[static_cast<std::size_t>(level_for(mesh, cam))];
    glUseProgram(fill_program_);
    set_camera_uniforms(fill_u_, l, pane, cam);
    float c[4];
    rgba_floats(flat_rgba, c);
    glUniform1i(fill_u_.flat, flat_rgba != 0);
    glUniform4fv(fill_u_.flat_colour, 1, c);
    glUniform1f(fill_u_.pattern_px, pattern_px_);
    glUniform2fv(fill_u_.frag_origin, 1, frag_origin_);
    // Fills are opaque (a transparent style is discarded in the shader): no blending, which on
    // llvmpipe saves reading the framebuffer back for every covered pixel.
    glDisable(GL_BLEND);
    glBindVertexArray(l.fill_vao);
    for_visible(pane.visible(mesh), l, false, [](std::uint32_t first, std::uint32_t count) {
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
    });
    glBindVertexArray(0);
}

void MapRenderer::draw_lines(int mesh, const PaneStyle& pane, const Camera& cam, float width_px, float extra_px,
                             std::uint32_t rgba, LineMode mode, bool hide_unfilled) const {
    const GpuMesh& gm = meshes_[static_cast<std::size_t>(mesh)];
    const GpuLevel& l = gm.levels[static_cast<std::size_t>(level_for(mesh, cam))];
    glUseProgram(line_program_);
    set_camera_uniforms(line_u_, l, pane, cam);
    float c[4];
    rgba_floats(rgba, c);
    const float viewport[2] = {static_cast<float>(cam.width), static_cast<float>(cam.height)};
    glUniform2fv(line_u_.viewport, 1, viewport);
    glUniform1f(line_u_.width_px, width_px);
    glUniform1f(line_u_.highlight_px, extra_px);
    glUniform1i(line_u_.mode, static_cast<int>(mode));
    // Highlights and claims are all-zero on hidden slots anyway.
    glUniform1i(line_u_.hide_unfilled, hide_unfilled || mode != LineMode::Plain);
    glUniform4fv(line_u_.colour, 1, c);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(l.line_vao);
    // GL 3.3 has no base instance: each run points the instance attributes at its first segment.
    for_visible(pane.visible(mesh), l, true, [&](std::uint32_t first, std::uint32_t count) {
        glBindBuffer(GL_ARRAY_BUFFER, l.line_vbo[0]);
        glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0,
                              reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * 4 * sizeof(float)));
        glBindBuffer(GL_ARRAY_BUFFER, l.line_vbo[1]);
        glVertexAttribIPointer(2, 1, GL_UNSIGNED_INT, 0,
                               reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
        glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(count));
    });
    glBindVertexArray(0);
}

void MapRenderer::draw_outlines(int mesh, const PaneStyle& pane, const Camera& cam, float width_px,
                                std::uint32_t rgba, bool hide_unfilled) const {
    draw_lines(mesh, pane, cam, width_px, 0, rgba, LineMode::Plain, hide_unfilled);
}

void MapRenderer::draw_highlights(int mesh, const PaneStyle& pane, const Camera& cam, float extra_px,
                                  std::uint32_t rgba) const {
    if (pane.any_highlight()) draw_lines(mesh, pane, cam, 0, extra_px, rgba, LineMode::Highlighted, true);
}

void MapRenderer::draw_claims(int mesh, const PaneStyle& pane, const Camera& cam, float width_px) const {
    if (pane.any_claim()) draw_lines(mesh, pane, cam, width_px, 0, 0, LineMode::Claimed, true);
}

}  // namespace chronomap::render

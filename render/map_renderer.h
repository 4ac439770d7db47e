#pragma once
// Draws map meshes with OpenGL 3.3 core. Geometry is uploaded once per mesh; styles (colours,
// patterns, highlights) and the shapes shown are a PaneStyle given to each draw, so recolouring
// uploads a few bytes per feature and no geometry, and two maps (window and export, or the two
// dates of a comparison) share one upload. The same object draws to the window and to exports.

#include <cstdint>
#include <string>
#include <vector>

#include <epoxy/gl.h>

#include "data/support/result.h"
#include "render/draw_data.h"
#include "data/geometry/mesh.h"
#include "render/pane_style.h"

namespace chronomap::render {

// A mesh at several levels of detail; the renderer picks one per frame from the camera.
struct LodLevel {
    double tolerance;  // simplification tolerance in display units (0 = full detail)
    MapMesh mesh;
};

// The coarsest level whose simplification stays under about a pixel; levels run from full detail
// (tolerance 0) to coarse. Works on anything with a `tolerance` (LodLevel, the renderer's levels).
template <typename Levels>
int level_within_a_pixel(const Levels& levels, double units_per_pixel) {
    int chosen = 0;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].tolerance <= units_per_pixel) chosen = static_cast<int>(i);
    return chosen;
}

class MapRenderer {
  public:
    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Needs a current GL 3.3 core context. Fails with the driver's log if the shaders do.
    Result<> init();

    // Uploads a mesh (all its levels); returns its handle.
    int add_mesh(const std::vector<LodLevel>& levels);
    // Uploads new geometry under an existing handle (shapes that change with the date).
    void replace_mesh(int mesh, const std::vector<LodLevel>& levels);

    void clear(std::uint32_t rgba) const;
    // Per-feature styled fill, or a flat colour when flat_rgba != 0.
    void draw_fill(int mesh, const PaneStyle& pane, const Camera& cam, std::uint32_t flat_rgba = 0) const;
    // Outlines in one colour; with hide_unfilled, only those of slots whose fill is shown.
    void draw_outlines(int mesh, const PaneStyle& pane, const Camera& cam, float width_px, std::uint32_t rgba,
                       bool hide_unfilled = false) const;
    // Outlines of highlighted features only, widened by highlight * extra_px.
    void draw_highlights(int mesh, const PaneStyle& pane, const Camera& cam, float extra_px,
                         std::uint32_t rgba) const;
    // Outlines of claimed features, in each feature's claim colour.
    void draw_claims(int mesh, const PaneStyle& pane, const Camera& cam, float width_px) const;

    void set_pattern_scale(float px) { pattern_px_ = px; }
    // Offset of the current framebuffer inside a larger tiled image, in pixels.
    void set_frag_origin(float x, float y) {
        frag_origin_[0] = x;
        frag_origin_[1] = y;
    }
    // The level drawn for this camera: level_within_a_pixel, or the nearest finer level when that
    // one has no geometry (levels built on demand: a finer one built already serves as well).
    int level_for(int mesh, const Camera& cam) const;
    std::size_t triangles_drawn(int mesh, const Camera& cam) const;

  private:
    struct GpuLevel {
        double tolerance = 0;
        GLuint fill_vao = 0, fill_vbo[2] = {0, 0}, fill_ibo = 0;
        GLsizei index_count = 0;
        GLuint line_vao = 0, line_vbo[2] = {0, 0};  // segment ends, slots (per instance)
        GLsizei line_vertex_count = 0;
        double origin_x = 0, origin_y = 0;
        std::size_t triangles = 0;
        std::vector<MapMesh::Group> groups;
    };
    struct GpuMesh {
        std::vector<GpuLevel> levels;
    };
    // Calls draw(first, count) for each run of visible groups (index or segment ranges).
    template <typename Draw>
    void for_visible(const std::vector<char>& visible, const GpuLevel& level, bool segments, Draw draw) const;
    // Uniform locations, looked up once per program at init (-1 where a program lacks one).
    struct Uniforms {
        GLint offset = -1, scale = -1, styles = -1, styles_width = -1;
        GLint flat = -1, flat_colour = -1, pattern_px = -1, frag_origin = -1;
        GLint viewport = -1, width_px = -1, highlight_px = -1, mode = -1, colour = -1;
        GLint hide_unfilled = -1;
        static Uniforms of(GLuint program);
    };
    static GpuMesh upload(const std::vector<LodLevel>& levels);
    static void release(GpuMesh& mesh);
    void set_camera_uniforms(const Uniforms& u, const GpuLevel& level, const PaneStyle& pane,
                             const Camera& cam) const;
    enum class LineMode { Plain = 0, Highlighted = 1, Claimed = 2 };  // u_mode in the line shaders
    void draw_lines(int mesh, const PaneStyle& pane, const Camera& cam, float width_px, float extra_px,
                    std::uint32_t rgba, LineMode mode, bool hide_unfilled) const;

    GLuint fill_program_ = 0;
    GLuint line_program_ = 0;
    Uniforms fill_u_, line_u_;
    float pattern_px_ = 4.0f;
    float frag_origin_[2] = {0, 0};
    std::vector<GpuMesh> meshes_;
};

}  // namespace chronomap::render

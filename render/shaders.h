#pragma once
// GLSL 3.30 core sources for the map.

namespace chronomap::render::shaders {

// Positions are relative to the mesh origin; u_offset = origin - camera centre (computed in double
// on the CPU), u_scale maps display units to clip space.
// Styles live in a texture: per slot, row 0 fill, row 1 pattern colour, row 2 (pattern, highlight),
// row 3 the colour of a claim on the feature (alpha 0: none).
// They are fetched per vertex and passed flat: per-fragment fetches cost too much on llvmpipe.
inline constexpr const char* kFillVertex = R"(#version 330 core
layout(location = 0) in vec2 a_pos;
layout(location = 1) in uint a_slot;
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform sampler2D u_styles;
uniform int u_styles_width;
flat out vec4 v_fill;
flat out vec4 v_pattern_colour;
flat out int v_pattern;
vec4 style(int row) {
    int s = int(a_slot);
    return texelFetch(u_styles, ivec2(s % u_styles_width, (s / u_styles_width) * 4 + row), 0);
}
void main() {
    v_fill = style(0);
    v_pattern_colour = style(1);
    v_pattern = int(style(2).r * 255.0 + 0.5);
    gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
}
)";

// Patterns are drawn in screen space so that they keep their size when zooming.
inline constexpr const char* kFillFragment = R"(#version 330 core
flat in vec4 v_fill;
flat in vec4 v_pattern_colour;
flat in int v_pattern;
uniform float u_pattern_px;
uniform vec2 u_frag_origin;  // where this framebuffer sits in a tiled image, so patterns line up
uniform bool u_flat;
uniform vec4 u_flat_colour;
out vec4 frag;
void main() {
    if (u_flat) { frag = u_flat_colour; return; }
    if (v_fill.a <= 0.0) discard;
    if (v_pattern == 0) { frag = v_fill; return; }
    vec2 p = (gl_FragCoord.xy + u_frag_origin) / u_pattern_px;
    float mask = 0.0;
    if (v_pattern == 1) {            // diagonal hatching
        mask = step(0.72, fract((p.x + p.y) * 0.5));
    } else if (v_pattern == 2) {     // dots
        vec2 c = fract(p * 0.5) - 0.5;
        mask = step(length(c), 0.22);
    } else if (v_pattern == 3) {     // cross-hatching
        mask = max(step(0.8, fract((p.x + p.y) * 0.5)), step(0.8, fract((p.x - p.y) * 0.5)));
    } else if (v_pattern == 4) {     // horizontal stripes
        mask = step(0.7, fract(p.y * 0.5));
    } else if (v_pattern == 5) {     // a change under way: large squares of the colour before, a
        // checkerboard nothing else on the map resembles (hatching marks autonomy)
        mask = abs(step(0.5, fract(p.x / 6.0)) - step(0.5, fract(p.y / 6.0)));
    }
    frag = vec4(mix(v_fill.rgb, v_pattern_colour.rgb, mask * v_pattern_colour.a), v_fill.a);
}
)";

// Outlines: each segment is one instance drawn as a quad of six vertices, widened in screen space
// so that lines keep a constant width in pixels. The corner comes from gl_VertexID: x picks the
// end (0 or 1), y the side (-1 or 1).
inline constexpr const char* kLineVertex = R"(#version 330 core
layout(location = 0) in vec4 a_segment;
layout(location = 2) in uint a_slot;
const vec2 kCorners[6] = vec2[6](vec2(0, -1), vec2(1, -1), vec2(1, 1), vec2(0, -1), vec2(1, 1), vec2(0, 1));
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform float u_width_px;
uniform float u_highlight_px;
uniform sampler2D u_styles;
uniform int u_styles_width;
uniform int u_mode;  // 0 plain, 1 highlighted features only, 2 claimed features only
uniform bool u_hide_unfilled;  // segments of slots without a fill (shapes not shown) are skipped
flat out float v_highlight;
flat out vec4 v_claim;
flat out int v_edge;  // territory borders: 0 exact, 1 approximate (soft), 2 schematic (dashed)
out float v_side;     // -1 .. 1 across the line
out float v_along;    // pixels from the segment's start
void main() {
    vec2 p0 = (a_segment.xy + u_offset) * u_scale;
    vec2 p1 = (a_segment.zw + u_offset) * u_scale;
    vec2 d = (p1 - p0) * u_viewport * 0.5;
    float len = length(d);
    vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float h = 0.0;
    v_claim = vec4(0.0);
    int s = int(a_slot);
    ivec2 at = ivec2(s % u_styles_width, (s / u_styles_width) * 4);
    v_edge = 0;
    v_side = 0.0;
    v_along = 0.0;
    if (u_hide_unfilled && texelFetch(u_styles, at, 0).a <= 0.0) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: nothing drawn
        v_highlight = 0.0;
        v_claim = vec4(0.0);
        return;
    }
    if (u_mode == 0 && u_hide_unfilled) v_edge = int(texelFetch(u_styles, at + ivec2(0, 2), 0).b * 255.0 + 0.5);
    if (u_mode != 0) {
        h = texelFetch(u_styles, at + ivec2(0, 2), 0).g;
        if (u_mode == 2) v_claim = texelFetch(u_styles, at + ivec2(0, 3), 0);
    }
    if (u_mode != 1) h = 0.0;
    v_highlight = h;
    float half_width = 0.5 * (u_width_px + h * u_highlight_px);
    if (v_edge == 1) half_width *= 2.5;  // soft: wider, fading to nothing at its sides
    vec2 a_corner = kCorners[gl_VertexID];
    v_side = a_corner.y;
    v_along = a_corner.x * len;
    vec2 p = mix(p0, p1, a_corner.x);
    vec2 px = normal * a_corner.y * half_width + dir * (a_corner.x * 2.0 - 1.0) * half_width;
    gl_Position = vec4(p + px * 2.0 / u_viewport, 0.0, 1.0);
}
)";

inline constexpr const char* kLineFragment = R"(#version 330 core
flat in float v_highlight;
flat in vec4 v_claim;
flat in int v_edge;
in float v_side;
in float v_along;
uniform vec4 u_colour;
uniform int u_mode;
uniform float u_width_px;
out vec4 frag;
void main() {
    if (u_mode == 1) {
        if (v_highlight <= 0.0) discard;
        frag = vec4(u_colour.rgb, u_colour.a * v_highlight);
    } else if (u_mode == 2) {
        if (v_claim.a <= 0.0) discard;
        frag = v_claim;
    } else {
        frag = u_colour;
        if (v_edge == 2 && fract(v_along / (5.0 * u_width_px)) > 0.55) discard;
        if (v_edge == 1) frag.a *= 0.85 * (1.0 - smoothstep(0.1, 1.0, abs(v_side)));
    }
}
)";

}  // namespace chronomap::render::shaders

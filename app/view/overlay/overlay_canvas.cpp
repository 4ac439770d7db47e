#include "app/view/overlay/overlay_canvas.h"

#include <epoxy/gl.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace chronomap {
namespace {

// Makes `ctx` current for a scope and puts the previous context back.
struct UseContext {
    ImGuiContext* previous;
    explicit UseContext(ImGuiContext* ctx) : previous(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(ctx);
    }
    ~UseContext() { ImGui::SetCurrentContext(previous); }
    UseContext(const UseContext&) = delete;
    UseContext& operator=(const UseContext&) = delete;
};

}  // namespace

OverlayCanvas::~OverlayCanvas() {
    if (!ctx_) return;
    {
        UseContext use(ctx_);
        if (backend_) ImGui_ImplOpenGL3_Shutdown();
    }
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::DestroyContext(ctx_);
    if (previous != ctx_) ImGui::SetCurrentContext(previous);
}

Result<> OverlayCanvas::init(float scale, const std::string* glyphs) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(previous);
    UseContext use(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    fonts_ = build_fonts(*io.Fonts, scale, glyphs);
    backend_ = ImGui_ImplOpenGL3_Init("#version 330");
    if (!backend_) return internal_error("the overlay renderer could not start (ImGui OpenGL 3 backend)");
    return {};
}

ImDrawList* OverlayCanvas::begin(int width, int height) {
    UseContext use(ctx_);
    width_ = width;
    height_ = height;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    return ImGui::GetBackgroundDrawList();
}

void OverlayCanvas::end() {
    UseContext use(ctx_);
    ImGui::Render();
}

void OverlayCanvas::render_tile(int x, int y, int w, int h) {
    UseContext use(ctx_);
    ImDrawData* data = ImGui::GetDrawData();
    if (!data) return;
    // The backend projects DisplayPos..DisplayPos+DisplaySize onto the framebuffer: a tile is a
    // window onto the whole image.
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize;
    data->DisplayPos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    data->DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    ImGui_ImplOpenGL3_RenderDrawData(data);
    data->DisplayPos = pos;
    data->DisplaySize = size;
}

}  // namespace chronomap

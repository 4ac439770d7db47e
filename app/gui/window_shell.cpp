#include "app/gui/window_shell.h"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>

#include "app/gui/window_icon.h"

namespace chronomap::gui {

Result<std::unique_ptr<WindowShell>> WindowShell::open(int width, int height) {
    if (!glfwInit())
        return internal_error("cannot open a window (is a display available?). Images can be made without one: "
                              "chronomap export ATLAS --date DATE --out FILE.png");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 4);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The class the desktop file's StartupWMClass names, so the desktop matches window and launcher.
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "chronomap");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "chronomap");
    GLFWwindow* window =
        glfwCreateWindow(std::clamp(width, 640, 7680), std::clamp(height, 480, 4320), "Chronomap", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return internal_error("cannot create an OpenGL 3.3 window");
    }
    std::unique_ptr<WindowShell> shell(new WindowShell);
    shell->window_ = window;
    std::vector<std::uint8_t> icons[2] = {window_icon(32), window_icon(64)};
    const GLFWimage images[2] = {{32, 32, icons[0].data()}, {64, 64, icons[1].data()}};
    glfwSetWindowIcon(window, 2, images);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(window, shell.get());
    glfwSetDropCallback(window, [](GLFWwindow* w, int n, const char** paths) {
        auto* self = static_cast<WindowShell*>(glfwGetWindowUserPointer(w));
        for (int i = 0; i < n; ++i) self->dropped_.emplace_back(paths[i]);
    });
    // Set before ImGui's backend, which calls it after its own: every press reaches the queue,
    // including one released before the next frame.
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
        auto* self = static_cast<WindowShell*>(glfwGetWindowUserPointer(w));
        if (action == GLFW_PRESS || action == GLFW_REPEAT) self->keys_.push_back({key, mods});
    });
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout lives in our settings file
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    return shell;
}

WindowShell::~WindowShell() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool WindowShell::should_close() const { return glfwWindowShouldClose(window_); }

void WindowShell::close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void WindowShell::wait_for_events(bool busy) {
    if (busy)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(0.25);
}

double WindowShell::seconds() const { return glfwGetTime(); }

void WindowShell::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void WindowShell::framebuffer_size(int& width, int& height) const { glfwGetFramebufferSize(window_, &width, &height); }

float WindowShell::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::clamp(x, 1.0f, 4.0f);
}

void WindowShell::swap() { glfwSwapBuffers(window_); }

std::vector<std::string> WindowShell::take_dropped() { return std::exchange(dropped_, {}); }

std::vector<KeyPress> WindowShell::take_keys() { return std::exchange(keys_, {}); }

void WindowShell::toggle_fullscreen() {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!fullscreen_ && monitor) {
        glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
        glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], 0);
    }
    fullscreen_ = !fullscreen_;
}

void WindowShell::windowed_size(int& width, int& height) const {
    if (fullscreen_) {
        width = windowed_[2];
        height = windowed_[3];
    } else {
        glfwGetWindowSize(window_, &width, &height);
    }
}

}  // namespace chronomap::gui

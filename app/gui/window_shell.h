#pragma once
// The desktop window and what comes with it: GLFW, its OpenGL 3.3 context, ImGui's backends, the
// files dropped onto it and full screen. The window loop asks it for events and frames; nothing
// else in the program touches GLFW.

#include <memory>
#include <string>
#include <vector>

#include "app/gui/key_press.h"
#include "data/support/result.h"

struct GLFWwindow;

namespace chronomap::gui {

class WindowShell {
  public:
    // Opens a window of the given size (clamped to what fits a screen), current on this thread,
    // with ImGui ready to draw into it; fails when there is no display or no OpenGL 3.3.
    static Result<std::unique_ptr<WindowShell>> open(int width, int height);
    ~WindowShell();  // ImGui's backends, the window, GLFW
    WindowShell(const WindowShell&) = delete;
    WindowShell& operator=(const WindowShell&) = delete;

    bool should_close() const;
    void close();
    // Handles pending events; when `busy` is false, sleeps until one comes (or a quarter second).
    void wait_for_events(bool busy);
    double seconds() const;  // since GLFW started
    // Starts ImGui's frame for this window.
    void new_frame();
    void framebuffer_size(int& width, int& height) const;
    // The monitor's scale for text and controls (1 to 4).
    float content_scale() const;
    void swap();
    // Paths dropped onto the window since the last call.
    std::vector<std::string> take_dropped();
    // Keys pressed (and repeated) since the last call, in order.
    std::vector<KeyPress> take_keys();
    // Full screen on the primary monitor, or back to the window it was.
    void toggle_fullscreen();
    // The window's size when not full screen, to remember for the next start.
    void windowed_size(int& width, int& height) const;

  private:
    WindowShell() = default;
    GLFWwindow* window_ = nullptr;
    std::vector<std::string> dropped_;
    std::vector<KeyPress> keys_;
    bool fullscreen_ = false;
    int windowed_[4] = {100, 100, 1600, 900};  // x, y, width, height before full screen
};

}  // namespace chronomap::gui

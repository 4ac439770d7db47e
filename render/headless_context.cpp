#include "render/headless_context.h"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

namespace chronomap::render {

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
    auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (!get_platform_display) {
        return internal_error("EGL has no eglGetPlatformDisplayEXT (install Mesa's libegl-mesa0)");
    }
    EGLDisplay display = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    EGLint major = 0, minor = 0;
    if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) {
        return internal_error("cannot open Mesa's surfaceless EGL display (install libegl-mesa0 and libgl1-mesa-dri)");
    }
    eglBindAPI(EGL_OPENGL_API);
    const EGLint config_attrs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    eglChooseConfig(display, config_attrs, &config, 1, &count);
    const EGLint context_attrs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                    EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext context = eglCreateContext(display, count ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, context_attrs);
    if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
        eglTerminate(display);
        return internal_error("cannot create an OpenGL 3.3 core context without a display");
    }
    std::unique_ptr<HeadlessContext> out(new HeadlessContext);
    out->display_ = display;
    out->context_ = context;
    return out;
}

HeadlessContext::~HeadlessContext() {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display_, context_);
    // No eglTerminate: EGL displays are per process and reference counted by nobody, and Mesa
    // unloads its driver on terminate, orphaning the driver's own caches (LeakSanitizer then
    // reports them with unreadable stacks). The display is reused by the next create().
}

bool HeadlessContext::make_current() {
    return eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_) == EGL_TRUE;
}

void HeadlessContext::release_current() { eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT); }

std::string HeadlessContext::renderer() const {
    return reinterpret_cast<const char*>(glGetString(GL_RENDERER));
}

}  // namespace chronomap::render

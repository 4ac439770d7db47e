#include "app/view/film/ffmpeg_library.h"

#include <dlfcn.h>

extern "C" {
#include <libavutil/macros.h>
}

namespace chronomap {

namespace {

// The Debian packages of these libraries (libavformat59 libswscale6 on Debian 12).
constexpr const char* kPackages = "libavformat" AV_STRINGIFY(
    LIBAVFORMAT_VERSION_MAJOR) " libswscale" AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR);

struct Loaded {
    Ffmpeg functions;
    std::string error;
};

Loaded load() {
    Loaded out;
    struct Library {
        const char* soname;
        void* handle;
    };
    Library avutil{"libavutil.so." AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR), nullptr},
        avcodec{"libavcodec.so." AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR), nullptr},
        avformat{"libavformat.so." AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR), nullptr},
        swscale{"libswscale.so." AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR), nullptr};
    for (Library* l : {&avutil, &avcodec, &avformat, &swscale}) {
        l->handle = ::dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
        if (!l->handle) {
            const char* why = ::dlerror();
            out.error = std::string("films need FFmpeg's ") + l->soname +
                        " (on Debian: apt-get install " + kPackages + ")" +
                        (why ? std::string(": ") + why : std::string());
            return out;
        }
    }
    Ffmpeg& f = out.functions;
#define CHRONOMAP_FFMPEG_FIND(library, name)                                      \
    f.name = reinterpret_cast<decltype(&::name)>(::dlsym(library.handle, #name)); \
    if (!f.name) {                                                                \
        out.error = std::string("FFmpeg's ") + library.soname + " has no " #name; \
        return out;                                                               \
    }
    CHRONOMAP_FFMPEG_FUNCTIONS(CHRONOMAP_FFMPEG_FIND)
#undef CHRONOMAP_FFMPEG_FIND
    return out;  // the libraries stay open for the life of the process
}

}  // namespace

Result<const Ffmpeg*> ffmpeg() {
    static const Loaded loaded = load();
    if (!loaded.error.empty()) return internal_error(loaded.error);
    return &loaded.functions;
}

}  // namespace chronomap

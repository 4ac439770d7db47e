#pragma once
// FFmpeg's libraries, opened when the first film is made rather than when the program starts:
// they bring some 80 shared libraries of their own (codecs, VA-API, X11), and loading them cost
// every command, films or not, about 30 ms. The functions are those of the headers Chronomap is
// built against, found in the libraries of the same major version.

#include <string>

#include "data/support/result.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace chronomap {

// X(library, function) for every FFmpeg function the film writer calls.
#define CHRONOMAP_FFMPEG_FUNCTIONS(X)           \
    X(avutil, av_d2q)                           \
    X(avutil, av_dict_free)                     \
    X(avutil, av_dict_set)                      \
    X(avutil, av_frame_alloc)                   \
    X(avutil, av_frame_free)                    \
    X(avutil, av_frame_get_buffer)              \
    X(avutil, av_frame_make_writable)           \
    X(avutil, av_log_set_level)                 \
    X(avutil, av_opt_set)                       \
    X(avutil, av_strerror)                      \
    X(avcodec, av_packet_alloc)                 \
    X(avcodec, av_packet_free)                  \
    X(avcodec, av_packet_rescale_ts)            \
    X(avcodec, avcodec_alloc_context3)          \
    X(avcodec, avcodec_find_encoder)            \
    X(avcodec, avcodec_find_encoder_by_name)    \
    X(avcodec, avcodec_free_context)            \
    X(avcodec, avcodec_open2)                   \
    X(avcodec, avcodec_parameters_from_context) \
    X(avcodec, avcodec_receive_packet)          \
    X(avcodec, avcodec_send_frame)              \
    X(avformat, av_interleaved_write_frame)     \
    X(avformat, av_write_trailer)               \
    X(avformat, avformat_alloc_output_context2) \
    X(avformat, avformat_free_context)          \
    X(avformat, avformat_new_stream)            \
    X(avformat, avformat_write_header)          \
    X(avformat, avio_closep)                    \
    X(avformat, avio_open)                      \
    X(swscale, sws_freeContext)                 \
    X(swscale, sws_getContext)                  \
    X(swscale, sws_scale)

struct Ffmpeg {
#define CHRONOMAP_FFMPEG_POINTER(library, name) decltype(&::name) name = nullptr;
    CHRONOMAP_FFMPEG_FUNCTIONS(CHRONOMAP_FFMPEG_POINTER)
#undef CHRONOMAP_FFMPEG_POINTER
};

// The libraries, opened on the first call (thread-safe), or what is missing (the system's fault:
// a package to install).
Result<const Ffmpeg*> ffmpeg();

}  // namespace chronomap

#include "tests/support/decode_video.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

namespace chronomap::test_support {

DecodedFilm decode_video(const std::string& path) {
    DecodedFilm out;
    AVFormatContext* fmt = nullptr;
    if (avformat_open_input(&fmt, path.c_str(), nullptr, nullptr) < 0) return out.error = "cannot open", out;
    avformat_find_stream_info(fmt, nullptr);
    const AVCodec* codec = nullptr;
    const int index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (index < 0 || !codec) {
        avformat_close_input(&fmt);
        return out.error = "no video stream", out;
    }
    for (const AVDictionaryEntry* e = nullptr; (e = av_dict_get(fmt->metadata, "", e, AV_DICT_IGNORE_SUFFIX));)
        out.metadata[e->key] = e->value;
    AVStream* st = fmt->streams[index];
    AVCodecContext* ctx = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(ctx, st->codecpar);
    avcodec_open2(ctx, codec, nullptr);
    out.width = ctx->width;
    out.height = ctx->height;
    out.fps = av_q2d(st->avg_frame_rate);
    out.codec = codec->name;
    SwsContext* sws = nullptr;
    AVPacket* pkt = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    auto drain = [&] {
        while (avcodec_receive_frame(ctx, frame) >= 0) {
            if (!sws)
                sws = sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), frame->width,
                                     frame->height, AV_PIX_FMT_RGBA, SWS_BILINEAR, nullptr, nullptr, nullptr);
            std::vector<std::uint8_t> rgba(static_cast<std::size_t>(frame->width) * frame->height * 4);
            std::uint8_t* dst[1] = {rgba.data()};
            const int stride[1] = {frame->width * 4};
            sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, stride);
            out.frames.push_back(std::move(rgba));
        }
    };
    while (av_read_frame(fmt, pkt) >= 0) {
        if (pkt->stream_index == index) {
            ++out.packets;
            while (avcodec_send_packet(ctx, pkt) == AVERROR(EAGAIN)) drain();
            drain();
        }
        av_packet_unref(pkt);
    }
    avcodec_send_packet(ctx, nullptr);
    drain();
    sws_freeContext(sws);
    av_frame_free(&frame);
    av_packet_free(&pkt);
    avcodec_free_context(&ctx);
    avformat_close_input(&fmt);
    return out;
}

}  // namespace chronomap::test_support

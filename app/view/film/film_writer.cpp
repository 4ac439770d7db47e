#include "app/view/film/film_writer.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "app/view/film/ffmpeg_library.h"
#include "data/formats/output_file.h"
#include "render/png_writer.h"

namespace chronomap {
namespace fs = std::filesystem;

namespace {

bool is_folder(const std::string& path) {
    std::error_code ec;
    return (!path.empty() && path.back() == '/') || fs::is_directory(path, ec);
}

bool is_frame_name(const std::string& name) {
    return name.size() == 16 && name.rfind("frame-", 0) == 0 && name.compare(12, 4, ".png") == 0 &&
           name.find_first_not_of("0123456789", 6) == 12;
}

}  // namespace

Result<> check_frame_folder(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        for (const auto& e : fs::directory_iterator(path, ec))
            if (!is_frame_name(e.path().filename().string()))
                return input_error("the folder " + path + " holds other files than PNG frames (" +
                                   e.path().filename().string() + "); name an empty or new folder");
    return {};
}

namespace {

// PNG frames are written into a folder of their own beside the target and moved into place when
// the film is finished, so a film killed half-way leaves no frames in the target to mix with the
// next film's, and a finished film's folder holds its frames alone.
struct FrameFolder {
    std::string target, temp;
    bool done = false;
    ~FrameFolder() {
        std::error_code ec;
        if (!done && !temp.empty()) fs::remove_all(temp, ec);
    }
    Result<> open(const std::string& path) {
        target = fs::path(path).lexically_normal().string();
        while (target.size() > 1 && target.back() == '/') target.pop_back();
        if (auto usable = check_frame_folder(target); !usable) return usable;
        std::error_code ec;
        temp = target + ".part" + std::to_string(::getpid());
        fs::remove_all(temp, ec);
        fs::create_directories(temp, ec);
        if (ec) return internal_error("cannot create the folder " + temp + ": " + ec.message());
        return {};
    }
    Result<> commit() {
        std::error_code ec;
        const std::string old = target + ".old" + std::to_string(::getpid());
        if (fs::exists(target, ec)) fs::rename(target, old, ec);
        if (ec) return internal_error("cannot replace " + target + ": " + ec.message());
        fs::rename(temp, target, ec);
        if (ec) return internal_error("cannot move the frames to " + target + ": " + ec.message());
        done = true;
        fs::remove_all(old, ec);
        return {};
    }
};

}  // namespace

struct FilmWriter::Impl {
    std::string path;
    int width = 0, height = 0, count = 0;
    bool folder = false;
    FrameFolder frames;
    std::unique_ptr<OutputFile> out;
    AVFormatContext* format = nullptr;
    AVCodecContext* codec = nullptr;
    AVStream* stream = nullptr;
    SwsContext* sws = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;
    bool header_written = false;
    std::unique_ptr<GifPalette> gif;
    const Ffmpeg* av = nullptr;  // opened with the first film

    std::string message(int err) const {
        char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
        av->av_strerror(err, buf, sizeof buf);
        return buf;
    }

    ~Impl() {
        if (!av) return;  // nothing of FFmpeg's was made
        if (packet) av->av_packet_free(&packet);
        if (frame) av->av_frame_free(&frame);
        if (sws) av->sws_freeContext(sws);
        if (codec) av->avcodec_free_context(&codec);
        if (format) {
            if (format->pb) av->avio_closep(&format->pb);
            av->avformat_free_context(format);
        }
    }

    // Sends a frame (nullptr: flush) and writes every packet the encoder gives back.
    Result<> encode(AVFrame* f) {
        int err = av->avcodec_send_frame(codec, f);
        if (err < 0) return internal_error("the encoder refused a frame: " + message(err));
        while ((err = av->avcodec_receive_packet(codec, packet)) >= 0) {
            // Every frame lasts one frame: without it MP4 gives the last one no duration and
            // players (and libavformat's edit list) drop it.
            if (packet->duration == 0) packet->duration = 1;
            av->av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            if ((err = av->av_interleaved_write_frame(format, packet)) < 0) return internal_error("cannot write the film: " + message(err));
        }
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return {};
        return internal_error("encoding failed: " + message(err));
    }
};

FilmWriter::FilmWriter() : impl_(std::make_unique<Impl>()) {}
FilmWriter::~FilmWriter() = default;

bool FilmWriter::known_format(const std::string& path) {
    const std::string ext = lower_extension(path);
    return ext == ".mp4" || ext == ".webm" || ext == ".gif" || is_folder(path);
}

int FilmWriter::frames() const { return impl_->count; }

GifPalette* FilmWriter::palette() { return impl_->gif.get(); }

Result<> FilmWriter::open(const std::string& path, int width, int height, double fps,
                          const std::map<std::string, std::string>& metadata) {
    Impl& m = *impl_;
    m.path = path;
    m.width = width;
    m.height = height;
    if (is_folder(path)) {
        m.folder = true;
        return m.frames.open(path);
    }
    const std::string ext = lower_extension(path);
    if (ext != ".mp4" && ext != ".webm" && ext != ".gif")
        return input_error("a film is .mp4, .webm, .gif or a folder for PNG frames, not '" + path + "'");
    if (width % 2 || height % 2)
        return input_error("video sizes must be even (" + std::to_string(width) + "x" + std::to_string(height) + ")");
    Result<OutputFile> out = OutputFile::open(path);
    if (!out) return out.failure();
    m.out = std::make_unique<OutputFile>(std::move(*out));
    const bool mp4 = ext == ".mp4", gif = ext == ".gif";
    const Result<const Ffmpeg*> loaded = ffmpeg();
    if (!loaded) return loaded.failure();
    m.av = *loaded;
    const Ffmpeg* av = m.av;
    av->av_log_set_level(AV_LOG_ERROR);  // x264's statistics are not the user's business
    const char* muxer = mp4 ? "mp4" : gif ? "gif" : "webm";
    if (av->avformat_alloc_output_context2(&m.format, nullptr, muxer, m.out->temp_path().c_str()) < 0)
        return internal_error("FFmpeg has no " + ext + " writer");
    const AVCodec* encoder = mp4   ? av->avcodec_find_encoder_by_name("libx264")
                             : gif ? av->avcodec_find_encoder(AV_CODEC_ID_GIF)
                                   : av->avcodec_find_encoder_by_name("libvpx-vp9");
    if (!encoder && !gif) encoder = av->avcodec_find_encoder(mp4 ? AV_CODEC_ID_H264 : AV_CODEC_ID_VP9);
    if (!encoder) return internal_error(std::string("FFmpeg has no ") + (mp4 ? "H.264" : gif ? "GIF" : "VP9") + " encoder");
    m.stream = av->avformat_new_stream(m.format, nullptr);
    m.codec = av->avcodec_alloc_context3(encoder);
    m.codec->width = width;
    m.codec->height = height;
    const AVRational rate = av->av_d2q(fps, 1001000);
    m.codec->time_base = av_inv_q(rate);
    m.codec->framerate = rate;
    m.codec->pix_fmt = gif ? AV_PIX_FMT_PAL8 : AV_PIX_FMT_YUV420P;
    m.codec->gop_size = static_cast<int>(fps * 2);
    // No B-frames: every frame decodes in order, so a film cut anywhere (or read by a slide
    // program's simple decoder) starts and ends on the frames that were rendered.
    m.codec->max_b_frames = 0;
    if (m.format->oformat->flags & AVFMT_GLOBALHEADER) m.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (gif) {
        m.gif = std::make_unique<GifPalette>();
    } else if (mp4) {
        av->av_opt_set(m.codec->priv_data, "preset", "veryfast", 0);
        av->av_opt_set(m.codec->priv_data, "crf", "20", 0);
    } else {
        av->av_opt_set(m.codec->priv_data, "deadline", "realtime", 0);
        av->av_opt_set(m.codec->priv_data, "cpu-used", "8", 0);
        av->av_opt_set(m.codec->priv_data, "row-mt", "1", 0);
        av->av_opt_set(m.codec->priv_data, "crf", "32", 0);
        m.codec->bit_rate = 0;
    }
    int err = av->avcodec_open2(m.codec, encoder, nullptr);
    if (err < 0) return internal_error("cannot start the encoder: " + m.message(err));
    av->avcodec_parameters_from_context(m.stream->codecpar, m.codec);
    m.stream->time_base = m.codec->time_base;
    for (const auto& [key, value] : metadata) av->av_dict_set(&m.format->metadata, key.c_str(), value.c_str(), 0);
    if ((err = av->avio_open(&m.format->pb, m.out->temp_path().c_str(), AVIO_FLAG_WRITE)) < 0)
        return internal_error("cannot write " + path + ": " + m.message(err));
    AVDictionary* options = nullptr;
    if (mp4) av->av_dict_set(&options, "movflags", "+faststart", 0);  // playable while it downloads
    err = av->avformat_write_header(m.format, &options);
    av->av_dict_free(&options);
    if (err < 0) return internal_error("cannot start the film: " + m.message(err));
    m.header_written = true;
    if (!gif)
        m.sws = av->sws_getContext(width, height, AV_PIX_FMT_RGBA, width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                               nullptr, nullptr, nullptr);
    m.frame = av->av_frame_alloc();
    m.packet = av->av_packet_alloc();
    if ((!gif && !m.sws) || !m.frame || !m.packet) return internal_error("out of memory for the film");
    m.frame->format = m.codec->pix_fmt;
    m.frame->width = width;
    m.frame->height = height;
    if (av->av_frame_get_buffer(m.frame, 0) < 0) return internal_error("out of memory for the film");
    return {};
}

Result<> FilmWriter::add_frame(const std::vector<std::uint8_t>& rgba) {
    Impl& m = *impl_;
    if (rgba.size() != static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.height) * 4)
        return internal_error("a frame of the wrong size");
    if (m.folder) {
        char name[32];
        std::snprintf(name, sizeof name, "frame-%06d.png", m.count + 1);
        Result<> written = render::write_png((fs::path(m.frames.temp) / name).string(), m.width, m.height, rgba, {});
        if (written) ++m.count;
        return written;
    }
    const Ffmpeg* av = m.av;
    if (av->av_frame_make_writable(m.frame) < 0) return internal_error("out of memory for the film");
    if (m.gif) {
        if (!m.gif->built()) m.gif->build();  // from what was sampled, else a colour cube
        std::vector<std::uint8_t> indices(static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.height));
        m.gif->map(rgba, indices.data());
        for (int y = 0; y < m.height; ++y)
            std::memcpy(m.frame->data[0] + static_cast<std::ptrdiff_t>(y) * m.frame->linesize[0],
                        indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m.width),
                        static_cast<std::size_t>(m.width));
        std::memcpy(m.frame->data[1], m.gif->argb().data(), 256 * 4);
        m.frame->pts = m.count++;
        return m.encode(m.frame);
    }
    const std::uint8_t* src[1] = {rgba.data()};
    const int stride[1] = {m.width * 4};
    av->sws_scale(m.sws, src, stride, 0, m.height, m.frame->data, m.frame->linesize);
    m.frame->pts = m.count++;
    return m.encode(m.frame);
}

Result<> FilmWriter::finish() {
    Impl& m = *impl_;
    if (m.folder) return m.frames.commit();
    if (!m.header_written) return internal_error("the film was not started");
    if (auto flushed = m.encode(nullptr); !flushed) return flushed;
    int err = m.av->av_write_trailer(m.format);
    if (err < 0) return internal_error("cannot finish the film: " + m.message(err));
    m.av->avio_closep(&m.format->pb);
    return m.out->commit();
}

}  // namespace chronomap

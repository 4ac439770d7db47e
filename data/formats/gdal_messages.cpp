#include "data/formats/gdal_messages.h"

#include <mutex>

#include <gdal_priv.h>

#include "data/load/credentials.h"
#include "data/load/loader_parts.h"

namespace chronomap::detail {

namespace {

thread_local GdalMessages* t_sink = nullptr;

void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* text) {
    if (t_sink && level != CE_Debug && level != CE_None) t_sink->add(level, text ? text : "");
}

constexpr std::size_t kKept = 1000;
constexpr std::size_t kReported = 20;

}  // namespace

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(collect);
        // GeoJSON objects above 200 MB were refused with only "Failed to read GeoJSON data".
        if (!CPLGetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", nullptr)) CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
        GDALAllRegister();
    });
}

GdalMessages::GdalMessages() : previous_(t_sink) {
    ensure_gdal();
    CPLErrorReset();
    t_sink = this;
}

GdalMessages::~GdalMessages() { t_sink = previous_; }

void GdalMessages::add(CPLErr level, const char* text) {
    // libpq's messages come in lines; they read as one.
    std::string one_line = text ? text : "";
    for (char& c : one_line)
        if (c == '\n') c = ' ';
    while (!one_line.empty() && one_line.back() == ' ') one_line.pop_back();
    std::string shown = scrub_passwords(printable(one_line, 500));
    if (!messages_.empty() && messages_.back().text == shown) return;  // GDAL often repeats itself
    if (messages_.size() < kKept) messages_.push_back({level, std::move(shown)});
    else ++dropped_;
}

std::string GdalMessages::last_error() const {
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it)
        if (it->level >= CE_Failure) return it->text;
    return "no further detail from GDAL";
}

void GdalMessages::report(Diagnostics& diags, const std::string& file, const std::string& layer) {
    std::size_t shown = 0;
    for (const auto& m : messages_) {
        if (shown++ == kReported) break;
        diags.feature_problem(m.level >= CE_Failure ? Severity::Error : Severity::Warning, {file}, layer, {},
                              "GDAL: " + m.text);
    }
    const std::size_t more = messages_.size() + dropped_ - std::min(messages_.size(), kReported);
    if (more > 0)
        diags.feature_problem(Severity::Warning, {file}, layer, {},
                              "GDAL reported " + std::to_string(more) + " more problems like these");
    messages_.clear();
    dropped_ = 0;
}

}  // namespace chronomap::detail

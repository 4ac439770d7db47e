// File > Export animation: the same choices as `chronomap animate`, a progress bar with the time
// left, and Cancel. The film is made a few frames per window frame (App::poll_film).

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <iterator>

#include <imgui.h>

#include "app/view/overlay/i18n.h"
#include "app/gui/panels.h"
#include "data/time/film_plan.h"
#include "data/time/playback.h"

namespace chronomap::gui {
namespace {

struct FilmSize {
    const char* name;
    int w, h;
};
constexpr FilmSize kSizes[] = {{"1280 x 720", 1280, 720}, {"1920 x 1080", 1920, 1080}, {"854 x 480", 854, 480}};
constexpr const char* kFormats[] = {"MP4 (H.264)", "WebM (VP9)", "GIF", N_("Folder of PNG frames")};
constexpr const char* kExtensions[] = {".mp4", ".webm", ".gif", "-frames/"};
constexpr int kRates[] = {24, 25, 30, 60};

// A date typed into a field: the parsed date, or the field's problem shown under it.
bool date_field(const char* label, char* buf, std::size_t size, Date& out, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(label, buf, size);
    const auto r = parse_date(buf);
    if (r.date) out = *r.date;
    return r.date.has_value();
}

std::string time_left(const App& a) {
    const FilmJob& job = *a.film_job;
    const int done = job.frames_done(), total = job.frames_total();
    char text[96];
    if (const auto left = film_seconds_left(done, total, a.now - a.film_started))
        std::snprintf(text, sizeof text, _("frame %d of %d, about %.0f s left"), done, total, std::ceil(*left));
    else
        std::snprintf(text, sizeof text, _("frame %d of %d"), done, total);
    return text;
}

}  // namespace

void draw_film_dialog(PanelContext& c) {
    App& a = c.app;
    FilmDialogState& f = a.panels.film_dialog;
    // Plain references, not a structured binding: the lambdas below use them, which clang 14
    // (the fuzzers' compiler) does not allow for bindings.
    char(&from)[32] = f.from;
    char(&to)[32] = f.to;
    char(&name)[1024] = f.file_name;
    std::string& chosen_name = f.chosen_name;
    float& chosen_speed = f.chosen_speed;
    int &size = f.size, &format = f.format, &rate = f.rate, &pacing = f.pacing;
    float &years_per_second = f.years_per_second, &per_event = f.per_event, &hold_start = f.hold_start,
          &hold_end = f.hold_end;
    bool& on_screen = f.on_screen;
    OverlayOptions& overlays = f.overlays;
    // The file name and the steady speed follow the dates and the format, unless the user chose
    // their own.
    auto follow_dates = [&](Date first, Date last) {
        if (chosen_name == name) {
            const std::string file = default_file_name(a, "VIDEOS", "-" + first.iso() + "-" + last.iso() + kExtensions[format]);
            std::snprintf(name, sizeof name, "%s", file.c_str());
            chosen_name = name;
        }
        if (chosen_speed == years_per_second) {
            years_per_second = static_cast<float>(default_years_per_second(first, last) * 2);
            chosen_speed = years_per_second;
        }
    };
    if (a.film_dialog_open && !ImGui::IsPopupOpen(_("Export animation"))) {
        ImGui::OpenPopup(_("Export animation"));
        std::snprintf(from, sizeof from, "%s", a.doc->atlas().start.iso().c_str());
        std::snprintf(to, sizeof to, "%s", a.doc->atlas().end.iso().c_str());
        chosen_name = name;
        chosen_speed = years_per_second;
        follow_dates(a.doc->atlas().start, a.doc->atlas().end);
        // A film's text is sized for a room (export_text_scale), so its boxes go beside the map.
        overlays = a.settings.overlays;
        overlays.column = true;
        if (!a.film_job) a.film_result.clear();
    }
    ImGui::SetNextWindowSize({600 * c.ui_scale, 0});
    if (!ImGui::BeginPopupModal(_("Export animation"), &a.film_dialog_open)) return;
    const bool busy = a.film_job != nullptr;
    ImGui::BeginDisabled(busy);
    Date d_from, d_to;
    bool from_ok = false, to_ok = false;
    if (ImGui::BeginTable("##film", 2)) {
        ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthFixed, 150 * c.ui_scale);
        ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch);
        auto row = [&](const char* label) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label);
            ImGui::TableSetColumnIndex(1);
        };
        row(_("Dates"));
        from_ok = date_field("##from", from, sizeof from, d_from, 130 * c.ui_scale);
        bool dates_changed = ImGui::IsItemEdited();
        ImGui::SameLine();
        ImGui::TextUnformatted(_("to"));
        ImGui::SameLine();
        to_ok = date_field("##to", to, sizeof to, d_to, 130 * c.ui_scale);
        dates_changed = dates_changed || ImGui::IsItemEdited();
        if (dates_changed && from_ok && to_ok && !(d_to < d_from)) follow_dates(d_from, d_to);
        ImGui::SameLine();
        ImGui::TextDisabled("%s", a.basis() == Basis::DeJure ? _("de jure") : _("de facto"));
        row(_("Pacing"));
        ImGui::RadioButton(_("Event to event"), &pacing, 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160 * c.ui_scale);
        ImGui::BeginDisabled(pacing != 1);
        ImGui::SliderFloat("##per-event", &per_event, 0.5f, 10.0f, _("%.1f s on each"));
        ImGui::EndDisabled();
        row("");
        ImGui::RadioButton(_("Steady time"), &pacing, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160 * c.ui_scale);
        ImGui::BeginDisabled(pacing != 0);
        // Typed: a logarithmic slider could only be typed into with Ctrl+click.
        if (ImGui::InputFloat("##steady", &years_per_second, 0, 0, _("%.2f years/s")))
            years_per_second = std::clamp(years_per_second, 0.01f, 1e6f);
        ImGui::EndDisabled();
        row(_("Hold"));
        ImGui::SetNextItemWidth(140 * c.ui_scale);
        ImGui::SliderFloat("##hold-start", &hold_start, 0, 10, _("%.1f s at start"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140 * c.ui_scale);
        ImGui::SliderFloat("##hold-end", &hold_end, 0, 10, _("%.1f s at end"));
        row(_("Size"));
        ImGui::SetNextItemWidth(160 * c.ui_scale);
        ImGui::Combo("##size", &size, [](void*, int i, const char** out) { return *out = kSizes[i].name, true; },
                     nullptr, static_cast<int>(std::size(kSizes)));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(80 * c.ui_scale);
        ImGui::Combo(_("frames a second"), &rate, "24\0" "25\0" "30\0" "60\0");
        row(_("Format"));
        ImGui::SetNextItemWidth(220 * c.ui_scale);
        const int old_format = format;
        if (ImGui::Combo("##format", &format, [](void*, int i, const char** out) { return *out = _(kFormats[i]), true; },
                         nullptr, static_cast<int>(std::size(kFormats))) &&
            chosen_name == name) {
            // The same name with the new format's extension.
            std::string renamed = name;
            const std::string old_ext = kExtensions[old_format];
            if (renamed.size() >= old_ext.size() && renamed.compare(renamed.size() - old_ext.size(), old_ext.size(), old_ext) == 0)
                renamed.replace(renamed.size() - old_ext.size(), old_ext.size(), kExtensions[format]);
            std::snprintf(name, sizeof name, "%s", renamed.c_str());
            chosen_name = name;
        }
        ImGui::EndTable();
    }
    ImGui::Checkbox(_("The area on screen (else the atlas's whole view)"), &on_screen);
    overlay_checkboxes(overlays);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##film-file", name, sizeof name);
    ImGui::EndDisabled();
    const bool valid = from_ok && to_ok && !(d_to < d_from);
    FilmPacing pace;
    pace.fps = kRates[rate];
    pace.years_per_second = pacing == 0 ? years_per_second : 1;
    pace.per_event = pacing == 1 ? per_event : 0;
    pace.hold_start = hold_start;
    pace.hold_end = hold_end;
    if (!valid) {
        ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "%s", _("The dates must be YYYY, YYYY-MM or YYYY-MM-DD, from before to."));
    } else {
        // How long the film will play, before the minutes it takes to make.
        const double frames = film_frame_count(*a.doc->timeline, d_from, d_to, pace);
        char seconds[32], count[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", frames / pace.fps);
        std::snprintf(count, sizeof count, "%.0f", frames);
        ImGui::TextDisabled("%s", fill_in(_("Length: %s s, frames: %s"), {seconds, count}).c_str());
    }
    if (!busy) {
        ImGui::BeginDisabled(!valid);
        if (ImGui::Button(_("Export"), {120 * c.ui_scale, 0})) {
            FilmRequest req;
            req.path = name;
            req.from = d_from;
            req.to = d_to;
            req.pacing = pace;
            const int w = kSizes[size].w, h = kSizes[size].h;
            req.frame = on_screen ? as_previewed(a.camera, a.preview_scale, w, h) : ExportRequest{};
            req.frame.width = w;
            req.frame.height = h;
            req.frame.basis = a.basis();
            req.frame.lang = a.settings.lang;
            req.frame.overlays = overlays;
            req.frame.with_claims = a.settings.claims;
            a.start_film(req);
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(_("Close"))) a.film_dialog_open = false;
        if (!a.film_result.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(a.film_result.c_str());
            ImGui::PopTextWrapPos();
        }
    } else {
        const FilmJob& job = *a.film_job;
        const float done = job.frames_total() ? static_cast<float>(job.frames_done()) / job.frames_total() : 0;
        ImGui::ProgressBar(done, {-1, 0}, time_left(a).c_str());
        if (ImGui::Button(_("Cancel"), {120 * c.ui_scale, 0})) a.cancel_film();
    }
    ImGui::EndPopup();
}

}  // namespace chronomap::gui

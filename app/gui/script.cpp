#include "script.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace chronomap::gui {

std::vector<ScriptLine> read_script(const std::string& path, std::vector<std::string>& problems) {
    std::vector<ScriptLine> out;
    std::ifstream in(path);
    if (!in) {
        problems.push_back(path + ": cannot read the script");
        return out;
    }
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        std::istringstream words(text);
        ScriptLine l{n, {}};
        for (std::string w; words >> w;) l.words.push_back(w);
        if (!l.words.empty() && l.words[0][0] != '#') out.push_back(std::move(l));
    }
    return out;
}

void ScriptRunner::step(App& app, UiRequests& req, int map_w, int map_h, std::string& screenshot) {
    if (wait_ > 0) {
        --wait_;
        return;
    }
    if (next_ >= lines_.size()) return;
    const ScriptLine& l = lines_[next_++];
    const std::string& verb = l.words[0];
    const std::string arg = l.words.size() > 1 ? l.words[1] : "";
    auto fail = [&](const std::string& message) {
        problems_.push_back(path_ + ":" + std::to_string(l.line) + ": " + message);
    };
    auto need_atlas = [&] {
        if (!app.doc) fail("no atlas is open");
        return app.doc != nullptr;
    };
    if (verb == "date") {
        std::string text = arg;  // "500 BC" is two words
        for (std::size_t k = 2; k < l.words.size(); ++k) text += " " + l.words[k];
        const auto r = parse_date(text);
        if (!r.date) return fail("bad date '" + arg + "': " + r.error);
        if (need_atlas()) app.set_date(*r.date);
    } else if (verb == "next" || verb == "prev") {
        if (need_atlas()) app.step_event(verb == "next" ? 1 : -1);
    } else if (verb == "event") {
        if (!need_atlas()) return;
        const Event* e = app.doc->atlas().find_event(arg);
        if (!e) return fail("no event '" + arg + "'");
        app.select_event(e);
    } else if (verb == "inspect" || verb == "zoom") {
        if (!need_atlas()) return;
        if (!app.doc->atlas().find_territory(arg)) return fail("no territory '" + arg + "'");
        app.select_territory(arg);
        if (verb == "zoom") app.zoom_to_territory(arg, map_w, map_h);
    } else if (verb == "fit") {
        req.fit = true;
    } else if (verb == "basis") {
        const auto b = basis_from_string(arg);
        if (!b || *b == Basis::Both) return fail("basis must be de_facto or de_jure");
        app.set_basis(*b);
    } else if (verb == "lang") {
        app.set_lang(arg);
    } else if (verb == "claims") {
        app.set_claims(arg != "off");
    } else if (verb == "presentation") {
        app.settings.presentation = arg != "off";
        req.rebuild_fonts = true;
    } else if (verb == "play" || verb == "pause") {
        app.playback.playing = verb == "play";
    } else if (verb == "speed") {
        char* end = nullptr;
        const double v = std::strtod(arg.c_str(), &end);
        if (arg.empty() || *end != '\0' || !(v > 0) || v > 1e6)
            return fail("speed takes years per second, a number above 0 and at most 1000000");
        app.playback.years_per_second = static_cast<float>(v);
    } else if (verb == "wait") {
        wait_ = std::max(0, std::atoi(arg.c_str()));
    } else if (verb == "open") {
        req.open_atlas = arg;
    } else if (verb == "reference") {
        req.add_reference = arg;
    } else if (verb == "export") {
        if (!need_atlas() || arg.empty()) return fail("export needs a file name");
        ExportRequest r;
        r.date = app.date;
        r.view = app.basis();
        r.lang = app.settings.lang;
        r.overlays = app.settings.overlays;
        r.with_claims = app.settings.claims;
        if (l.words.size() > 2 &&
            std::sscanf(l.words[2].c_str(), "%dx%d", &r.width, &r.height) != 2)
            return fail("size must be WxH");
        if (std::string error = app.export_now(r, arg); !error.empty()) fail(error);
    } else if (verb == "dialog") {
        if (arg != "export" && arg != "close") return fail("dialog takes export or close");
        app.export_dialog_open = arg == "export";
    } else if (verb == "screenshot") {
        if (arg.empty()) return fail("screenshot needs a file name");
        screenshot = arg;
    } else if (verb == "quit") {
        req.quit = true;
    } else {
        fail("unknown command '" + verb + "'");
    }
}

}  // namespace chronomap::gui

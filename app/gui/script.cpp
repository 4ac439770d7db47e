#include "app/gui/script.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/gui/script_lesson.h"
#include "app/launch/launch_args.h"
#include "data/formats/input_file.h"

#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

namespace chronomap::gui {

namespace {

constexpr long long kMaxWaitFrames = 1000000;

// The keys a script can press, by name, as the window's key callback would queue them.
struct NamedKey {
    const char* name;
    int key;
};
constexpr NamedKey kKeys[] = {{"PageDown", GLFW_KEY_PAGE_DOWN}, {"PageUp", GLFW_KEY_PAGE_UP}, {"Left", GLFW_KEY_LEFT},
                              {"Right", GLFW_KEY_RIGHT},       {"Home", GLFW_KEY_HOME},      {"End", GLFW_KEY_END},
                              {"Space", GLFW_KEY_SPACE},       {"Escape", GLFW_KEY_ESCAPE},  {"F5", GLFW_KEY_F5},
                              {"F11", GLFW_KEY_F11}};

// A named key, or a single letter or sign typed (F fits, Z zooms to the selection, + and -).
bool known_key(const std::string& name) {
    for (const auto& k : kKeys)
        if (name == k.name) return true;
    return name.size() == 1;
}

void press_key(const std::string& name, UiRequests& req) {
    for (const auto& k : kKeys)
        if (name == k.name) return req.keys.push_back({k.key, 0});
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(name[0]));
}

bool parse_wxh(const std::string& text, int& w, int& h) {
    const auto size = chronomap::parse_size(text, 1, 16384, 16384);
    if (size) std::tie(w, h) = *size;
    return size.has_value();
}

// What is wrong with a command as written, before anything runs; empty when nothing is.
std::string check_command(const ScriptLine& l) {
    const std::string& verb = l.words[0];
    const std::size_t args = l.words.size() - 1;
    const std::string arg = args ? l.words[1] : "";
    auto no_args = [&]() -> std::string { return args ? verb + " takes nothing after it" : ""; };
    auto one_arg = [&](const char* what) -> std::string {
        return args == 1 ? "" : verb + " takes " + what;
    };
    if (verb == "date") {
        const std::string text = words_from(l, 1);
        const auto r = parse_date(text);
        return r.date ? "" : "bad date '" + text + "': " + r.error;
    }
    if (verb == "next" || verb == "prev" || verb == "fit" || verb == "play" || verb == "pause" || verb == "quit")
        return no_args();
    if (verb == "event") return one_arg("an event id");
    if (verb == "inspect" || verb == "zoom") return one_arg("a territory id");
    if (verb == "study") return one_arg("a territory id, or off");
    if (const std::string lesson = check_lesson_command(l); lesson != "-") return lesson;
    if (verb == "alias") return args == 2 ? "" : "alias takes a power the data names and the power it is";
    if (verb == "layer")
        return args >= 2 && (l.words.back() == "on" || l.words.back() == "off") ? "" : "layer takes a layer's name and on or off";
    if (verb == "basis")
        return args == 1 && (arg == "de_facto" || arg == "de_jure") ? "" : "basis takes de_facto or de_jure";
    if (verb == "lang") return one_arg("a language code");
    if (verb == "claims" || verb == "presentation" || verb == "uncertainty")
        return args <= 1 && (arg.empty() || arg == "on" || arg == "off") ? "" : verb + " takes on or off";
    if (verb == "speed")
        return args == 1 && parse_real(arg, 1e-9, 1e6)
                   ? ""
                   : "speed takes years per second, a number above 0 and at most 1000000";
    if (verb == "map_text")
        return args == 1 && parse_real(arg, 0.5, 2) ? "" : "map_text takes a size from 0.5 to 2";
    if (verb == "wait")
        return args == 1 && parse_integer(arg, 0, kMaxWaitFrames)
                   ? ""
                   : "wait takes a number of frames, a whole number from 0 to 1000000";
    if (verb == "open") return one_arg("an atlas path");
    if (verb == "reference") return one_arg("a file of vector data");
    if (verb == "export") {
        int w = 0, h = 0;
        if (args < 1 || args > 2) return "export takes FILE.png and optionally WxH";
        return args == 2 && !parse_wxh(l.words[2], w, h) ? "size must be WxH, at most 16384 a side" : "";
    }
    if (verb == "dialog")
        return args == 1 && (arg == "export" || arg == "film" || arg == "workbook" || arg == "lesson" || arg == "open" ||
                             arg == "reference" || arg == "georeference" || arg == "close")
                   ? ""
                   : "dialog takes export, film, workbook, lesson, georeference, open, reference or close";
    if (verb == "workbook") return one_arg("FILE.xlsx, FILE.ods or a folder");
    if (verb == "pick") return one_arg("a file or folder");
    if (verb == "film") {
        int w = 0, h = 0;
        if (args < 1 || args > 2) return "film takes FILE (.mp4, .webm, .gif or a folder/) and optionally WxH";
        return args == 2 && !parse_wxh(l.words[2], w, h) ? "size must be WxH, at most 16384 a side" : "";
    }
    if (verb == "compare") {
        if (args == 1 && arg == "off") return "";
        if (args < 1 || args > 3) return "compare takes DATE [de_facto|de_jure] [side|swipe], or off";
        const auto r = parse_date(arg);
        if (!r.date) return "bad date '" + arg + "': " + r.error;
        for (std::size_t k = 2; k < l.words.size(); ++k) {
            const std::string& w = l.words[k];
            if (w != "de_facto" && w != "de_jure" && w != "side" && w != "swipe")
                return "compare takes DATE [de_facto|de_jure] [side|swipe], not '" + w + "'";
        }
        return "";
    }
    if (verb == "screenshot") return one_arg("a file name");
    if (verb == "key") {
        if (!args) return "key takes the keys to press, in order (PageDown, Escape, F, ...)";
        for (std::size_t k = 1; k < l.words.size(); ++k)
            if (!known_key(l.words[k])) return "no key '" + l.words[k] + "'";
        return "";
    }
    if (verb == "expect") {
        if (args == 1 && arg == "fitted") return "";
        if (args == 2 && arg == "atlas") return "";
        if (args < 2 || arg != "date") return "expect takes date DATE, atlas PATH, or fitted";
        const std::string text = words_from(l, 2);
        const auto r = parse_date(text);
        return r.date ? "" : "bad date '" + text + "': " + r.error;
    }
    return "unknown command '" + verb + "'";
}

}  // namespace

std::vector<ScriptLine> read_script(const std::string& path, std::vector<std::string>& problems) {
    std::vector<ScriptLine> out;
    if (auto readable = check_input_file(path, 16u << 20); !readable) {
        problems.push_back(path + ": cannot read the script: " + readable.message());
        return out;
    }
    std::ifstream in(path);
    if (!in) {
        problems.push_back(path + ": cannot read the script");
        return out;
    }
    // Every line is checked before the first frame: a mistake on line 40 stops the script
    // before line 1 runs, not after half of it has.
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        std::istringstream words(text);
        ScriptLine l{n, {}};
        for (std::string w; words >> w;) l.words.push_back(w);
        if (l.words.empty() || l.words[0][0] == '#') continue;
        if (std::string problem = check_command(l); !problem.empty())
            problems.push_back(path + ":" + std::to_string(n) + ": " + problem);
        out.push_back(std::move(l));
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
        const auto r = parse_date(words_from(l, 1));
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
    } else if (verb == "study") {
        if (!need_atlas()) return;
        if (arg != "off" && !app.doc->atlas().find_territory(arg)) return fail("no territory '" + arg + "'");
        app.study_territory = arg == "off" ? "" : arg;
    } else if (verb == "fit") {
        req.fit = true;
    } else if (check_lesson_command(l) != "-") {
        if (auto done = run_lesson_command(app, req, l); !done) return fail(done.message());
    } else if (verb == "alias") {
        if (!need_atlas()) return;
        if (!app.doc->atlas().find_power(arg)) return fail("alias needs a power of the atlas, not '" + arg + "'");
        req.alias_power = std::pair{arg, l.words[2]};
    } else if (verb == "layer") {
        if (!need_atlas()) return;
        const auto& layers = app.doc->atlas().layers;
        std::string name = words_from(l, 1);
        name.resize(name.size() - l.words.back().size() - 1);  // "Modern provinces on": the words before on/off
        const auto found = std::find_if(layers.begin(), layers.end(), [&](const Layer& layer) { return layer.name == name; });
        if (found == layers.end() || (found->role != LayerRole::Reference && found->role != LayerRole::Raster))
            return fail("layer needs the name of a reference layer of the atlas, not '" + name + "'");
        req.show_layer = std::pair{static_cast<std::size_t>(found - layers.begin()), l.words.back() == "on"};
    } else if (verb == "basis") {
        const auto b = basis_from_string(arg);
        if (!b || *b == Basis::Both) return fail("basis must be de_facto or de_jure");
        app.set_basis(*b);
    } else if (verb == "lang") {
        app.set_lang(arg);
    } else if (verb == "claims") {
        app.set_claims(arg != "off");
    } else if (verb == "uncertainty") {
        app.set_uncertainty(arg != "off");
    } else if (verb == "presentation") {
        app.settings.presentation = arg != "off";
        req.rebuild_fonts = true;
    } else if (verb == "map_text") {
        app.settings.map_text = static_cast<float>(parse_real(arg, 0.5, 2).value_or(1));
    } else if (verb == "play" || verb == "pause") {
        app.playback.playing = verb == "play";
    } else if (verb == "speed") {
        app.playback.years_per_second = static_cast<float>(parse_real(arg, 1e-9, 1e6).value_or(1));
    } else if (verb == "wait") {
        wait_ = static_cast<int>(parse_integer(arg, 0, kMaxWaitFrames).value_or(0));
    } else if (verb == "open") {
        req.open_atlas = arg;
    } else if (verb == "reference") {
        req.add_reference = arg;
    } else if (verb == "export") {
        if (!need_atlas() || arg.empty()) return fail("export needs a file name");
        ExportRequest r;
        r.date = app.date;
        r.basis = app.basis();
        r.lang = app.settings.lang;
        r.overlays = app.settings.overlays;
        r.overlays.column = true;  // as `chronomap export`
        r.with_claims = app.settings.claims;
        if (l.words.size() > 2 && !parse_wxh(l.words[2], r.width, r.height)) return fail("size must be WxH");
        if (auto written = app.export_now(r, arg); !written) fail(written.message());
    } else if (verb == "dialog") {
        app.export_dialog_open = arg == "export";
        app.film_dialog_open = arg == "film";
        app.workbook_dialog_open = arg == "workbook";
        app.lesson_editor_open = arg == "lesson";
        app.georeferencer_open = arg == "georeference";
        app.panels.files.purpose = BrowsePurpose::None;
        if (arg == "open" || arg == "reference")
            open_file_browser(app, arg == "open" ? BrowsePurpose::OpenAtlas : BrowsePurpose::AddReference);
    } else if (verb == "workbook") {
        if (!need_atlas()) return;
        if (auto written = app.export_workbook(arg); !written) fail(written.message());
    } else if (verb == "pick") {
        if (!pick_file(app, req, arg)) return fail("pick needs the file browser open (dialog open or dialog reference)");
    } else if (verb == "film") {
        // Started as from the dialog (one second on each event, the whole atlas); it runs while
        // the script goes on, a few frames per window frame.
        if (!need_atlas()) return;
        FilmRequest r;
        r.path = arg;
        r.from = app.doc->atlas().start;
        r.to = app.doc->atlas().end;
        r.pacing.per_event = 1;
        r.frame.basis = app.basis();
        r.frame.lang = app.settings.lang;
        r.frame.overlays = app.settings.overlays;
        r.frame.overlays.column = true;  // as the dialog and the command line: text for a room, beside the map
        r.frame.with_claims = app.settings.claims;
        r.frame.width = 640;
        r.frame.height = 360;
        if (l.words.size() > 2 && !parse_wxh(l.words[2], r.frame.width, r.frame.height)) return fail("size must be WxH");
        app.film_dialog_open = true;
        app.start_film(r);
        if (!app.film_job) fail(app.film_result);
    } else if (verb == "compare") {
        if (!need_atlas()) return;
        if (arg == "off") return app.stop_compare();
        Basis basis = app.basis();
        CompareLayout layout = app.compare ? app.compare->layout : CompareLayout::SideBySide;
        for (std::size_t k = 2; k < l.words.size(); ++k) {
            if (l.words[k] == "de_facto" || l.words[k] == "de_jure")
                basis = l.words[k] == "de_jure" ? Basis::DeJure : Basis::DeFacto;
            else
                layout = l.words[k] == "swipe" ? CompareLayout::Swipe : CompareLayout::SideBySide;
        }
        app.compare_with(*parse_date(arg).date, basis);
        app.compare->layout = layout;
    } else if (verb == "screenshot") {
        if (arg.empty()) return fail("screenshot needs a file name");
        screenshot = arg;
    } else if (verb == "quit") {
        req.quit = true;
    } else if (verb == "key") {
        // All in this frame: a fast presenter's clicks between two frames.
        for (std::size_t k = 1; k < l.words.size(); ++k) press_key(l.words[k], req);
    } else if (verb == "expect" && arg == "fitted") {
        // The whole atlas in view: at least the scale of a fit without a caption band (a band
        // only zooms out), centred within the atlas's area.
        if (!need_atlas()) return;
        const Bounds area = app.doc->view->default_area();
        const double fitted = fit_camera(area, app.camera.width, app.camera.height, 0.03).units_per_pixel;
        const auto& c = app.camera;
        const bool centred = c.center_x >= area.min_x && c.center_x <= area.max_x && c.center_y >= area.min_y &&
                             c.center_y <= area.max_y;
        if (c.units_per_pixel < 0.99 * fitted || !centred)
            fail("the map is not fitted to the atlas");
    } else if (verb == "expect" && arg == "atlas") {
        namespace fs = std::filesystem;
        if (!need_atlas()) return;
        auto file = [](fs::path p) {
            std::error_code ec;
            if (fs::is_directory(p, ec)) p /= "atlas.json";
            return fs::weakly_canonical(p, ec);
        };
        if (file(app.doc->path) != file(l.words[2])) fail("the atlas open is " + app.doc->path + ", not " + l.words[2]);
    } else if (verb == "expect") {
        const Date wanted = *parse_date(words_from(l, 2)).date;
        if (need_atlas() && !(app.date == wanted))
            fail("the date is " + app.date.iso() + ", not " + wanted.iso());
    } else {
        fail("unknown command '" + verb + "'");
    }
}

}  // namespace chronomap::gui

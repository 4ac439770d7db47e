#pragma once
// Scripted sessions for tests and for people who automate the window (--script FILE): one command
// per line, run one per frame once the UI has settled. Blank lines and lines starting with # are
// skipped.
//
//   date 1921-03-16      next / prev            event ID          inspect TERRITORY
//   zoom TERRITORY       fit                    basis de_facto|de_jure
//   lang CODE            claims on|off          presentation on|off     uncertainty on|off
//   play / pause         wait FRAMES            open ATLAS        reference FILE
//   export FILE.png [WxH]                       screenshot FILE.png                 quit
//   dialog export|film|open|reference|close  (opens the export or film dialog or the file
//                        browser, or closes them)
//   pick PATH            (in the file browser: chooses PATH, as a click and Open would)
//   compare DATE [de_facto|de_jure] [side|swipe]    compare off
//   film FILE [WxH]      (starts a film of the whole atlas, one second an event, as the dialog does)
//   key NAME...          (presses keys in one frame: PageDown, PageUp, Left, Right, Home, End,
//                         Space, Escape, F5, F11, or a letter typed, such as F or Z)
//   study TERRITORY|off  (the study window: both views' histories side by side)
//   map_text SIZE        (the map's text size, 0.5 to 2, as the settings' slider)
//   expect atlas PATH    (a problem, and exit 2, unless the atlas open is PATH)
//   expect date DATE     (a problem, and exit 2, unless the window shows DATE)

#include <string>
#include <vector>

#include "app/gui/panels.h"

namespace chronomap::gui {

struct ScriptLine {
    int line = 0;
    std::vector<std::string> words;
};

// Problems are "FILE:LINE: message"; an unreadable file is one problem.
std::vector<ScriptLine> read_script(const std::string& path, std::vector<std::string>& problems);

class ScriptRunner {
  public:
    ScriptRunner(std::string path, std::vector<ScriptLine> lines)
        : path_(std::move(path)), lines_(std::move(lines)) {}
    bool done() const { return next_ >= lines_.size() && wait_ == 0; }
    // Runs the next command. Sets `screenshot` when the command asks for one of this frame.
    void step(App& app, UiRequests& requests, int map_w, int map_h, std::string& screenshot);
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    std::string path_;
    std::vector<ScriptLine> lines_;
    std::size_t next_ = 0;
    int wait_ = 0;
    std::vector<std::string> problems_;
};

}  // namespace chronomap::gui

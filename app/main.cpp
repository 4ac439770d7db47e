#include <csignal>
#include <string>
#include <vector>

#include "app/cli/cli.h"
#include "app/gui/gui.h"

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) a write fails with EFBIG instead of killing the process,
    // so a failed export removes its temporary file and says why.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    // A command (validate, status, export, ...) runs headless; anything else opens the window.
    if (chronomap::cli::is_command(args)) return chronomap::cli::run(args);
    return chronomap::gui::run(args);
}

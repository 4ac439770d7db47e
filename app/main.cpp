#include <string>
#include <vector>

#include "cli.h"
#include "gui.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // A command (validate, status, export, ...) runs headless; anything else opens the window.
    if (chronomap::cli::is_command(args)) return chronomap::cli::run(args);
    return chronomap::gui::run(args);
}

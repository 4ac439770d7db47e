#pragma once
// The command line: validate, status, events, history and export. Anything else opens the window.

#include <string>
#include <vector>

#include "app/launch/launch.h"

namespace chronomap::cli {

// Runs a command-line invocation; args excludes the program name.
int run(const std::vector<std::string>& args);

std::string usage();

// True when args name a command-line command (or --help/--version) rather than the window.
bool is_command(const std::vector<std::string>& args);

}  // namespace chronomap::cli

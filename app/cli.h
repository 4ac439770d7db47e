#pragma once
// The command line: validate, status, events, history and export. Anything else opens the window.

#include <string>
#include <vector>

namespace chronomap::cli {

enum ExitCode { kOk = 0, kInternal = 1, kInputErrors = 2 };

// Runs a command-line invocation; args excludes the program name.
int run(const std::vector<std::string>& args);

std::string usage();

// True when args name a command-line command (or --help/--version) rather than the window.
bool is_command(const std::vector<std::string>& args);

// The atlas opened when none is named: the bundled one, found next to the executable or in the
// source tree.
std::string default_atlas_path();

}  // namespace chronomap::cli

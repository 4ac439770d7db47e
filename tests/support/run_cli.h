#pragma once
// Runs the command line in-process and captures what it prints.

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/cli.h"

namespace chronomap::test_support {

struct Captured {
    int code;
    std::string out;
    std::string err;
};

inline Captured run_cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    const int code = cli::run(args);
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    return {code, out.str(), err.str()};
}

}  // namespace chronomap::test_support

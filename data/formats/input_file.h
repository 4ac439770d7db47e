#pragma once
// The checks every input file passes before it is opened: a FIFO or a device would block
// open() forever or never end (/dev/zero), and a file larger than any atlas needs would take
// the machine's memory before failing.

#include <cstdint>
#include <string>

#include "data/support/result.h"

namespace chronomap {

// Text inputs (manifests, event files, settings, scripts) larger than this are refused.
constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{1} << 31;  // 2 GiB

// Whether the path can be read as an input file; if not, why, as the input's fault ("it does not
// exist", "it is a folder, not a file", "it is not a regular file ...", "it is 3.1 GB ...").
Result<> check_input_file(const std::string& path, std::uintmax_t max_bytes = kMaxInputBytes);

}  // namespace chronomap

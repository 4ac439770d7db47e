#pragma once
// The checks every input file passes before it is opened: a FIFO or a device would block
// open() forever or never end (/dev/zero), and a file larger than any atlas needs would take
// the machine's memory before failing.

#include <cstdint>
#include <string>

namespace chronomap {

// Text inputs (manifests, event files, settings, scripts) larger than this are refused.
constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{1} << 31;  // 2 GiB

// Why the path cannot be read as an input file ("does not exist", "is a folder", "is not a
// regular file ...", "is 3.1 GB ..."), or an empty string when it can.
std::string input_file_problem(const std::string& path, std::uintmax_t max_bytes = kMaxInputBytes);

}  // namespace chronomap

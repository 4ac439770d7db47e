#pragma once
// Writing a file the way every output of Chronomap does: into a temporary file beside it, then
// renamed over it, so a failure never leaves half a file and never harms what was there.
//
// Only regular files are replaced. A symbolic link to a regular file writes the file it points
// to (the link stays); a folder, a device (/dev/full), a FIFO or a socket is refused. Temporary
// files are named ".NAME.tmpPID"; ones left by a run that was killed (its PID is gone) are
// removed by the next write to the same path.

#include <string>

#include "data/support/result.h"

namespace chronomap {

// A path's extension in lower case (".mp4", ".pdf"): the output formats are chosen by it.
std::string lower_extension(const std::string& path);

class OutputFile {
public:
    // Checks the target and picks the temporary name, or says why the path cannot be written
    // (the input's fault: a folder, a device, a missing folder).
    static Result<OutputFile> open(const std::string& path);
    ~OutputFile();  // removes the temporary file unless commit() succeeded
    OutputFile(OutputFile&& other) noexcept;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    OutputFile& operator=(OutputFile&&) = delete;

    const std::string& temp_path() const { return tmp_; }  // where to write
    // Moves the written temporary file into place.
    Result<> commit();

private:
    OutputFile() = default;
    std::string path_;    // as the user gave it, for messages
    std::string target_;  // what is replaced (a link's target)
    std::string tmp_;
    bool committed_ = false;
};

}  // namespace chronomap

#pragma once
// GDAL's own messages as diagnostics. GDAL prints its errors and warnings on stderr by default
// ("ERROR 1: ...", sometimes with binary bytes); Chronomap installs a handler once that hands
// them to the GdalMessages living on the same thread, or drops them when none is.

#include <string>
#include <vector>

#include <cpl_error.h>

#include "data/validate/diagnostics.h"

namespace chronomap::detail {

class GdalMessages {
public:
    struct Message {
        CPLErr level;
        std::string text;
    };
    GdalMessages();  // registers GDAL's drivers if need be; collects this thread's messages
    ~GdalMessages();
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;

    const std::vector<Message>& messages() const { return messages_; }
    // The text of the last error, or "no further detail from GDAL".
    std::string last_error() const;
    // Every message so far as a diagnostic of this file and layer (the first 20, then a count),
    // and forgets them.
    void report(Diagnostics& diags, const std::string& file, const std::string& layer);

    void add(CPLErr level, const char* text);  // for the handler

private:
    std::vector<Message> messages_;
    std::size_t dropped_ = 0;
    GdalMessages* previous_;
};

}  // namespace chronomap::detail

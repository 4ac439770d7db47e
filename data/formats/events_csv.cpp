// Events from a CSV file, one row per change, for people who keep their chronology in a
// spreadsheet. Read by our own CSV reader (csv_reader.h), which keeps every field's place.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "data/formats/csv_reader.h"
#include "data/formats/event_rows.h"
#include "data/formats/input_file.h"
#include "data/load/loader_parts.h"

namespace chronomap::detail {

namespace {

// Lines in the file (at most one event a row), counted a piece at a time; the stream is left
// at the start.
std::size_t count_lines(std::ifstream& in) {
    std::size_t lines = 1;
    std::string block(64 << 10, '\0');  // small enough to be reused, not mapped anew, by the allocator
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        lines += static_cast<std::size_t>(std::count(block.begin(), block.begin() + in.gcount(), '\n'));
    }
    in.clear();
    in.seekg(0);
    return lines;
}

}  // namespace

void read_events_csv(const CsvInput& input, std::size_t rows, const std::string& path, Diagnostics& diags,
                     Atlas& atlas) {
    EventRows reader(path, diags, atlas, rows);
    bool have_header = false, usable = false;
    for_each_csv_record(input, path, diags, [&](const CsvRecord& rec) {
        if (!have_header) {
            have_header = true;
            usable = reader.header(rec);
        } else if (usable) {
            reader.row(rec);
        }
    });
    if (!have_header) diags.error({path, 1, 1}, "the CSV file has no header and no rows");
    reader.finish();
}

void load_events_csv(const std::string& path, const LoadContext& ctx, Atlas& atlas) {
    Diagnostics& diags = *ctx.diags;
    const auto access = ctx.access(path, {path}, "the event file");
    if (!access) return;
    const std::string& resolved = *access;
    // Read a piece at a time: a large file is never held whole (csv_reader.h).
    std::ifstream in;
    std::string why = check_input_file(resolved).message();
    if (why.empty()) {
        in.open(resolved, std::ios::binary);
        if (!in) why = "it is not readable";
    }
    if (!why.empty()) {
        diags.error({path}, "cannot read the event file '" + path + "' (" + resolved + "): " + why);
        return;
    }
    bool read_failed = false;
    // Pieces no larger than what is left of the file: growing the buffer by the reader's 1 MB
    // piece zero-fills it, which was most of the time a small file took to load.
    std::error_code size_error;
    std::uintmax_t left = std::filesystem::file_size(resolved, size_error);
    if (size_error) left = UINTMAX_MAX;
    auto input = [&](std::string& buf, std::size_t want) -> std::size_t {
        want = static_cast<std::size_t>(std::min<std::uintmax_t>(want, left));
        if (want == 0) return 0;
        const std::size_t before = buf.size();
        buf.resize(before + want);
        in.read(buf.data() + before, static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(in.gcount());
        buf.resize(before + got);
        left = got > left ? 0 : left - got;
        if (in.bad()) read_failed = true;
        return got;
    };
    const std::size_t rows = count_lines(in);
    read_events_csv(input, rows, path, diags, atlas);
    if (read_failed) diags.error({path}, "the event file '" + path + "' could not be read to its end");
}

void read_events_csv_text(std::string_view text, const std::string& name, Diagnostics& diags, Atlas& atlas) {
    std::size_t at = 0;
    auto input = [&](std::string& buf, std::size_t want) -> std::size_t {
        const std::size_t got = std::min(want, text.size() - at);
        buf.append(text.data() + at, got);
        at += got;
        return got;
    };
    read_events_csv(input, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1, name, diags, atlas);
}

}  // namespace chronomap::detail

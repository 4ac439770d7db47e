#include "data/formats/output_file.h"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <system_error>
#include <utility>

#include <sys/types.h>
#include <unistd.h>

namespace chronomap {
namespace fs = std::filesystem;

namespace {

// Temporary names keep at most this much of the file's name, so that a name near the file
// system's 255-byte limit still has room for the prefix and suffix.
constexpr std::size_t kNameKept = 200;

std::string temp_prefix(const fs::path& target) {
    return "." + target.filename().string().substr(0, kNameKept) + ".tmp";
}

bool process_alive(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// Temporary files of earlier runs to this path whose process no longer exists.
void remove_stale(const fs::path& target) {
    const std::string prefix = temp_prefix(target);
    std::error_code ec;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        std::error_code type_ec;
        if (!fs::is_regular_file(fs::symlink_status(it->path(), type_ec))) continue;
        if (!process_alive(std::stol(digits))) fs::remove(it->path(), type_ec);
    }
}

}  // namespace

Result<OutputFile> OutputFile::open(const std::string& path) {
    if (path.empty()) return input_error("no output file name was given");
    OutputFile file;
    file.path_ = file.target_ = path;
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (fs::is_symlink(link)) {
        const fs::file_status pointed = fs::status(path, ec);
        if (!fs::exists(pointed)) return input_error(path + " is a symbolic link to nothing; give the file itself");
        if (!fs::is_regular_file(pointed))
            return input_error(path + " is a symbolic link to something that is not a file; give a file name");
        file.target_ = fs::canonical(path, ec).string();
        if (ec) return input_error("cannot follow the symbolic link " + path + ": " + ec.message());
    } else if (fs::is_directory(link)) {
        return input_error(path + " is a folder; give a file name in it, such as " +
                           (fs::path(path) / "map.png").string());
    } else if (fs::exists(link) && !fs::is_regular_file(link)) {
        return input_error(path + " is not a regular file (a device, FIFO or socket); it is not replaced");
    }
    const fs::path target(file.target_);
    if (target.has_parent_path() && !fs::is_directory(target.parent_path(), ec))
        return input_error("the folder " + target.parent_path().string() + " does not exist");
    remove_stale(target);
    file.tmp_ = (target.parent_path() / (temp_prefix(target) + std::to_string(::getpid()))).string();
    return file;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      tmp_(std::exchange(other.tmp_, {})),
      committed_(other.committed_) {}

OutputFile::~OutputFile() {
    if (committed_ || tmp_.empty()) return;
    std::error_code ec;
    fs::remove(tmp_, ec);
}

Result<> OutputFile::commit() {
    std::error_code ec;
    fs::rename(tmp_, target_, ec);
    if (ec) return internal_error("cannot move the new file into place at " + path_ + ": " + ec.message());
    committed_ = true;
    return {};
}

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace chronomap

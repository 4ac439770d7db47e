#include "data/load/cache.h"

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "data/formats/output_file.h"

namespace chronomap::cache {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'C', 'H', 'R', 'C', 'A', 'C', 'H', 'E'};
// Bump whenever what is cached, or how it is computed, changes.
constexpr std::uint32_t kVersion = 2;

// Which build wrote a file: every build of the program caches apart, so a change in how meshes
// or layers are made can never meet results of the old code.
std::uint64_t build_identity() {
    static const std::uint64_t id = [] {
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (ec) return std::uint64_t{0};
        const auto size = fs::file_size(exe, ec);
        const auto time = fs::last_write_time(exe, ec).time_since_epoch().count();
        const std::string s = exe.string() + "|" + std::to_string(size) + "|" + std::to_string(time);
        return hash(s);
    }();
    return id;
}

// Keeps a kind's folder under the size limit (CHRONOMAP_CACHE_MB, default 2048), oldest first.
// "x.bin.tmp1234" left by a process that was killed while writing (1234 no longer runs).
bool abandoned_temporary(const fs::path& path) {
    const std::string name = path.filename().string();
    const auto at = name.rfind(".tmp");
    if (at == std::string::npos || at + 4 >= name.size()) return false;
    const std::string digits = name.substr(at + 4);
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) return false;
    const auto pid = static_cast<pid_t>(std::stol(digits));
    return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

void prune(const fs::path& dir) {
    std::uint64_t limit = 2048ULL << 20;
    if (const char* mb = std::getenv("CHRONOMAP_CACHE_MB"); mb && std::atoll(mb) > 0)
        limit = static_cast<std::uint64_t>(std::atoll(mb)) << 20;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        if (abandoned_temporary(e.path())) {
            fs::remove(e.path(), ec);
            continue;
        }
        total += e.file_size(ec);
        files.emplace_back(e.last_write_time(ec), e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& [time, path] : files) {
        if (total <= limit) break;
        const auto size = fs::file_size(path, ec);
        if (fs::remove(path, ec)) total -= size;
    }
}

std::string file_for(const std::string& kind, std::uint64_t key) {
    const std::string dir = directory();
    if (dir.empty()) return {};
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.bin",
                  static_cast<unsigned long long>(hash(&key, sizeof key, build_identity())));
    return dir + "/" + kind + "/" + name;
}

}  // namespace

std::uint64_t hash(const void* data, std::size_t size, std::uint64_t h) {
    constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * kPrime;
        h ^= h >> 29;
    }
    for (; i < size; ++i) h = (h ^ p[i]) * kPrime;
    return (h ^ size) * kPrime;
}

void Reader::copy(char* dst, std::size_t n) {
    if (!ok_ || n > left_) {
        ok_ = false;
        return;
    }
    left_ -= n;
    while (n > 0) {
        if (p_ == end_) {
            const std::size_t got = source_ ? (block_.resize(kBlock), source_(block_.data(), kBlock)) : 0;
            if (got == 0) {
                ok_ = false;
                return;
            }
            p_ = block_.data();
            end_ = p_ + got;
        }
        const std::size_t k = std::min(n, static_cast<std::size_t>(end_ - p_));
        std::memcpy(dst, p_, k);
        dst += k;
        p_ += k;
        n -= k;
    }
}

std::optional<std::uint64_t> hash_file(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    std::string block(kBlock, '\0');
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        h = hash(block.data(), n, h);
    }
    if (in.bad()) return std::nullopt;
    return h;
}

std::string directory() {
    const char* off = std::getenv("CHRONOMAP_NO_CACHE");
    if (off && *off && std::string(off) != "0") return {};
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/chronomap";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.cache/chronomap";
    return {};
}

void Writer::bytes(std::string_view b) {
    if (b.empty()) return;
    buf_.append(b.data(), b.size());
    if (!sink_ || buf_.size() < kBlock) return;
    std::size_t i = 0;
    for (; buf_.size() - i >= kBlock; i += kBlock) sink_(std::string_view(buf_).substr(i, kBlock));
    buf_.erase(0, i);
}

void Writer::finish() {
    if (sink_ && !buf_.empty()) sink_(buf_);
    if (sink_) buf_.clear();
}

bool store(const std::string& kind, std::uint64_t key, const std::string& payload) {
    return store(kind, key, [&](Writer& w) { w.bytes(payload); });
}

bool store(const std::string& kind, std::uint64_t key, const std::function<void(Writer&)>& write) {
    const std::string path = file_for(kind, key);
    if (path.empty()) return false;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) return false;
    // A store that fails is a cache miss next time, not an error.
    Result<OutputFile> file = OutputFile::open(path);  // written beside and renamed: a reader never sees half an entry
    if (!file) return false;
    {
        std::ofstream out(file->temp_path(), std::ios::binary);
        const std::uint32_t version = kVersion;
        std::uint64_t size = 0, check = 0xcbf29ce484222325ULL;
        out.write(kMagic, sizeof kMagic);
        out.write(reinterpret_cast<const char*>(&version), sizeof version);
        out.write(reinterpret_cast<const char*>(&key), sizeof key);
        const auto size_at = out.tellp();
        out.write(reinterpret_cast<const char*>(&size), sizeof size);  // both filled in at the end
        out.write(reinterpret_cast<const char*>(&check), sizeof check);
        Writer w([&](std::string_view block) {
            out.write(block.data(), static_cast<std::streamsize>(block.size()));
            size += block.size();
            check = hash(block, check);
        });
        write(w);
        w.finish();
        out.seekp(size_at);
        out.write(reinterpret_cast<const char*>(&size), sizeof size);
        out.write(reinterpret_cast<const char*>(&check), sizeof check);
        if (!out) return false;  // the temporary file goes with `file`
    }
    if (!file->commit()) return false;
    prune(fs::path(path).parent_path());
    return true;
}

namespace {

// The payload comes from the file in whole blocks, hashed as they arrive.
class StoredFile final : public Stored {
  public:
    StoredFile(std::ifstream in, std::uint64_t size, std::uint64_t check)
        : in_(std::move(in)), check_(check),
          reader_([this](char* dst, std::size_t max) { return next_block(dst, max); }, size) {}
    Reader& reader() override { return reader_; }
    bool intact() override { return reader_.done() && !failed_ && hash_ == check_; }

  private:
    std::size_t next_block(char* dst, std::size_t max) {
        in_.read(dst, static_cast<std::streamsize>(std::min(max, kBlock)));
        const auto n = static_cast<std::size_t>(in_.gcount());
        if (in_.bad()) failed_ = true;
        if (n > 0) hash_ = hash(dst, n, hash_);
        return n;
    }
    std::ifstream in_;
    std::uint64_t check_;
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
    bool failed_ = false;
    Reader reader_;
};

}  // namespace

std::unique_ptr<Stored> open(const std::string& kind, std::uint64_t key) {
    const std::string path = file_for(kind, key);
    std::error_code ec;
    if (path.empty() || !fs::is_regular_file(path, ec)) return nullptr;
    std::ifstream in(path, std::ios::binary);
    char magic[sizeof kMagic];
    std::uint32_t version = 0;
    std::uint64_t stored_key = 0, size = 0, check = 0;
    in.read(magic, sizeof magic);
    in.read(reinterpret_cast<char*>(&version), sizeof version);
    in.read(reinterpret_cast<char*>(&stored_key), sizeof stored_key);
    in.read(reinterpret_cast<char*>(&size), sizeof size);
    in.read(reinterpret_cast<char*>(&check), sizeof check);
    const auto file_size = fs::file_size(path, ec);
    const std::uint64_t header = sizeof kMagic + sizeof version + 3 * sizeof(std::uint64_t);
    if (!in || ec || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || version != kVersion ||
        stored_key != key || size != file_size - header)
        return nullptr;
    return std::make_unique<StoredFile>(std::move(in), size, check);
}

std::optional<std::string> load(const std::string& kind, std::uint64_t key) {
    auto stored = open(kind, key);
    if (!stored) return std::nullopt;
    Reader& r = stored->reader();
    std::string payload = r.rest();
    if (!stored->intact()) return std::nullopt;
    return payload;
}

}  // namespace chronomap::cache

#pragma once
// The cache in $XDG_CACHE_HOME/chronomap/ (else ~/.cache/chronomap/): layers as read (after
// reprojection and repair) and scenes as built (meshes, label anchors), keyed by a hash of the
// content of their sources and every setting that shapes them. A file that is truncated,
// damaged or from another version fails its checks and is rebuilt, never trusted; each build of
// the program keeps its own entries. The oldest entries go past CHRONOMAP_CACHE_MB (2048) per
// kind. CHRONOMAP_NO_CACHE=1 turns it off.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace chronomap::cache {

// 64-bit FNV-1a, folded over 8-byte words for speed.
std::uint64_t hash(const void* data, std::size_t size, std::uint64_t seed = 0xcbf29ce484222325ULL);
inline std::uint64_t hash(std::string_view s, std::uint64_t seed = 0xcbf29ce484222325ULL) {
    return hash(s.data(), s.size(), seed);
}
// The hash of a regular file's content; nullopt if it cannot be read.
std::optional<std::uint64_t> hash_file(const std::string& path);

// Where cache files go; empty when caching is off or no folder can be found.
std::string directory();
// Stores a payload under a key, atomically (temporary file, then rename). False on failure,
// which only means the next run rebuilds.
bool store(const std::string& kind, std::uint64_t key, const std::string& payload);
// The payload stored under a key, if present and intact.
std::optional<std::string> load(const std::string& kind, std::uint64_t key);

// Plain binary encoding with bounds checks on reading.
class Writer {
  public:
    template <typename T>
    void put(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(std::string_view s) {
        put<std::uint64_t>(s.size());
        if (!s.empty()) buf_.append(s.data(), s.size());
    }
    template <typename T>
    void vec(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        put<std::uint64_t>(v.size());
        if (!v.empty()) buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string& buffer() { return buf_; }

  private:
    std::string buf_;
};

class Reader {
  public:
    explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
    template <typename T>
    T get() {
        T v{};
        if (static_cast<std::size_t>(end_ - p_) < sizeof v) {
            ok_ = false;
            return v;
        }
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    std::string str() {
        const auto n = get<std::uint64_t>();
        if (!ok_ || n > static_cast<std::uint64_t>(end_ - p_)) {
            ok_ = false;
            return {};
        }
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    template <typename T>
    std::vector<T> vec() {
        const auto n = get<std::uint64_t>();
        if (!ok_ || n > static_cast<std::uint64_t>(end_ - p_) / sizeof(T)) {
            ok_ = false;
            return {};
        }
        std::vector<T> v(n);
        if (n > 0) std::memcpy(v.data(), p_, n * sizeof(T));
        p_ += n * sizeof(T);
        return v;
    }
    bool ok() const { return ok_; }
    bool done() const { return ok_ && p_ == end_; }

  private:
    const char* p_;
    const char* end_;
    bool ok_ = true;
};

}  // namespace chronomap::cache

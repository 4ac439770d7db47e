#pragma once
// The cache in $XDG_CACHE_HOME/chronomap/ (else ~/.cache/chronomap/): layers as read (after
// reprojection and repair) and scenes as built (meshes, label anchors), keyed by a hash of the
// content of their sources and every setting that shapes them. A file that is truncated,
// damaged or from another version fails its checks and is rebuilt, never trusted; each build of
// the program keeps its own entries. The oldest entries go past CHRONOMAP_CACHE_MB (2048) per
// kind. CHRONOMAP_NO_CACHE=1 turns it off.

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
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
// Files are read and written in blocks of kBlock bytes, each hashed on from the last: that is
// the hash of a file's content (hash_file) and a payload's check.
constexpr std::size_t kBlock = 1 << 20;
// The hash of a regular file's content; nullopt if it cannot be read.
std::optional<std::uint64_t> hash_file(const std::string& path);

// Where cache files go; empty when caching is off or no folder can be found.
std::string directory();
class Writer;
// Stores a payload under a key, atomically (temporary file, then rename). False on failure,
// which only means the next run rebuilds. The second form writes the payload as write() makes
// it, straight to the file.
bool store(const std::string& kind, std::uint64_t key, const std::string& payload);
bool store(const std::string& kind, std::uint64_t key, const std::function<void(Writer&)>& write);
// The payload stored under a key, if present and intact.
std::optional<std::string> load(const std::string& kind, std::uint64_t key);

// Plain binary encoding with bounds checks on reading. A writer either keeps what it is given
// (buffer()) or hands it on in whole blocks of kBlock bytes to a sink, as store() does, so a
// large payload is never held whole.
class Writer {
  public:
    using Sink = std::function<void(std::string_view block)>;
    Writer() = default;
    explicit Writer(Sink sink) : sink_(std::move(sink)) {}
    template <typename T>
    void put(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes({reinterpret_cast<const char*>(&v), sizeof v});
    }
    void str(std::string_view s) {
        put<std::uint64_t>(s.size());
        bytes(s);
    }
    template <typename T>
    void vec(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        put<std::uint64_t>(v.size());
        bytes({reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)});
    }
    void bytes(std::string_view b);  // as they are, with no size before them
    void finish();                   // hands the last, partial block to the sink
    std::string& buffer() { return buf_; }

  private:
    Sink sink_;
    std::string buf_;
};

// Reads what a Writer wrote, from memory or from a source that gives the bytes as they are
// needed (a payload read as it is used is never held whole). Every read is bounds-checked
// against the payload's size; a failed read clears ok() and gives zeros.
class Reader {
  public:
    // Copies up to max bytes into dst; returns how many (0 at the end).
    using Source = std::function<std::size_t(char* dst, std::size_t max)>;

    explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()), left_(data.size()) {}
    Reader(Source source, std::uint64_t size) : source_(std::move(source)), left_(size) {}

    template <typename T>
    T get() {
        static_assert(std::is_trivially_copyable_v<T>);
        T v{};
        copy(reinterpret_cast<char*>(&v), sizeof v);
        return v;
    }
    std::string str() {
        const auto n = get<std::uint64_t>();
        if (!ok_ || n > left_) return fail<std::string>();
        std::string s(n, '\0');
        copy(s.data(), n);
        return s;
    }
    template <typename T>
    std::vector<T> vec() {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto n = get<std::uint64_t>();
        if (!ok_ || n > left_ / sizeof(T)) return fail<std::vector<T>>();
        std::vector<T> v(n);
        copy(reinterpret_cast<char*>(v.data()), n * sizeof(T));
        return v;
    }
    // Everything not yet read.
    std::string rest() {
        std::string s(left_, '\0');
        copy(s.data(), s.size());
        return s;
    }
    std::uint64_t left() const { return left_; }  // bytes not yet read: a bound for any count
    bool ok() const { return ok_; }
    bool done() const { return ok_ && left_ == 0; }

  private:
    template <typename R>
    R fail() {
        ok_ = false;
        return R{};
    }
    void copy(char* dst, std::size_t n);

    Source source_;
    std::string block_;  // what the source gave last, from a source
    const char* p_ = nullptr;
    const char* end_ = nullptr;
    std::uint64_t left_ = 0;  // bytes of the payload not yet read
    bool ok_ = true;
};

// A stored payload, read from its file as it is used. Whether it is intact (its checksum) is
// known only once it has all been read: build the result aside and keep it only if intact().
class Stored {
  public:
    virtual ~Stored() = default;
    virtual Reader& reader() = 0;
    virtual bool intact() = 0;
};
std::unique_ptr<Stored> open(const std::string& kind, std::uint64_t key);

}  // namespace chronomap::cache

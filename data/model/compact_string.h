#pragma once
// Text that is usually short and held by the million (an event's id and title, a locator):
// 16 bytes, the characters inline up to 15 and on the heap beyond, where a std::string takes
// 32 bytes whatever it holds. Reads as a std::string_view; str() makes a std::string.

#include <compare>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>

namespace chronomap {

class CompactString {
public:
    CompactString() { make_empty(); }
    CompactString(std::string_view s) { assign(s); }                          // NOLINT
    CompactString(const std::string& s) : CompactString(std::string_view(s)) {}  // NOLINT
    CompactString(const char* s) : CompactString(std::string_view(s)) {}         // NOLINT
    CompactString(const CompactString& o) { assign(o.view()); }
    CompactString(CompactString&& o) noexcept {
        std::memcpy(bytes_, o.bytes_, sizeof bytes_);
        o.make_empty();
    }
    CompactString& operator=(const CompactString& o) {
        if (this != &o) {
            CompactString copy(o);
            swap(copy);
        }
        return *this;
    }
    CompactString& operator=(CompactString&& o) noexcept {
        swap(o);
        return *this;
    }
    ~CompactString() { release(); }

    std::string_view view() const {
        if (on_heap()) return {heap_ptr(), heap_size()};
        return {bytes_, static_cast<std::size_t>(kInline - static_cast<unsigned char>(bytes_[kInline]))};
    }
    operator std::string_view() const { return view(); }  // NOLINT
    std::string str() const { return std::string(view()); }
    const char* c_str() const { return on_heap() ? heap_ptr() : bytes_; }
    std::size_t size() const { return view().size(); }
    bool empty() const { return size() == 0; }
    std::string_view substr(std::size_t pos, std::size_t n = std::string_view::npos) const { return view().substr(pos, n); }
    std::size_t find(std::string_view what, std::size_t pos = 0) const { return view().find(what, pos); }
    void swap(CompactString& o) noexcept {
        char t[sizeof bytes_];
        std::memcpy(t, bytes_, sizeof t);
        std::memcpy(bytes_, o.bytes_, sizeof t);
        std::memcpy(o.bytes_, t, sizeof t);
    }

    friend bool operator==(const CompactString& a, const CompactString& b) { return a.view() == b.view(); }
    friend bool operator==(const CompactString& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const CompactString& a, const std::string& b) { return a.view() == b; }
    friend bool operator==(const CompactString& a, const char* b) { return a.view() == b; }
    friend std::strong_ordering operator<=>(const CompactString& a, const CompactString& b) {
        return a.view().compare(b.view()) <=> 0;
    }
    friend std::string operator+(const std::string& a, const CompactString& b) { return a + std::string(b.view()); }
    friend std::string operator+(std::string&& a, const CompactString& b) { return std::move(a.append(b.view())); }
    friend std::string operator+(const char* a, const CompactString& b) { return a + std::string(b.view()); }
    friend std::string operator+(const CompactString& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const CompactString& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const CompactString& s);

private:
    // Inline: the characters, then zeros, and in the last byte 15 minus the length (so a string
    // of 15 ends with the zero c_str() needs). On the heap: a pointer and the length, and the
    // last byte kHeap.
    static constexpr std::size_t kInline = 15;
    static constexpr unsigned char kHeap = 0xFF;
    bool on_heap() const { return static_cast<unsigned char>(bytes_[kInline]) == kHeap; }
    const char* heap_ptr() const {
        const char* p;
        std::memcpy(&p, bytes_, sizeof p);
        return p;
    }
    std::size_t heap_size() const {
        std::uint32_t n;
        std::memcpy(&n, bytes_ + sizeof(char*), sizeof n);
        return n;
    }
    void make_empty() {
        std::memset(bytes_, 0, sizeof bytes_);
        bytes_[kInline] = static_cast<char>(kInline);  // inline, of length 0
    }
    void assign(std::string_view s);
    void release();

    char bytes_[16];
};

}  // namespace chronomap

#include "data/model/compact_string.h"

#include <limits>
#include <ostream>
#include <stdexcept>

namespace chronomap {

void CompactString::assign(std::string_view s) {
    std::memset(bytes_, 0, sizeof bytes_);
    if (s.size() <= kInline) {
        std::memcpy(bytes_, s.data(), s.size());
        bytes_[kInline] = static_cast<char>(kInline - s.size());
        return;
    }
    // Text inputs are capped far below this (input_file.h); a longer string is a programming error.
    if (s.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("CompactString: too long");
    char* p = new char[s.size() + 1];
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    const auto n = static_cast<std::uint32_t>(s.size());
    std::memcpy(bytes_, &p, sizeof p);
    std::memcpy(bytes_ + sizeof p, &n, sizeof n);
    bytes_[kInline] = static_cast<char>(kHeap);
}

void CompactString::release() {
    if (on_heap()) delete[] heap_ptr();
    make_empty();
}

std::ostream& operator<<(std::ostream& out, const CompactString& s) { return out << s.view(); }

}  // namespace chronomap

#include "data/model/symbol.h"

#include <array>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace chronomap {

Symbol::Symbol(std::string_view text) {
    if (text.empty()) return;
    // Loaders intern the same few names over and over, from several threads: each thread
    // remembers recent ones before it takes the shared table's lock.
    const std::size_t h = std::hash<std::string_view>{}(text);
    thread_local std::array<const std::string*, 256> recent{};
    const std::string*& slot = recent[h % recent.size()];
    if (slot && *slot == text) {
        text_ = slot;
        return;
    }
    static std::mutex lock;
    static std::unordered_set<std::string> table;  // elements of an unordered_set never move
    const std::lock_guard<std::mutex> hold(lock);
    text_ = slot = &*table.emplace(text).first;
}

const std::string& Symbol::str() const {
    static const std::string none;
    return text_ ? *text_ : none;
}

std::ostream& operator<<(std::ostream& out, const Symbol& s) { return out << s.str(); }

}  // namespace chronomap

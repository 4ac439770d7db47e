#pragma once
// Items found by their ids in open addressing: a table of item numbers, 4 bytes a slot and
// no allocation per item (a node-based map costs about 50 bytes an item: 50 MB for a million
// events). The items stay where the caller keeps them; key_of(n) gives item n's id.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace chronomap {

template <typename KeyOf>
class IdTable {
public:
    explicit IdTable(KeyOf key_of) : key_of_(std::move(key_of)) {}

    void reserve(std::size_t items) {
        if (items * 2 > slots_.size()) rehash(capacity_for(items));
    }
    // The item with this id, if any.
    std::optional<std::uint32_t> find(std::string_view id) const {
        if (slots_.empty()) return std::nullopt;
        for (std::size_t i = hash(id) & mask(); slots_[i] != kEmpty; i = (i + 1) & mask())
            if (key_of_(slots_[i]) == id) return slots_[i];
        return std::nullopt;
    }
    // Adds item n unless one with its id is there: then that one is kept and returned.
    std::optional<std::uint32_t> insert(std::uint32_t n) {
        reserve(count_ + 1);
        const std::string_view id = key_of_(n);
        std::size_t i = hash(id) & mask();
        for (; slots_[i] != kEmpty; i = (i + 1) & mask())
            if (key_of_(slots_[i]) == id) return slots_[i];
        slots_[i] = n;
        ++count_;
        return std::nullopt;
    }
    std::size_t size() const { return count_; }
    void clear() {
        std::vector<std::uint32_t>().swap(slots_);
        count_ = 0;
    }

private:
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
    static std::size_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
    static std::size_t capacity_for(std::size_t items) {
        std::size_t n = 16;
        while (n < items * 2) n *= 2;  // at most half full: short probe runs
        return n;
    }
    std::size_t mask() const { return slots_.size() - 1; }
    void rehash(std::size_t capacity) {
        std::vector<std::uint32_t> old(capacity, kEmpty);
        old.swap(slots_);
        for (const std::uint32_t n : old) {
            if (n == kEmpty) continue;
            std::size_t i = hash(key_of_(n)) & mask();
            while (slots_[i] != kEmpty) i = (i + 1) & mask();
            slots_[i] = n;
        }
    }

    KeyOf key_of_;
    std::vector<std::uint32_t> slots_;
    std::size_t count_ = 0;
};

}  // namespace chronomap

#pragma once
// A feature's attributes as text, by field name. Field names are interned (every feature of a
// layer has the same ones) and values compact, so an attribute costs 24 bytes plus any text past
// 15 bytes, where a std::map entry of two strings took over 100. Kept in field-name order, as
// the map was, so whatever iterates them (the cache) does so in one order.

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "data/model/compact_string.h"
#include "data/model/symbol.h"

namespace chronomap {

class Properties {
public:
    using Item = std::pair<Symbol, CompactString>;
    using const_iterator = std::vector<Item>::const_iterator;

    const_iterator begin() const { return items_.begin(); }
    const_iterator end() const { return items_.end(); }
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }

    const_iterator find(std::string_view field) const {
        const auto it = lower_bound(field);
        return it != items_.end() && it->first == field ? const_iterator(it) : items_.end();
    }
    const CompactString& at(std::string_view field) const {
        const auto it = find(field);
        if (it == end()) throw std::out_of_range("no property '" + std::string(field) + "'");
        return it->second;
    }
    void set(Symbol field, std::string_view value) {
        auto it = lower_bound(field);
        if (it != items_.end() && it->first == field) it->second = value;
        else items_.emplace(it, field, value);
    }

private:
    std::vector<Item>::const_iterator lower_bound(std::string_view field) const {
        return std::lower_bound(items_.begin(), items_.end(), field,
                                [](const Item& item, std::string_view f) { return std::string_view(item.first) < f; });
    }
    std::vector<Item>::iterator lower_bound(std::string_view field) {
        return std::lower_bound(items_.begin(), items_.end(), field,
                                [](const Item& item, std::string_view f) { return std::string_view(item.first) < f; });
    }
    std::vector<Item> items_;
};

}  // namespace chronomap

#pragma once
// An identifier of the kind that repeats through the model (the territory and the controller
// of each change, the source each event cites): interned, so a million changes that name a
// thousand territories hold a thousand strings and a pointer each. It reads as a std::string
// wherever one is wanted, compares equal by identity and orders by content (so sorted output
// does not depend on memory). Interned strings live until the program ends.

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace chronomap {

class Symbol {
public:
    Symbol() = default;
    Symbol(std::string_view text);  // NOLINT: assigned from strings everywhere
    Symbol(const std::string& text) : Symbol(std::string_view(text)) {}  // NOLINT
    Symbol(const char* text) : Symbol(std::string_view(text)) {}         // NOLINT

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT
    operator std::string_view() const { return str(); }     // NOLINT
    bool empty() const { return text_ == nullptr; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const Symbol& a, const Symbol& b) { return a.text_ == b.text_; }
    friend bool operator==(const Symbol& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const Symbol& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const Symbol& a, const char* b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(const Symbol& a, const Symbol& b) {
        return a.text_ == b.text_ ? std::strong_ordering::equal : a.str().compare(b.str()) <=> 0;
    }
    friend std::strong_ordering operator<=>(const Symbol& a, const std::string& b) { return a.str().compare(b) <=> 0; }

    friend std::string operator+(const std::string& a, const Symbol& b) { return a + b.str(); }
    friend std::string operator+(std::string&& a, const Symbol& b) { return std::move(a) + b.str(); }
    friend std::string operator+(const char* a, const Symbol& b) { return a + b.str(); }
    friend std::string operator+(const Symbol& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const Symbol& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const Symbol& s);

    std::size_t hash() const { return std::hash<const void*>{}(text_); }

private:
    const std::string* text_ = nullptr;  // nullptr: the empty string
};

}  // namespace chronomap

template <>
struct std::hash<chronomap::Symbol> {
    std::size_t operator()(const chronomap::Symbol& s) const noexcept { return s.hash(); }
};

#pragma once
// A part of a value that few instances have (an event's summary, treaty dates and claims; a
// change's note), kept behind a pointer so the many without it stay small. Copied deeply.
// Reading an empty one gives a shared default; edit() makes it.

#include <memory>

namespace chronomap {

template <typename T>
class OutOfLine {
public:
    OutOfLine() = default;
    OutOfLine(const OutOfLine& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    OutOfLine(OutOfLine&&) noexcept = default;
    OutOfLine& operator=(const OutOfLine& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    OutOfLine& operator=(OutOfLine&&) noexcept = default;

    const T& operator*() const {
        static const T empty{};
        return p_ ? *p_ : empty;
    }
    const T* operator->() const { return &**this; }
    T& edit() {
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }
    T* edit_if_present() { return p_.get(); }
    // Keeps v, or nothing when it is empty (T has empty()).
    void set(T v) {
        if (v.empty()) p_.reset();
        else edit() = std::move(v);
    }

private:
    std::unique_ptr<T> p_;
};

}  // namespace chronomap

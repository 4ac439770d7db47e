#pragma once
// A list that usually holds one item (the source an event cites): the first item lives inside
// the list, more go to the heap. A std::vector of one takes 24 bytes and a heap block besides.
// Items are contiguous, so iterators are pointers.

#include <cstdint>
#include <new>
#include <utility>

namespace chronomap {

template <typename T>
class SmallList {
public:
    SmallList() = default;
    SmallList(const SmallList& o) {
        reserve(o.size_);
        for (const T& item : o) push_back(item);
    }
    SmallList(SmallList&& o) noexcept { take(o); }
    SmallList& operator=(const SmallList& o) {
        if (this != &o) {
            SmallList copy(o);
            *this = std::move(copy);
        }
        return *this;
    }
    SmallList& operator=(SmallList&& o) noexcept {
        if (this != &o) {
            release();
            take(o);
        }
        return *this;
    }
    ~SmallList() { release(); }

    T* begin() { return data(); }
    T* end() { return data() + size_; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& operator[](std::size_t i) { return data()[i]; }
    const T& operator[](std::size_t i) const { return data()[i]; }
    const T& front() const { return data()[0]; }
    const T& back() const { return data()[size_ - 1]; }

    void push_back(T item) {
        if (size_ == capacity_) reserve(capacity_ * 2);
        new (data() + size_) T(std::move(item));
        ++size_;
    }
    void reserve(std::size_t n) {
        if (n <= capacity_) return;
        T* heap = static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t(alignof(T))));
        for (std::uint32_t i = 0; i < size_; ++i) {
            new (heap + i) T(std::move(data()[i]));
            data()[i].~T();
        }
        if (capacity_ > 1) ::operator delete(heap_, std::align_val_t(alignof(T)));
        heap_ = heap;
        capacity_ = static_cast<std::uint32_t>(n);
    }

private:
    T* data() { return capacity_ > 1 ? heap_ : reinterpret_cast<T*>(inline_); }
    const T* data() const { return capacity_ > 1 ? heap_ : reinterpret_cast<const T*>(inline_); }
    void release() {
        for (std::uint32_t i = 0; i < size_; ++i) data()[i].~T();
        if (capacity_ > 1) ::operator delete(heap_, std::align_val_t(alignof(T)));
        size_ = 0;
        capacity_ = 1;
    }
    // Takes o's items (o is left empty); this list is empty.
    void take(SmallList& o) noexcept {
        if (o.capacity_ > 1) {
            heap_ = o.heap_;
            capacity_ = o.capacity_;
        } else if (o.size_ == 1) {
            new (inline_) T(std::move(*reinterpret_cast<T*>(o.inline_)));
            reinterpret_cast<T*>(o.inline_)->~T();
        }
        size_ = o.size_;
        o.size_ = 0;
        o.capacity_ = 1;
    }

    union {
        T* heap_;
        alignas(T) unsigned char inline_[sizeof(T)];
    };
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 1;  // 1: the item is inline
};

}  // namespace chronomap

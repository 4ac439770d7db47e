#pragma once
// Runs fn(i) for i in [0, n) on every core (or `threads`), handing out indices one at a time, so
// a few heavy items do not leave the other threads idle. fn must be safe to call concurrently.
// An exception thrown by fn (std::bad_alloc on a huge input) stops the handing out and is
// rethrown in the caller once every thread has finished, instead of terminating the process.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace chronomap {

template <typename Fn>
void parallel_for(std::size_t n, Fn&& fn, unsigned threads = 0) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
        } catch (...) {
            next = n;
            const std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running (and this one) do the rest
        }
    }
    work();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace chronomap

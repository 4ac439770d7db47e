#pragma once
// Runs fn(i) for i in [0, n) on every core (or `threads`), handing out indices one at a time, so
// a few heavy items do not leave the other threads idle. fn must be safe to call concurrently.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace chronomap {

template <typename Fn>
void parallel_for(std::size_t n, Fn&& fn, unsigned threads = 0) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

}  // namespace chronomap

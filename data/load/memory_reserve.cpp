#include "data/load/memory_reserve.h"

#include <cstdlib>
#include <mutex>
#include <new>

namespace chronomap {

namespace {

std::mutex g_mutex;
int g_users = 0;
void* g_reserve = nullptr;
std::new_handler g_previous = nullptr;

void on_exhausted() {
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        std::free(g_reserve);
        g_reserve = nullptr;
    }
    throw std::bad_alloc();
}

}  // namespace

MemoryReserve::MemoryReserve(std::size_t bytes) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_reserve) g_reserve = std::malloc(bytes);  // address space is what a limit counts
    if (g_users++ == 0) g_previous = std::set_new_handler(on_exhausted);
}

// The reserve itself stays for the next load: it is address space that nothing touches, so it
// costs no resident memory, while allocating and freeing 64 MB on every load cost 75 ms under
// AddressSanitizer (its shadow is cleared each time), which held the fuzzers that load an atlas
// per input to about 15 executions a second.
MemoryReserve::~MemoryReserve() {
    const std::lock_guard<std::mutex> lock(g_mutex);
    if (--g_users > 0) return;
    std::set_new_handler(g_previous);
}

}  // namespace chronomap

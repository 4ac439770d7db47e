#pragma once
// Room to fail in. When memory runs out while a large JSON file is parsed, nlohmann::json's
// destructor allocates as the exception unwinds (it flattens nested values into a vector), and
// a second std::bad_alloc there terminates the process. While a MemoryReserve lives, the first
// failed allocation gives back a reserve held for the purpose before std::bad_alloc is thrown,
// so the unwinding has memory and loading ends with an "out of memory" result instead. The
// reserve is allocated once (and again after it was given back) and kept between loads.

#include <cstddef>

namespace chronomap {

class MemoryReserve {
public:
    explicit MemoryReserve(std::size_t bytes = std::size_t{64} << 20);
    ~MemoryReserve();
    MemoryReserve(const MemoryReserve&) = delete;
    MemoryReserve& operator=(const MemoryReserve&) = delete;
};

}  // namespace chronomap

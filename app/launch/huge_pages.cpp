#include "huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace chronomap {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb=1";

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// "always [madvise] never": huge pages come when advised unless the choice is never.
bool kernel_gives_huge_pages() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    return std::getline(f, line) && line.find("[never]") == std::string::npos;
}

}  // namespace

bool huge_pages_advised() {
    // glibc.malloc.hugetlb=1 advises transparent huge pages; 2 (the user's) takes them from
    // hugetlbfs.
    const char* t = std::getenv("GLIBC_TUNABLES");
    const char* at = t ? std::strstr(t, "glibc.malloc.hugetlb=") : nullptr;
    return at && at[std::strlen("glibc.malloc.hugetlb=")] != '0';
}

void restart_with_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
    if (kSanitized || std::getenv("CHRONOMAP_NO_HUGE_PAGES")) return;
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return;  // ours, or the user's choice
    if (!kernel_gives_huge_pages()) return;
    const std::string value =
        tunables && *tunables ? std::string(tunables) + ":" + kTunable : std::string(kTunable);
    if (::setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // Not re-executed (no /proc): carry on with small pages, the environment as it was.
    if (tunables)
        ::setenv("GLIBC_TUNABLES", tunables, 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
#else
    (void)argv;
#endif
}

}  // namespace chronomap

#pragma once
// Large buffers in 2 MB pages. An export's buffers are hundreds of megabytes (a 4K 4x framebuffer
// alone is 133 MB, which llvmpipe clears when it is made), and faulting them in 4 KB pages was a
// fifth of a 4K export's time. glibc's malloc advises the kernel's transparent huge pages when
// GLIBC_TUNABLES holds glibc.malloc.hugetlb=1, which it reads only when a process starts: so a
// drawing command re-executes itself once with the tunable added (about 40 ms of loading the
// shared libraries again, against 0.1 s saved on a small 4K export and 0.25 s on a large one).

namespace chronomap {

// Returns only when nothing is to be done: the tunable is set already (by the user or the first
// execution), the kernel gives no transparent huge pages, the build is sanitized (its allocator
// is not glibc's), CHRONOMAP_NO_HUGE_PAGES is set, or the re-execution failed.
void restart_with_huge_pages(char** argv);

// Whether this process's malloc was asked for huge pages (for `CHRONOMAP_TIMING=1`).
bool huge_pages_advised();

}  // namespace chronomap

#pragma once
// A folder of its own for one test, removed with everything in it when the test ends. Each is
// unique within the process, so tests may nest or repeat them.

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <string>

namespace chronomap::test_support {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        path = std::filesystem::temp_directory_path() /
               ("chronomap-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace chronomap::test_support

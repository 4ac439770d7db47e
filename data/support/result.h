#pragma once
// What work that can fail returns, from the readers to the command line: a value or nothing on
// success, or a message and whose fault the failure was. Problems in the user's data that work
// can go on after (a bad date in one event, a polygon that crosses itself) are Diagnostics
// instead, with their place; a Result says the work as a whole did not happen.
//
// The fault decides the exit code: the input's (a flag, a path, a file the user named) is 2, as
// for an atlas with errors; ours or the system's (a bug, no memory, a full disk, no GL) is 1.

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace chronomap {

enum class Fault : unsigned char { Input, Internal };

// A failure on its way to becoming a Result of any type.
struct Failure {
    Fault fault;
    std::string message;
};

// The input (a flag, a path, a file the user named) is at fault: exit 2.
inline Failure input_error(std::string message) { return {Fault::Input, std::move(message)}; }
// Chronomap or the system is at fault (a bug, no memory, a disk or GL that failed): exit 1.
inline Failure internal_error(std::string message) { return {Fault::Internal, std::move(message)}; }

template <class T = void>
class [[nodiscard]] Result;

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;  // success
    Result(Failure failure) : failure_(std::move(failure)) {}

    bool ok() const { return !failure_; }
    explicit operator bool() const { return ok(); }
    Fault fault() const { return failure_ ? failure_->fault : Fault::Internal; }
    // Empty on success, and for a failure already reported (the diagnostics said why).
    const std::string& message() const { return failure_ ? failure_->message : empty_; }
    // 0 on success, 2 for the input's fault, 1 for ours.
    int exit_code() const { return ok() ? 0 : failure_->fault == Fault::Input ? 2 : 1; }
    // The failure, to pass on as another Result; only when not ok().
    Failure failure() const {
        assert(failure_);
        return *failure_;
    }

private:
    std::optional<Failure> failure_;
    static inline const std::string empty_;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Failure failure) : status_(std::move(failure)) {}

    bool ok() const { return status_.ok(); }
    explicit operator bool() const { return ok(); }
    Fault fault() const { return status_.fault(); }
    const std::string& message() const { return status_.message(); }
    int exit_code() const { return status_.exit_code(); }
    Failure failure() const { return status_.failure(); }
    // Success or failure without the value.
    const Result<>& status() const { return status_; }

    T& operator*() {
        assert(value_);
        return *value_;
    }
    const T& operator*() const {
        assert(value_);
        return *value_;
    }
    T* operator->() { return &**this; }
    const T* operator->() const { return &**this; }

private:
    std::optional<T> value_;
    Result<> status_;
};

}  // namespace chronomap

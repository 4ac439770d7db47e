#pragma once
// A Result checked in a test, its message shown when it failed:
// ASSERT_TRUE(succeeded(view.init(atlas, timeline))).

#include <utility>

#include <gtest/gtest.h>

#include "data/support/result.h"

namespace chronomap::test {

template <class T>
::testing::AssertionResult succeeded(const Result<T>& r) {
    if (r) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "failed (" << (r.fault() == Fault::Input ? "input" : "internal")
                                         << "): " << r.message();
}

// The same, moving the value into `out` when there is one.
template <class T>
::testing::AssertionResult succeeded(Result<T>&& r, T& out) {
    if (!r) return succeeded(r);
    out = std::move(*r);
    return ::testing::AssertionSuccess();
}

}  // namespace chronomap::test

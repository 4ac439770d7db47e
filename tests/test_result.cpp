// Result: the one type work that fails as a whole returns, and the exit code its fault maps to.

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "data/formats/input_file.h"
#include "data/formats/output_file.h"
#include "data/support/result.h"
#include "tests/support/temp_dir.h"

namespace chronomap {
namespace {

Result<int> half(int n) {
    if (n % 2) return input_error(std::to_string(n) + " is odd");
    return n / 2;
}

TEST(Result, SuccessHoldsItsValueAndExitsZero) {
    const Result<int> r = half(8);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, 4);
    EXPECT_EQ(r.exit_code(), 0);
    EXPECT_EQ(r.message(), "");
    const Result<> nothing;
    EXPECT_TRUE(nothing.ok());
    EXPECT_EQ(nothing.exit_code(), 0);
}

TEST(Result, TheFaultDecidesTheExitCode) {
    const Result<int> odd = half(7);
    ASSERT_FALSE(odd);
    EXPECT_EQ(odd.fault(), Fault::Input);
    EXPECT_EQ(odd.message(), "7 is odd");
    EXPECT_EQ(odd.exit_code(), 2);
    const Result<> broken = internal_error("no GL");
    EXPECT_EQ(broken.fault(), Fault::Internal);
    EXPECT_EQ(broken.exit_code(), 1);
}

TEST(Result, AFailurePassesOnWithItsFault) {
    const Result<int> odd = half(3);
    const Result<std::string> passed = odd.failure();
    EXPECT_EQ(passed.fault(), Fault::Input);
    EXPECT_EQ(passed.message(), "3 is odd");
    EXPECT_EQ(passed.exit_code(), 2);
}

TEST(Result, HoldsValuesThatOnlyMove) {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(5);
    ASSERT_TRUE(r);
    std::unique_ptr<int> taken = std::move(*r);
    EXPECT_EQ(*taken, 5);
}

// What the user named is the input's fault (exit 2); a path that cannot be read says why.
TEST(Result, FilesTheUserNamedAreTheInputsFault) {
    const test_support::TempDir dir;
    const auto missing = check_input_file((dir.path / "none.json").string());
    EXPECT_EQ(missing.fault(), Fault::Input);
    EXPECT_EQ(missing.message(), "it does not exist");
    const auto folder = OutputFile::open(dir.path.string());
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.exit_code(), 2);
    EXPECT_NE(folder.message().find("is a folder"), std::string::npos);
    auto file = OutputFile::open((dir.path / "out.txt").string());
    ASSERT_TRUE(file);
    const Result<> moved = file->commit();  // nothing was written to the temporary file: nothing to move
    EXPECT_FALSE(moved);
    EXPECT_EQ(moved.fault(), Fault::Internal);
}

}  // namespace
}  // namespace chronomap

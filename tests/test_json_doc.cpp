#include <gtest/gtest.h>

#include "data/formats/json_doc.h"

using namespace chronomap;

TEST(JsonDoc, RecordsLineAndColumnOfEveryValue) {
    Diagnostics d;
    const auto doc = parse_json_with_positions("{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": true\n}", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_FALSE(d.has_errors());
    EXPECT_EQ(doc->root["a"][1]["b"], "x");
    const SourcePos b = doc->pos("/a/1/b");
    EXPECT_EQ(b.line, 2);
    EXPECT_EQ(b.column, 18);
    EXPECT_EQ(doc->pos("/c").line, 3);
    EXPECT_EQ(doc->pos("/c").column, 8);
}

TEST(JsonDoc, ColumnsCountCharactersNotBytes) {
    Diagnostics d;
    const auto doc = parse_json_with_positions("{\"ə\": \"Naxçıvan\", \"x\": 1}", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->root["ə"], "Naxçıvan");
    EXPECT_EQ(doc->pos("/x").column, 24);
}

TEST(JsonDoc, SyntaxErrorIsLocated) {
    Diagnostics d;
    EXPECT_FALSE(parse_json_with_positions("[1,\n 2,,]", "f.json", d));
    ASSERT_EQ(d.items().size(), 1u);
    EXPECT_EQ(d.items()[0].format(), "f.json:2:4: error: malformed JSON: unexpected ','; a value was expected");
}

TEST(JsonDoc, UnclosedString) {
    Diagnostics d;
    EXPECT_FALSE(parse_json_with_positions("{\"a\": \"abc", "f.json", d));
    EXPECT_NE(d.items()[0].message.find("not closed"), std::string::npos);
}

TEST(JsonDoc, InvalidUtf8IsReplacedAndReported) {
    Diagnostics d;
    const auto doc = parse_json_with_positions("{\"name\": \"Caf\xE9\"}", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->root["name"], "Caf\xEF\xBF\xBD");
    ASSERT_EQ(d.error_count(), 1);
    EXPECT_EQ(d.items()[0].pos.column, 14);
}

TEST(JsonDoc, EscapesAndSurrogatePairs) {
    Diagnostics d;
    const auto doc = parse_json_with_positions(R"(["\u0259\n", "\ud83d\ude00"])", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->root[0], "\xC9\x99\n");
    EXPECT_EQ(doc->root[1], "\xF0\x9F\x98\x80");
}

TEST(JsonDoc, KeysWithSlashesAreEscapedInPointers) {
    Diagnostics d;
    const auto doc = parse_json_with_positions("{\"a/b\": 1}", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->pos("/a~1b").column, 9);
}

TEST(JsonDoc, NumbersKeepTheirType) {
    Diagnostics d;
    const auto doc = parse_json_with_positions("[1, -2.5, 1e3, 12345678901234]", "f.json", d);
    ASSERT_TRUE(doc);
    EXPECT_TRUE(doc->root[0].is_number_integer());
    EXPECT_DOUBLE_EQ(doc->root[1].get<double>(), -2.5);
    EXPECT_DOUBLE_EQ(doc->root[2].get<double>(), 1000.0);
    EXPECT_EQ(doc->root[3].get<long long>(), 12345678901234LL);
}

TEST(JsonDoc, NaNIsRejected) {
    Diagnostics d;
    EXPECT_FALSE(parse_json_with_positions("[NaN]", "f.json", d));
    EXPECT_NE(d.items()[0].message.find("NaN"), std::string::npos);
}

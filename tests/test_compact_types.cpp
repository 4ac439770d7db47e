// The compact types the model holds by the million: they behave as the standard ones they
// replace (std::string, std::vector, std::map), in every size and through copies and moves.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <sstream>

#include "data/model/compact_string.h"
#include "data/model/properties.h"
#include "data/model/small_list.h"
#include "data/model/symbol.h"

using namespace chronomap;

TEST(CompactTypes, CompactStringHoldsAnyLengthInSixteenBytes) {
    static_assert(sizeof(CompactString) == 16);
    EXPECT_TRUE(CompactString().empty());
    EXPECT_EQ(CompactString().view(), "");
    EXPECT_STREQ(CompactString().c_str(), "");
    for (std::size_t n : {0u, 1u, 14u, 15u, 16u, 17u, 100u, 100000u}) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + i % 26);
        CompactString s(text);
        EXPECT_EQ(s.view(), text);
        EXPECT_EQ(s.size(), n);
        EXPECT_EQ(std::string(s.c_str()), text);  // terminated, inline or not
        CompactString copy = s;
        CompactString moved = std::move(copy);
        EXPECT_EQ(moved, text);
        EXPECT_TRUE(copy.empty());  // NOLINT: moved-from is empty, as documented
        copy = moved;
        copy = copy;  // self-assignment keeps it
        EXPECT_EQ(copy.str(), text);
        EXPECT_EQ("<" + copy + ">", "<" + text + ">");
        std::ostringstream out;
        out << copy;
        EXPECT_EQ(out.str(), text);
    }
    EXPECT_LT(CompactString("abc"), CompactString("abd"));
    EXPECT_LT(CompactString("abc"), CompactString("abcdefghijklmnopqrstuvwxyz"));
}

TEST(CompactTypes, SymbolsAreInternedAndOrderedByText) {
    const Symbol a("kars"), b(std::string("kars")), c("ardahan");
    EXPECT_EQ(a, b);
    EXPECT_EQ(&a.str(), &b.str());  // one copy of the text
    EXPECT_NE(a, c);
    EXPECT_LT(c, a);  // by text, not by address
    EXPECT_TRUE(Symbol().empty());
    EXPECT_EQ(Symbol(""), Symbol());
    EXPECT_EQ(a, "kars");
    EXPECT_EQ(a, std::string("kars"));
    EXPECT_EQ("the " + a, "the kars");
}

TEST(CompactTypes, SmallListKeepsOneInlineAndGrowsPastIt) {
    SmallList<std::unique_ptr<int>> moves_only;
    moves_only.push_back(std::make_unique<int>(1));
    SmallList<std::unique_ptr<int>> taken = std::move(moves_only);
    ASSERT_EQ(taken.size(), 1u);
    EXPECT_EQ(*taken[0], 1);
    EXPECT_TRUE(moves_only.empty());  // NOLINT

    SmallList<std::string> list;
    EXPECT_TRUE(list.empty());
    const std::string long_text(100, 'x');  // on the heap: a leak or a double free would show
    for (int i = 0; i < 20; ++i) {
        list.push_back(long_text + std::to_string(i));
        ASSERT_EQ(list.size(), static_cast<std::size_t>(i + 1));
        SmallList<std::string> copy = list;
        SmallList<std::string> moved = std::move(copy);
        ASSERT_EQ(moved.size(), list.size());
        for (std::size_t k = 0; k < list.size(); ++k) EXPECT_EQ(moved[k], long_text + std::to_string(k));
        copy = moved;
        moved = std::move(copy);
        EXPECT_EQ(moved.back(), long_text + std::to_string(i));
    }
    std::size_t n = 0;
    for (const auto& s : list) n += s.size();
    EXPECT_EQ(n, 20 * 100 + 10 + 2 * 10);
}

TEST(CompactTypes, PropertiesActLikeTheMapTheyReplace) {
    Properties p;
    std::map<std::string, std::string> m;
    for (const char* field : {"name", "id", "precision", "note", "id", "a"}) {
        p.set(field, std::string(field) + "!");
        m[field] = std::string(field) + "!";
    }
    ASSERT_EQ(p.size(), m.size());
    auto it = m.begin();
    for (const auto& [field, value] : p) {  // in field order
        EXPECT_EQ(field, it->first);
        EXPECT_EQ(value, it->second);
        ++it;
    }
    EXPECT_EQ(p.at("note"), "note!");
    EXPECT_EQ(p.find("missing"), p.end());
    EXPECT_THROW((void)p.at("missing"), std::out_of_range);
    p.set("note", "changed");
    EXPECT_EQ(p.at("note"), "changed");
    EXPECT_EQ(p.size(), m.size());
}

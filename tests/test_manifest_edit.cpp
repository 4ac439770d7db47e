// One member of a hand-written manifest changed, the rest of its text kept byte for byte
// (data/formats/manifest_edit.h), on the bundled atlas's own manifest.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "data/formats/manifest_edit.h"

using namespace chronomap;

namespace {

std::string kars_manifest() {
    std::ifstream in(std::string(CHRONOMAP_MAPS) + "/kars/atlas.json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(ManifestEdit, AMemberIsAddedAfterTheLastAndNothingElseMoves) {
    const std::string text = kars_manifest();
    const auto edited = with_member(text, "power_aliases", {{"Turkey", "turkey"}});
    ASSERT_TRUE(edited);
    const std::size_t last_brace = text.rfind('}');
    const std::size_t last_value_end = text.find_last_not_of(" \n\r\t", last_brace - 1) + 1;
    EXPECT_EQ(edited->substr(0, last_value_end), text.substr(0, last_value_end));
    EXPECT_EQ(edited->substr(edited->size() - (text.size() - last_value_end)), text.substr(last_value_end));
    const auto parsed = nlohmann::json::parse(*edited);
    EXPECT_EQ(parsed["power_aliases"]["Turkey"], "turkey");
    EXPECT_EQ(parsed["title"], nlohmann::json::parse(text)["title"]);
}

TEST(ManifestEdit, AMemberThatIsThereIsReplacedWhereItIs) {
    const std::string text = "{\n  \"title\": \"A\",   \"power_aliases\": {\"x\": \"y\", \"z\": [1, \"}\"]},\n  \"events\": []\n}\n";
    const auto edited = with_member(text, "power_aliases", {{"x", "w"}});
    ASSERT_TRUE(edited);
    EXPECT_EQ(*edited, "{\n  \"title\": \"A\",   \"power_aliases\": {\"x\":\"w\"},\n  \"events\": []\n}\n");
    EXPECT_FALSE(with_member("[1, 2]", "a", 1));
    EXPECT_FALSE(with_member("{\"a\": ", "a", 1));
    EXPECT_EQ(*with_member("{}", "a", 1), "{\n  \"a\": 1\n}");
}

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

// A layer added to the bundled atlas's list of layers: every layer there keeps its text, the new
// one comes last.
TEST(ManifestEdit, AnItemIsAddedAtTheEndOfAList) {
    const std::string text = kars_manifest();
    const nlohmann::ordered_json layer = {{"name", "1914 map"}, {"source", "scan.tif"}, {"role", "raster"}};
    const auto edited = with_array_item(text, "layers", layer);
    ASSERT_TRUE(edited);
    const auto before = nlohmann::json::parse(text), after = nlohmann::json::parse(*edited);
    ASSERT_EQ(after["layers"].size(), before["layers"].size() + 1);
    EXPECT_EQ(after["layers"].back()["source"], "scan.tif");
    const std::size_t layers_end = text.find(']', text.find(before["layers"].back()["name"].get<std::string>()));
    const std::size_t kept = text.find_last_not_of(" \n\r\t", layers_end - 1) + 1;
    EXPECT_EQ(edited->substr(0, kept), text.substr(0, kept));
    EXPECT_EQ(*with_array_item("{\"a\": []}", "a", 1), "{\"a\": [\n    1]}");
    EXPECT_EQ(nlohmann::json::parse(*with_array_item("{\"b\": 2}", "a", 1))["a"], nlohmann::json::array({1}));
    EXPECT_FALSE(with_array_item("{\"a\": 3}", "a", 1));
}

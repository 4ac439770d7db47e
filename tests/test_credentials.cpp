// Connections to a database: a password in an atlas is used but never shown, and a server that
// accepts and never answers cannot hang a command. The real server is tested in
// tests/postgis/postgis_backend.sh.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "data/load/credentials.h"
#include "data/load/loader.h"
#include "tests/support/listener.h"
#include "tests/support/temp_dir.h"

using namespace chronomap;
namespace fs = std::filesystem;
using test_support::Listener;
using test_support::TempDir;

namespace {

std::string atlas_with_source(const std::string& source) {
    return R"({"title":"t","time_range":{"start":"1900","end":"1950"},"crs":"EPSG:4326","layers":[)"
           R"({"name":"x","source":")" + source + R"(","role":"territories","id_field":"id"}]})";
}

std::string everything_said(const LoadResult& r) {
    std::string all;
    for (const auto& d : r.diagnostics.items()) all += d.format() + "\n";
    for (const auto& s : r.external_sources) all += s + "\n";
    for (const auto& s : r.unread_inputs) all += s + "\n";
    for (const auto& layer : r.atlas.layers) {
        all += layer.source + "\n";
        for (const auto& s : layer.snapshots) all += s.source + "\n";
    }
    return all;
}

}  // namespace

TEST(Credentials, APasswordIsShownAsStarsInEveryForm) {
    EXPECT_EQ(conceal_credentials("PG:dbname=x user=u password=s3cret host=h"),
              "PG:dbname=x user=u password=*** host=h");
    EXPECT_EQ(conceal_credentials("PG:dbname=x password = 'two words' host=h"), "PG:dbname=x password = *** host=h");
    EXPECT_EQ(conceal_credentials("PG:PASSWORD=Ab1"), "PG:PASSWORD=***");
    EXPECT_EQ(conceal_credentials("PG:postgresql://u:s3cret@h:5432/x"), "PG:postgresql://u:***@h:5432/x");
    EXPECT_EQ(conceal_credentials("PG:postgresql://h/x?user=u&password=s3cret"),
              "PG:postgresql://h/x?user=u&password=***");
    EXPECT_EQ(conceal_credentials("MySQL:db,user=u,password=s3cret"), "MySQL:db,user=u,password=***");
    // Nothing to hide: unchanged, and a field or file named like a password is no password.
    EXPECT_EQ(conceal_credentials("PG:service=atlas tables=world_1800"), "PG:service=atlas tables=world_1800");
    EXPECT_EQ(conceal_credentials("data/passwords.geojson"), "data/passwords.geojson");
    EXPECT_FALSE(holds_password("PG:service=atlas"));
    EXPECT_TRUE(holds_password("PG:dbname=x password=y"));
}

TEST(Credentials, TheRealStringIsOpenedWithAConnectTimeout) {
    const std::string shown = conceal_credentials("PG:dbname=x password=k9-open tables=t");
    EXPECT_EQ(opened_connection(shown), "PG:dbname=x password=k9-open tables=t connect_timeout=" +
                                            std::to_string(kDefaultConnectTimeoutSeconds));
    EXPECT_EQ(opened_connection("PG:dbname=x connect_timeout=3"), "PG:dbname=x connect_timeout=3");
    EXPECT_EQ(opened_connection("PG:postgresql://h/x"), "PG:postgresql://h/x?connect_timeout=10");
    EXPECT_EQ(opened_connection("PG:postgresql://h/x?sslmode=disable"),
              "PG:postgresql://h/x?sslmode=disable&connect_timeout=10");
    EXPECT_EQ(opened_connection("data/x.geojson"), "data/x.geojson");
    // A message that quotes the password (as a driver might) loses it.
    EXPECT_EQ(scrub_passwords("cannot connect with k9-open as password"), "cannot connect with *** as password");
}

TEST(Credentials, AnAtlasNeverShowsItsPassword) {
    TempDir t;
    Listener server;  // where the refused connection would go; it must see nothing
    const std::string secret = "n0t-to-be-seen";
    std::ofstream(t.path / "atlas.json") << atlas_with_source("PG:host=127.0.0.1 port=" + std::to_string(server.port) +
                                                              " dbname=x password=" + secret);
    const LoadResult r = load_atlas((t.path / "atlas.json").string());
    const std::string said = everything_said(r);
    EXPECT_EQ(said.find(secret), std::string::npos) << said;
    EXPECT_NE(said.find("password=***"), std::string::npos) << said;
    EXPECT_NE(said.find("hold a password"), std::string::npos) << said;
    EXPECT_EQ(server.connections(), 0);
}

// A server that takes the connection and never answers: the default connect timeout ends the
// wait, and the layer is an input that could not be read (exit 2), not a hang.
TEST(Credentials, AServerThatNeverAnswersTimesOut) {
    TempDir t;
    Listener silent;
    std::ofstream(t.path / "atlas.json") << atlas_with_source("PG:host=127.0.0.1 port=" + std::to_string(silent.port) +
                                                              " dbname=x user=u password=n0t-to-be-seen");
    LoadOptions options;
    options.allow_external = true;
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = load_atlas((t.path / "atlas.json").string(), options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(seconds, kDefaultConnectTimeoutSeconds - 1);
    EXPECT_LT(seconds, kDefaultConnectTimeoutSeconds * 6);  // a bound, not a timing: a hang never returns
    ASSERT_EQ(r.unread_inputs.size(), 1u);
    const std::string said = everything_said(r);
    EXPECT_NE(said.find("timeout expired"), std::string::npos) << said;
    EXPECT_EQ(said.find("n0t-to-be-seen"), std::string::npos) << said;
    EXPECT_EQ(said.find("\\x0A"), std::string::npos) << said;  // libpq's lines read as one
    EXPECT_GE(silent.connections(), 1);
}

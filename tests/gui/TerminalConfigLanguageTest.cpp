// config.json's fields the terminal added (the UI language, the scale): read back as written, and
// a hand-edited file with a wrong value refused with the field named, never half-applied. Here
// rather than in tests/till because the screens are what write these fields.
#include "core/ExactJson.h"
#include "support/TempDir.h"
#include "till/TerminalConfig.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sigma::till {
namespace {

core::Result<TerminalConfig> parse(const std::string& text)
{
    auto json = core::parseJsonExact(text);
    if (!json) {
        return json.error();
    }
    return TerminalConfig::fromJson(*json);
}

TEST(TerminalConfigLanguageTest, LanguageAndScaleRoundTrip)
{
    test::TempDir dir("sigma-config");
    TerminalConfig config;
    EXPECT_EQ(config.language, "ru"); // Russian unless chosen otherwise
    config.language = "en";
    config.scaleDriver = "casAp";
    config.scaleSettings = {{"port", "/dev/ttyUSB1"}, {"baudRate", 9600}};
    ASSERT_TRUE(config.save(dir / "config.json").ok());
    auto loaded = TerminalConfig::load(dir / "config.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->language, "en");
    EXPECT_EQ(loaded->scaleDriver, "casAp");
    EXPECT_EQ(loaded->scaleSettings["port"], "/dev/ttyUSB1");
    EXPECT_EQ(loaded->fiscalDriver, "emulator");
}

TEST(TerminalConfigLanguageTest, OlderFileWithoutTheFieldsGetsTheDefaults)
{
    auto config = parse(R"({"businessType": "trade", "fiscal": {"driver": "emulator", "settings": {}}})");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->language, "ru");
    EXPECT_TRUE(config->scaleDriver.empty());
}

TEST(TerminalConfigLanguageTest, MalformedFieldsAreRefusedByName)
{
    const std::pair<const char*, const char*> cases[] = {
        {R"({"language": "de"})", "language"},
        {R"({"language": 1})", "language"},
        {R"({"language": null})", "language"},
        {R"({"scale": "emulator"})", "scale"},
        {R"({"scale": {"driver": 5}})", "scale.driver"},
        {R"({"scale": {"driver": "emulator", "settings": []}})", "scale.settings"},
    };
    for (const auto& [text, field] : cases) {
        auto config = parse(text);
        ASSERT_FALSE(config.ok()) << text;
        EXPECT_EQ(config.error().field, field) << text;
    }
}

TEST(TerminalConfigLanguageTest, BrokenFileIsAnErrorNotTheDefaults)
{
    test::TempDir dir("sigma-config");
    std::ofstream(dir / "config.json") << R"({"language": "en", "scale": {)";
    EXPECT_FALSE(TerminalConfig::load(dir / "config.json").ok());
}

} // namespace
} // namespace sigma::till

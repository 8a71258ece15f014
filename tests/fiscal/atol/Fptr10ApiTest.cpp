// libfptr10.so's C API called directly, as a C program written for ATOL's driver calls it: the
// built library is loaded with dlopen, nothing of its C++ is linked in.

#include "core/ExactJson.h"
#include "drivers/emulator/fptr10/fptr10.h"
#include "fiscal/AtolErrors.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <clocale>
#include <cwchar>
#include <string>
#include <vector>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;

struct Api {
    decltype(&libfptr_create) create = nullptr;
    decltype(&libfptr_destroy) destroy = nullptr;
    decltype(&libfptr_set_settings) setSettings = nullptr;
    decltype(&libfptr_get_settings) getSettings = nullptr;
    decltype(&libfptr_open) open = nullptr;
    decltype(&libfptr_close) close = nullptr;
    decltype(&libfptr_is_opened) isOpened = nullptr;
    decltype(&libfptr_set_param_str) setParamStr = nullptr;
    decltype(&libfptr_get_param_str) getParamStr = nullptr;
    decltype(&libfptr_process_json) processJson = nullptr;
    decltype(&libfptr_validate_json) validateJson = nullptr;
    decltype(&libfptr_error_code) errorCode = nullptr;
    decltype(&libfptr_error_description) errorDescription = nullptr;
    decltype(&libfptr_get_version_string) versionString = nullptr;
};

template <typename Function>
void bind(void* module, const char* name, Function& target)
{
    target = reinterpret_cast<Function>(dlsym(module, name));
    ASSERT_NE(target, nullptr) << name << ": " << dlerror();
}

// UTF-8 to wchar_t for test literals (the converters under test are not used to check themselves).
std::wstring wide(const std::string& utf8)
{
    std::wstring out;
    std::mbstate_t state{};
    const char* from = utf8.c_str();
    std::vector<wchar_t> buffer(utf8.size() + 1);
    const std::size_t n = std::mbsrtowcs(buffer.data(), &from, buffer.size(), &state);
    return n == static_cast<std::size_t>(-1) ? std::wstring() : std::wstring(buffer.data(), n);
}

std::string narrow(const std::wstring& text)
{
    std::mbstate_t state{};
    const wchar_t* from = text.c_str();
    std::vector<char> buffer(text.size() * 4 + 1);
    const std::size_t n = std::wcsrtombs(buffer.data(), &from, buffer.size(), &state);
    return n == static_cast<std::size_t>(-1) ? std::string() : std::string(buffer.data(), n);
}

class Fptr10ApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        // The C library's wide conversions above need a UTF-8 locale; C.UTF-8 is always there.
        std::setlocale(LC_CTYPE, "C.UTF-8");
        s_module = dlopen(SIGMA_FPTR10_PATH, RTLD_NOW | RTLD_LOCAL);
        ASSERT_NE(s_module, nullptr) << dlerror();
        bind(s_module, "libfptr_create", s_api.create);
        bind(s_module, "libfptr_destroy", s_api.destroy);
        bind(s_module, "libfptr_set_settings", s_api.setSettings);
        bind(s_module, "libfptr_get_settings", s_api.getSettings);
        bind(s_module, "libfptr_open", s_api.open);
        bind(s_module, "libfptr_close", s_api.close);
        bind(s_module, "libfptr_is_opened", s_api.isOpened);
        bind(s_module, "libfptr_set_param_str", s_api.setParamStr);
        bind(s_module, "libfptr_get_param_str", s_api.getParamStr);
        bind(s_module, "libfptr_process_json", s_api.processJson);
        bind(s_module, "libfptr_validate_json", s_api.validateJson);
        bind(s_module, "libfptr_error_code", s_api.errorCode);
        bind(s_module, "libfptr_error_description", s_api.errorDescription);
        bind(s_module, "libfptr_get_version_string", s_api.versionString);
    }

    static void TearDownTestSuite()
    {
        if (s_module != nullptr) {
            dlclose(s_module);
            s_module = nullptr;
        }
    }

    void SetUp() override
    {
        ASSERT_NE(s_api.versionString, nullptr);
        ASSERT_EQ(s_api.create(&m_handle), 0);
        ASSERT_NE(m_handle, nullptr);
        ASSERT_EQ(s_api.setSettings(m_handle, settingsFor(m_dir / "kkt.db").c_str()), 0) << description();
    }

    void TearDown() override
    {
        s_api.destroy(&m_handle);
        EXPECT_EQ(m_handle, nullptr);
    }

    static std::wstring settingsFor(const std::filesystem::path& state)
    {
        return wide(core::Json{{"Model", 500}, {"Port", 2}, {"IPAddress", "192.168.1.10"}, {"IPPort", 5555},
                               {"StateFile", state.string()}}
                        .dump());
    }

    std::string description(libfptr_handle handle = nullptr)
    {
        handle = handle == nullptr ? m_handle : handle;
        const int needed = s_api.errorDescription(handle, nullptr, 0);
        if (needed <= 0) {
            return "(no description)";
        }
        std::vector<wchar_t> buffer(static_cast<std::size_t>(needed));
        s_api.errorDescription(handle, buffer.data(), needed);
        return narrow(buffer.data());
    }

    /// set_param_str + process_json; the result JSON read with the grow-and-retry protocol.
    core::Json process(const std::string& task, libfptr_handle handle = nullptr)
    {
        handle = handle == nullptr ? m_handle : handle;
        EXPECT_EQ(s_api.setParamStr(handle, LIBFPTR_PARAM_JSON_DATA, wide(task).c_str()), 0);
        EXPECT_EQ(s_api.processJson(handle), 0) << task << ": " << s_api.errorCode(handle) << " " << description(handle);
        std::vector<wchar_t> buffer(64);
        int needed = s_api.getParamStr(handle, LIBFPTR_PARAM_JSON_DATA, buffer.data(), static_cast<int>(buffer.size()));
        if (needed > static_cast<int>(buffer.size())) {
            buffer.resize(static_cast<std::size_t>(needed));
            needed = s_api.getParamStr(handle, LIBFPTR_PARAM_JSON_DATA, buffer.data(), needed);
        }
        EXPECT_GT(needed, 0);
        auto json = core::parseJsonExact(narrow(buffer.data()));
        EXPECT_TRUE(json.ok()) << narrow(buffer.data());
        return json.ok() ? *json : core::Json();
    }

    static void* s_module;
    static Api s_api;
    TempDir m_dir{"sigma-fptr10"};
    libfptr_handle m_handle = nullptr;
};

void* Fptr10ApiTest::s_module = nullptr;
Api Fptr10ApiTest::s_api;

TEST_F(Fptr10ApiTest, ExportsOnlyTheCApi)
{
    EXPECT_NE(std::string(s_api.versionString()).find("sigma"), std::string::npos);
    // The C++ inside stays local: nothing of sigma:: can clash with the program that loads it.
    EXPECT_EQ(dlsym(s_module, "_ZN5sigma4core14parseJsonExactESt17basic_string_viewIcSt11char_traitsIcEEm"), nullptr);
}

TEST_F(Fptr10ApiTest, ProcessingWithoutOpenFails)
{
    EXPECT_EQ(s_api.isOpened(m_handle), 0);
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": \"getDeviceStatus\"}"), 0);
    EXPECT_EQ(s_api.processJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kNoConnection);
    EXPECT_NE(description().find("libfptr_open"), std::string::npos) << description();
}

TEST_F(Fptr10ApiTest, InvalidJsonIsError501WithADescription)
{
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    EXPECT_EQ(s_api.isOpened(m_handle), 1);
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": "), 0);
    EXPECT_EQ(s_api.processJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonSyntax);
    EXPECT_TRUE(description().starts_with("Ошибка разбора JSON: ")) << description();

    // The same text is refused by validation, which needs no connection.
    ASSERT_EQ(s_api.close(m_handle), 0);
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"[1,"), 0);
    EXPECT_EQ(s_api.validateJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonSyntax);
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": \"dance\"}"), 0);
    EXPECT_EQ(s_api.validateJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonUnknownTask);
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": \"openShift\"}"), 0);
    EXPECT_EQ(s_api.validateJson(m_handle), 0);
    EXPECT_EQ(s_api.errorCode(m_handle), 0);
    EXPECT_EQ(description(), "Ошибок нет");
}

TEST_F(Fptr10ApiTest, ABufferTooSmallGetsTheSizeNeededAndTheRetryWorks)
{
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": \"getDeviceInfo\"}"), 0);
    ASSERT_EQ(s_api.processJson(m_handle), 0) << description();

    const int needed = s_api.getParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, nullptr, 0);
    ASSERT_GT(needed, 50);
    std::vector<wchar_t> small(8, L'#');
    EXPECT_EQ(s_api.getParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, small.data(), 8), needed);
    EXPECT_EQ(std::wcslen(small.data()), 7u) << "a truncated answer is still terminated";

    std::vector<wchar_t> exact(static_cast<std::size_t>(needed), L'#');
    EXPECT_EQ(s_api.getParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, exact.data(), needed), needed);
    EXPECT_EQ(std::wcslen(exact.data()), static_cast<std::size_t>(needed - 1));
    EXPECT_EQ(std::wstring(small.data()), std::wstring(exact.data(), 7));
    const auto json = core::parseJsonExact(narrow(exact.data()));
    ASSERT_TRUE(json.ok()) << narrow(exact.data());
    EXPECT_EQ((*json)["deviceInfo"]["model"], 500);
    EXPECT_EQ((*json)["deviceInfo"]["modelName"], "АТОЛ Sigma (эмулятор)");

    // The error description follows the same protocol.
    const int descriptionNeeded = s_api.errorDescription(m_handle, small.data(), 3);
    EXPECT_EQ(descriptionNeeded, static_cast<int>(wide("Ошибок нет").size()) + 1);
    EXPECT_EQ(std::wstring(small.data()), wide("Ош"));
}

TEST_F(Fptr10ApiTest, RussianTextGoesInAndComesBackIntact)
{
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    process(R"({"type": "openShift", "operator": {"name": "Кассир Иванова Ё"}})");
    const auto document = process(R"({"type": "getFnDocument", "fiscalDocumentNumber": 2})");
    EXPECT_NE(document.dump().find("Кассир Иванова Ё"), std::string::npos) << document.dump();
    EXPECT_EQ(document["documentTLV"]["documentType"], "openShift");
}

TEST_F(Fptr10ApiTest, InvalidCodePointsAreRefused)
{
    for (const wchar_t bad : {static_cast<wchar_t>(0xD800), static_cast<wchar_t>(0x110000)}) {
        const wchar_t text[] = {L'{', L'"', bad, L'"', L'}', L'\0'};
        EXPECT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, text), -1);
        EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonSyntax);
        EXPECT_NE(description().find("position 2"), std::string::npos) << description();
        EXPECT_EQ(s_api.setSettings(m_handle, text), -1);
    }
}

TEST_F(Fptr10ApiTest, InputIsClearedAfterEachTaskAndOutputBeforeIt)
{
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    process(R"({"type": "getShiftStatus"})");
    EXPECT_GT(s_api.getParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, nullptr, 0), 1);
    EXPECT_EQ(s_api.processJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonMissingField);
    EXPECT_EQ(s_api.getParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, nullptr, 0), 1) << "only the terminator";
}

TEST_F(Fptr10ApiTest, RegisterErrorsCarryAtolCodes)
{
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    ASSERT_EQ(s_api.setParamStr(m_handle, LIBFPTR_PARAM_JSON_DATA, L"{\"type\": \"closeShift\"}"), 0);
    EXPECT_EQ(s_api.processJson(m_handle), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kShiftClosed);
    EXPECT_EQ(description(), "Смена закрыта - операция невозможна");
}

TEST_F(Fptr10ApiTest, SettingsAreKeptAndCheckedAndUnknownParametersRefused)
{
    const int needed = s_api.getSettings(m_handle, nullptr, 0);
    ASSERT_GT(needed, 1);
    std::vector<wchar_t> buffer(static_cast<std::size_t>(needed));
    ASSERT_EQ(s_api.getSettings(m_handle, buffer.data(), needed), needed);
    const auto settings = core::parseJsonExact(narrow(buffer.data()));
    ASSERT_TRUE(settings.ok()) << narrow(buffer.data());
    EXPECT_EQ((*settings)["Model"], 500);
    EXPECT_EQ((*settings)["IPAddress"], "192.168.1.10");
    EXPECT_EQ((*settings)["StateFile"], (m_dir / "kkt.db").string());
    EXPECT_EQ((*settings)["UtcOffsetMinutes"], 180);

    EXPECT_EQ(s_api.setSettings(m_handle, L"[1]"), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonInvalidValue);
    EXPECT_EQ(s_api.setSettings(m_handle, L"{\"StateFile\": 5}"), -1);
    EXPECT_EQ(s_api.setSettings(m_handle, L"{\"UtcOffsetMinutes\": 100000}"), -1);
    EXPECT_EQ(s_api.setSettings(m_handle, nullptr), -1);

    EXPECT_EQ(s_api.setParamStr(m_handle, 1000, L"x"), -1);
    EXPECT_EQ(s_api.errorCode(m_handle), atol::kJsonNotSupported);
    EXPECT_EQ(s_api.getParamStr(m_handle, 1000, buffer.data(), needed), -1);
}

TEST_F(Fptr10ApiTest, ANullHandleIsRefusedNotDereferenced)
{
    EXPECT_EQ(s_api.create(nullptr), -1);
    EXPECT_EQ(s_api.open(nullptr), -1);
    EXPECT_EQ(s_api.isOpened(nullptr), 0);
    EXPECT_EQ(s_api.setParamStr(nullptr, LIBFPTR_PARAM_JSON_DATA, L"{}"), -1);
    EXPECT_EQ(s_api.getParamStr(nullptr, LIBFPTR_PARAM_JSON_DATA, nullptr, 0), -1);
    EXPECT_EQ(s_api.processJson(nullptr), -1);
    EXPECT_EQ(s_api.errorDescription(nullptr, nullptr, 0), -1);
    libfptr_handle none = nullptr;
    s_api.destroy(&none);
    s_api.destroy(nullptr);
}

TEST_F(Fptr10ApiTest, TwoHandlesOnOneStateFileShareTheRegister)
{
    libfptr_handle other = nullptr;
    ASSERT_EQ(s_api.create(&other), 0);
    ASSERT_EQ(s_api.setSettings(other, settingsFor(m_dir / "kkt.db").c_str()), 0);
    ASSERT_EQ(s_api.open(m_handle), 0) << description();
    ASSERT_EQ(s_api.open(other), 0) << description(other);

    process(R"({"type": "openShift"})");
    const auto status = process(R"({"type": "getShiftStatus"})", other);
    EXPECT_EQ(status["shiftStatus"]["state"], "opened");
    EXPECT_EQ(status["shiftStatus"]["number"], 1);
    s_api.destroy(&other);
}

} // namespace
} // namespace sigma::test

#pragma once
// The technician's service mode under test: an install root of its own for the update
// machinery ($SIGMA_INSTALL_ROOT), the sections opened with the technician's PIN, packages signed
// with the committed test key. Shared by ServiceModeTest.cpp and CloudUpdateScreenTest.cpp.
#include "crypto/Hex.h"
#include "fiscal/AtolTask.h"
#include "update/PackageFixture.h"

#include <QListWidget>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "TerminalFixture.h"

namespace sigma::terminal::test_support {

class ServiceModeTest : public TerminalFlowTest {
protected:
    /// The register's firmware version, read on the worker like the terminal reads it.
    std::string firmware()
    {
        const auto version = onWorker([&] { return m_kkt->firmwareVersion(); });
        return version.ok() ? *version : "error: " + version.error().message;
    }

    void SetUp() override
    {
        // One install root for the whole run, set before any thread exists and never unset
        // (setenv races with getenv on other threads); emptied for each test.
        static const test::TempDir root("sigma-gui-install");
        static const bool exported = setenv("SIGMA_INSTALL_ROOT", root.path().c_str(), 1) == 0;
        ASSERT_TRUE(exported);
        m_installRoot = root.path();
        for (const auto& e : std::filesystem::directory_iterator(m_installRoot)) {
            std::filesystem::remove_all(e.path());
        }
        TerminalFlowTest::SetUp();
    }

    void openSection(const char* tab)
    {
        login(DemoData::kTechnicianPin);
        click(QStringLiteral("nav_service"));
        ASSERT_EQ(m_window->currentScreen(), QStringLiteral("service"));
        click(QString::fromLatin1(tab));
        m_runner->waitForIdle();
        QApplication::processEvents();
    }

    /// Selects the file `name` in a PackagePicker's list.
    void pick(const QString& list, const std::filesystem::path& file)
    {
        auto* w = find<QListWidget>(list);
        ASSERT_NE(w, nullptr);
        for (int i = 0; i < w->count(); ++i) {
            if (w->item(i)->data(Qt::UserRole).toString().toStdString() == file.string()) {
                w->setCurrentRow(i);
                return;
            }
        }
        FAIL() << "not listed: " << file;
    }

    crypto::Ed25519PrivateKey devKey()
    {
        const auto text = sigma::test::readText(std::string(SIGMA_TEST_DATA_DIR) + "/update/dev-signing-key");
        auto bytes = crypto::fromHex(text.substr(0, 64));
        crypto::Ed25519PrivateKey key{};
        std::copy(bytes->begin(), bytes->end(), key.begin());
        return key;
    }

    /// Every path under the install root, to prove a refusal wrote nothing.
    std::vector<std::string> installTree()
    {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::recursive_directory_iterator(m_installRoot)) {
            out.push_back(e.path().string());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    fiscal::Operator op() { return fiscal::Operator{"Петров Техник", ""}; }

    std::filesystem::path m_installRoot;
};

} // namespace sigma::terminal::test_support

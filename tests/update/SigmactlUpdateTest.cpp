// sigmactl's update commands as the publisher and the technician run them, and the promise that
// makes rollback safe: the previous release keeps working on a database the new one migrated,
// and no sale made on the new release is lost.

#include "core/ExactJson.h"
#include "db/Migrations.h"
#include "db/SqliteConnection.h"
#include "store/Schema.h"
#include "support/Process.h"
#include "support/TempDir.h"
#include "update/PackageFixture.h"

#include <gtest/gtest.h>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;
const std::string kData = SIGMA_TEST_DATA_DIR;

class SigmactlUpdate : public ::testing::Test {
protected:
    core::Json run(const std::vector<std::string>& args, const std::string& input = {}, int expectedExit = 0)
    {
        std::vector<std::string> all = {"--data-dir", (m_dir / "data").string()};
        all.insert(all.end(), args.begin(), args.end());
        const auto result = test::runProcess(kSigmactl, all, input, {"SIGMA_TEST_CHEAP_HASHES=1"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << "\n" << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    std::string sell(const std::string& barcode)
    {
        const auto sale = run({"sale", "-"}, R"({"pin": "2468", "lines": [{"barcode": ")" + barcode +
                                                 R"("}], "payments": [{"type": "cash", "sum": 5000}]})");
        EXPECT_EQ(sale["status"], "fiscalized") << sale.dump(2);
        return sale.value("uuid", std::string());
    }

    test::TempDir m_dir{"sigma-cli-update"};
};

TEST_F(SigmactlUpdate, ThePublisherSignsAndTheTechnicianApplies)
{
    test::makeRelease(m_dir / "tree", "1.0.0");
    const auto key = run({"package", "keygen", "--private", (m_dir / "key").string(), "--public",
                          (m_dir / "key.pub").string()});
    EXPECT_EQ(key["keyId"].get<std::string>().size(), 16u);
    EXPECT_EQ(std::filesystem::status(m_dir / "key").permissions() & std::filesystem::perms::others_read,
              std::filesystem::perms::none);
    // The private key is never overwritten.
    run({"package", "keygen", "--private", (m_dir / "key").string(), "--public", (m_dir / "k2.pub").string()}, {}, 1);

    const auto signedPackage = run({"package", "sign", "--key", (m_dir / "key").string(), "--version", "1.0.0",
                                    "--notes", "Первый выпуск", "--from", (m_dir / "tree").string(), "--out",
                                    (m_dir / "own.tar.gz").string()});
    EXPECT_EQ(signedPackage["files"], 4);
    const auto verified = run({"package", "verify", (m_dir / "own.tar.gz").string(), "--trust-key",
                               (m_dir / "key.pub").string()});
    EXPECT_EQ(verified["valid"], true);
    EXPECT_EQ(verified["notes"], "Первый выпуск");
    EXPECT_EQ(verified["signedBy"], key["keyId"]);

    // A key of one's own is not trusted by the terminal: --trust-key changes nothing for apply.
    const auto root = (m_dir / "root").string();
    const auto refused = run({"update", "apply", (m_dir / "own.tar.gz").string(), "--root", root}, {}, 1);
    EXPECT_EQ(refused["error"]["code"], 2402);
    EXPECT_EQ(run({"update", "status", "--root", root})["current"], nullptr);

    // The committed test key: trusted only by builds configured with SIGMA_UPDATE_DEV_KEY.
    run({"package", "sign", "--key", kData + "/update/dev-signing-key", "--version", "1.0.0", "--from",
         (m_dir / "tree").string(), "--out", (m_dir / "dev.tar.gz").string()});
    const bool devTrusted = run({"update", "status", "--root", root})["devKeyTrusted"].get<bool>();
    EXPECT_EQ(devTrusted, SIGMA_TEST_DEV_KEY_TRUSTED != 0);
    if (!devTrusted) {
        const auto release = run({"update", "apply", (m_dir / "dev.tar.gz").string(), "--root", root}, {}, 1);
        EXPECT_EQ(release["error"]["code"], 2402); // a release binary never accepts the public test key
        return;
    }
    const auto applied = run({"update", "apply", (m_dir / "dev.tar.gz").string(), "--root", root});
    EXPECT_EQ(applied["version"], "1.0.0");
    EXPECT_EQ(applied["restartRequired"], true);
    test::makeRelease(m_dir / "tree2", "1.1.0");
    run({"package", "sign", "--key", kData + "/update/dev-signing-key", "--version", "1.1.0", "--min-version", "1.0.0",
         "--from", (m_dir / "tree2").string(), "--out", (m_dir / "dev2.tar.gz").string()});
    EXPECT_EQ(run({"update", "apply", (m_dir / "dev2.tar.gz").string(), "--root", root})["previous"], "1.0.0");
    EXPECT_EQ(run({"update", "apply", (m_dir / "dev.tar.gz").string(), "--root", root}, {}, 1)["error"]["code"], 2407);
    const auto rolledBack = run({"update", "rollback", "--root", root, "--reason", "касса зависает"});
    EXPECT_EQ(rolledBack["current"], "1.0.0");
    EXPECT_EQ(rolledBack["lastRollback"]["reason"], "касса зависает");
}

TEST_F(SigmactlUpdate, FirmwareOfTheEmulatedRegister)
{
    run({"init", "--business", "trade", "--admin-pin", "1357"});
    const auto info = run({"firmware", "info"});
    EXPECT_EQ(info["driver"], "emulator");
    EXPECT_EQ(info["canFlash"], true);
    EXPECT_EQ(info["firmwareVersion"], "5.8.100");
    test::writeText(m_dir / "fw/firmware.bin", std::string(100000, 'f'));
    run({"package", "sign", "--key", kData + "/update/dev-signing-key", "--component", "kkt-firmware", "--version",
         "5.9.0", "--from", (m_dir / "fw").string(), "--out", (m_dir / "fw.tar.gz").string()});
    if (SIGMA_TEST_DEV_KEY_TRUSTED == 0) {
        EXPECT_EQ(run({"firmware", "flash", (m_dir / "fw.tar.gz").string(), "--root", (m_dir / "root").string()}, {},
                      1)["error"]["code"],
                  2402);
        return;
    }
    const auto flashed = run({"firmware", "flash", (m_dir / "fw.tar.gz").string(), "--root", (m_dir / "root").string()});
    EXPECT_EQ(flashed["previousVersion"], "5.8.100");
    EXPECT_EQ(run({"firmware", "info"})["firmwareVersion"], "5.9.0");
}

TEST_F(SigmactlUpdate, RollbackAfterSalesOnTheNewReleaseLosesNothing)
{
    // The shop on release N (this sigmactl).
    run({"init", "--business", "trade", "--admin-pin", "1357"});
    run({"staff", "change-pin", "--pin", "1357", "--new-pin", "2468"});
    run({"catalog", "import", kData + "/catalog/shop.csv"});
    run({"shift", "open", "--pin", "2468"});
    sell("4601234567893");
    const auto dbPath = m_dir / "data" / "terminal.db";
    EXPECT_EQ(run({"health"})["healthy"], true);

    // Release N+1 starts: it migrates terminal.db one step further, expand-only (a new column
    // with a default, a new table), as docs/updates.md requires of every release.
    int known = 0;
    for (const auto& m : store::schemaMigrations()) {
        known = std::max(known, m.version);
    }
    const int future = known + 1000;
    {
        auto db = db::SqliteConnection::open(dbPath);
        ASSERT_TRUE(db.ok());
        std::vector<db::Migration> migrations(store::schemaMigrations().begin(), store::schemaMigrations().end());
        migrations.push_back({future, "next release: loyalty notes",
                              "ALTER TABLE receipts ADD COLUMN loyalty_note TEXT NOT NULL DEFAULT '';"
                              "CREATE TABLE loyalty_log (receipt_id TEXT NOT NULL, points INTEGER NOT NULL);"});
        ASSERT_TRUE(db::migrate(**db, migrations).ok());
    }
    // Sales on release N+1, which also writes its new column and table.
    const std::string onNew = sell("4601234567893");
    {
        auto db = db::SqliteConnection::open(dbPath);
        ASSERT_TRUE((*db)->execute("UPDATE receipts SET loyalty_note = 'бонус' WHERE id = $1", {onNew}).ok());
        ASSERT_TRUE((*db)->execute("INSERT INTO loyalty_log VALUES ($1, 10)", {onNew}).ok());
    }

    // Rolled back to release N: it opens the newer database, passes its health check and sells.
    const auto health = run({"health"});
    EXPECT_EQ(health["healthy"], true);
    EXPECT_EQ(health["schemaVersion"], future);
    EXPECT_EQ(health["knownSchemaVersion"], known);
    sell("4601234567893");
    const auto journal = run({"journal", "verify"});
    EXPECT_EQ(journal["ok"], true) << journal.dump();

    auto db = db::SqliteConnection::open(dbPath);
    auto count = (*db)->queryOne("SELECT COUNT(*) FROM receipts WHERE status = 'fiscalized'");
    EXPECT_EQ((*count)->int64(0), 3); // nothing lost, on either side of the rollback
    auto note = (*db)->queryOne("SELECT loyalty_note FROM receipts WHERE id = $1", {onNew});
    EXPECT_EQ((*note)->text(0), "бонус"); // the newer release's data survives the older one
    auto log = (*db)->queryOne("SELECT COUNT(*) FROM loyalty_log");
    EXPECT_EQ((*log)->int64(0), 1);
    auto version = (*db)->queryOne("SELECT MAX(version) FROM schema_migrations");
    EXPECT_EQ((*version)->int64(0), future); // the older release never "downgrades" the schema
}

} // namespace
} // namespace sigma

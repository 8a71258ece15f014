// sigmactl catalog import / search / scan, run as an operator runs them: the real binary on a
// data directory, JSON on stdout.

#include "core/ExactJson.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;

class SigmactlCatalogTest : public ::testing::Test {
protected:
    test::ProcessResult run(std::vector<std::string> args, const std::string& input = {})
    {
        args.insert(args.begin(), {"--data-dir", m_dir.path().string()});
        return test::runProcess(kSigmactl, args, input);
    }

    static core::Json parse(const test::ProcessResult& r)
    {
        auto doc = core::parseJsonExact(r.out);
        EXPECT_TRUE(doc.ok()) << "stdout is not JSON: " << r.out << "\nstderr: " << r.err;
        return doc.ok() ? *doc : core::Json();
    }

    std::string writeFile(const std::string& name, const std::string& content)
    {
        const auto path = m_dir / name;
        std::ofstream(path, std::ios::binary) << content;
        return path.string();
    }

    test::TempDir m_dir{"sigma-cli-catalog"};
};

TEST_F(SigmactlCatalogTest, ImportThenSearchAndScan)
{
    const auto file = writeFile("goods.csv", "sku;name;price;barcodes;weighed;plu\n"
                                             "M-1;Молоко Простоквашино 3,2%;89,90;4601234567893;0;\n"
                                             "M-2;Ёжик печенье;59,90;;0;\n"
                                             "M-3;Яблоки Голден;149,90;;1;12345\n"
                                             "M-4;Кефир;12.345;;0;\n"
                                             "M-5;Ряженка;70;4601234567893;0;\n");
    const auto imported = run({"catalog", "import", file});
    ASSERT_EQ(imported.exitCode, 0) << imported.out << imported.err;
    const auto report = parse(imported);
    EXPECT_EQ(report["imported"], 3);
    EXPECT_EQ(report["updated"], 0);
    ASSERT_EQ(report["rejected"].size(), 2u) << imported.out;
    EXPECT_EQ(report["rejected"][0]["line"], 5);
    EXPECT_EQ(report["rejected"][0]["field"], "price");
    EXPECT_EQ(report["rejected"][1]["line"], 6);
    EXPECT_EQ(report["rejected"][1]["code"], 1620);

    const auto search = run({"catalog", "search", "vjkjrj", "--limit", "5"});
    ASSERT_EQ(search.exitCode, 0) << search.out << search.err;
    const auto found = parse(search);
    ASSERT_GE(found["count"].get<int>(), 1) << search.out;
    EXPECT_EQ(found["results"][0]["product"]["sku"], "M-1");
    EXPECT_EQ(found["results"][0]["match"], "layout");
    // Decimals are read back exactly (parseJsonExact keeps their text).
    EXPECT_EQ(core::moneyFromJson(found["results"][0]["product"]["price"], "price")->kopecks(), 8990);
    EXPECT_EQ(found["results"][0]["product"]["barcodes"][0], "4601234567893");

    const auto typo = parse(run({"catalog", "search", "ежик"}));
    ASSERT_EQ(typo["count"], 1);
    EXPECT_EQ(typo["results"][0]["product"]["name"], "Ёжик печенье");

    const auto scan = run({"catalog", "scan", "2012345012349"});
    ASSERT_EQ(scan.exitCode, 0) << scan.out << scan.err;
    const auto scanned = parse(scan);
    EXPECT_EQ(scanned["kind"], "weightLabel");
    EXPECT_EQ(scanned["product"]["sku"], "M-3");
    EXPECT_EQ(core::quantityFromJson(scanned["weight"], "weight")->thousandths(), 1234);

    const auto unknown = run({"catalog", "scan", "73513537"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_EQ(parse(unknown)["error"]["code"], 1610);

    // Importing the same file again updates instead of duplicating.
    const auto again = parse(run({"catalog", "import", file}));
    EXPECT_EQ(again["imported"], 0);
    EXPECT_EQ(again["updated"], 3);
}

TEST_F(SigmactlCatalogTest, JsonFromStandardInput)
{
    const auto r = run({"catalog", "import", "-"},
                       R"({"products": [{"sku": "J-1", "name": "Квас", "price": 50.5}, {"sku": "J-2", "price": 1}]})");
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto report = parse(r);
    EXPECT_EQ(report["format"], "json");
    EXPECT_EQ(report["imported"], 1);
    ASSERT_EQ(report["rejected"].size(), 1u);
    EXPECT_EQ(report["rejected"][0]["index"], 1);
    EXPECT_EQ(parse(run({"catalog", "search", "J-1"}))["results"][0]["match"], "sku");
}

TEST_F(SigmactlCatalogTest, QueriesThatLookLikeSyntaxAreJustText)
{
    ASSERT_EQ(run({"catalog", "import", "-"}, "name;price\nМолоко;10\n").exitCode, 0);
    for (const std::string query :
         {"\"", "*", "NEAR(a b)", "^молоко", "молоко OR", "'; DROP TABLE products; --", "\xFF\xFE"}) {
        const auto r = run({"catalog", "search", "--", query});
        EXPECT_EQ(r.exitCode, 0) << query << ": " << r.out << r.err;
        EXPECT_TRUE(parse(r).contains("results")) << query;
    }
    const auto minus = parse(run({"catalog", "search", "--", "-молоко"}));
    EXPECT_EQ(minus["count"], 1);
}

TEST_F(SigmactlCatalogTest, ErrorsAreJson)
{
    // Nothing imported yet: a reader cannot open a database that does not exist.
    const auto noDb = run({"catalog", "search", "молоко"});
    EXPECT_EQ(noDb.exitCode, 1);
    EXPECT_TRUE(parse(noDb).contains("error")) << noDb.out;

    const auto missing = run({"catalog", "import", (m_dir / "missing.csv").string()});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(parse(missing)["error"]["code"], 1004);

    const auto badFile = run({"catalog", "import", "-"}, "sku;name\nA;B\n");
    EXPECT_EQ(badFile.exitCode, 1);
    EXPECT_EQ(parse(badFile)["error"]["code"], 1630);

    const auto badLimit = run({"catalog", "search", "x", "--limit", "0"});
    EXPECT_EQ(badLimit.exitCode, 1);
    EXPECT_EQ(parse(badLimit)["error"]["code"], 1001);
}

} // namespace
} // namespace sigma

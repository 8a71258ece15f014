#pragma once

#include "core/Uuid.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/CatalogRepository.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace sigma::test {

/// A migrated terminal.db in a temporary directory with a CatalogRepository over it.
class CatalogFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto database =
            store::TerminalDatabase::open(m_dir / "terminal.db", store::TerminalDatabase::Access::Writer, "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
        m_repository = std::make_unique<store::CatalogRepository>(*m_database);
    }

    std::string newId() { return core::Uuid::generateV7(m_clock, m_random).toString(); }

    store::CatalogProduct product(const std::string& name, std::int64_t priceKopecks, const std::string& sku = {},
                                  std::vector<std::string> barcodes = {})
    {
        store::CatalogProduct p;
        p.id = newId();
        p.name = name;
        p.sku = sku;
        p.price = core::Money::fromKopecks(priceKopecks);
        p.barcodes = std::move(barcodes);
        p.updatedAtUs = core::toUnixMicros(m_clock.now());
        return p;
    }

    /// Upserts and fails the test on error; returns the product as written.
    store::CatalogProduct add(store::CatalogProduct p)
    {
        auto written = m_repository->upsertProduct(p);
        EXPECT_TRUE(written.ok()) << p.name << ": " << written.error().message;
        return p;
    }

    store::CatalogRepository& repo() { return *m_repository; }

    TempDir m_dir{"sigma-catalog"};
    ManualClock m_clock;
    SeededRandom m_random{7};
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<store::CatalogRepository> m_repository;
};

} // namespace sigma::test

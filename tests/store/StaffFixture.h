#pragma once

#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma::test {

/// A migrated terminal.db in a temporary directory, with a clock and random source to go with it.
class StaffFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto database =
            store::TerminalDatabase::open(m_dir / "terminal.db", store::TerminalDatabase::Access::Writer, "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
    }

    db::Connection& connection() { return m_database->connection(); }
    core::Uuid newId() { return core::Uuid::generateV7(m_clock, m_random); }

    TempDir m_dir{"sigma-staff"};
    ManualClock m_clock;
    SeededRandom m_random{31};
    std::unique_ptr<store::TerminalDatabase> m_database;
};

} // namespace sigma::test

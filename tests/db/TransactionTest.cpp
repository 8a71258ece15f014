#include "db/Transaction.h"

#include "core/ErrorCodes.h"
#include "db/DbTestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sigma::db {
namespace {

using test::isOk;
using test::valueOf;

class TransactionTest : public test::SqliteTest {
protected:
    void SetUp() override
    {
        m_db = open();
        ASSERT_TRUE(isOk(m_db->execute("CREATE TABLE t(x INTEGER UNIQUE)")));
    }

    std::int64_t count(Connection& connection)
    {
        return valueOf(connection.queryOne("SELECT COUNT(*) FROM t"))->int64(0);
    }

    std::unique_ptr<SqliteConnection> m_db;
};

/// Two inserts that must happen together; the second fails on a duplicate.
core::Status insertPair(Connection& connection, int a, int b)
{
    SIGMA_ASSIGN_OR_RETURN(auto transaction, Transaction::begin(connection, TransactionMode::Immediate));
    SIGMA_TRY(connection.execute("INSERT INTO t VALUES ($1)", {a}));
    SIGMA_TRY(connection.execute("INSERT INTO t VALUES ($1)", {b}));
    return transaction.commit();
}

TEST_F(TransactionTest, CommitIsVisibleToOthers)
{
    auto other = open();
    auto transaction = valueOf(Transaction::begin(*m_db));
    EXPECT_TRUE(transaction.active());
    EXPECT_TRUE(m_db->inTransaction());
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (1)")));
    EXPECT_EQ(count(*other), 0) << "not visible before commit";
    ASSERT_TRUE(isOk(transaction.commit()));
    EXPECT_FALSE(transaction.active());
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(count(*other), 1);
}

TEST_F(TransactionTest, RollsBackAtScopeExit)
{
    {
        auto transaction = valueOf(Transaction::begin(*m_db, TransactionMode::Immediate));
        ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (1)")));
        EXPECT_EQ(count(*m_db), 1);
    }
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(count(*m_db), 0);
}

TEST_F(TransactionTest, EarlyErrorReturnRollsBack)
{
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (2)")));
    auto status = insertPair(*m_db, 1, 2);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbConstraint);
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(count(*m_db), 1) << "the first insert of the pair is gone too";
    EXPECT_TRUE(isOk(insertPair(*m_db, 3, 4)));
    EXPECT_EQ(count(*m_db), 3);
}

TEST_F(TransactionTest, ExplicitRollback)
{
    auto transaction = valueOf(Transaction::begin(*m_db, TransactionMode::Exclusive));
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (1)")));
    ASSERT_TRUE(isOk(transaction.rollback()));
    EXPECT_FALSE(transaction.active());
    EXPECT_EQ(count(*m_db), 0);
    EXPECT_FALSE(transaction.commit().ok()) << "nothing left to commit";
    EXPECT_FALSE(transaction.rollback().ok());
}

TEST_F(TransactionTest, MoveTransfersTheTransaction)
{
    auto first = valueOf(Transaction::begin(*m_db));
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (1)")));
    Transaction second = std::move(first);
    EXPECT_FALSE(first.active()); // NOLINT(bugprone-use-after-move): the moved-from state is the point
    EXPECT_TRUE(second.active());
    {
        Transaction third = std::move(second);
        ASSERT_TRUE(isOk(third.commit()));
    }
    EXPECT_EQ(count(*m_db), 1);

    // Move-assigning over an active transaction rolls that one back first.
    auto fourth = valueOf(Transaction::begin(*m_db));
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (2)")));
    fourth = std::move(second); // an inactive one
    EXPECT_FALSE(fourth.active());
    EXPECT_FALSE(m_db->inTransaction());
    EXPECT_EQ(count(*m_db), 1);
}

TEST_F(TransactionTest, NoNestedTransactions)
{
    auto transaction = valueOf(Transaction::begin(*m_db));
    auto nested = Transaction::begin(*m_db);
    ASSERT_FALSE(nested.ok());
    EXPECT_EQ(nested.error().code, core::errc::kDbError);
    EXPECT_THAT(nested.error().message, ::testing::HasSubstr("within a transaction"));
    EXPECT_TRUE(transaction.active());
    EXPECT_TRUE(m_db->inTransaction());
}

TEST_F(TransactionTest, RawBeginCommitRollback)
{
    for (const auto mode : {TransactionMode::Deferred, TransactionMode::Immediate, TransactionMode::Exclusive}) {
        ASSERT_TRUE(isOk(m_db->begin(mode)));
        EXPECT_TRUE(m_db->inTransaction());
        ASSERT_TRUE(isOk(m_db->rollback()));
        EXPECT_FALSE(m_db->inTransaction());
    }
    ASSERT_TRUE(isOk(m_db->begin()));
    ASSERT_TRUE(isOk(m_db->execute("INSERT INTO t VALUES (1)")));
    ASSERT_TRUE(isOk(m_db->commit()));
    EXPECT_EQ(count(*m_db), 1);
    EXPECT_FALSE(m_db->commit().ok());
}

} // namespace
} // namespace sigma::db

#pragma once

#include "core/Result.h"
#include "db/DbTempDir.h"
#include "db/SqliteConnection.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace sigma::test {

/// The value of a Result the test expects to succeed; otherwise the test fails with the error
/// (gtest reports the exception) instead of asserting inside Result.
template <typename T> T valueOf(core::Result<T> result)
{
    if (!result.ok()) {
        throw std::runtime_error("unexpected error " + std::to_string(result.error().code) + ": " +
                                 result.error().message);
    }
    return std::move(result).value();
}

inline ::testing::AssertionResult isOk(const core::Status& status)
{
    if (status.ok()) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "error " << status.error().code << ": " << status.error().message;
}

/// A temporary directory and connections to SQLite files in it.
class SqliteTest : public ::testing::Test {
protected:
    std::unique_ptr<db::SqliteConnection> open(std::string_view name = "test.db", const db::SqliteOptions& options = {})
    {
        return valueOf(db::SqliteConnection::open(m_dir.file(name), options));
    }

    DbTempDir m_dir;
};

} // namespace sigma::test

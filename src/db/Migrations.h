#pragma once

#include "core/Result.h"
#include "db/Connection.h"

#include <span>
#include <string_view>

namespace sigma::db {

/// One step of a schema's history. `sql` may hold several statements but no BEGIN/COMMIT: each
/// migration runs in a transaction of its own, together with its row in schema_migrations.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// Brings the schema up to date: creates schema_migrations(version, name, applied_at) if needed,
/// then applies, in ascending order, each given migration whose version is not recorded there.
///
/// `migrations` must have positive, strictly ascending versions (else kDbBadMigrations, and
/// nothing is applied). A migration that fails is rolled back whole and stops the run; those
/// before it stay applied.
///
/// Versions newer than any in `migrations` are not an error: migrations are expand-only, so an
/// older binary (after an update was rolled back) still works on a database a newer one migrated.
/// Two processes migrating at once are safe: each migration takes the write lock first and
/// re-checks whether the other already applied it.
core::Status migrate(Connection& connection, std::span<const Migration> migrations);

/// The highest applied version; 0 for a database never migrated.
core::Result<int> schemaVersion(Connection& connection);

} // namespace sigma::db

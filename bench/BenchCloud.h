#pragma once
// The throwaway cloud every figure-printing cloud benchmark (sigma_cloud_load,
// sigma_cloud_analytics, sigma_cloud_catalog, sigma_finance_bench) runs against: a temporary data
// directory, and the database: SQLite in that directory, or a fresh schema on the PostgreSQL
// server `--db` names, so a run never touches another's tables.
#include "BenchCheck.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "crypto/OsRandom.h"
#include "crypto/PasswordHasher.h"
#include "db/ConnectionFactory.h"

#include <filesystem>
#include <string>

namespace sigma::bench {

struct BenchCloud {
    std::filesystem::path dir;
    std::string adminUrl; ///< --db as given (empty: SQLite)
    std::string url;      ///< what the server opens: the SQLite file, or the schema on PostgreSQL
    std::string pgSchema; ///< empty on SQLite
    cloud::CloudConfig config;

    [[nodiscard]] bool postgres() const { return !pgSchema.empty(); }

    /// `name` tells the directory and the schema apart ("cloud_load" → sigma-cloud_load-XXXXXX).
    static BenchCloud create(const std::string& name, const std::string& dbUrl, const std::string& publicUrl)
    {
        BenchCloud cloud;
        cloud.dir = std::filesystem::temp_directory_path() / ("sigma-" + name + "-" + crypto::randomToken(6));
        std::filesystem::create_directories(cloud.dir);
        cloud.adminUrl = dbUrl;
        cloud.url = dbUrl.empty() ? cloud::defaultDatabaseUrl(cloud.dir) : dbUrl;
        if (cloud.url.rfind("postgres", 0) == 0) {
            auto admin = check(db::openDatabase(cloud.url), "connect");
            cloud.pgSchema = name + "_" + crypto::randomToken(6);
            check(admin->execute("CREATE SCHEMA " + cloud.pgSchema), "create schema");
            cloud.url += (cloud.url.find('?') == std::string::npos ? "?" : "&") +
                         std::string("options=-csearch_path%3D") + cloud.pgSchema;
        }
        cloud.config.dataDir = cloud.dir;
        cloud.config.dbUrl = cloud.url;
        cloud.config.port = 0;
        cloud.config.publicUrl = publicUrl;
        cloud.config.accessLog = false;
        cloud.config.argon2 = crypto::Argon2Cost{1, 8, 1}; // sign-in cost is not what these measure
        return cloud;
    }

    /// Removes the schema and the directory (the caller has closed its connections first).
    void drop() const
    {
        if (postgres()) {
            auto admin = check(db::openDatabase(adminUrl), "connect");
            check(admin->execute("DROP SCHEMA " + pgSchema + " CASCADE"), "drop schema");
        }
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

} // namespace sigma::bench

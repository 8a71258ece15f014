#include "cloud/AuditService.h"

#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"

namespace sigma::cloud {

core::Result<core::Json> AuditService::list(const Session& session, const std::optional<std::string>& before, int limit)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewAudit));
    if (limit < 1 || limit > kMaxLimit) {
        return core::Error(core::errc::kInvalidArgument, "limit is 1.." + std::to_string(kMaxLimit), "limit");
    }
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    // Pages run by (at, id) descending: ids alone are only roughly time-ordered.
    std::vector<db::Row> rows;
    if (before) {
        SIGMA_ASSIGN_OR_RETURN(auto anchor, db.queryOne("SELECT at FROM audit_log WHERE id = $1 AND account_id = $2",
                                                        {*before, session.accountId}));
        if (!anchor) {
            return core::Error(core::errc::kNotFound, "no such audit entry", "before");
        }
        SIGMA_ASSIGN_OR_RETURN(
            rows, db.query("SELECT id, at, actor, action, details FROM audit_log WHERE account_id "
                           "= $1 AND (at < $2 OR (at = $2 AND id < $3)) ORDER BY at DESC, id DESC "
                           "LIMIT $4",
                           {session.accountId, anchor->int64(0), *before, static_cast<std::int64_t>(limit + 1)}));
    } else {
        SIGMA_ASSIGN_OR_RETURN(rows, db.query("SELECT id, at, actor, action, details FROM audit_log WHERE account_id "
                                              "= $1 ORDER BY at DESC, id DESC LIMIT $2",
                                              {session.accountId, static_cast<std::int64_t>(limit + 1)}));
    }
    core::Json entries = core::Json::array();
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
        const auto& row = rows[i];
        auto details = core::parseJsonExact(row.text(4));
        entries.push_back({{"id", row.text(0)},
                           {"at", row.int64(1)},
                           {"actor", row.text(2)},
                           {"action", row.text(3)},
                           {"details", details ? *details : core::Json::object()}});
    }
    core::Json next = nullptr;
    if (rows.size() > static_cast<std::size_t>(limit)) {
        next = entries.back()["id"];
    }
    return core::Json{{"entries", entries}, {"next", next}};
}

} // namespace sigma::cloud

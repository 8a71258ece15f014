#pragma once

#include "cloud/AuthService.h"
#include "core/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace sigma::cloud {

/// What a cabinet user may do. The whole role × permission matrix lives in Permissions.cpp
/// (documented in docs/cloud.md, "Roles and permissions"); every cabinet endpoint names one.
enum class Permission {
    ViewAccount = 1, ///< GET /me
    ViewCatalog,     ///< GET /products
    EditCatalog,     ///< POST/PUT/DELETE /products
    ViewStaff,       ///< GET /employees
    EditStaff,       ///< POST/PUT/DELETE /employees
    ViewAudit,       ///< GET /audit
    ViewAnalytics,   ///< GET /analytics
    ViewFinance,     ///< GET /shifts, /receipts, /cash-operations (the cabinet's «Финансы»)
    ManageUsers,     ///< GET/POST/PUT /users (who may manage whom: UserService)
};

/// The roles a user (and an employee) can have.
[[nodiscard]] bool isKnownRole(std::string_view role);
/// Whether `role` has `permission`; an unknown role has none.
[[nodiscard]] bool roleAllows(std::string_view role, Permission permission);
/// The names of the permissions `role` has (`viewAnalytics`, `manageUsers`, ...), for GET /me:
/// the cabinet offers the sections and actions of exactly these, from this one matrix.
[[nodiscard]] std::vector<std::string> permissionNames(std::string_view role);
/// kForbidden (403) unless the session's role has the permission.
[[nodiscard]] core::Status requirePermission(const Session& session, Permission permission);

} // namespace sigma::cloud

#include "cloud/Permissions.h"

#include "cloud/CloudErrors.h"

#include <array>

namespace sigma::cloud {

namespace {

constexpr unsigned bit(Permission permission)
{
    return 1U << static_cast<unsigned>(permission);
}

struct RoleGrants {
    std::string_view role;
    unsigned grants; ///< bit(Permission) ORed
};

constexpr unsigned kEveryone = bit(Permission::ViewAccount) | bit(Permission::ViewCatalog);
// Managers see the money too (shifts, receipts, cash): the administrator closes the day with them.
constexpr unsigned kManager = kEveryone | bit(Permission::EditCatalog) | bit(Permission::ViewStaff) |
                              bit(Permission::EditStaff) | bit(Permission::ViewAnalytics) |
                              bit(Permission::ViewFinance) | bit(Permission::ManageUsers);

// The matrix. The owner alone reads the audit log (it records the administrators' actions too);
// cashiers and technicians work on the terminals and only look at the account and the catalog
// (the analytics shows every cashier's takings, so it stays with the managers). Both managers
// manage cabinet users, but an administrator only cashiers and technicians (UserService).
constexpr std::array<RoleGrants, 4> kMatrix{{
    {"owner", kManager | bit(Permission::ViewAudit)},
    {"administrator", kManager},
    {"cashier", kEveryone},
    {"technician", kEveryone},
}};

struct PermissionName {
    Permission permission;
    std::string_view name;
};

constexpr std::array<PermissionName, 9> kNames{{
    {Permission::ViewAccount, "viewAccount"},
    {Permission::ViewCatalog, "viewCatalog"},
    {Permission::EditCatalog, "editCatalog"},
    {Permission::ViewStaff, "viewStaff"},
    {Permission::EditStaff, "editStaff"},
    {Permission::ViewAudit, "viewAudit"},
    {Permission::ViewAnalytics, "viewAnalytics"},
    {Permission::ViewFinance, "viewFinance"},
    {Permission::ManageUsers, "manageUsers"},
}};

} // namespace

std::vector<std::string> permissionNames(std::string_view role)
{
    std::vector<std::string> names;
    for (const auto& entry : kNames) {
        if (roleAllows(role, entry.permission)) {
            names.emplace_back(entry.name);
        }
    }
    return names;
}

bool isKnownRole(std::string_view role)
{
    for (const auto& entry : kMatrix) {
        if (entry.role == role) {
            return true;
        }
    }
    return false;
}

bool roleAllows(std::string_view role, Permission permission)
{
    for (const auto& entry : kMatrix) {
        if (entry.role == role) {
            return (entry.grants & bit(permission)) != 0;
        }
    }
    return false;
}

core::Status requirePermission(const Session& session, Permission permission)
{
    if (!roleAllows(session.role, permission)) {
        return core::Error(errc::kForbidden, "your role (" + session.role + ") may not do this");
    }
    return core::ok();
}

} // namespace sigma::cloud

#pragma once

#include "store/EmployeeRepository.h"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace sigma::till {

/// What an employee may do on the terminal. Checked by the till's services (AuthService::require),
/// not only by the GUI, so sigmactl and the tests are held to the same rules.
enum class Permission {
    Sell = 1,
    ReturnWithReceipt,
    ReturnWithoutReceipt,
    ManualDiscountAboveLimit,
    CashIn,
    CashOut,
    OpenShift,
    CloseShift,
    Correction,
    ServiceMode,
    ManageStaff,
    ManageCatalog,
};

struct PermissionInfo {
    Permission permission;
    std::string_view name;  ///< machine spelling, e.g. in error fields and the cloud's role settings
    std::string_view title; ///< Russian, for the cashier
};

inline constexpr std::array<PermissionInfo, 12> kPermissions = {{
    {Permission::Sell, "sell", "Продажа"},
    {Permission::ReturnWithReceipt, "returnWithReceipt", "Возврат по чеку"},
    {Permission::ReturnWithoutReceipt, "returnWithoutReceipt", "Возврат без чека"},
    {Permission::ManualDiscountAboveLimit, "manualDiscountAboveLimit", "Ручная скидка выше лимита"},
    {Permission::CashIn, "cashIn", "Внесение"},
    {Permission::CashOut, "cashOut", "Выплата"},
    {Permission::OpenShift, "openShift", "Открытие смены"},
    {Permission::CloseShift, "closeShift", "Закрытие смены"},
    {Permission::Correction, "correction", "Чек коррекции"},
    {Permission::ServiceMode, "serviceMode", "Сервисный режим"},
    {Permission::ManageStaff, "manageStaff", "Управление сотрудниками"},
    {Permission::ManageCatalog, "manageCatalog", "Управление каталогом"},
}};

// The role -> permissions table. A cashier sells, takes back what was sold with a receipt and
// runs the shift; taking money out of the drawer, returns without a receipt, large manual
// discounts and corrections need a senior cashier (or a senior's override). The technician only
// services the equipment. The administrator runs the business on the terminal; only the owner
// has everything, the service mode included.
inline constexpr std::array kCashierPermissions = {
    Permission::Sell, Permission::ReturnWithReceipt, Permission::CashIn, Permission::OpenShift, Permission::CloseShift,
};
inline constexpr std::array kSeniorCashierPermissions = {
    Permission::Sell,
    Permission::ReturnWithReceipt,
    Permission::ReturnWithoutReceipt,
    Permission::ManualDiscountAboveLimit,
    Permission::CashIn,
    Permission::CashOut,
    Permission::OpenShift,
    Permission::CloseShift,
    Permission::Correction,
};
inline constexpr std::array kAdministratorPermissions = {
    Permission::Sell,
    Permission::ReturnWithReceipt,
    Permission::ReturnWithoutReceipt,
    Permission::ManualDiscountAboveLimit,
    Permission::CashIn,
    Permission::CashOut,
    Permission::OpenShift,
    Permission::CloseShift,
    Permission::Correction,
    Permission::ManageStaff,
    Permission::ManageCatalog,
};
inline constexpr std::array kOwnerPermissions = {
    Permission::Sell,
    Permission::ReturnWithReceipt,
    Permission::ReturnWithoutReceipt,
    Permission::ManualDiscountAboveLimit,
    Permission::CashIn,
    Permission::CashOut,
    Permission::OpenShift,
    Permission::CloseShift,
    Permission::Correction,
    Permission::ServiceMode,
    Permission::ManageStaff,
    Permission::ManageCatalog,
};
inline constexpr std::array kTechnicianPermissions = {
    Permission::ServiceMode,
};

struct RolePermissions {
    store::EmployeeRole role;
    std::span<const Permission> permissions;
};

inline constexpr std::array<RolePermissions, 5> kRolePermissions = {{
    {store::EmployeeRole::Owner, kOwnerPermissions},
    {store::EmployeeRole::Administrator, kAdministratorPermissions},
    {store::EmployeeRole::SeniorCashier, kSeniorCashierPermissions},
    {store::EmployeeRole::Cashier, kCashierPermissions},
    {store::EmployeeRole::Technician, kTechnicianPermissions},
}};

inline std::span<const Permission> permissionsOf(store::EmployeeRole role)
{
    for (const auto& entry : kRolePermissions) {
        if (entry.role == role) {
            return entry.permissions;
        }
    }
    return {};
}

inline bool roleHas(store::EmployeeRole role, Permission permission)
{
    const auto permissions = permissionsOf(role);
    return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

inline const PermissionInfo& permissionInfo(Permission permission)
{
    for (const auto& info : kPermissions) {
        if (info.permission == permission) {
            return info;
        }
    }
    return kPermissions[0]; // unreachable: every enumerator is in the table (a test checks it)
}

inline std::string_view permissionName(Permission permission)
{
    return permissionInfo(permission).name;
}

} // namespace sigma::till

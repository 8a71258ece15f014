#pragma once

#include "cloud/AuthService.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <string>

namespace sigma::cloud {

/// Products (with barcodes) and employees of one account. Every write appends to the account's
/// change log and the audit log in the same transaction; the devices pull the change log. Each call
/// checks its permission (Permissions.cpp).
class CatalogService {
public:
    explicit CatalogService(ServiceContext& context) : m_context(context) {}

    [[nodiscard]] core::Result<core::Json> listProducts(const Session& session);
    [[nodiscard]] core::Result<core::Json> createProduct(const Session& session, const core::Json& input);
    [[nodiscard]] core::Result<core::Json> updateProduct(const Session& session, const std::string& id,
                                                         const core::Json& input);
    [[nodiscard]] core::Status deleteProduct(const Session& session, const std::string& id);

    [[nodiscard]] core::Result<core::Json> listEmployees(const Session& session);
    [[nodiscard]] core::Result<core::Json> createEmployee(const Session& session, const core::Json& input);
    [[nodiscard]] core::Result<core::Json> updateEmployee(const Session& session, const std::string& id,
                                                          const core::Json& input);
    [[nodiscard]] core::Status deleteEmployee(const Session& session, const std::string& id);

private:
    ServiceContext& m_context;
};

} // namespace sigma::cloud

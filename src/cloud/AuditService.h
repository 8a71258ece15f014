#pragma once

#include "cloud/AuthService.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <optional>
#include <string>

namespace sigma::cloud {

/// The owner's view of the audit log: the account's security-relevant actions (sign-ins, password
/// changes, device activation and revocation, catalog and staff changes, event conflicts), newest
/// first, a page at a time.
class AuditService {
public:
    explicit AuditService(ServiceContext& context) : m_context(context) {}

    /// {entries: [{id, at, actor, action, details}], next: id | null}. `before` is the id of the
    /// last entry of the previous page (an id of another account is kNotFound); `limit` 1..200.
    [[nodiscard]] core::Result<core::Json> list(const Session& session, const std::optional<std::string>& before,
                                                int limit);

    static constexpr int kMaxLimit = 200;

private:
    ServiceContext& m_context;
};

} // namespace sigma::cloud

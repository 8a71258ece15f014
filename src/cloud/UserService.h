#pragma once

#include "cloud/AuthService.h"
#include "cloud/CloudDatabase.h"
#include "db/Row.h"
#include "db/Transaction.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <string>

namespace sigma::cloud {

/// The cabinet's users of one account («Настройки → Пользователи»): the list, invitations (an
/// e-mail or SMS with a one-time set-password link), role and name changes, disabling (which ends
/// the user's sessions at once) and enabling. Every call needs ManageUsers (Permissions.cpp); then:
/// only an owner manages owners and administrators (an administrator manages cashiers and
/// technicians), nobody disables or demotes themselves, the account always keeps an active owner,
/// and an e-mail or phone belongs to one user of the whole platform. Every change goes to the
/// audit log in its transaction. docs/cloud.md, "Cabinet users".
class UserService {
public:
    explicit UserService(ServiceContext& context) : m_context(context) {}

    /// {users: [user], assignableRoles: [role]}; each user carries `may` (what the caller may do
    /// to them) so the cabinet offers only that.
    [[nodiscard]] core::Result<core::Json> list(const Session& session);
    /// {name, email?, phone?, role} → the invited user (201). The link goes to the e-mail if
    /// there is one, else by SMS.
    [[nodiscard]] core::Result<core::Json> invite(const Session& session, const core::Json& input);
    /// A new link for a user still invited; the previous link stops working.
    [[nodiscard]] core::Result<core::Json> resendInvitation(const Session& session, const std::string& id);
    /// {role?, name?}: at least one.
    [[nodiscard]] core::Result<core::Json> update(const Session& session, const std::string& id,
                                                  const core::Json& input);
    [[nodiscard]] core::Result<core::Json> disable(const Session& session, const std::string& id);
    /// Withdraws an invitation nobody accepted: the invited user and their link are deleted (the
    /// e-mail or phone is free again). kConflict for a user who already set a password.
    [[nodiscard]] core::Status cancelInvitation(const Session& session, const std::string& id);
    /// Back to `active`, or to `invited` for a user who never set a password (a new link is then
    /// sent with resendInvitation).
    [[nodiscard]] core::Result<core::Json> enable(const Session& session, const std::string& id);

    /// What the set-password page greets an invited user with: {name, role, email, phone,
    /// account: {name, businessType}, expiresAt}. kWrongCode (field token) unless the link is live.
    [[nodiscard]] core::Result<core::Json> invitation(const std::string& token);
    /// Sets the invited user's password and activates them. false: the token is no live
    /// invitation's (the caller then tries it as a registration's).
    [[nodiscard]] core::Result<bool> acceptInvitation(const std::string& token, const std::string& password);

    /// Deletes the invited users (never active) holding `login` (an e-mail or phone) whose link
    /// expired: an invitation nobody accepted must not keep an address from its owner for good.
    /// Called before an address is checked for being taken (registration, invitation), inside
    /// the caller's transaction; recorded in the inviting account's audit log.
    [[nodiscard]] static core::Status releaseExpiredInvitations(db::Connection& db, const ServiceContext& context,
                                                                const std::string& login);

private:
    /// A change to one user of the session's account: the connection leased, a write
    /// transaction begun (the caller commits; leaving rolls back) and the user's row read.
    struct Change {
        CloudDatabase::Lease lease;
        db::Transaction tx;
        db::Row target; ///< kUserColumns
    };
    /// beginChange() and the rule of every change but one's own rename: the session's role must
    /// manage the target's (forbiddenRole otherwise).
    [[nodiscard]] core::Result<Change> beginManagedChange(const Session& session, const std::string& id);
    [[nodiscard]] core::Result<Change> beginChange(const Session& session, const std::string& id);

    /// Counts one invitation (or resend) to `login` against the account's and the address's
    /// limits; kRateLimited above them.
    [[nodiscard]] core::Status countInvitation(db::Connection& db, const Session& session, const std::string& login);
    /// Writes a fresh link (the user's earlier ones stop working); the message is sent by the
    /// caller after the commit.
    [[nodiscard]] core::Result<std::string> issueLink(db::Connection& db, const std::string& userId);
    [[nodiscard]] core::Status sendInvitation(const std::string& accountId, const std::string& inviterId,
                                              const core::Json& user, const std::string& token);

    ServiceContext& m_context;
};

/// Whether a user of role `actor` may invite, change, disable or enable a user of role `target`
/// (and give that role): an owner any role, an administrator cashiers and technicians only.
[[nodiscard]] bool managesRole(std::string_view actor, std::string_view target);

} // namespace sigma::cloud

#pragma once

#include "cloud/AuthService.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <map>
#include <string>

namespace sigma::cloud {

/// The cabinet's «Финансы»: cash shifts, receipts and cash operations of one account, read from
/// the projections of the devices' events (shifts, receipts, receipt_lines, receipt_payments,
/// cash_operations, card_reversals). Read only; every call checks Permission::ViewFinance.
///
/// Lists take the request's query parameters as given (`from`, `to` as the shop's local days
/// YYYY-MM-DD, inclusive; `limit` 1..200, default 50; `cursor` from the previous page) and answer
/// `{items: [...], next: cursor | null}`, newest first. Paging is by keyset on (time, id), so a
/// page costs the same deep in the list as at its head and receipts arriving meanwhile never shift
/// it. A malformed parameter, or a cursor not made by this server for the same filters, is
/// kInvalidArgument naming the parameter. Another account's ids are kNotFound. Money in kopecks,
/// times in UTC µs.
class FinanceService {
public:
    using Params = std::map<std::string, std::string>;

    explicit FinanceService(ServiceContext& context) : m_context(context) {}

    /// `from`, `to`, [`deviceId`], [`limit`], [`cursor`]: shifts opened in the period.
    [[nodiscard]] core::Result<core::Json> listShifts(const Session& session, const Params& params);
    /// One shift with the register's figures, the Z report, its cash operations and its receipts'
    /// totals as the cloud received them.
    [[nodiscard]] core::Result<core::Json> shift(const Session& session, const std::string& shiftId);
    /// `from`, `to` (optional with `shiftId`), [`operation` sell|sellReturn], [`payment`
    /// cash|card], [`deviceId`], [`shiftId`], [`limit`], [`cursor`]: fiscalized receipts.
    [[nodiscard]] core::Result<core::Json> listReceipts(const Session& session, const Params& params);
    /// One receipt: lines, payments (with the card slip's data), fiscal numbers, the customer's
    /// contact, the sale it returns or the returns of it, card reversals.
    [[nodiscard]] core::Result<core::Json> receipt(const Session& session, const std::string& receiptId);
    /// `from`, `to`, [`deviceId`], [`limit`], [`cursor`]: cash in / cash out.
    [[nodiscard]] core::Result<core::Json> listCashOperations(const Session& session, const Params& params);

    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;
    /// The shop's offset from UTC: accounts have no time zone of their own yet, so Moscow time.
    static constexpr std::int64_t kShopUtcOffsetMinutes = 180;

private:
    ServiceContext& m_context;
};

} // namespace sigma::cloud

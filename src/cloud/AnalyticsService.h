#pragma once

#include "cloud/AuthService.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sigma::cloud {

/// What the «Аналитика» page asks for: a period of the shop's local days (`YYYY-MM-DD`, both
/// ends included) and optional filters, as the query string carried them (validated here).
struct AnalyticsQuery {
    std::string from;
    std::string to;
    std::optional<std::string> deviceId;
    std::optional<std::string> employeeId;
};

/// The cabinet's sales analytics over the receipt projections (receipts, receipt_lines,
/// receipt_payments; docs/cloud.md "Analytics"): one JSON document per page view with the totals,
/// revenue by day, the payment split, the figures per employee, master and terminal, and the
/// product popularity. Money in kopecks, quantities in thousandths.
///
/// What counts: fiscalized `sell` and `sellCorrection` receipts are sales, `sellReturn` receipts
/// are returns, revenue is sales minus returns; `buy`, `buyReturn` and `buyCorrection` (the shop
/// buying from a customer) and failed receipts are not revenue and are left out.
class AnalyticsService {
public:
    /// The shop's local time: accounts have no time zone yet, so every account's days are Moscow
    /// time (UTC+3, no daylight saving since 2014).
    static constexpr std::int64_t kUtcOffsetMinutes = 180;
    /// The longest period one document covers, in days.
    static constexpr std::int64_t kMaxPeriodDays = 366;
    /// How many products each top list holds.
    static constexpr std::size_t kTopProducts = 10;

    explicit AnalyticsService(ServiceContext& context) : m_context(context) {}

    /// The analytics document of the session's account; kInvalidArgument (400) naming `from`,
    /// `to`, `deviceId` or `employeeId` for a malformed query, kNotFound (404) for a terminal or
    /// employee the account does not have.
    [[nodiscard]] core::Result<core::Json> report(const Session& session, const AnalyticsQuery& query);

private:
    ServiceContext& m_context;
};

} // namespace sigma::cloud

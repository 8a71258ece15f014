#include "cloud/AnalyticsService.h"

#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <span>
#include <vector>

namespace sigma::cloud {

namespace {

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
constexpr std::size_t kMaxIdLength = 128;

/// A strict `YYYY-MM-DD` that names a real calendar day → days since 1970-01-01.
std::optional<std::int64_t> parseDate(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int year = std::stoi(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (year < 2000 || !date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days(date).time_since_epoch().count();
}

std::string formatDate(std::int64_t daysSinceEpoch)
{
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{daysSinceEpoch}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

/// sum / count in whole kopecks, half up; 0 for no receipts.
std::int64_t average(std::int64_t sum, std::int64_t count)
{
    if (count <= 0) {
        return 0;
    }
    const std::int64_t half = sum >= 0 ? count : -count;
    return (2 * sum + half) / (2 * count);
}

core::Result<std::optional<std::string>> optionalId(const std::optional<std::string>& value, const char* field)
{
    if (!value || value->empty()) {
        return std::optional<std::string>();
    }
    if (value->size() > kMaxIdLength) {
        return core::Error(core::errc::kInvalidArgument, std::string(field) + " is too long", field);
    }
    return value;
}

/// Sales, returns and receipt counts of one group (a day, an employee, a terminal).
struct Figures {
    std::int64_t sales = 0;
    std::int64_t receipts = 0;
    std::int64_t returns = 0;
    std::int64_t returnCount = 0;

    void add(const Figures& other)
    {
        sales += other.sales;
        receipts += other.receipts;
        returns += other.returns;
        returnCount += other.returnCount;
    }
    [[nodiscard]] core::Json toJson() const
    {
        return {{"revenue", sales - returns}, {"sales", sales},
                {"receipts", receipts},       {"returns", returns},
                {"returnCount", returnCount}, {"averageReceipt", average(sales, receipts)}};
    }
};

/// Revenue and quantity of one product or master: sales minus returns.
struct LineFigures {
    std::int64_t revenue = 0;
    std::int64_t quantity = 0;
    std::int64_t lines = 0;
};

core::Json groupsToJson(const std::map<std::string, Figures>& groups, const std::map<std::string, std::string>& names,
                        const char* idKey)
{
    std::vector<std::pair<std::string, Figures>> sorted(groups.begin(), groups.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second.sales - a.second.returns > b.second.sales - b.second.returns;
    });
    core::Json list = core::Json::array();
    for (const auto& [id, figures] : sorted) {
        core::Json entry = figures.toJson();
        // An empty key is receipts without a cashier (events written before cashiers existed).
        entry[idKey] = id.empty() ? core::Json(nullptr) : core::Json(id);
        const auto name = names.find(id);
        entry["name"] = name != names.end() ? core::Json(name->second) : core::Json(nullptr);
        list.push_back(std::move(entry));
    }
    return list;
}

} // namespace

core::Result<core::Json> AnalyticsService::report(const Session& session, const AnalyticsQuery& query)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewAnalytics));
    if (query.from.empty()) {
        return core::Error(core::errc::kInvalidArgument, "from is required (YYYY-MM-DD)", "from");
    }
    if (query.to.empty()) {
        return core::Error(core::errc::kInvalidArgument, "to is required (YYYY-MM-DD)", "to");
    }
    const auto fromDay = parseDate(query.from);
    if (!fromDay) {
        return core::Error(core::errc::kInvalidArgument, "from is a real date YYYY-MM-DD", "from");
    }
    const auto toDay = parseDate(query.to);
    if (!toDay) {
        return core::Error(core::errc::kInvalidArgument, "to is a real date YYYY-MM-DD", "to");
    }
    if (*toDay < *fromDay) {
        return core::Error(core::errc::kInvalidArgument, "to must not be before from", "to");
    }
    if (*toDay - *fromDay + 1 > kMaxPeriodDays) {
        return core::Error(core::errc::kInvalidArgument,
                           "the period is at most " + std::to_string(kMaxPeriodDays) + " days", "to");
    }
    SIGMA_ASSIGN_OR_RETURN(const auto deviceId, optionalId(query.deviceId, "deviceId"));
    SIGMA_ASSIGN_OR_RETURN(const auto employeeId, optionalId(query.employeeId, "employeeId"));

    const std::string& account = session.accountId;
    const std::int64_t offsetUs = kUtcOffsetMinutes * 60'000'000;
    // Local midnight of `from` to local midnight after `to`, in UTC microseconds.
    const std::int64_t fromUs = *fromDay * kMicrosPerDay - offsetUs;
    const std::int64_t toUs = (*toDay + 1) * kMicrosPerDay - offsetUs;

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();

    // The filter lists of the page: every terminal and every employee the account knows (the
    // cabinet's employees and the cashiers of the shifts), whatever the filter.
    std::map<std::string, std::string> deviceNames;
    core::Json deviceList = core::Json::array();
    SIGMA_ASSIGN_OR_RETURN(
        auto deviceRows,
        db.query("SELECT id, serial FROM devices WHERE account_id = $1 ORDER BY serial, id", {account}));
    for (const auto& row : deviceRows) {
        deviceNames[row.text(0)] = row.text(1);
        deviceList.push_back({{"id", row.text(0)}, {"name", row.text(1)}});
    }
    std::map<std::string, std::string> employeeNames;
    SIGMA_ASSIGN_OR_RETURN(auto cashierRows,
                           db.query("SELECT cashier_id, MAX(cashier_name) FROM shifts WHERE account_id = $1 AND "
                                    "cashier_id IS NOT NULL GROUP BY cashier_id",
                                    {account}));
    for (const auto& row : cashierRows) {
        employeeNames[row.text(0)] = row.optionalText(1).value_or("");
    }
    // The cabinet's own list names them last, so its (editable) names win.
    SIGMA_ASSIGN_OR_RETURN(auto employeeRows,
                           db.query("SELECT id, name FROM employees WHERE account_id = $1", {account}));
    for (const auto& row : employeeRows) {
        employeeNames[row.text(0)] = row.text(1);
    }

    if (deviceId && !deviceNames.contains(*deviceId)) {
        return core::Error(core::errc::kNotFound, "no such terminal", "deviceId");
    }
    // Whether the employee did any receipt line (a master): only then does the filter look into
    // the lines, a lookup per receipt that a cashier's filter does without.
    bool employeeHasLines = false;
    if (employeeId) {
        SIGMA_ASSIGN_OR_RETURN(auto lines,
                               db.queryOne("SELECT CASE WHEN EXISTS (SELECT 1 FROM receipt_lines WHERE account_id = "
                                           "$1 AND staff_id = $2) THEN 1 ELSE 0 END",
                                           {account, *employeeId}));
        employeeHasLines = lines && lines->int64(0) == 1;
    }
    if (employeeId && !employeeHasLines && !employeeNames.contains(*employeeId)) {
        // Not in the lists: perhaps a master or a cashier known only from their records.
        SIGMA_ASSIGN_OR_RETURN(
            auto known,
            db.queryOne("SELECT CASE WHEN EXISTS (SELECT 1 FROM masters WHERE account_id = $1 AND employee_id = $2) "
                        "OR EXISTS (SELECT 1 FROM receipts WHERE account_id = $1 AND cashier_id = $2) THEN 1 ELSE 0 "
                        "END",
                        {account, *employeeId}));
        if (!known || known->int64(0) == 0) {
            return core::Error(core::errc::kNotFound, "no such employee", "employeeId");
        }
    }

    // The receipts counted: fiscalized sales, sales corrections and returns of the period, as
    // filtered. An employee filter keeps the receipts the employee rang or did a line of (a master).
    std::vector<db::Param> params{account, fromUs, toUs};
    std::string where = "r.account_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.status = 'fiscalized' "
                        "AND r.operation IN ('sell', 'sellCorrection', 'sellReturn')";
    if (deviceId) {
        params.emplace_back(*deviceId);
        where += " AND r.device_id = $" + std::to_string(params.size());
    }
    if (employeeId) {
        params.emplace_back(*employeeId);
        const std::string p = "$" + std::to_string(params.size());
        where += employeeHasLines ? " AND (r.cashier_id = " + p +
                                        " OR EXISTS (SELECT 1 FROM receipt_lines s WHERE s.account_id = "
                                        "r.account_id AND s.receipt_id = r.receipt_id AND s.staff_id = " +
                                        p + "))"
                                  : " AND r.cashier_id = " + p;
    }
    const std::span<const db::Param> bound(params);
    constexpr std::string_view kSign = "CASE WHEN r.operation = 'sellReturn' THEN -1 ELSE 1 END";

    // Pass 1, the receipts: one row per (local day, terminal, cashier), folded here into the
    // totals and the three groupings, so the receipts of the period are read once. The offset is
    // written into the SQL (our own integer): the other passes share `params`, and src/db refuses
    // a parameter that a statement does not use.
    SIGMA_ASSIGN_OR_RETURN(
        auto cube,
        db.query("SELECT (r.created_at + " + std::to_string(offsetUs) +
                     ") / 86400000000 AS local_day, r.device_id, COALESCE(r.cashier_id, '') AS "
                     "cashier, SUM(CASE WHEN r.operation = 'sellReturn' THEN 0 ELSE COALESCE(r.total, 0) END), "
                     "SUM(CASE WHEN r.operation = 'sellReturn' THEN 0 ELSE 1 END), SUM(CASE WHEN r.operation = "
                     "'sellReturn' THEN COALESCE(r.total, 0) ELSE 0 END), SUM(CASE WHEN r.operation = 'sellReturn' "
                     "THEN 1 ELSE 0 END), SUM(" +
                     std::string(kSign) + " * COALESCE(r.change_sum, 0)) FROM receipts r WHERE " + where +
                     " GROUP BY local_day, r.device_id, COALESCE(r.cashier_id, '')",
                 bound));
    Figures totals;
    std::map<std::int64_t, Figures> byDay;
    std::map<std::string, Figures> byDevice;
    std::map<std::string, Figures> byCashier;
    std::int64_t change = 0;
    for (const auto& row : cube) {
        const Figures figures{row.int64(3), row.int64(4), row.int64(5), row.int64(6)};
        totals.add(figures);
        byDay[row.int64(0)].add(figures);
        byDevice[row.text(1)].add(figures);
        byCashier[row.text(2)].add(figures);
        change += row.int64(7);
    }

    // Pass 2, the payments: net of returns; the change given back comes off the cash, so the
    // split adds up to the revenue.
    SIGMA_ASSIGN_OR_RETURN(auto paymentRows,
                           db.query("SELECT p.type, SUM(" + std::string(kSign) +
                                        " * p.sum) FROM receipts r JOIN receipt_payments p ON p.account_id = "
                                        "r.account_id AND p.receipt_id = r.receipt_id WHERE " +
                                        where + " GROUP BY p.type",
                                    bound));
    std::int64_t cash = -change;
    std::int64_t card = 0;
    std::int64_t other = 0;
    for (const auto& row : paymentRows) {
        const std::string type = row.text(0);
        (type == "cash" ? cash : type == "electronically" ? card : other) += row.int64(1);
    }

    // Pass 3, the lines: one row per (product, master); products without a catalog id (a free
    // price) are told apart by name.
    SIGMA_ASSIGN_OR_RETURN(
        auto lineRows,
        db.query("SELECT MAX(l.product_id), MAX(l.name), COALESCE(l.staff_id, ''), SUM(" + std::string(kSign) +
                     " * COALESCE(l.amount, 0)), SUM(" + std::string(kSign) +
                     " * COALESCE(l.quantity, 0)), COUNT(*) FROM receipts r JOIN receipt_lines l ON l.account_id = "
                     "r.account_id AND l.receipt_id = r.receipt_id WHERE " +
                     where + " GROUP BY COALESCE(l.product_id, '#' || COALESCE(l.name, '')), COALESCE(l.staff_id, '')",
                 bound));
    struct Product {
        std::optional<std::string> productId;
        std::string name;
        LineFigures figures;
    };
    std::map<std::string, Product> products;
    std::map<std::string, LineFigures> byMaster;
    for (const auto& row : lineRows) {
        const auto productId = row.optionalText(0);
        const std::string name = row.optionalText(1).value_or("");
        auto& product = products[productId ? *productId : "#" + name];
        product.productId = productId;
        product.name = name;
        product.figures.revenue += row.int64(3);
        product.figures.quantity += row.int64(4);
        product.figures.lines += row.int64(5);
        if (!row.text(2).empty()) {
            auto& master = byMaster[row.text(2)];
            master.revenue += row.int64(3);
            master.quantity += row.int64(4);
            master.lines += row.int64(5);
        }
    }
    std::vector<const Product*> ranked;
    for (const auto& [key, product] : products) {
        ranked.push_back(&product);
    }
    auto top = [&](auto better) {
        std::vector<const Product*> list = ranked;
        std::stable_sort(list.begin(), list.end(), better);
        core::Json json = core::Json::array();
        for (std::size_t i = 0; i < list.size() && i < kTopProducts; ++i) {
            json.push_back({{"productId", list[i]->productId ? core::Json(*list[i]->productId) : core::Json(nullptr)},
                            {"name", list[i]->name},
                            {"revenue", list[i]->figures.revenue},
                            {"quantity", list[i]->figures.quantity}});
        }
        return json;
    };
    const core::Json topByRevenue = top([](const Product* a, const Product* b) {
        return a->figures.revenue != b->figures.revenue ? a->figures.revenue > b->figures.revenue
                                                        : a->figures.quantity > b->figures.quantity;
    });
    const core::Json topByQuantity = top([](const Product* a, const Product* b) {
        return a->figures.quantity != b->figures.quantity ? a->figures.quantity > b->figures.quantity
                                                          : a->figures.revenue > b->figures.revenue;
    });

    // Every day of the period, the quiet ones too: the chart has a bar (or a gap) for each.
    core::Json days = core::Json::array();
    for (std::int64_t day = *fromDay; day <= *toDay; ++day) {
        const auto it = byDay.find(day);
        core::Json entry = it != byDay.end() ? it->second.toJson() : Figures{}.toJson();
        entry["date"] = formatDate(day);
        days.push_back(std::move(entry));
    }
    std::vector<std::pair<std::string, LineFigures>> masters(byMaster.begin(), byMaster.end());
    std::stable_sort(masters.begin(), masters.end(),
                     [](const auto& a, const auto& b) { return a.second.revenue > b.second.revenue; });
    core::Json masterList = core::Json::array();
    for (const auto& [id, figures] : masters) {
        const auto name = employeeNames.find(id);
        masterList.push_back({{"employeeId", id},
                              {"name", name != employeeNames.end() ? core::Json(name->second) : core::Json(nullptr)},
                              {"revenue", figures.revenue},
                              {"quantity", figures.quantity},
                              {"lines", figures.lines}});
    }
    std::vector<std::pair<std::string, std::string>> employees(employeeNames.begin(), employeeNames.end());
    std::stable_sort(employees.begin(), employees.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    core::Json employeeList = core::Json::array();
    for (const auto& [id, name] : employees) {
        employeeList.push_back({{"id", id}, {"name", name}});
    }

    return core::Json{{"from", formatDate(*fromDay)},
                      {"to", formatDate(*toDay)},
                      {"utcOffsetMinutes", kUtcOffsetMinutes},
                      {"deviceId", deviceId ? core::Json(*deviceId) : core::Json(nullptr)},
                      {"employeeId", employeeId ? core::Json(*employeeId) : core::Json(nullptr)},
                      {"totals", totals.toJson()},
                      {"byDay", std::move(days)},
                      {"byPayment", {{"cash", cash}, {"card", card}, {"other", other}}},
                      {"byEmployee", groupsToJson(byCashier, employeeNames, "employeeId")},
                      {"byMaster", std::move(masterList)},
                      {"byDevice", groupsToJson(byDevice, deviceNames, "deviceId")},
                      {"topProducts", {{"byRevenue", topByRevenue}, {"byQuantity", topByQuantity}}},
                      {"devices", std::move(deviceList)},
                      {"employees", std::move(employeeList)}};
}

} // namespace sigma::cloud

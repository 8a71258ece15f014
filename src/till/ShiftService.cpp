#include "till/ShiftService.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/FiscalParams.h"
#include "fiscal/TaskBuilder.h"
#include "till/OrderService.h"
#include "till/RecoveryService.h"
#include "till/TillErrors.h"

namespace sigma::till {

core::Json ShiftCloseResult::toJson() const
{
    return {{"shiftId", shift.id},
            {"number", shift.number},
            {"figures", figures.toJson()},
            {"expectedCash", figures.expectedCash.toDouble()},
            {"countedCash", countedCash.toDouble()},
            {"overShort", overShort.toDouble()},
            {"fiscalParams", fiscalParams}};
}

ShiftService::ShiftService(TillContext& context) : m_context(context) {}

core::Result<store::ShiftRecord> ShiftService::open(const Cashier& cashier)
{
    auto& shifts = m_context.shifts();
    SIGMA_ASSIGN_OR_RETURN(auto current, shifts.current());
    if (current) {
        return core::Error(errc::kShiftAlreadyOpen, "shift " + std::to_string(current->number) + " is already open");
    }
    const fiscal::Operator op{cashier.name, cashier.inn};
    auto answer = m_context.fiscal().execute(fiscal::TaskBuilder::simple(fiscal::TaskType::OpenShift, op));
    store::ShiftRecord shift;
    shift.id = m_context.newId();
    shift.openedAtUs = m_context.nowUs();
    shift.openedBy = cashier.employeeId;
    core::Json fiscalJson;
    bool adopted = false;
    if (answer) {
        SIGMA_ASSIGN_OR_RETURN(auto params, fiscal::parseFiscalParams(*answer));
        shift.number = params.shiftNumber;
        fiscalJson = fiscal::toJson(params);
    } else if (answer.error().code == fiscal::atol::kShiftOpen) {
        // The register opened a shift we did not record (a crash in between): adopt it.
        SIGMA_ASSIGN_OR_RETURN(auto state,
                               m_context.fiscal().execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetShiftStatus)));
        shift.number = state["shiftStatus"].value("number", 0U);
        adopted = true;
    } else {
        return answer.error();
    }
    SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
        SIGMA_TRY(shifts.insert(shift));
        core::Json payload = {{"shiftId", shift.id},
                              {"number", shift.number},
                              {"openedAt", shift.openedAtUs},
                              {"cashierId", cashier.employeeId},
                              {"cashierName", cashier.name},
                              {"adopted", adopted}};
        if (fiscalJson.is_object()) {
            payload["fiscal"] = {{"fiscalDocumentNumber", fiscalJson["fiscalDocumentNumber"]},
                                 {"fiscalDocumentSign", fiscalJson["fiscalDocumentSign"]}};
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("shift.opened", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return shift;
}

core::Result<core::Json> ShiftService::reportX(const Cashier& cashier)
{
    SIGMA_ASSIGN_OR_RETURN(auto current, m_context.shifts().current());
    if (!current) {
        return core::Error(errc::kNoOpenShift, "no open shift");
    }
    SIGMA_ASSIGN_OR_RETURN(auto answer, m_context.fiscal().execute(
                                            fiscal::TaskBuilder::simple(fiscal::TaskType::ReportX, {cashier.name, cashier.inn})));
    SIGMA_ASSIGN_OR_RETURN(auto figures, m_context.shifts().figures(current->id));
    return core::Json{{"shiftId", current->id},
                      {"number", current->number},
                      {"openedAt", current->openedAtUs},
                      {"figures", figures.toJson()},
                      {"register", answer.value("shiftTotals", core::Json::object())}};
}

core::Result<ShiftCloseResult> ShiftService::close(const Cashier& cashier, core::Money countedCash)
{
    if (countedCash.isNegative()) {
        return core::Error(core::errc::kBadMoney, "counted cash must not be negative", "counted");
    }
    auto& shifts = m_context.shifts();
    SIGMA_ASSIGN_OR_RETURN(auto current, shifts.current());
    if (!current) {
        return core::Error(errc::kNoOpenShift, "no open shift to close");
    }
    // Open table orders would be lost from the shift's takings (food): pay, move or cancel them.
    SIGMA_TRY(OrderService::checkShiftCanClose(m_context));
    // Receipts still being reconciled would make the Z figures wrong.
    SIGMA_ASSIGN_OR_RETURN(auto figures, shifts.figures(current->id));
    if (figures.pendingCount > 0) {
        SIGMA_ASSIGN_OR_RETURN(auto report, RecoveryService(m_context).recoverAll());
        (void)report;
        SIGMA_ASSIGN_OR_RETURN(figures, shifts.figures(current->id));
        if (figures.pendingCount > 0) {
            return core::Error(errc::kPendingReceipts, std::to_string(figures.pendingCount) +
                                                           " receipts wait for the register's confirmation; "
                                                           "check the register's connection and try again");
        }
    }
    const fiscal::Operator op{cashier.name, cashier.inn};
    auto answer = m_context.fiscal().execute(fiscal::TaskBuilder::simple(fiscal::TaskType::CloseShift, op));
    core::Json fiscalJson = core::Json::object();
    if (answer) {
        SIGMA_ASSIGN_OR_RETURN(auto params, fiscal::parseFiscalParams(*answer));
        fiscalJson = fiscal::toJson(params);
    } else if (answer.error().code != fiscal::atol::kShiftClosed) {
        return answer.error();
    } // else: the register closed it already (a crash after the Z report): adopt the close.

    ShiftCloseResult result;
    result.shift = *current;
    result.figures = figures;
    result.countedCash = countedCash;
    result.overShort = countedCash - figures.expectedCash;
    result.fiscalParams = fiscalJson;
    const core::Json totals = {{"figures", figures.toJson()}, {"fiscal", fiscalJson}};
    SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
        SIGMA_TRY(shifts.close(current->id, m_context.nowUs(), cashier.employeeId, figures.expectedCash, countedCash,
                               totals));
        core::Json payload = {{"shiftId", current->id},
                              {"number", current->number},
                              {"closedAt", m_context.nowUs()},
                              {"cashierId", cashier.employeeId},
                              {"figures", figures.toJson()},
                              {"expectedCash", figures.expectedCash.kopecks()},
                              {"countedCash", countedCash.kopecks()},
                              {"overShort", result.overShort.kopecks()}};
        if (fiscalJson.contains("fiscalDocumentNumber")) {
            payload["fiscal"] = {{"fiscalDocumentNumber", fiscalJson["fiscalDocumentNumber"]},
                                 {"fiscalDocumentSign", fiscalJson["fiscalDocumentSign"]}};
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("shift.closed", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    SIGMA_ASSIGN_OR_RETURN(auto closed, shifts.find(current->id));
    result.shift = *closed;
    return result;
}

core::Result<core::Json> ShiftService::status()
{
    SIGMA_ASSIGN_OR_RETURN(auto current, m_context.shifts().current());
    if (!current) {
        SIGMA_ASSIGN_OR_RETURN(auto last, m_context.shifts().last());
        core::Json out = {{"state", "closed"}};
        if (last) {
            out["lastNumber"] = last->number;
        }
        return out;
    }
    const auto ageUs = m_context.nowUs() - current->openedAtUs;
    SIGMA_ASSIGN_OR_RETURN(auto figures, m_context.shifts().figures(current->id));
    return core::Json{{"state", ageUs > TillContext::kShiftLimitUs ? "expired" : "opened"},
                      {"shiftId", current->id},
                      {"number", current->number},
                      {"openedAt", current->openedAtUs},
                      {"ageMinutes", ageUs / 60'000'000},
                      {"warning", ageUs > 23LL * 3600 * 1'000'000},
                      {"figures", figures.toJson()}};
}

core::Result<core::Json> ShiftService::cash(const Cashier& cashier, bool in, core::Money sum,
                                            const std::string& reason, std::string id)
{
    if (!sum.isPositive()) {
        return core::Error(core::errc::kNonPositivePayment, "the sum must be above zero", "sum");
    }
    SIGMA_ASSIGN_OR_RETURN(auto current, m_context.shifts().current());
    if (!current) {
        return core::Error(errc::kNoOpenShift, "no open shift");
    }
    if (id.empty()) {
        id = m_context.newId();
    } else {
        auto existing = m_context.database().connection().queryOne("SELECT kind FROM cash_operations WHERE id = $1", {id});
        if (existing.ok() && existing->has_value()) {
            return core::Json{{"id", id}, {"kind", (*existing)->text(0)}, {"repeated", true}};
        }
    }
    if (!in) {
        SIGMA_ASSIGN_OR_RETURN(auto figures, m_context.shifts().figures(current->id));
        if (sum > figures.expectedCash) {
            return core::Error(core::errc::kInvalidArgument,
                               "cash out of " + sum.toString() + " exceeds the cash in the drawer " +
                                   figures.expectedCash.toString(),
                               "sum");
        }
    }
    const fiscal::Operator op{cashier.name, cashier.inn};
    SIGMA_ASSIGN_OR_RETURN(auto answer, m_context.fiscal().execute(fiscal::TaskBuilder::cash(
                                            in ? fiscal::TaskType::CashIn : fiscal::TaskType::CashOut, sum, op)));
    (void)answer;
    const std::string kind = in ? "cashIn" : "cashOut";
    SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
        SIGMA_TRY(m_context.shifts().insertCashOperation(id, current->id, kind, sum, reason, cashier.employeeId,
                                                         m_context.nowUs()));
        SIGMA_ASSIGN_OR_RETURN(auto event,
                               m_context.journal().append(in ? "cash.in" : "cash.out",
                                                          {{"operationId", id},
                                                           {"shiftId", current->id},
                                                           {"sum", sum.kopecks()},
                                                           {"reason", reason},
                                                           {"cashierId", cashier.employeeId}}));
        (void)event;
        return core::ok();
    }));
    return core::Json{{"id", id}, {"kind", kind}, {"sum", sum.toDouble()}};
}

} // namespace sigma::till

#include "cli/ReceiptCommands.h"

#include "core/ReceiptCalculator.h"
#include "core/ReceiptJson.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace sigma::cli {
namespace {

core::Result<core::Json> computeReceipt(const CliContext& context, const std::string& input, bool requirePayment)
{
    SIGMA_ASSIGN_OR_RETURN(std::string text, context.readInput(input));
    SIGMA_ASSIGN_OR_RETURN(core::Json cart, core::parseJsonExact(text));
    SIGMA_ASSIGN_OR_RETURN(core::Receipt receipt, core::receiptFromJson(cart, context.today()));
    const core::ReceiptCalculator calculator;
    auto totals = requirePayment ? calculator.settle(receipt) : calculator.calculate(receipt);
    if (!totals) {
        return totals.error();
    }
    return core::totalsToJson(receipt, *totals);
}

core::Result<core::Json> listVatRates(const CliContext& context, const std::string& dateText)
{
    core::Date date = context.today();
    if (!dateText.empty()) {
        SIGMA_ASSIGN_OR_RETURN(date, core::parseDate(dateText));
    }
    const auto& table = core::VatTable::standard();
    core::Json rates = core::Json::array();
    for (const auto& row : table.rows()) {
        rates.push_back({
            {"tax", row.atolName},
            {"tag1199", row.tag1199},
            {"percent", row.percent},
            {"calculated", row.calculated},
            {"label", row.label},
            {"validFrom", core::formatDate(row.validFrom)},
            {"validUntil", core::formatDate(row.validUntil)},
            {"validOnDate", table.checkValidOn(row.rate, date).ok()},
        });
    }
    return core::Json{{"date", core::formatDate(date)},
                      {"standard", table.info(table.standardRateOn(date)).atolName},
                      {"rates", std::move(rates)}};
}

} // namespace

void addReceiptCommands(CLI::App& app, CliContext& context)
{
    auto* receipt = app.add_subcommand("receipt", "Compute receipts without a register");
    receipt->require_subcommand(1);

    auto input = std::make_shared<std::string>();
    auto requirePayment = std::make_shared<bool>(false);
    auto* compute = receipt->add_subcommand("compute", "Compute totals, discounts, VAT and change of a JSON cart");
    compute->add_option("file", *input, "Cart JSON file, or - for standard input")->required();
    compute->add_flag("--require-payment", *requirePayment, "Fail unless the payments cover the total");
    compute->callback([&context, input, requirePayment] {
        context.setAction([&context, input, requirePayment] { return computeReceipt(context, *input, *requirePayment); });
    });

    auto* vat = app.add_subcommand("vat", "The VAT rate table");
    vat->require_subcommand(1);
    auto date = std::make_shared<std::string>();
    auto* rates = vat->add_subcommand("rates", "List VAT rates, their codes and validity on a date");
    rates->add_option("--date", *date, "Date YYYY-MM-DD (default: today)");
    rates->callback([&context, date] { context.setAction([&context, date] { return listVatRates(context, *date); }); });
}

} // namespace sigma::cli

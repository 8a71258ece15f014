#include "drivers/emulator/TapeLayouts.h"

#include "core/ReceiptOperation.h"
#include "core/TaxSystem.h"
#include "drivers/emulator/Tape.h"

#include <cstdio>

namespace sigma::drivers::emulator {
namespace {

std::string money(core::Money m)
{
    return m.format(false);
}

std::string operationTitle(int operation, bool correction)
{
    std::string title;
    switch (operation) {
    case 1: title = "ПРИХОД"; break;
    case 2: title = "ВОЗВРАТ ПРИХОДА"; break;
    case 3: title = "РАСХОД"; break;
    default: title = "ВОЗВРАТ РАСХОДА"; break;
    }
    return correction ? "КАССОВЫЙ ЧЕК КОРРЕКЦИИ / " + title : "КАССОВЫЙ ЧЕК / " + title;
}

std::string taxationLabel(int bit)
{
    for (const auto& entry : core::kTaxSystems) {
        if (entry.code == bit) {
            return std::string(entry.label);
        }
    }
    return "?";
}

std::string operationLabel(const std::string& operation)
{
    static const std::pair<const char*, const char*> kLabels[] = {
        {"sell", "ПРИХОД"}, {"sellReturn", "ВОЗВРАТ ПРИХОДА"}, {"buy", "РАСХОД"}, {"buyReturn", "ВОЗВРАТ РАСХОДА"},
        {"sellCorrection", "КОРРЕКЦИЯ ПРИХОДА"}, {"buyCorrection", "КОРРЕКЦИЯ РАСХОДА"}, {"cashIn", "ВНЕСЕНИЙ"},
        {"cashOut", "ВЫПЛАТ"}};
    for (const auto& [name, label] : kLabels) {
        if (operation == name) {
            return label;
        }
    }
    return operation;
}

std::string paymentLabel(const std::string& type)
{
    if (type == "cash") {
        return "НАЛИЧНЫМИ";
    }
    if (type == "electronically") {
        return "БЕЗНАЛИЧНЫМИ";
    }
    if (type == "prepaid") {
        return "АВАНСОМ";
    }
    if (type == "credit") {
        return "В КРЕДИТ";
    }
    return "ИНОЙ ФОРМОЙ";
}

void header(Tape& tape, const KktState& state)
{
    tape.center(state.organizationName);
    tape.center(state.organizationAddress);
    tape.center("ИНН " + state.inn);
}

void footer(Tape& tape, const KktState& state, const fiscal::Operator& op, const PrintedFiscalData& fiscal)
{
    if (!op.name.empty()) {
        tape.pair("КАССИР", op.name);
    }
    if (!op.vatin.empty()) {
        tape.pair("ИНН КАССИРА", op.vatin);
    }
    tape.pair("РН ККТ", state.registrationNumber);
    tape.pair("ЗН ККТ", state.serialNumber);
    tape.pair("ФН", state.fnNumber);
    tape.pair("ФД", std::to_string(fiscal.documentNumber));
    char sign[16];
    std::snprintf(sign, sizeof sign, "%010u", fiscal.fiscalSign);
    tape.pair("ФП", sign);
    tape.pair(fiscal.localDateTime, "САЙТ ФНС " + state.fnsUrl);
}

void printItems(Tape& tape, const std::vector<fiscal::ReceiptItem>& items)
{
    for (const auto& item : items) {
        if (const auto* text = std::get_if<fiscal::TextItem>(&item)) {
            if (text->alignment == "center") {
                tape.center(text->text);
            } else if (text->alignment == "right") {
                tape.right(text->text);
            } else {
                tape.line(text->text);
            }
        } else if (const auto* barcode = std::get_if<fiscal::BarcodeItem>(&item)) {
            tape.center("[" + barcode->barcodeType + ": " + barcode->barcode + "]");
        } else if (std::holds_alternative<fiscal::PictureItem>(item)) {
            tape.center("[изображение]");
        }
    }
}

} // namespace

std::string TapeLayouts::receipt(const KktState& state, const FiscalReceipt& receipt,
                                 const std::vector<fiscal::ReceiptItem>& items, const fiscal::Operator& op,
                                 std::uint32_t shiftNumber, std::uint32_t receiptNumber,
                                 const PrintedFiscalData& fiscal, const std::string& qrPayload)
{
    Tape tape(state.lineWidth);
    header(tape, state);
    tape.separator();
    tape.center(operationTitle(receipt.operation, receipt.correction));
    tape.pair("ЧЕК № " + std::to_string(receiptNumber), "СМЕНА № " + std::to_string(shiftNumber));
    tape.separator();

    // Non-fiscal items print where they stand among the positions.
    std::size_t line = 0;
    for (const auto& item : items) {
        if (std::holds_alternative<fiscal::PositionItem>(item)) {
            const FiscalLine& l = receipt.lines[line++];
            tape.line(std::to_string(line) + ". " + l.name);
            tape.pair("  " + l.quantity.toString() + " x " + money(l.price), "=" + money(l.amount));
            const auto& vat = core::VatTable::standard().info(l.vatRate);
            tape.pair("  " + std::string(vat.label), l.vatRate == core::VatRate::None ? "" : "=" + money(l.vatSum));
            if (!l.markingCode.empty()) {
                tape.line("  [М]");
            }
        } else {
            printItems(tape, {item});
        }
    }
    tape.separator();
    tape.pair("ИТОГ", "=" + money(receipt.total));
    if (receipt.cash.isPositive()) {
        tape.pair("НАЛИЧНЫМИ", "=" + money(receipt.cash));
    }
    if (receipt.electronically.isPositive()) {
        tape.pair("БЕЗНАЛИЧНЫМИ", "=" + money(receipt.electronically));
    }
    if (receipt.prepaid.isPositive()) {
        tape.pair("ПРЕДВАРИТЕЛЬНАЯ ОПЛАТА (АВАНС)", "=" + money(receipt.prepaid));
    }
    if (receipt.credit.isPositive()) {
        tape.pair("ПОСЛЕДУЮЩАЯ ОПЛАТА (КРЕДИТ)", "=" + money(receipt.credit));
    }
    if (receipt.other.isPositive()) {
        tape.pair("ИНАЯ ФОРМА ОПЛАТЫ", "=" + money(receipt.other));
    }
    if (receipt.change.isPositive()) {
        tape.pair("СДАЧА", "=" + money(receipt.change));
    }
    tape.pair("СНО", taxationLabel(receipt.taxationBit));
    if (!receipt.clientContact.empty()) {
        tape.pair("ЭЛ. АДР. ПОКУПАТЕЛЯ", receipt.clientContact);
    }
    if (receipt.correction) {
        tape.pair("ТИП КОРРЕКЦИИ", receipt.correctionType == "instruction" ? "ПО ПРЕДПИСАНИЮ" : "САМОСТОЯТЕЛЬНО");
        if (!receipt.correctionBaseDate.empty()) {
            tape.pair("ДАТА ДОК. ОСНОВАНИЯ", receipt.correctionBaseDate);
        }
    }
    tape.separator();
    footer(tape, state, op, fiscal);
    tape.raw("QR: " + qrPayload);
    return tape.text();
}

std::string TapeLayouts::shiftReport(const KktState& state, const std::string& title, const fiscal::Operator& op,
                                     std::uint32_t shiftNumber, const std::vector<ShiftTotal>& totals,
                                     const PrintedFiscalData* fiscal)
{
    Tape tape(state.lineWidth);
    header(tape, state);
    tape.separator();
    tape.center(title);
    tape.pair("СМЕНА", std::to_string(shiftNumber));
    for (const auto& total : totals) {
        std::string label = operationLabel(total.operation);
        if (total.paymentType == "*") {
            label += ": ЧЕКОВ " + std::to_string(total.count);
        } else if (!total.paymentType.empty()) {
            label += " " + paymentLabel(total.paymentType);
        }
        tape.pair(label, money(total.sum));
    }
    tape.pair("НАЛИЧНЫХ В КАССЕ", money(state.cashInDrawer));
    tape.separator();
    if (fiscal != nullptr) {
        footer(tape, state, op, *fiscal);
    } else if (!op.name.empty()) {
        tape.pair("КАССИР", op.name);
    }
    return tape.text();
}

std::string TapeLayouts::registrationReport(const KktState& state, const std::string& title,
                                            const fiscal::Operator& op, const PrintedFiscalData& fiscal)
{
    Tape tape(state.lineWidth);
    header(tape, state);
    tape.separator();
    tape.center(title);
    std::string systems;
    for (const auto& entry : core::kTaxSystems) {
        if ((state.taxationTypes & entry.code) != 0) {
            systems += (systems.empty() ? "" : ", ") + std::string(entry.label);
        }
    }
    tape.pair("СНО", systems);
    tape.pair("ОФД", state.ofdName);
    tape.pair("ИНН ОФД", state.ofdInn);
    tape.pair("ФФД", "1.2");
    tape.separator();
    footer(tape, state, op, fiscal);
    return tape.text();
}

std::string TapeLayouts::cashOperation(const KktState& state, const std::string& title, core::Money sum,
                                       const fiscal::Operator& op, const std::string& localDateTime)
{
    Tape tape(state.lineWidth);
    header(tape, state);
    tape.separator();
    tape.center(title);
    tape.pair("СУММА", money(sum));
    tape.pair("НАЛИЧНЫХ В КАССЕ", money(state.cashInDrawer));
    if (!op.name.empty()) {
        tape.pair("КАССИР", op.name);
    }
    tape.line(localDateTime);
    return tape.text();
}

std::string TapeLayouts::nonFiscal(const KktState& state, const std::vector<fiscal::ReceiptItem>& items)
{
    Tape tape(state.lineWidth);
    printItems(tape, items);
    return tape.text();
}

} // namespace sigma::drivers::emulator

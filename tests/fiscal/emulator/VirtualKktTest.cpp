#include "drivers/emulator/VirtualKkt.h"

#include "drivers/emulator/Tape.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/FiscalParams.h"
#include "fiscal/ffd/ReceiptQr.h"
#include "fiscal/ffd/RegistrationNumber.h"
#include "fiscal/emulator/KktFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;
using namespace std::chrono_literals;

class VirtualKktTest : public KktFixture {};

TEST_F(VirtualKktTest, FirstUseCreatesARegisteredRegister)
{
    const auto info = run(R"({"type": "getDeviceInfo"})")["deviceInfo"];
    EXPECT_EQ(info["serial"].get<std::string>().size(), 14u);
    const auto state = m_kkt->state();
    ASSERT_TRUE(state.ok());
    EXPECT_EQ(state->fnNumber.size(), 16u);
    EXPECT_TRUE(fiscal::ffd::checkRegistrationNumber(state->registrationNumber, state->inn, state->serialNumber).ok());
    EXPECT_EQ(state->lastDocumentNumber, 1u); // the registration report
    const auto archive = m_kkt->archive(1, 1);
    ASSERT_TRUE(archive.ok());
    EXPECT_EQ((*archive)["documents"][0]["type"], "registration");
    EXPECT_TRUE((*archive)["documents"][0]["signValid"].get<bool>());
}

TEST_F(VirtualKktTest, SellWithinAShift)
{
    openShift();
    const auto result = run(sell("390.75", "cash"));
    auto params = fiscal::parseFiscalParams(result);
    ASSERT_TRUE(params.ok()) << params.error().message;
    EXPECT_EQ(params->fiscalDocumentNumber, 3u);
    EXPECT_EQ(params->fiscalReceiptNumber, 1u);
    EXPECT_EQ(params->shiftNumber, 1u);
    EXPECT_EQ(params->total.kopecks(), 39075);
    EXPECT_EQ(params->fnNumber, m_kkt->state()->fnNumber);
    EXPECT_EQ(params->fiscalDocumentDateTime, "2026-12-04T12:00:00+03:00");

    const auto second = fiscal::parseFiscalParams(run(sell("10.00", "electronically")));
    EXPECT_EQ(second->fiscalReceiptNumber, 2u);
    EXPECT_EQ(m_kkt->state()->cashInDrawer.kopecks(), 39075);

    const auto totals = run(R"({"type": "getShiftTotals"})")["shiftTotals"];
    EXPECT_EQ(totals["receipts"]["sell"]["payments"]["cash"]["sum"].dump(), "390.75");
    EXPECT_EQ(totals["receipts"]["sell"]["payments"]["electronically"]["count"], 1);
    EXPECT_EQ(totals["receipts"]["sell"]["count"], 2);
    EXPECT_EQ(totals["receipts"]["sell"]["sum"].dump(), "400.75");
}

TEST_F(VirtualKktTest, StatePersistsAcrossRestart)
{
    openShift();
    run(sell());
    run(R"({"type": "cashIn", "cashSum": 500})");
    reopen();
    const auto state = m_kkt->state();
    EXPECT_TRUE(state->shiftOpen);
    EXPECT_EQ(state->lastDocumentNumber, 3u);
    EXPECT_EQ(state->receiptNumber, 1u);
    EXPECT_EQ(state->cashInDrawer.kopecks(), 60000);
    const auto next = fiscal::parseFiscalParams(run(sell()));
    EXPECT_EQ(next->fiscalDocumentNumber, 4u);
    EXPECT_EQ(next->fiscalReceiptNumber, 2u);
}

TEST_F(VirtualKktTest, ShiftStateErrors)
{
    EXPECT_EQ(fail(sell()).code, atol::kShiftClosed);
    openShift();
    EXPECT_EQ(fail(R"({"type": "openShift"})").code, atol::kShiftOpen);
    m_clock.advance(24h + 1s);
    EXPECT_EQ(run(R"({"type": "getShiftStatus"})")["shiftStatus"]["state"], "expired");
    EXPECT_EQ(fail(sell()).code, atol::kShiftExpired);
    EXPECT_EQ(fail(R"({"type": "openShift"})").code, atol::kShiftOpen);
    run(R"({"type": "closeShift"})"); // closing an expired shift is how a cashier gets out of it
    openShift();
    run(sell());
}

TEST_F(VirtualKktTest, ChecksInTheDocumentedOrder)
{
    // Closed shift beats a bad taxation type and a bad tax type.
    const std::string bad = R"({"type": "sell", "taxationType": "envd", "items": [{"type": "position", "name": "x",
        "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "vat18"}}], "payments": [{"type": "cash", "sum": 0.5}]})";
    EXPECT_EQ(fail(bad).code, atol::kShiftClosed);
    openShift();
    EXPECT_EQ(fail(bad).code, atol::kInvalidTaxationType);
    const std::string badTax = R"({"type": "sell", "taxationType": "osn", "items": [{"type": "position", "name": "x",
        "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "vat18"}}], "payments": [{"type": "cash", "sum": 0.5}]})";
    EXPECT_EQ(fail(badTax).code, atol::kInvalidTaxType);
    const std::string unpaid = R"({"type": "sell", "taxationType": "osn", "items": [{"type": "position", "name": "x",
        "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "vat22"}}], "payments": [{"type": "cash", "sum": 0.5}]})";
    EXPECT_EQ(fail(unpaid).code, atol::kNotFullyPaid);
}

TEST_F(VirtualKktTest, TaxationTypeMustBeRegistered)
{
    run(R"({"type": "registration", "organization": {"taxationTypes": ["usnIncome"]}})");
    openShift();
    EXPECT_EQ(fail(sell("1.00", "cash", R"("taxationType": "osn",)")).code, atol::kInvalidTaxationType);
    // Without taxationType the register uses the one it is registered for.
    const std::string implicit = R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1,
        "quantity": 1, "amount": 1, "tax": {"type": "none"}}], "payments": [{"type": "cash", "sum": 1}]})";
    run(implicit);
}

TEST_F(VirtualKktTest, PaymentRules)
{
    openShift();
    const std::string overpaidByCard = R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 10,
        "quantity": 1, "amount": 10, "tax": {"type": "vat22"}}], "payments": [{"type": "electronically", "sum": 11}]})";
    EXPECT_EQ(fail(overpaidByCard).code, atol::kNotFullyPaid);
    const std::string cashChange = R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 10,
        "quantity": 1, "amount": 10, "tax": {"type": "vat22"}}], "payments": [{"type": "cash", "sum": 50}]})";
    EXPECT_EQ(run(cashChange)["change"].dump(), "40.0");
    EXPECT_EQ(m_kkt->state()->cashInDrawer.kopecks(), 1000);
    const std::string bigReturn = R"({"type": "sellReturn", "items": [{"type": "position", "name": "x", "price": 20,
        "quantity": 1, "amount": 20, "tax": {"type": "vat22"}}], "payments": [{"type": "cash", "sum": 20}]})";
    EXPECT_EQ(fail(bigReturn).code, 508); // not enough cash in the drawer
}

TEST_F(VirtualKktTest, AcceptsWhatRealTasksCarry)
{
    openShift();
    // No total, non-fiscal items between positions, fields we do not implement, unit by name and
    // by code, the FFD 1.2 payment objects, and a price rounded from the amount.
    const auto result = run(R"({
        "type": "sell", "taxationType": "osn", "electronically": false,
        "operator": {"name": "Кассир", "vatin": 123456789012},
        "clientInfo": {"emailOrPhone": "+79990000000"},
        "additionalAttribute": "abcdef0123456789",
        "items": [
            {"type": "text", "text": "Спасибо за покупку!", "alignment": "center", "font": 2},
            {"type": "position", "name": "Сыр", "price": 454.65, "quantity": 0.350, "amount": 159.13,
             "measurementUnit": "kilogram", "paymentMethod": "fullPayment", "paymentObject": "commodity",
             "tax": {"type": "vat10"}, "department": 1, "nomenclatureCode": {"type": "ean13"}},
            {"type": "position", "name": "Вода", "price": 33.33, "quantity": 3, "amount": 100.00,
             "measurementUnit": 0, "paymentObject": "commodityWithoutMarking", "tax": {"type": "vat122"},
             "agentInfo": {"agents": ["payingAgent"]}, "supplierInfo": {"vatin": "123"}},
            {"type": "barcode", "barcode": "https://example.org/r/1", "barcodeType": "QR", "scale": 3},
            {"type": "pictureFromMemory", "pictureNumber": 1}
        ],
        "payments": [{"type": "cash", "sum": 300}]})");
    EXPECT_EQ(result["fiscalParams"]["total"].dump(), "259.13");
    const auto tape = m_kkt->tape(std::nullopt);
    ASSERT_TRUE(tape.ok());
    EXPECT_NE(tape->find("Спасибо за покупку!"), std::string::npos);
    EXPECT_NE(tape->find("ИТОГ"), std::string::npos);
    EXPECT_NE(tape->find("СДАЧА"), std::string::npos);
}

TEST_F(VirtualKktTest, EveryTaxTypeAndPaymentObjectIsAccepted)
{
    openShift();
    for (const char* tax : {"none", "vat0", "vat5", "vat7", "vat10", "vat20", "vat22", "vat105", "vat107", "vat110",
                            "vat120", "vat122"}) {
        const std::string task = R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1,
            "quantity": 1, "amount": 1, "tax": {"type": ")" +
                                 std::string(tax) + R"("}}], "payments": [{"type": "cash", "sum": 1}]})";
        run(task);
    }
    for (const auto& entry : core::kPaymentObjects) {
        const std::string task = R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1,
            "quantity": 1, "amount": 1, "paymentObject": ")" +
                                 std::string(entry.name) +
                                 R"(", "tax": {"type": "none"}}], "payments": [{"type": "cash", "sum": 1}]})";
        run(task);
    }
}

TEST_F(VirtualKktTest, AmountMustMatchPriceTimesQuantityWithinAKopeckPerUnit)
{
    openShift();
    const auto task = [](const char* price, const char* qty, const char* amount) {
        return std::string(R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": )") + price +
               R"(, "quantity": )" + qty + R"(, "amount": )" + amount +
               R"(, "tax": {"type": "none"}}], "payments": [{"type": "cash", "sum": 1000}]})";
    };
    run(task("33.33", "3", "100.00"));  // 99.99 vs 100.00: 1 kopeck over 3 units
    run(task("33.33", "3", "99.96"));   // 3 kopecks under, still within 3 units
    EXPECT_EQ(fail(task("33.33", "3", "100.03")).code, atol::kAmountMismatch);
    run(task("199.99", "0.125", "25.00"));
    EXPECT_EQ(fail(task("199.99", "0.125", "25.02")).code, atol::kAmountMismatch);
    EXPECT_EQ(fail(R"({"type": "sell", "total": 5, "items": [{"type": "position", "name": "x", "price": 1,
        "quantity": 1, "amount": 1, "tax": {"type": "none"}}], "payments": [{"type": "cash", "sum": 5}]})")
                  .code,
              atol::kAmountMismatch);
}

TEST_F(VirtualKktTest, PrinterConditions)
{
    openShift();
    ASSERT_TRUE(m_kkt->setConditions(false, std::nullopt, std::nullopt).ok());
    const auto before = lastDocument();
    EXPECT_EQ(fail(sell()).code, atol::kNoPaper);
    // An electronic receipt needs no paper.
    run(R"({"type": "sell", "electronically": true, "clientInfo": {"emailOrPhone": "a@b.ru"}, "items": [
        {"type": "position", "name": "x", "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "none"}}],
        "payments": [{"type": "electronically", "sum": 1}]})");
    ASSERT_TRUE(m_kkt->setConditions(true, true, std::nullopt).ok());
    EXPECT_EQ(fail(sell()).code, atol::kCoverOpen);
    EXPECT_EQ(run(R"({"type": "getDeviceStatus"})")["deviceStatus"]["coverOpened"], true);
    ASSERT_TRUE(m_kkt->setConditions(std::nullopt, false, std::nullopt).ok());
    run(sell());
    EXPECT_EQ(lastDocument(), before + 2);
}

TEST_F(VirtualKktTest, OfdQueueWarnsThenBlocksAfterThirtyDays)
{
    ASSERT_TRUE(m_kkt->setConditions(std::nullopt, std::nullopt, false).ok());
    openShift();
    run(sell());
    auto queue = run(R"({"type": "reportOfdExchangeStatus"})")["status"];
    EXPECT_EQ(queue["notSentCount"], 2);
    EXPECT_EQ(queue["warning"], false);
    // Shifts go on for days without the OFD.
    for (int day = 0; day < 26; ++day) {
        m_clock.advance(23h);
        run(R"({"type": "closeShift"})");
        m_clock.advance(1h);
        openShift();
    }
    queue = run(R"({"type": "getFnStatus"})")["fnStatus"]["ofdQueue"];
    EXPECT_EQ(queue["warning"], true);
    EXPECT_LE(queue["daysLeft"].get<int>(), 5);
    run(sell());
    m_clock.advance(24h * 5);
    run(R"({"type": "closeShift"})"); // closing stays possible
    EXPECT_EQ(fail(R"({"type": "openShift"})").code, atol::kOfdWaitExceeded);
    EXPECT_EQ(run(R"({"type": "getDeviceStatus"})")["deviceStatus"]["blocked"], true);
    ASSERT_TRUE(m_kkt->setConditions(std::nullopt, std::nullopt, true).ok());
    openShift(); // the link came back: the queue drained
    EXPECT_EQ(run(R"({"type": "reportOfdExchangeStatus"})")["status"]["notSentCount"], 0);
}

TEST_F(VirtualKktTest, InjectedFailureChangesNothing)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.failCode = atol::kNoConnection;
    faults.failCount = 1;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    const auto before = lastDocument();
    EXPECT_EQ(fail(sell()).code, atol::kNoConnection);
    EXPECT_EQ(lastDocument(), before);
    run(sell());
    EXPECT_EQ(lastDocument(), before + 1);
}

TEST_F(VirtualKktTest, LostAnswerLeavesTheDocumentInTheArchive)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.loseAnswerCount = 1;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    // A status query before does not consume the fault: only a task that makes a document does.
    run(R"({"type": "getDeviceStatus"})");
    const auto before = lastDocument();
    const auto error = fail(sell("77.00", "cash", R"("additionalAttribute": "0123456789abcdef",)"));
    EXPECT_EQ(error.code, atol::kNoConnection);
    EXPECT_TRUE(fiscal::isDeviceUnreachable(error));
    // Recovery's view: the register did make the document.
    const auto status = run(R"({"type": "getFnStatus"})")["fnStatus"];
    EXPECT_EQ(status["lastDocumentNumber"], before + 1);
    const auto document =
        run(R"({"type": "getFnDocument", "fiscalDocumentNumber": )" + std::to_string(before + 1) + "}")["documentTLV"];
    EXPECT_EQ(document["documentType"], "receipt");
    EXPECT_EQ(document["total"].dump(), "77.0");
    EXPECT_EQ(document["additionalAttribute"], "0123456789abcdef");
    EXPECT_EQ(document["operation"], 1);
}

TEST_F(VirtualKktTest, PaperRunsOutMidPrintThenContinues)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.paperOutCount = 1;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    const auto before = lastDocument();
    EXPECT_EQ(fail(sell()).code, atol::kNoPaper);
    EXPECT_EQ(lastDocument(), before + 1) << "the receipt is fiscalized even though printing stopped";
    EXPECT_NE(m_kkt->tape(before + 1)->find("[закончилась бумага]"), std::string::npos);
    EXPECT_EQ(fail(R"({"type": "continuePrint"})").code, atol::kNoPaper);
    ASSERT_TRUE(m_kkt->setConditions(true, std::nullopt, std::nullopt).ok());
    run(R"({"type": "continuePrint"})");
    const auto tape = m_kkt->tape(before + 1);
    EXPECT_EQ(tape->find("[закончилась бумага]"), std::string::npos);
    EXPECT_NE(tape->find("QR: t="), std::string::npos);
}

TEST_F(VirtualKktTest, SlowDeviceStillCompletes)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.delayMs = 20;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    run(sell());
    EXPECT_EQ(m_kkt->faults()->delayMs, 20);
}

TEST_F(VirtualKktTest, TapeHasTheWidthAndAParseableQr)
{
    openShift();
    const auto params = fiscal::parseFiscalParams(run(sell("1234.50")));
    const auto tape = m_kkt->tape(params->fiscalDocumentNumber);
    ASSERT_TRUE(tape.ok());
    std::size_t start = 0;
    std::string qrLine;
    while (start < tape->size()) {
        const auto end = tape->find('\n', start);
        const std::string line = tape->substr(start, end - start);
        if (line.rfind("QR: ", 0) == 0) {
            qrLine = line.substr(4);
        } else {
            EXPECT_LE(drivers::emulator::Tape::charCount(line), 48u) << line;
        }
        start = end + 1;
    }
    auto qr = fiscal::ffd::parseReceiptQr(qrLine);
    ASSERT_TRUE(qr.ok()) << qrLine;
    EXPECT_EQ(qr->total.kopecks(), 123450);
    EXPECT_EQ(qr->fiscalDocumentNumber, params->fiscalDocumentNumber);
    EXPECT_EQ(std::to_string(qr->fiscalSign), params->fiscalDocumentSign);
    EXPECT_EQ(qr->fnNumber, params->fnNumber);
    EXPECT_EQ(qr->operationType, 1);
}

TEST_F(VirtualKktTest, FnDocumentReadsTheArchive)
{
    openShift();
    const auto params = fiscal::parseFiscalParams(run(sell("5.55")));
    const auto doc = run(R"({"type": "getFnDocument", "fiscalDocumentNumber": )" +
                         std::to_string(params->fiscalDocumentNumber) + R"(, "withRawData": true})")["documentTLV"];
    EXPECT_EQ(doc["fiscalDocumentSign"], params->fiscalDocumentSign);
    EXPECT_FALSE(doc["rawData"].get<std::string>().empty());
    EXPECT_NE(doc["tags"].dump().find("\"tag\":1020"), std::string::npos);
    EXPECT_EQ(fail(R"({"type": "getFnDocument", "fiscalDocumentNumber": 999})").code, atol::kDocumentNotFound);
}

TEST_F(VirtualKktTest, MalformedTasksGetClearErrorsAndChangeNothing)
{
    openShift();
    const auto before = *m_kkt->state();
    struct Case {
        const char* task;
        int code;
    };
    const std::string huge(5000, 'x');
    const Case cases[] = {
        {R"({"type": "frobnicate"})", atol::kJsonUnknownTask},
        {R"({"items": []})", atol::kJsonMissingField},
        {R"({"type": 5})", atol::kJsonInvalidValue},
        {R"([1, 2])", atol::kJsonInvalidValue},
        {R"({"type": "sell", "items": [], "payments": []})", atol::kJsonMissingField},
        {R"({"type": "sell", "items": "x", "payments": []})", atol::kJsonInvalidValue},
        {R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": "abc", "quantity": 1, "amount": 1,
            "tax": {"type": "none"}}], "payments": []})", atol::kJsonInvalidValue},
        {R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1, "quantity": 0, "amount": 1,
            "tax": {"type": "none"}}], "payments": []})", atol::kJsonInvalidValue},
        {R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1, "quantity": 1, "amount": 1}],
            "payments": []})", atol::kJsonMissingField},
        {R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1.001, "quantity": 1, "amount": 1,
            "tax": {"type": "none"}}], "payments": []})", atol::kJsonInvalidValue},
        {R"({"type": "sell", "items": [{"type": "position", "name": "x", "price": 1, "quantity": 1, "amount": 1,
            "tax": {"type": "none"}}], "payments": [{"type": "bitcoin", "sum": 1}]})", atol::kJsonInvalidValue},
        {R"({"type": "cashIn", "cashSum": -5})", atol::kJsonInvalidValue},
        {R"({"type": "getFnDocument", "fiscalDocumentNumber": "7"})", atol::kJsonInvalidValue},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(fail(c.task).code, c.code) << c.task;
    }
    const std::string longName = R"({"type": "sell", "items": [{"type": "position", "name": ")" + huge +
                                 R"(", "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "none"}}],
                                 "payments": [{"type": "cash", "sum": 1}]})";
    const auto error = fail(longName);
    EXPECT_EQ(error.code, atol::kJsonInvalidValue);
    EXPECT_EQ(error.field, "items[0].name");
    const auto after = *m_kkt->state();
    EXPECT_EQ(after.lastDocumentNumber, before.lastDocumentNumber);
    EXPECT_EQ(after.cashInDrawer, before.cashInDrawer);
    EXPECT_EQ(after.receiptNumber, before.receiptNumber);
}

TEST_F(VirtualKktTest, CashOperationsAndReports)
{
    openShift();
    run(R"({"type": "cashIn", "cashSum": 1000, "operator": {"name": "Старший кассир"}})");
    EXPECT_EQ(fail(R"({"type": "cashOut", "cashSum": 1000.01})").code, 508);
    EXPECT_EQ(run(R"({"type": "cashOut", "cashSum": 250.50})")["cashInDrawer"].dump(), "749.5");
    const auto x = run(R"({"type": "reportX"})")["shiftTotals"];
    EXPECT_EQ(x["cashOperations"]["cashIn"]["sum"].dump(), "1000.0");
    EXPECT_EQ(x["cashOperations"]["cashOut"]["count"], 1);
    const auto z = run(R"({"type": "closeShift", "operator": {"name": "Старший кассир"}})");
    EXPECT_EQ(z["fiscalParams"]["shiftNumber"], 1);
    EXPECT_EQ(run(R"({"type": "getShiftStatus"})")["shiftStatus"]["state"], "closed");
    EXPECT_NE(m_kkt->tape(std::nullopt)->find("ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ"), std::string::npos);
    run(R"({"type": "nonFiscal", "items": [{"type": "text", "text": "Стол 5: борщ x2"}]})");
    EXPECT_NE(m_kkt->tape(std::nullopt)->find("Стол 5: борщ x2"), std::string::npos);
}

TEST_F(VirtualKktTest, CorrectionReceipt)
{
    openShift();
    const auto result = run(R"({"type": "sellCorrection", "correctionType": "self", "correctionBaseDate": "2026.12.01",
        "items": [{"type": "position", "name": "Неучтённая выручка", "price": 500, "quantity": 1, "amount": 500,
        "tax": {"type": "vat22"}}], "payments": [{"type": "cash", "sum": 500}]})");
    const auto number = result["fiscalParams"]["fiscalDocumentNumber"].get<std::uint32_t>();
    const auto archive = m_kkt->archive(number, number);
    EXPECT_EQ((*archive)["documents"][0]["type"], "correction");
    EXPECT_NE(m_kkt->tape(number)->find("КАССОВЫЙ ЧЕК КОРРЕКЦИИ"), std::string::npos);
}

TEST_F(VirtualKktTest, RegisterLifecycle)
{
    // Re-registration changes details; the FN is then closed and replaced.
    run(R"({"type": "registration", "organization": {"name": "ИП Петров", "address": "г. Тверь"},
        "ofd": {"name": "Другой ОФД", "vatin": "7605016030"}})");
    EXPECT_EQ(m_kkt->state()->organizationName, "ИП Петров");
    EXPECT_EQ(m_kkt->state()->fnRegistrations, 2);
    EXPECT_EQ(fail(R"({"type": "fnChange"})").code, atol::kFnWrongState);
    run(R"({"type": "closeArchive"})");
    // The closed storage refuses everything fiscal.
    EXPECT_EQ(fail(R"({"type": "openShift"})").code, atol::kFnWrongState);
    const auto oldFn = m_kkt->state()->fnNumber;
    run(R"({"type": "fnChange"})");
    const auto state = m_kkt->state();
    EXPECT_NE(state->fnNumber, oldFn);
    EXPECT_EQ(state->lastDocumentNumber, 1u);
    openShift();
    run(sell());
}

TEST_F(VirtualKktTest, ArchiveDetectsTampering)
{
    openShift();
    run(sell());
    auto archive = m_kkt->archive(1, 100);
    for (const auto& document : (*archive)["documents"]) {
        EXPECT_TRUE(document["signValid"].get<bool>()) << document.dump();
    }
}

} // namespace
} // namespace sigma::test

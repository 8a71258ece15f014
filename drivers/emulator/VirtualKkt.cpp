#include "drivers/emulator/VirtualKkt.h"

#include "core/ErrorCodes.h"
#include "core/TaxSystem.h"
#include "crypto/Hex.h"
#include "crypto/OsRandom.h"
#include "drivers/emulator/ReceiptQrText.h"
#include "drivers/emulator/TapeLayouts.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/ffd/RegistrationNumber.h"
#include "fiscal/ffd/TagSchema.h"
#include "fiscal/ffd/TlvCodec.h"
#include "fiscal/ffd/TlvJson.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

namespace sigma::drivers::emulator {
namespace {

using fiscal::atol::kNoConnection;
using fiscal::atolError;
namespace atol = fiscal::atol;

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kShiftLimitUs = 24LL * 3600 * kMicrosPerSecond;
constexpr std::int64_t kMicrosPerDay = 24LL * 3600 * kMicrosPerSecond;
constexpr int kInsufficientCash = 508;
// The shift_totals row that counts whole receipts of an operation (the others count payments).
constexpr std::string_view kWholeReceipt = "*";

std::string randomDigits(std::size_t count)
{
    const auto bytes = crypto::randomBytes(count);
    std::string digits;
    for (auto b : bytes) {
        digits += static_cast<char>('0' + b % 10);
    }
    return digits;
}

// A random 10-digit INN of a legal entity with a valid check digit.
std::string randomInn()
{
    static constexpr int kWeights[9] = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    std::string inn = "77" + randomDigits(7);
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        sum += (inn[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    }
    inn += static_cast<char>('0' + sum % 11 % 10);
    return inn;
}

std::string paymentKey(core::PaymentType type)
{
    return std::string(core::paymentTypeName(type));
}

} // namespace

VirtualKkt::VirtualKkt(std::unique_ptr<KktStore> store, const Options& options)
    : m_store(std::move(store)), m_clock(options.clock), m_utcOffsetMinutes(options.utcOffsetMinutes)
{
}

core::Result<std::unique_ptr<VirtualKkt>> VirtualKkt::open(const Options& options)
{
    if (options.clock == nullptr) {
        return core::Error(core::errc::kInvalidArgument, "the virtual register needs a clock");
    }
    if (!options.statePath.parent_path().empty()) {
        std::error_code ec;
        std::filesystem::create_directories(options.statePath.parent_path(), ec);
    }
    auto store = KktStore::open(options.statePath);
    if (!store) {
        return atolError(atol::kNoConnection, "cannot open the register state " + options.statePath.string() + ": " +
                                                  store.error().message);
    }
    std::unique_ptr<VirtualKkt> kkt(new VirtualKkt(std::move(*store), options));
    if (!kkt->m_store->initialized()) {
        SIGMA_TRY(kkt->m_store->transaction([&]() -> core::Status {
            if (kkt->m_store->initialized()) {
                return core::ok(); // another process created it first
            }
            return kkt->createFreshRegister();
        }));
    }
    return kkt;
}

core::Status VirtualKkt::createFreshRegister()
{
    KktState s;
    s.serialNumber = "00" + randomDigits(12);
    s.modelName = "АТОЛ Sigma (эмулятор)";
    s.firmwareVersion = "5.8.100";
    s.fnNumber = "7380440" + randomDigits(9);
    s.inn = randomInn();
    SIGMA_ASSIGN_OR_RETURN(s.registrationNumber,
                           fiscal::ffd::makeRegistrationNumber("0000000001", s.inn, s.serialNumber));
    s.organizationName = "ООО «Сигма Демо»";
    s.organizationAddress = "г. Москва, ул. Тестовая, д. 1";
    s.organizationEmail = "demo@sigma-pos.local";
    s.taxationTypes = 0;
    for (const auto& entry : core::kTaxSystems) {
        s.taxationTypes |= entry.code;
    }
    s.fnsUrl = "www.nalog.gov.ru";
    s.ofdName = "Тестовый ОФД";
    s.ofdInn = "7704211201";
    s.fnState = "fiscal";
    s.lineWidth = 48;
    s.signKey = crypto::randomBytes(32);
    s.fnActivatedAtUs = nowUs();
    SIGMA_TRY(m_store->saveState(s));

    // The register is registered on first use: the registration report is document 1.
    SIGMA_ASSIGN_OR_RETURN(auto outcome, registration({}, s, KktFaults{}));
    (void)outcome;
    SIGMA_TRY(m_store->markAllSent(nowUs()));
    return m_store->saveState(s);
}

std::int64_t VirtualKkt::nowUs() const
{
    return core::toUnixMicros(m_clock->now()) + m_clockOffsetSec * kMicrosPerSecond;
}

std::int64_t VirtualKkt::localSeconds() const
{
    return nowUs() / kMicrosPerSecond + m_utcOffsetMinutes * 60LL;
}

std::string VirtualKkt::localIso(std::int64_t utcMicros) const
{
    const std::time_t local = static_cast<std::time_t>(utcMicros / kMicrosPerSecond + m_utcOffsetMinutes * 60LL);
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buffer[64];
    const int offset = m_utcOffsetMinutes;
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+', std::abs(offset) / 60,
                  std::abs(offset) % 60);
    return buffer;
}

namespace {

std::string printedDateTime(std::int64_t localSeconds)
{
    const std::time_t t = static_cast<std::time_t>(localSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%02d.%02d.%02d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year % 100,
                  tm.tm_hour, tm.tm_min);
    return buffer;
}

bool isDocumentTask(fiscal::TaskType type)
{
    switch (type) {
    case fiscal::TaskType::OpenShift:
    case fiscal::TaskType::CloseShift:
    case fiscal::TaskType::Sell:
    case fiscal::TaskType::SellReturn:
    case fiscal::TaskType::Buy:
    case fiscal::TaskType::BuyReturn:
    case fiscal::TaskType::SellCorrection:
    case fiscal::TaskType::BuyCorrection:
    case fiscal::TaskType::CashIn:
    case fiscal::TaskType::CashOut:
    case fiscal::TaskType::Registration:
    case fiscal::TaskType::FnChange:
    case fiscal::TaskType::CloseArchive: return true;
    default: return false;
    }
}

} // namespace

core::Result<std::string> VirtualKkt::firmwareVersion()
{
    SIGMA_ASSIGN_OR_RETURN(const KktState state, m_store->loadState());
    return state.firmwareVersion;
}

core::Status VirtualKkt::flashFirmware(const fiscal::FirmwareImage& image, const FlashProgress& progress)
{
    const auto refuseIfBusy = [](const KktState& state) -> core::Status {
        if (state.shiftOpen) {
            return core::Error(core::errc::kFirmwareFlashRefused,
                               "Смена открыта: закройте смену перед обновлением прошивки ККТ");
        }
        if (state.pendingPrintout) {
            return core::Error(core::errc::kFirmwareFlashRefused,
                               "Документ не допечатан: завершите печать перед обновлением прошивки ККТ");
        }
        return core::ok();
    };
    int slot = 0;
    SIGMA_TRY(m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(const KktState state, m_store->loadState());
        SIGMA_TRY(refuseIfBusy(state));
        SIGMA_ASSIGN_OR_RETURN(const int active, m_store->activeFirmwareSlot());
        slot = 1 - active;
        return m_store->beginFirmwareSlot(slot, image.version, static_cast<std::int64_t>(image.bytes.size()));
    }));
    // Each part commits on its own, like a register writing flash pages: a kill leaves a partial
    // inactive slot, which the next flash starts over and which is never switched to.
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(image.bytes.data());
    for (std::size_t offset = 0; offset < image.bytes.size(); offset += kFirmwareChunkBytes) {
        const std::size_t n = std::min(kFirmwareChunkBytes, image.bytes.size() - offset);
        SIGMA_TRY(m_store->transaction([&] {
            return m_store->writeFirmwareChunk(slot, static_cast<std::int64_t>(offset),
                                               std::span<const std::uint8_t>(bytes + offset, n));
        }));
        if (progress) {
            progress(offset + n, image.bytes.size());
        }
    }
    return m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(KktState state, m_store->loadState());
        SIGMA_TRY(refuseIfBusy(state)); // a shift opened by another process meanwhile
        SIGMA_ASSIGN_OR_RETURN(const auto written, m_store->firmwareSlotDigest(slot));
        if (written.first != image.sha256 || written.second != static_cast<std::int64_t>(image.bytes.size())) {
            return core::Error(core::errc::kPackageFileMismatch,
                               "the written firmware does not match its SHA-256; the old firmware stays");
        }
        SIGMA_TRY(m_store->activateFirmwareSlot(slot));
        state.firmwareVersion = image.version;
        return m_store->saveState(state);
    });
}

core::Result<fiscal::OfdConnection> VirtualKkt::ofdConnection()
{
    return m_store->loadOfdConnection();
}

core::Status VirtualKkt::writeOfdConnection(const fiscal::OfdConnection& connection)
{
    SIGMA_TRY(connection.validate());
    return m_store->transaction([&] { return m_store->saveOfdConnection(connection); });
}

core::Result<core::Json> VirtualKkt::execute(const core::Json& json)
{
    SIGMA_ASSIGN_OR_RETURN(fiscal::Task task, fiscal::parseTask(json));

    // Faults are read and consumed in their own short transaction, so that a fault set by another
    // process (sigmactl fiscal fault) applies to exactly the next task.
    KktFaults faults;
    bool failNow = false;
    bool loseAnswer = false;
    SIGMA_TRY(m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(faults, m_store->loadFaults());
        KktFaults updated = faults;
        if (faults.failCount > 0) {
            failNow = true;
            --updated.failCount;
        } else if (faults.loseAnswerCount > 0 && isDocumentTask(task.type)) {
            loseAnswer = true;
            --updated.loseAnswerCount;
        }
        if (failNow || loseAnswer) {
            return m_store->saveFaults(updated);
        }
        return core::ok();
    }));
    m_clockOffsetSec = faults.clockOffsetSec;

    // A slow device is slow on both sides of the moment the document is made, which widens the
    // window in which the caller may die without hearing the answer.
    if (faults.delayMs > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(faults.delayMs / 2));
    }
    if (failNow) {
        return atolError(faults.failCode, "injected fault");
    }

    Outcome outcome;
    SIGMA_TRY(m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(KktState state, m_store->loadState());
        if (state.ofdLink) {
            SIGMA_TRY(m_store->markAllSent(nowUs()));
        }
        SIGMA_ASSIGN_OR_RETURN(outcome, dispatch(task, state, faults));
        SIGMA_TRY(m_store->saveState(state));
        if (state.ofdLink) {
            return m_store->markAllSent(nowUs());
        }
        return core::ok();
    }));

    if (faults.delayMs > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(faults.delayMs - faults.delayMs / 2));
    }
    if (loseAnswer) {
        return atolError(kNoConnection, "injected fault: the answer was lost after the task was executed");
    }
    if (outcome.afterCommit) {
        return *outcome.afterCommit;
    }
    return outcome.result;
}

core::Result<VirtualKkt::Outcome> VirtualKkt::dispatch(const fiscal::Task& task, KktState& state,
                                                       const KktFaults& faults)
{
    using fiscal::TaskType;
    const auto* simple = std::get_if<fiscal::SimpleTask>(&task.body);
    switch (task.type) {
    case TaskType::OpenShift: return openShift(*simple, state, faults);
    case TaskType::CloseShift: return closeShift(*simple, state, faults);
    case TaskType::ReportX: return reportX(state, faults);
    case TaskType::Sell:
    case TaskType::SellReturn:
    case TaskType::Buy:
    case TaskType::BuyReturn:
    case TaskType::SellCorrection:
    case TaskType::BuyCorrection: return receipt(task.type, std::get<fiscal::ReceiptTask>(task.body), state, faults);
    case TaskType::CashIn:
    case TaskType::CashOut: return cash(task.type, std::get<fiscal::CashTask>(task.body), state, faults);
    case TaskType::NonFiscal: return nonFiscal(std::get<fiscal::NonFiscalTask>(task.body), state, faults);
    case TaskType::ContinuePrint: return continuePrint(state);
    case TaskType::PrintLastReceiptCopy: return printLastReceiptCopy(state, faults);
    case TaskType::GetFnDocument: return fnDocument(std::get<fiscal::FnDocumentTask>(task.body), state);
    case TaskType::Registration:
        return registration(std::get<fiscal::RegistrationTask>(task.body), state, faults);
    case TaskType::FnChange: return fnChange(*simple, state, faults);
    case TaskType::CloseArchive: return closeArchive(*simple, state, faults);
    case TaskType::GetShiftStatus: return Outcome(core::Json{{"shiftStatus", shiftStatus(state)}});
    case TaskType::GetDeviceStatus: return Outcome(core::Json{{"deviceStatus", deviceStatus(state)}});
    case TaskType::GetDeviceInfo: {
        SIGMA_ASSIGN_OR_RETURN(const fiscal::OfdConnection ofd, m_store->loadOfdConnection());
        return Outcome(core::Json{{"deviceInfo",
                         {{"model", 500},
                          {"modelName", state.modelName},
                          {"serial", state.serialNumber},
                          {"firmwareVersion", state.firmwareVersion},
                          {"receiptLineLength", state.lineWidth},
                          {"ffdVersion", "1.2"},
                          {"emulated", true},
                          {"ofdConnection", {{"host", ofd.host}, {"port", ofd.port}, {"dns", ofd.dns}}}}}});
    }
    case TaskType::GetFnInfo:
        return Outcome(core::Json{{"fnInfo",
                         {{"serial", state.fnNumber},
                          {"ffdVersion", "1.2"},
                          {"livePhase", state.fnState == "fiscal" ? "fiscalMode" : "postFiscalMode"},
                          {"numberOfRegistrations", state.fnRegistrations},
                          {"registrationsRemaining", std::max(0, 30 - state.fnRegistrations)},
                          {"activatedDateTime", localIso(state.fnActivatedAtUs)},
                          {"validityDate", localIso(state.fnActivatedAtUs + 36LL * 30 * kMicrosPerDay)}}}});
    case TaskType::GetFnStatus: {
        SIGMA_ASSIGN_OR_RETURN(core::Json status, fnStatus(state));
        return Outcome(core::Json{{"fnStatus", std::move(status)}});
    }
    case TaskType::GetShiftTotals: {
        SIGMA_ASSIGN_OR_RETURN(core::Json totals, shiftTotalsJson(state));
        return Outcome(core::Json{{"shiftTotals", std::move(totals)}});
    }
    case TaskType::ReportOfdExchangeStatus: {
        SIGMA_ASSIGN_OR_RETURN(core::Json queue, ofdQueueJson());
        return Outcome(core::Json{{"status", std::move(queue)}});
    }
    }
    return atolError(atol::kJsonNotSupported, std::string(fiscal::taskTypeName(task.type)));
}

// --- checks -------------------------------------------------------------------------------------

core::Status VirtualKkt::checkFnWorking(const KktState& state) const
{
    if (state.fnState != "fiscal") {
        return atolError(atol::kFnWrongState, "the fiscal storage archive is closed; replace the FN");
    }
    return core::ok();
}

core::Status VirtualKkt::checkPrinter(const KktState& state) const
{
    if (state.coverOpen) {
        return atolError(atol::kCoverOpen);
    }
    if (!state.paperPresent) {
        return atolError(atol::kNoPaper);
    }
    return core::ok();
}

core::Status VirtualKkt::checkShiftOpen(const KktState& state) const
{
    if (!state.shiftOpen) {
        return atolError(atol::kShiftClosed);
    }
    if (nowUs() - state.shiftOpenedAtUs > kShiftLimitUs) {
        return atolError(atol::kShiftExpired, "close the shift (Z report) and open a new one");
    }
    return core::ok();
}

core::Status VirtualKkt::checkOfdBlock()
{
    SIGMA_ASSIGN_OR_RETURN(auto queue, m_store->ofdQueue());
    if (queue.unsentCount > 0 && nowUs() - queue.firstUnsentAtUs > kOfdBlockDays * kMicrosPerDay) {
        return atolError(atol::kOfdWaitExceeded, "document " + std::to_string(queue.firstUnsentNumber) +
                                                     " has waited for the OFD more than 30 days");
    }
    return core::ok();
}

// --- status answers -----------------------------------------------------------------------------

core::Json VirtualKkt::shiftStatus(const KktState& state)
{
    std::string shift = "closed";
    if (state.shiftOpen) {
        shift = nowUs() - state.shiftOpenedAtUs > kShiftLimitUs ? "expired" : "opened";
    }
    core::Json status = {{"state", shift}, {"number", state.shiftNumber}};
    if (state.shiftOpen) {
        status["openedDateTime"] = localIso(state.shiftOpenedAtUs);
        status["expiredTime"] = localIso(state.shiftOpenedAtUs + kShiftLimitUs);
        status["receiptsCount"] = state.receiptNumber;
    }
    return status;
}

core::Json VirtualKkt::deviceStatus(const KktState& state)
{
    auto queue = m_store->ofdQueue();
    const bool blocked =
        queue.ok() && queue->unsentCount > 0 && nowUs() - queue->firstUnsentAtUs > kOfdBlockDays * kMicrosPerDay;
    return {{"currentDateTime", localIso(nowUs())},
            {"shift", shiftStatus(state)["state"]},
            {"blocked", blocked || state.fnState != "fiscal"},
            {"coverOpened", state.coverOpen},
            {"paperPresent", state.paperPresent},
            {"fiscal", true},
            {"fnFiscal", state.fnState == "fiscal"},
            {"fnPresent", true},
            {"cashDrawerOpened", false},
            {"printInterrupted", state.pendingPrintout.has_value()},
            {"cashInDrawer", state.cashInDrawer.toDouble()}};
}

core::Result<core::Json> VirtualKkt::ofdQueueJson()
{
    SIGMA_ASSIGN_OR_RETURN(auto queue, m_store->ofdQueue());
    core::Json json = {{"notSentCount", queue.unsentCount}, {"notSentFirstDocNumber", queue.firstUnsentNumber}};
    if (queue.unsentCount > 0) {
        const std::int64_t ageUs = nowUs() - queue.firstUnsentAtUs;
        json["notSentFirstDocDateTime"] = localIso(queue.firstUnsentAtUs);
        json["ageDays"] = ageUs / kMicrosPerDay;
        json["daysLeft"] = std::max<std::int64_t>(0, kOfdBlockDays - ageUs / kMicrosPerDay);
        json["warning"] = ageUs >= kOfdWarningDays * kMicrosPerDay;
        json["blocked"] = ageUs > kOfdBlockDays * kMicrosPerDay;
    } else {
        json["daysLeft"] = kOfdBlockDays;
        json["warning"] = false;
        json["blocked"] = false;
    }
    return json;
}

core::Result<core::Json> VirtualKkt::fnStatus(const KktState& state)
{
    SIGMA_ASSIGN_OR_RETURN(core::Json queue, ofdQueueJson());
    core::Json status = {{"fnNumber", state.fnNumber},
                         {"fnState", state.fnState},
                         {"lastDocumentNumber", state.lastDocumentNumber},
                         {"fiscalDocumentNumber", state.lastDocumentNumber},
                         {"shiftNumber", state.shiftNumber},
                         {"shiftState", shiftStatus(state)["state"]},
                         {"receiptNumber", state.receiptNumber},
                         {"ofdQueue", std::move(queue)}};
    SIGMA_ASSIGN_OR_RETURN(auto last, m_store->document(state.lastDocumentNumber));
    if (last) {
        status["lastDocumentDateTime"] = localIso(last->createdAtUs);
        status["lastDocumentType"] = last->type;
    }
    return status;
}

core::Result<core::Json> VirtualKkt::shiftTotalsJson(const KktState& state)
{
    SIGMA_ASSIGN_OR_RETURN(auto totals, m_store->shiftTotals());
    core::Json receipts = core::Json::object();
    core::Json cashOperations = core::Json::object();
    for (const auto& total : totals) {
        if (total.paymentType.empty()) {
            cashOperations[total.operation] = {{"count", total.count}, {"sum", total.sum.toDouble()}};
            continue;
        }
        core::Json& op = receipts[total.operation];
        if (op.is_null()) {
            op = {{"count", 0}, {"sum", 0.0}, {"payments", core::Json::object()}};
        }
        if (total.paymentType == kWholeReceipt) {
            op["count"] = total.count;
            op["sum"] = total.sum.toDouble();
        } else {
            op["payments"][total.paymentType] = {{"count", total.count}, {"sum", total.sum.toDouble()}};
        }
    }
    return core::Json{{"shiftNumber", state.shiftNumber},
                      {"receipts", std::move(receipts)},
                      {"cashOperations", std::move(cashOperations)},
                      {"receiptsCount", state.receiptNumber},
                      {"cashInDrawer", state.cashInDrawer.toDouble()}};
}

// --- documents ----------------------------------------------------------------------------------

core::Result<VirtualKkt::Outcome> VirtualKkt::archiveDocument(KktState& state, const std::string& type,
                                                              const SignedDocument& doc, std::uint32_t receiptNumber,
                                                              int operation, core::Money total,
                                                              const std::string& printed, bool print,
                                                              const KktFaults& faults, core::Json result)
{
    ArchivedDocument archived;
    archived.number = state.lastDocumentNumber + 1;
    archived.type = type;
    archived.createdAtUs = nowUs();
    archived.shiftNumber = state.shiftNumber;
    archived.receiptNumber = receiptNumber;
    archived.operation = operation;
    archived.total = total;
    archived.fiscalSign = doc.fiscalSign;
    archived.tlv = doc.tlv;
    SIGMA_TRY(m_store->insertDocument(archived));
    state.lastDocumentNumber = archived.number;

    Outcome outcome;
    outcome.makesDocument = true;
    outcome.result = std::move(result);
    if (!print) {
        return outcome;
    }
    Printout printout;
    printout.documentNumber = archived.number;
    printout.kind = type;
    printout.createdAtUs = archived.createdAtUs;
    printout.text = printed;
    SIGMA_TRY(emitPrintout(state, printout, faults, outcome,
                    "the document " + std::to_string(archived.number) +
                        " is fiscalized; load paper and continue printing"));
    return outcome;
}

core::Status VirtualKkt::emitPrintout(KktState& state, Printout printout, const KktFaults& faults, Outcome& outcome,
                               const std::string& paperOutMessage)
{
    if (faults.paperOutCount > 0) {
        // The paper ends halfway: whatever was made stays made, the printout waits for continuePrint.
        printout.complete = false;
        SIGMA_ASSIGN_OR_RETURN(auto id, m_store->insertPrintout(printout));
        state.pendingPrintout = id;
        state.paperPresent = false;
        KktFaults updated = faults;
        --updated.paperOutCount;
        SIGMA_TRY(m_store->saveFaults(updated));
        outcome.afterCommit = atolError(atol::kNoPaper, paperOutMessage);
        return core::ok();
    }
    SIGMA_ASSIGN_OR_RETURN(auto id, m_store->insertPrintout(printout));
    (void)id;
    return core::ok();
}

core::Result<VirtualKkt::Outcome> VirtualKkt::printOnly(KktState& state, const std::string& kind,
                                                        const std::string& printed, const KktFaults& faults,
                                                        core::Json result)
{
    SIGMA_TRY(checkPrinter(state));
    Printout printout;
    printout.kind = kind;
    printout.createdAtUs = nowUs();
    printout.text = printed;
    Outcome outcome;
    outcome.result = std::move(result);
    SIGMA_TRY(emitPrintout(state, printout, faults, outcome, "load paper and continue printing"));
    return outcome;
}

core::Result<VirtualKkt::Outcome> VirtualKkt::openShift(const fiscal::SimpleTask& task, KktState& state,
                                                        const KktFaults& faults)
{
    SIGMA_TRY(checkFnWorking(state));
    SIGMA_TRY(checkPrinter(state));
    if (state.shiftOpen) {
        return atolError(atol::kShiftOpen);
    }
    SIGMA_TRY(checkOfdBlock());
    SIGMA_TRY(m_store->clearShiftTotals());
    state.shiftOpen = true;
    state.shiftNumber += 1;
    state.shiftOpenedAtUs = nowUs();
    state.receiptNumber = 0;

    const std::uint32_t number = state.lastDocumentNumber + 1;
    FnDocumentBuilder builder(state, number, localSeconds(), task.op);
    SIGMA_ASSIGN_OR_RETURN(const SignedDocument doc, builder.openShift(state.shiftNumber));
    const PrintedFiscalData fiscalData{number, doc.fiscalSign, printedDateTime(localSeconds())};
    const std::string printed = TapeLayouts::shiftReport(state, "ОТЧЁТ ОБ ОТКРЫТИИ СМЕНЫ", task.op, state.shiftNumber,
                                                         {}, &fiscalData);
    core::Json result = {{"fiscalParams",
                          {{"fiscalDocumentNumber", number},
                           {"fiscalDocumentSign", std::to_string(doc.fiscalSign)},
                           {"fiscalDocumentDateTime", localIso(nowUs())},
                           {"shiftNumber", state.shiftNumber},
                           {"fnNumber", state.fnNumber},
                           {"registrationNumber", state.registrationNumber},
                           {"fnsUrl", state.fnsUrl}}},
                         {"warnings", nullptr}};
    return archiveDocument(state, "openShift", doc, 0, 0, core::Money(), printed, true, faults, std::move(result));
}

core::Result<VirtualKkt::Outcome> VirtualKkt::closeShift(const fiscal::SimpleTask& task, KktState& state,
                                                         const KktFaults& faults)
{
    SIGMA_TRY(checkFnWorking(state));
    SIGMA_TRY(checkPrinter(state));
    if (!state.shiftOpen) {
        return atolError(atol::kShiftClosed);
    }
    SIGMA_ASSIGN_OR_RETURN(auto totals, m_store->shiftTotals());
    SIGMA_ASSIGN_OR_RETURN(core::Json totalsJson, shiftTotalsJson(state));
    SIGMA_ASSIGN_OR_RETURN(auto queue, m_store->ofdQueue());
    const std::uint32_t number = state.lastDocumentNumber + 1;
    FnDocumentBuilder builder(state, number, localSeconds(), task.op);
    SIGMA_ASSIGN_OR_RETURN(const SignedDocument doc, builder.closeShift(state.shiftNumber, state.receiptNumber, queue));
    const PrintedFiscalData fiscalData{number, doc.fiscalSign, printedDateTime(localSeconds())};
    const std::string printed =
        TapeLayouts::shiftReport(state, "ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ", task.op, state.shiftNumber, totals, &fiscalData);
    core::Json result = {{"fiscalParams",
                          {{"fiscalDocumentNumber", number},
                           {"fiscalDocumentSign", std::to_string(doc.fiscalSign)},
                           {"fiscalDocumentDateTime", localIso(nowUs())},
                           {"shiftNumber", state.shiftNumber},
                           {"receiptsCount", state.receiptNumber},
                           {"fnNumber", state.fnNumber},
                           {"registrationNumber", state.registrationNumber},
                           {"fnsUrl", state.fnsUrl}}},
                         {"shiftTotals", std::move(totalsJson)},
                         {"warnings", nullptr}};
    state.shiftOpen = false;
    return archiveDocument(state, "closeShift", doc, 0, 0, core::Money(), printed, true, faults, std::move(result));
}

core::Result<VirtualKkt::Outcome> VirtualKkt::reportX(KktState& state, const KktFaults& faults)
{
    SIGMA_TRY(checkPrinter(state));
    SIGMA_ASSIGN_OR_RETURN(auto totals, m_store->shiftTotals());
    SIGMA_ASSIGN_OR_RETURN(core::Json totalsJson, shiftTotalsJson(state));
    const std::string printed =
        TapeLayouts::shiftReport(state, "ОТЧЁТ БЕЗ ГАШЕНИЯ (X)", {}, state.shiftNumber, totals, nullptr);
    return printOnly(state, "reportX", printed, faults, {{"shiftTotals", std::move(totalsJson)}});
}

core::Result<VirtualKkt::Outcome> VirtualKkt::receipt(fiscal::TaskType type, const fiscal::ReceiptTask& task,
                                                      KktState& state, const KktFaults& faults)
{
    const bool correction = type == fiscal::TaskType::SellCorrection || type == fiscal::TaskType::BuyCorrection;
    SIGMA_TRY(checkFnWorking(state));
    if (!task.electronically) {
        SIGMA_TRY(checkPrinter(state));
    }
    SIGMA_TRY(checkShiftOpen(state));
    SIGMA_TRY(checkOfdBlock());

    FiscalReceipt r;
    r.operation = core::receiptOperationCode(task.operation);
    r.correction = correction;
    r.clientContact = task.clientContact;
    r.additionalAttribute = task.additionalAttribute;
    r.correctionType = task.correctionType;
    r.correctionBaseDate = task.correctionBaseDate;
    r.correctionBaseNumber = task.correctionBaseNumber;

    // Taxation type: one the register is registered for (143); absent means the first of them.
    if (task.taxationType) {
        auto system = core::parseTaxSystem(*task.taxationType);
        if (!system || (state.taxationTypes & core::taxSystemBit(*system)) == 0) {
            return atolError(atol::kInvalidTaxationType, "'" + *task.taxationType + "'", "taxationType");
        }
        r.taxationBit = core::taxSystemBit(*system);
    } else {
        r.taxationBit = 1;
        while (r.taxationBit <= 32 && (state.taxationTypes & r.taxationBit) == 0) {
            r.taxationBit <<= 1;
        }
    }

    const auto& vatTable = core::VatTable::standard();
    std::size_t positions = 0;
    for (std::size_t i = 0; i < task.items.size(); ++i) {
        const auto* position = std::get_if<fiscal::PositionItem>(&task.items[i]);
        if (position == nullptr) {
            continue;
        }
        const std::string path = "items[" + std::to_string(i) + "]";
        auto vat = vatTable.fromAtolName(position->taxType);
        if (!vat) {
            return atolError(atol::kInvalidTaxType, "'" + position->taxType + "'", path + ".tax.type");
        }
        ++positions;
        FiscalLine line;
        line.name = position->name;
        line.price = position->price;
        line.quantity = position->quantity;
        line.amount = position->amount;
        line.measurementUnit = position->measurementUnit;
        line.vatRate = *vat;
        line.vatSum = position->taxSum.value_or(vatTable.vatIncluded(*vat, position->amount));
        line.paymentMethod = core::paymentMethodCode(position->paymentMethod);
        line.paymentObject = core::paymentObjectCode(position->paymentObject);
        line.markingCode = position->markingCode.value_or("");
        r.lines.push_back(std::move(line));
    }
    if (positions == 0) {
        return atolError(atol::kJsonMissingField, "a receipt needs at least one position", "items");
    }

    // Amounts: price × quantity may differ from amount by up to a kopeck per unit (at least one).
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const FiscalLine& line = r.lines[i];
        const auto priced = static_cast<long double>(line.price.kopecks()) * line.quantity.thousandths();
        const auto exact = static_cast<long double>(line.amount.kopecks()) * 1000;
        const auto difference = priced > exact ? priced - exact : exact - priced;
        const auto allowed = static_cast<long double>(std::max<std::int64_t>(1000, line.quantity.thousandths()));
        if (difference > allowed) {
            return atolError(atol::kAmountMismatch,
                             line.price.toString() + " x " + line.quantity.toString() + " != " + line.amount.toString(),
                             "items[" + std::to_string(i) + "].amount");
        }
        SIGMA_ASSIGN_OR_RETURN(r.total, r.total.checkedAdd(line.amount));
    }
    if (task.total && *task.total != r.total) {
        return atolError(atol::kAmountMismatch,
                         "total " + task.total->toString() + " != sum of positions " + r.total.toString(), "total");
    }

    // Payments: the total must be covered; change only from cash.
    core::Money nonCash;
    for (const auto& payment : task.payments) {
        switch (payment.type) {
        case core::PaymentType::Cash: r.cash = r.cash + payment.sum; break;
        case core::PaymentType::Electronically: r.electronically = r.electronically + payment.sum; break;
        case core::PaymentType::Prepaid: r.prepaid = r.prepaid + payment.sum; break;
        case core::PaymentType::Credit: r.credit = r.credit + payment.sum; break;
        case core::PaymentType::Other: r.other = r.other + payment.sum; break;
        }
        if (payment.type != core::PaymentType::Cash) {
            nonCash = nonCash + payment.sum;
        }
    }
    if (nonCash > r.total) {
        return atolError(atol::kNotFullyPaid, "non-cash payments exceed the total; change is given only from cash",
                         "payments");
    }
    if (r.cash + nonCash < r.total) {
        return atolError(atol::kNotFullyPaid,
                         "paid " + (r.cash + nonCash).toString() + " of " + r.total.toString(), "payments");
    }
    r.change = r.cash + nonCash - r.total;
    const core::Money cashNet = r.cash - r.change; // what the drawer gains or loses
    const bool moneyOut = task.operation == core::ReceiptOperation::SaleReturn ||
                          task.operation == core::ReceiptOperation::Purchase;
    if (moneyOut && cashNet > state.cashInDrawer) {
        return atolError(kInsufficientCash,
                         "not enough cash in the drawer: " + state.cashInDrawer.toString() + " for " + cashNet.toString(),
                         "payments");
    }

    // Execute: number, sign, archive, counters, totals, tape.
    state.receiptNumber += 1;
    const std::uint32_t number = state.lastDocumentNumber + 1;
    FnDocumentBuilder builder(state, number, localSeconds(), task.op);
    SIGMA_ASSIGN_OR_RETURN(const SignedDocument doc, builder.receipt(r, state.shiftNumber, state.receiptNumber));
    state.cashInDrawer = moneyOut ? state.cashInDrawer - cashNet : state.cashInDrawer + cashNet;
    const std::string operationName(correction ? (r.operation == 1 ? "sellCorrection" : "buyCorrection")
                                               : core::receiptOperationName(task.operation));
    struct {
        core::PaymentType type;
        core::Money sum;
    } const byType[] = {{core::PaymentType::Cash, r.cash - r.change},
                        {core::PaymentType::Electronically, r.electronically},
                        {core::PaymentType::Prepaid, r.prepaid},
                        {core::PaymentType::Credit, r.credit},
                        {core::PaymentType::Other, r.other}};
    for (const auto& paid : byType) {
        if (paid.sum.isPositive()) {
            SIGMA_TRY(m_store->addShiftTotal(operationName, paymentKey(paid.type), paid.sum));
        }
    }
    SIGMA_TRY(m_store->addShiftTotal(operationName, std::string(kWholeReceipt), r.total));
    if (!correction) {
        state.lastReceiptDocument = number;
    }

    const std::string qr = receiptQrText(localSeconds(), r.total, state.fnNumber, number, doc.fiscalSign, r.operation);
    const PrintedFiscalData fiscalData{number, doc.fiscalSign, printedDateTime(localSeconds())};
    const std::string printed = TapeLayouts::receipt(state, r, task.items, task.op, state.shiftNumber,
                                                     state.receiptNumber, fiscalData, qr);
    core::Json result = {{"fiscalParams",
                          {{"fiscalDocumentNumber", number},
                           {"fiscalDocumentSign", std::to_string(doc.fiscalSign)},
                           {"fiscalDocumentDateTime", localIso(nowUs())},
                           {"fiscalReceiptNumber", state.receiptNumber},
                           {"shiftNumber", state.shiftNumber},
                           {"fnNumber", state.fnNumber},
                           {"registrationNumber", state.registrationNumber},
                           {"total", r.total.toDouble()},
                           {"fnsUrl", state.fnsUrl},
                           {"qr", qr}}},
                         {"change", r.change.toDouble()},
                         {"warnings", nullptr}};
    return archiveDocument(state, correction ? "correction" : "receipt", doc, state.receiptNumber, r.operation, r.total,
                           printed, !task.electronically, faults, std::move(result));
}

core::Result<VirtualKkt::Outcome> VirtualKkt::cash(fiscal::TaskType type, const fiscal::CashTask& task,
                                                   KktState& state, const KktFaults& faults)
{
    SIGMA_TRY(checkPrinter(state));
    SIGMA_TRY(checkShiftOpen(state));
    const bool in = type == fiscal::TaskType::CashIn;
    if (!in && task.sum > state.cashInDrawer) {
        return atolError(kInsufficientCash,
                         "not enough cash in the drawer: " + state.cashInDrawer.toString() + " for " + task.sum.toString(),
                         "cashSum");
    }
    state.cashInDrawer = in ? state.cashInDrawer + task.sum : state.cashInDrawer - task.sum;
    SIGMA_TRY(m_store->addShiftTotal(in ? "cashIn" : "cashOut", "", task.sum));
    const std::string printed = TapeLayouts::cashOperation(state, in ? "ВНЕСЕНИЕ" : "ВЫПЛАТА", task.sum, task.op,
                                                           printedDateTime(localSeconds()));
    return printOnly(state, in ? "cashIn" : "cashOut", printed, faults,
                     {{"cashInDrawer", state.cashInDrawer.toDouble()}});
}

core::Result<VirtualKkt::Outcome> VirtualKkt::nonFiscal(const fiscal::NonFiscalTask& task, KktState& state,
                                                        const KktFaults& faults)
{
    return printOnly(state, "nonFiscal", TapeLayouts::nonFiscal(state, task.items), faults, core::Json::object());
}

core::Result<VirtualKkt::Outcome> VirtualKkt::continuePrint(KktState& state)
{
    SIGMA_TRY(checkPrinter(state));
    if (state.pendingPrintout) {
        SIGMA_TRY(m_store->completePrintout(*state.pendingPrintout));
        state.pendingPrintout.reset();
    }
    return Outcome{};
}

core::Result<VirtualKkt::Outcome> VirtualKkt::printLastReceiptCopy(KktState& state, const KktFaults& faults)
{
    if (state.lastReceiptDocument == 0) {
        return atolError(atol::kDocumentNotFound, "no receipt has been printed yet");
    }
    SIGMA_ASSIGN_OR_RETURN(auto printout, m_store->printoutOfDocument(state.lastReceiptDocument));
    if (!printout) {
        return atolError(atol::kDocumentNotFound, "the last receipt was electronic");
    }
    return printOnly(state, "copy", "КОПИЯ\n" + printout->text, faults, core::Json::object());
}

core::Result<VirtualKkt::Outcome> VirtualKkt::fnDocument(const fiscal::FnDocumentTask& task, const KktState& state)
{
    SIGMA_ASSIGN_OR_RETURN(auto document, m_store->document(task.fiscalDocumentNumber));
    if (!document) {
        return atolError(atol::kDocumentNotFound,
                         "no document " + std::to_string(task.fiscalDocumentNumber) + " (last is " +
                             std::to_string(state.lastDocumentNumber) + ")",
                         "fiscalDocumentNumber");
    }
    auto tags = fiscal::ffd::decode(document->tlv, fiscal::ffd::TagSchema::ffd());
    core::Json result = {{"documentType", document->type},
                         {"fiscalDocumentNumber", document->number},
                         {"fiscalDocumentSign", std::to_string(document->fiscalSign)},
                         {"fiscalDocumentDateTime", localIso(document->createdAtUs)},
                         {"shiftNumber", document->shiftNumber}};
    if (document->type == "receipt" || document->type == "correction") {
        result["fiscalReceiptNumber"] = document->receiptNumber;
        result["operation"] = document->operation;
        result["total"] = document->total.toDouble();
    }
    if (tags) {
        result["tags"] = fiscal::ffd::toJson(*tags);
        if (const auto* root = fiscal::ffd::findTag(*tags, document->type == "receipt" ? 3 : 31)) {
            if (const auto* attribute = root->find(1192)) {
                if (auto text = attribute->asString()) {
                    result["additionalAttribute"] = *text;
                }
            }
        }
    }
    if (task.withRawData) {
        result["rawData"] = crypto::toHex(document->tlv);
    }
    return Outcome(core::Json{{"documentTLV", std::move(result)}});
}

core::Result<VirtualKkt::Outcome> VirtualKkt::registration(const fiscal::RegistrationTask& task, KktState& state,
                                                           const KktFaults& faults)
{
    SIGMA_TRY(checkFnWorking(state));
    if (state.shiftOpen) {
        return atolError(atol::kShiftOpen, "close the shift before (re-)registration");
    }
    const bool reRegistration = state.lastDocumentNumber > 0;
    if (!task.organizationName.empty()) {
        state.organizationName = task.organizationName;
    }
    if (!task.organizationAddress.empty()) {
        state.organizationAddress = task.organizationAddress;
    }
    if (!task.organizationEmail.empty()) {
        state.organizationEmail = task.organizationEmail;
    }
    if (!task.organizationVatin.empty()) {
        state.inn = task.organizationVatin;
    }
    if (!task.taxationTypes.empty()) {
        int mask = 0;
        for (const auto& name : task.taxationTypes) {
            auto system = core::parseTaxSystem(name);
            if (!system) {
                return atolError(atol::kInvalidTaxationType, "'" + name + "'", "organization.taxationTypes");
            }
            mask |= core::taxSystemBit(*system);
        }
        state.taxationTypes = mask;
    }
    if (!task.registrationNumber.empty()) {
        if (auto check = fiscal::ffd::checkRegistrationNumber(task.registrationNumber, state.inn, state.serialNumber);
            !check) {
            return atolError(atol::kJsonInvalidValue, check.error().message, "device.registrationNumber");
        }
        state.registrationNumber = task.registrationNumber;
    } else if (!task.organizationVatin.empty()) {
        SIGMA_ASSIGN_OR_RETURN(state.registrationNumber, fiscal::ffd::makeRegistrationNumber(
                                                             state.registrationNumber.substr(0, 10), state.inn,
                                                             state.serialNumber));
    }
    if (!task.ofdName.empty()) {
        state.ofdName = task.ofdName;
    }
    if (!task.ofdVatin.empty()) {
        state.ofdInn = task.ofdVatin;
    }
    if (!task.fnsUrl.empty()) {
        state.fnsUrl = task.fnsUrl;
    }
    state.fnRegistrations += 1;
    const std::uint32_t number = state.lastDocumentNumber + 1;
    FnDocumentBuilder builder(state, number, localSeconds(), task.op);
    SIGMA_ASSIGN_OR_RETURN(const SignedDocument doc, builder.registration(reRegistration, reRegistration ? 4 : 0));
    const PrintedFiscalData fiscalData{number, doc.fiscalSign, printedDateTime(localSeconds())};
    const std::string title = reRegistration ? "ОТЧЁТ ОБ ИЗМ. ПАРАМЕТРОВ РЕГИСТРАЦИИ" : "ОТЧЁТ О РЕГИСТРАЦИИ";
    const std::string printed = TapeLayouts::registrationReport(state, title, task.op, fiscalData);
    core::Json result = {{"fiscalParams",
                          {{"fiscalDocumentNumber", number},
                           {"fiscalDocumentSign", std::to_string(doc.fiscalSign)},
                           {"fiscalDocumentDateTime", localIso(nowUs())},
                           {"fnNumber", state.fnNumber},
                           {"registrationNumber", state.registrationNumber},
                           {"fnsUrl", state.fnsUrl}}},
                         {"warnings", nullptr}};
    return archiveDocument(state, reRegistration ? "reRegistration" : "registration", doc, 0, 0, core::Money(),
                           printed, state.paperPresent && !state.coverOpen, faults, std::move(result));
}

core::Result<VirtualKkt::Outcome> VirtualKkt::closeArchive(const fiscal::SimpleTask& task, KktState& state,
                                                           const KktFaults& faults)
{
    SIGMA_TRY(checkFnWorking(state));
    SIGMA_TRY(checkPrinter(state));
    if (state.shiftOpen) {
        return atolError(atol::kShiftOpen, "close the shift before closing the fiscal storage archive");
    }
    const std::uint32_t number = state.lastDocumentNumber + 1;
    FnDocumentBuilder builder(state, number, localSeconds(), task.op);
    SIGMA_ASSIGN_OR_RETURN(const SignedDocument doc, builder.closeArchive());
    const PrintedFiscalData fiscalData{number, doc.fiscalSign, printedDateTime(localSeconds())};
    const std::string printed = TapeLayouts::registrationReport(state, "ОТЧЁТ О ЗАКРЫТИИ ФН", task.op, fiscalData);
    core::Json result = {{"fiscalParams",
                          {{"fiscalDocumentNumber", number},
                           {"fiscalDocumentSign", std::to_string(doc.fiscalSign)},
                           {"fiscalDocumentDateTime", localIso(nowUs())},
                           {"fnNumber", state.fnNumber}}}};
    SIGMA_ASSIGN_OR_RETURN(auto outcome, archiveDocument(state, "closeArchive", doc, 0, 0, core::Money(), printed, true,
                                                         faults, std::move(result)));
    state.fnState = "closed";
    return outcome;
}

core::Result<VirtualKkt::Outcome> VirtualKkt::fnChange(const fiscal::SimpleTask& task, KktState& state,
                                                       const KktFaults& faults)
{
    if (state.fnState == "fiscal") {
        return atolError(atol::kFnWrongState, "close the fiscal storage archive (closeArchive) before replacing it");
    }
    // A new fiscal storage: new number, its own document numbering, registered anew. The old
    // storage's archive leaves with it (kept aside in kkt.db).
    SIGMA_TRY(m_store->retireArchive(state.fnNumber));
    state.fnNumber = "7380440" + randomDigits(9);
    state.fnState = "fiscal";
    state.fnRegistrations = 0;
    state.fnActivatedAtUs = nowUs();
    state.lastDocumentNumber = 0;
    state.lastReceiptDocument = 0;
    fiscal::RegistrationTask reRegistration;
    reRegistration.op = task.op;
    return registration(reRegistration, state, faults);
}

// --- controls -----------------------------------------------------------------------------------

core::Result<KktState> VirtualKkt::state()
{
    return m_store->loadState();
}

core::Result<KktFaults> VirtualKkt::faults()
{
    return m_store->loadFaults();
}

core::Status VirtualKkt::setFaults(const KktFaults& faults)
{
    return m_store->transaction([&] { return m_store->saveFaults(faults); });
}

core::Status VirtualKkt::setConditions(std::optional<bool> paperPresent, std::optional<bool> coverOpen,
                                       std::optional<bool> ofdLink)
{
    return m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(KktState state, m_store->loadState());
        state.paperPresent = paperPresent.value_or(state.paperPresent);
        state.coverOpen = coverOpen.value_or(state.coverOpen);
        state.ofdLink = ofdLink.value_or(state.ofdLink);
        return m_store->saveState(state);
    });
}

core::Status VirtualKkt::setLineWidth(int characters)
{
    if (characters != 32 && characters != 42 && characters != 48) {
        return core::Error(core::errc::kInvalidArgument, "line width must be 32, 42 or 48 characters", "lineWidth");
    }
    return m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(KktState state, m_store->loadState());
        state.lineWidth = characters;
        return m_store->saveState(state);
    });
}

core::Result<std::string> VirtualKkt::tape(std::optional<std::uint32_t> number)
{
    SIGMA_ASSIGN_OR_RETURN(auto printout, number ? m_store->printoutOfDocument(*number) : m_store->lastPrintout());
    if (!printout) {
        return atolError(atol::kDocumentNotFound,
                         number ? "document " + std::to_string(*number) + " was not printed" : "nothing printed yet");
    }
    if (!printout->complete) {
        // What is on the paper: the printer stopped about halfway.
        return printout->text.substr(0, printout->text.size() / 2) + "\n[закончилась бумага]\n";
    }
    return printout->text;
}

core::Result<core::Json> VirtualKkt::archive(std::uint32_t from, std::uint32_t to)
{
    SIGMA_ASSIGN_OR_RETURN(auto documents, m_store->documents(from, to));
    SIGMA_ASSIGN_OR_RETURN(KktState state, m_store->loadState());
    core::Json list = core::Json::array();
    for (const auto& document : documents) {
        core::Json entry = {{"number", document.number},
                            {"type", document.type},
                            {"dateTime", localIso(document.createdAtUs)},
                            {"shiftNumber", document.shiftNumber},
                            {"total", document.total.toDouble()},
                            {"fiscalSign", std::to_string(document.fiscalSign)},
                            {"signValid", FnDocumentBuilder::verify(state, document.tlv, document.fiscalSign)},
                            {"sentToOfd", document.ofdSentAtUs.has_value()}};
        if (auto tags = fiscal::ffd::decode(document.tlv, fiscal::ffd::TagSchema::ffd())) {
            entry["tags"] = fiscal::ffd::toJson(*tags);
        }
        list.push_back(std::move(entry));
    }
    return core::Json{{"fnNumber", state.fnNumber}, {"documents", std::move(list)}};
}

} // namespace sigma::drivers::emulator

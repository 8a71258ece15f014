#pragma once

#include "core/Clock.h"
#include "drivers/emulator/FnDocumentBuilder.h"
#include "drivers/emulator/KktStore.h"
#include "fiscal/AtolTask.h"
#include "fiscal/FiscalDevice.h"
#include "fiscal/FirmwareFlasher.h"
#include "fiscal/OfdSettingsWriter.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace sigma::drivers::emulator {

/// A virtual ATOL register with a fiscal storage, faithful enough for the terminal, the tests and
/// outside integrators to rely on. Its whole state lives in a SQLite file, so it survives restarts
/// and can be shared by several processes (each task runs in one IMMEDIATE transaction).
///
/// Behaves like a real register toward real tasks: prints non-fiscal items, ignores fields it does
/// not implement, accepts a missing total and a line whose price × quantity is within a kopeck per
/// unit of its amount. Checks, in this order: fiscal storage state (117), cover (45), paper (44),
/// shift state (73, 68, 83), the OFD 30-day block (140), taxation type (143), tax types (144),
/// amounts (506), payment (66).
class VirtualKkt final : public fiscal::FiscalDevice, public fiscal::FirmwareFlasher, public fiscal::OfdSettingsWriter {
public:
    struct Options {
        std::filesystem::path statePath;      ///< kkt.db
        const core::Clock* clock = nullptr;   ///< required
        int utcOffsetMinutes = 180;           ///< the register's local time (Moscow by default)
    };

    /// Opens the state file; an empty one becomes a freshly registered register.
    static core::Result<std::unique_ptr<VirtualKkt>> open(const Options& options);

    core::Result<core::Json> execute(const core::Json& task) override;
    std::string_view driverId() const override { return "emulator"; }

    // --- firmware (fiscal::FirmwareFlasher): two slots in kkt.db, see KktStore ---
    core::Result<std::string> firmwareVersion() override;
    /// Refuses (kFirmwareFlashRefused) while a shift is open or a printout is unfinished; writes
    /// the inactive slot in 64 KiB parts, reads it back, checks the SHA-256 and only then switches.
    core::Status flashFirmware(const fiscal::FirmwareImage& image, const FlashProgress& progress) override;
    /// Bytes per committed part of a flash.
    static constexpr std::size_t kFirmwareChunkBytes = 64 * 1024;

    // --- OFD connection (fiscal::OfdSettingsWriter): one row in kkt.db, also in getDeviceInfo ---
    core::Result<fiscal::OfdConnection> ofdConnection() override;
    /// Accepted with a shift open, like a real register; malformed values refused naming the field.
    core::Status writeOfdConnection(const fiscal::OfdConnection& connection) override;

    // --- the technician's and tests' controls (not ATOL tasks) ---
    core::Result<KktState> state();
    core::Result<KktFaults> faults();
    core::Status setFaults(const KktFaults& faults);
    /// Device conditions a person changes by hand: paper loaded, cover closed, OFD link up.
    core::Status setConditions(std::optional<bool> paperPresent, std::optional<bool> coverOpen,
                               std::optional<bool> ofdLink);
    /// The printer's characters per line: 32 (57 mm paper), 42 or 48 (80 mm).
    core::Status setLineWidth(int characters);
    /// The printed text of a fiscal document, or of the last printout when `number` is empty.
    core::Result<std::string> tape(std::optional<std::uint32_t> number);
    /// Archived documents with their decoded tags.
    core::Result<core::Json> archive(std::uint32_t from, std::uint32_t to);

    /// Days of OFD silence after which the fiscal storage blocks, and the early warning before it.
    static constexpr int kOfdBlockDays = 30;
    static constexpr int kOfdWarningDays = 25;

private:
    struct Outcome {
        Outcome() = default;
        explicit Outcome(core::Json answer) : result(std::move(answer)) {}

        core::Json result = core::Json::object();
        std::optional<core::Error> afterCommit; ///< committed, but answered with this error
        bool makesDocument = false;
    };

    VirtualKkt(std::unique_ptr<KktStore> store, const Options& options);

    core::Status createFreshRegister();
    core::Result<Outcome> dispatch(const fiscal::Task& task, KktState& state, const KktFaults& faults);

    core::Result<Outcome> openShift(const fiscal::SimpleTask& task, KktState& state, const KktFaults& faults);
    core::Result<Outcome> closeShift(const fiscal::SimpleTask& task, KktState& state, const KktFaults& faults);
    core::Result<Outcome> reportX(KktState& state, const KktFaults& faults);
    core::Result<Outcome> receipt(fiscal::TaskType type, const fiscal::ReceiptTask& task, KktState& state,
                                  const KktFaults& faults);
    core::Result<Outcome> cash(fiscal::TaskType type, const fiscal::CashTask& task, KktState& state,
                               const KktFaults& faults);
    core::Result<Outcome> nonFiscal(const fiscal::NonFiscalTask& task, KktState& state, const KktFaults& faults);
    core::Result<Outcome> continuePrint(KktState& state);
    core::Result<Outcome> printLastReceiptCopy(KktState& state, const KktFaults& faults);
    core::Result<Outcome> fnDocument(const fiscal::FnDocumentTask& task, const KktState& state);
    core::Result<Outcome> registration(const fiscal::RegistrationTask& task, KktState& state, const KktFaults& faults);
    core::Result<Outcome> fnChange(const fiscal::SimpleTask& task, KktState& state, const KktFaults& faults);
    core::Result<Outcome> closeArchive(const fiscal::SimpleTask& task, KktState& state, const KktFaults& faults);

    core::Json deviceStatus(const KktState& state);
    core::Json shiftStatus(const KktState& state);
    core::Result<core::Json> fnStatus(const KktState& state);
    core::Result<core::Json> ofdQueueJson();
    core::Result<core::Json> shiftTotalsJson(const KktState& state);

    /// Hardware and fiscal storage checks before a printed document.
    core::Status checkPrinter(const KktState& state) const;
    core::Status checkFnWorking(const KktState& state) const;
    core::Status checkOfdBlock();
    core::Status checkShiftOpen(const KktState& state) const;

    /// Stores a fiscal document and its printout; the printout is cut short when the paper runs out.
    core::Result<Outcome> archiveDocument(KktState& state, const std::string& type, const SignedDocument& doc,
                                          std::uint32_t receiptNumber, int operation, core::Money total,
                                          const std::string& printed, bool print, const KktFaults& faults,
                                          core::Json result);
    /// Stores a printout; when the paper runs out midway it is left unfinished for continuePrint
    /// and the outcome answers "no paper" after the commit.
    core::Status emitPrintout(KktState& state, Printout printout, const KktFaults& faults, Outcome& outcome,
                       const std::string& paperOutMessage);
    core::Result<Outcome> printOnly(KktState& state, const std::string& kind, const std::string& printed,
                                    const KktFaults& faults, core::Json result);

    std::int64_t nowUs() const;
    std::int64_t localSeconds() const;
    std::string localIso(std::int64_t utcMicros) const;

    std::unique_ptr<KktStore> m_store;
    const core::Clock* m_clock;
    int m_utcOffsetMinutes;
    std::int64_t m_clockOffsetSec = 0;
};

} // namespace sigma::drivers::emulator

#pragma once

#include "core/Result.h"
#include "crypto/Sha256.h"
#include "db/SqliteConnection.h"
#include "drivers/emulator/KktState.h"
#include "fiscal/OfdConnection.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <string>
#include <vector>

namespace sigma::drivers::emulator {

/// A fiscal document as the fiscal storage archive keeps it.
struct ArchivedDocument {
    std::uint32_t number = 0;
    std::string type;            ///< "registration", "openShift", "receipt", "correction", "closeShift", ...
    std::int64_t createdAtUs = 0; ///< UTC microseconds
    std::uint32_t shiftNumber = 0;
    std::uint32_t receiptNumber = 0;
    int operation = 0;           ///< tag 1054 for receipts
    core::Money total;
    std::uint32_t fiscalSign = 0;
    std::vector<std::uint8_t> tlv;
    std::optional<std::int64_t> ofdSentAtUs;
};

/// One printed document on the paper tape.
struct Printout {
    std::int64_t id = 0;
    std::uint32_t documentNumber = 0; ///< 0 for non-fiscal printouts
    std::string kind;
    std::int64_t createdAtUs = 0;
    std::string text;
    bool complete = true;
};

/// Running totals of the open shift by operation ("sell", "cashIn", ...) and payment type.
struct ShiftTotal {
    std::string operation;
    std::string paymentType; ///< empty for cash operations
    std::int64_t count = 0;
    core::Money sum;
};

/// kkt.db: the virtual register's memory and its fiscal storage archive, in one SQLite file.
/// A fiscal document and every counter it changes are written in one transaction with
/// synchronous=FULL, so after a kill the document is either entirely in the archive or absent.
class KktStore {
public:
    static core::Result<std::unique_ptr<KktStore>> open(const std::filesystem::path& path);

    /// Runs `body` in one IMMEDIATE transaction (other processes wait on the busy timeout).
    core::Status transaction(const std::function<core::Status()>& body);

    [[nodiscard]] bool initialized();
    core::Result<KktState> loadState();
    core::Status saveState(const KktState& state);

    core::Result<KktFaults> loadFaults();
    core::Status saveFaults(const KktFaults& faults);

    core::Status insertDocument(const ArchivedDocument& document);
    core::Result<std::optional<ArchivedDocument>> document(std::uint32_t number);
    core::Result<std::vector<ArchivedDocument>> documents(std::uint32_t from, std::uint32_t to);

    core::Result<std::int64_t> insertPrintout(const Printout& printout);
    core::Status completePrintout(std::int64_t id);
    core::Result<std::optional<Printout>> printout(std::int64_t id);
    core::Result<std::optional<Printout>> printoutOfDocument(std::uint32_t documentNumber);
    core::Result<std::optional<Printout>> lastPrintout();

    core::Status addShiftTotal(const std::string& operation, const std::string& paymentType, core::Money sum);
    core::Result<std::vector<ShiftTotal>> shiftTotals();
    core::Status clearShiftTotals();

    /// Unsent-to-OFD documents: count and the oldest one.
    struct OfdQueue {
        std::int64_t unsentCount = 0;
        std::uint32_t firstUnsentNumber = 0;
        std::int64_t firstUnsentAtUs = 0;
    };
    core::Result<OfdQueue> ofdQueue();
    core::Status markAllSent(std::int64_t nowUs);

    /// Moves the whole archive aside when the fiscal storage is replaced: the new one numbers its
    /// documents from 1 again. The paper tape stays, unlinked from document numbers.
    core::Status retireArchive(const std::string& fnNumber);

    /// Firmware slots (A/B): which one runs, and the steps of writing the other.
    core::Result<int> activeFirmwareSlot();
    core::Status beginFirmwareSlot(int slot, const std::string& version, std::int64_t size);
    core::Status writeFirmwareChunk(int slot, std::int64_t offset, std::span<const std::uint8_t> data);
    /// SHA-256 and length of what the slot holds, read back from storage.
    core::Result<std::pair<crypto::Digest, std::int64_t>> firmwareSlotDigest(int slot);
    core::Status activateFirmwareSlot(int slot);

    /// The OFD connection the register holds (an empty host when never written).
    core::Result<fiscal::OfdConnection> loadOfdConnection();
    core::Status saveOfdConnection(const fiscal::OfdConnection& connection);

private:
    explicit KktStore(std::unique_ptr<db::SqliteConnection> connection);

    std::unique_ptr<db::SqliteConnection> m_db;
};

} // namespace sigma::drivers::emulator

#pragma once

#include "core/Money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::drivers::emulator {

/// Everything a real register keeps in its own memory and its fiscal storage's counters. Stored
/// as one row of kkt.db (table device) and read at the start of every task, so several processes
/// (the web server, sigmactl) can share one virtual register.
struct KktState {
    std::string serialNumber;
    std::string modelName;
    std::string firmwareVersion;
    std::string fnNumber;
    std::string registrationNumber;
    std::string inn;
    std::string organizationName;
    std::string organizationAddress;
    std::string organizationEmail;
    int taxationTypes = 0; ///< tag 1055 bit mask of the systems the register is registered for
    std::string fnsUrl;
    std::string ofdName;
    std::string ofdInn;
    std::string fnState;   ///< "fiscal" (working) or "closed" (archive closed)
    int fnRegistrations = 0;
    std::int64_t fnActivatedAtUs = 0;
    std::uint32_t lastDocumentNumber = 0; ///< ФД of the last fiscal document
    std::uint32_t shiftNumber = 0;        ///< last opened shift
    bool shiftOpen = false;
    std::int64_t shiftOpenedAtUs = 0;
    std::uint32_t receiptNumber = 0;      ///< receipts in the current shift
    core::Money cashInDrawer;
    bool paperPresent = true;
    bool coverOpen = false;
    bool ofdLink = true;
    int lineWidth = 48;
    std::vector<std::uint8_t> signKey; ///< HMAC key for the emulated fiscal sign
    std::uint32_t lastReceiptDocument = 0;
    std::optional<std::int64_t> pendingPrintout; ///< printout cut short by paper out
};

/// Injected faults, kept in kkt.db so another process (sigmactl fiscal fault) can switch them.
struct KktFaults {
    int failCode = 0;          ///< refuse the next tasks with this ATOL code ...
    int failCount = 0;         ///< ... this many times
    int loseAnswerCount = 0;   ///< execute, then answer "no connection" this many times
    int paperOutCount = 0;     ///< run out of paper in the middle of the next printouts
    int delayMs = 0;           ///< a slow device: every task takes this long
    std::int64_t clockOffsetSec = 0; ///< the register's clock runs ahead by this much
};

} // namespace sigma::drivers::emulator

#pragma once

#include "core/Result.h"
#include "devices/Printer.h"
#include "drivers/printer/EscPos.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sigma::drivers::printer {

/// A kitchen printer on a real TCP socket: it listens on 127.0.0.1, answers ESC/POS real-time
/// status requests (DLE EOT n) from the status it is given, and records every document it
/// receives (the bytes up to and including each cut). Stopping it is pulling the printer's plug;
/// starting it again on the same port is plugging it back in.
///
/// A fault makes it take the next document and then drop the connection without answering the
/// confirming status request: the "received but we never heard back" case.
class PrinterEmulator {
public:
    PrinterEmulator() = default;
    ~PrinterEmulator();
    PrinterEmulator(const PrinterEmulator&) = delete;
    PrinterEmulator& operator=(const PrinterEmulator&) = delete;

    /// Listens on `port` (0: any free port; see port()). kAddressInUse-style failures are kUnreachable.
    core::Status start(int port = 0);
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] int port() const { return m_port; }

    void setStatus(const devices::PrinterStatus& status);
    /// The next `count` documents are received and then the connection is dropped unanswered.
    void dropAfterNextDocuments(int count);

    /// Called on the emulator's thread with each document as it completes (the standalone
    /// emulator prints them). Set before start().
    void onDocument(std::function<void(const Bytes&)> listener) { m_listener = std::move(listener); }

    /// Every document received, in order, as the raw bytes.
    [[nodiscard]] std::vector<Bytes> documents() const;
    /// The same as text (EscPos::plainText); a document that does not parse becomes an error line.
    [[nodiscard]] std::vector<std::string> texts() const;

private:
    void serve();
    void handle(int fd);

    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_running{false};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    devices::PrinterStatus m_status{true, false, false, false};
    int m_dropCount = 0;
    std::vector<Bytes> m_documents;
    std::function<void(const Bytes&)> m_listener;
};

} // namespace sigma::drivers::printer

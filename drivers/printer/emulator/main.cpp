// sigma-printer-emulator: a kitchen printer on a TCP port for demonstrations and manual tests.
// Speaks ESC/POS like a network printer on port 9100 and prints every document it receives as
// one JSON line on stdout: {"document": N, "text": "..."}.

#include "drivers/printer/PrinterEmulator.h"

#include "core/ExactJson.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <mutex>

int main(int argc, char** argv)
{
    int port = 9100;
    bool paperOut = false;
    CLI::App app{"sigma-printer-emulator: an ESC/POS network kitchen printer", "sigma-printer-emulator"};
    app.add_option("--port", port, "TCP port on 127.0.0.1 (default 9100; 0: any free port)")->check(CLI::Range(0, 65535));
    app.add_flag("--paper-out", paperOut, "Report no paper (nothing will be accepted)");
    CLI11_PARSE(app, argc, argv);

    // SIGINT / SIGTERM are taken by sigwait() below; blocked before the server thread starts so
    // the thread inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    sigma::drivers::printer::PrinterEmulator printer;
    printer.setStatus({true, paperOut, paperOut, false});
    std::mutex outMutex;
    int count = 0;
    printer.onDocument([&](const sigma::drivers::printer::Bytes& bytes) {
        auto text = sigma::drivers::printer::EscPos::plainText(bytes);
        std::lock_guard lock(outMutex);
        sigma::core::Json line = {{"document", ++count}};
        if (text) {
            line["text"] = *text;
        } else {
            line["error"] = text.error().message;
        }
        std::cout << line.dump() << std::endl;
    });
    if (auto started = printer.start(port); !started) {
        std::cerr << started.error().message << std::endl;
        return 1;
    }
    std::cerr << "listening on 127.0.0.1:" << printer.port() << std::endl;
    int signal = 0;
    sigwait(&stopSignals, &signal);
    printer.stop();
    return 0;
}

#pragma once

#include "core/Result.h"

#include <QString>

#include <string>

namespace sigma::terminal {

class MainWindow;
class TaskRunner;
class TerminalRuntime;

/// A salon to look at and to test against: the staff of DemoData (same PINs) and two masters
/// (a hairdresser 10:00-20:00 and a manicurist with no hours), a service catalog in three
/// categories, made through the same till services an administrator uses. `--screenshot
/// services-...` and the widget tests start from it.
class ServicesDemo {
public:
    static constexpr const char* kHairSku = "S-CUT";      ///< Стрижка женская, 1 500 ₽
    static constexpr const char* kManicureSku = "S-MANI"; ///< Маникюр, 1 200 ₽

    /// Staff, masters, service catalog; logs the cashier in.
    static core::Status seed(TerminalRuntime& runtime);
    /// The employee id of the master by position (0: the hairdresser, 1: the manicurist).
    static core::Result<std::string> masterId(TerminalRuntime& runtime, int index);
    /// The whole demonstration for `--screenshot services-*`: seed, an open shift, a regular
    /// customer with a paid visit, today's appointments and a cart with two masters.
    static core::Status prepareScreenshot(TerminalRuntime& runtime);
    /// Brings `screen` (sale, appointments, customer-card, appointment-dialog) up in the window.
    static void show(MainWindow& window, TaskRunner& runner, const QString& screen);
};

} // namespace sigma::terminal

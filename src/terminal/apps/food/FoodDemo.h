#pragma once

#include "core/Result.h"

#include <QString>

namespace sigma::terminal {

class MainWindow;
class TaskRunner;
class TerminalRuntime;

/// A café to look at and to test against: the staff of DemoData (same PINs), a menu with
/// modifier groups ("Молоко" required, "Сироп" optional up to two), eight tables on the hall grid,
/// made through the same till services a waiter uses. `--screenshot food-...` and the widget
/// tests start from it.
class FoodDemo {
public:
    /// Staff, menu, modifier groups and tables; logs the cashier in.
    static core::Status seed(TerminalRuntime& runtime);
    /// A kitchen printer "Горячий цех" at 127.0.0.1:`port` that gets every category.
    static core::Status addPrinter(TerminalRuntime& runtime, int port);
    /// Opens the shift and serves three tables (sent to the kitchen, a pre-bill printed).
    static core::Status serveTables(TerminalRuntime& runtime);
    /// The whole demonstration for `--screenshot food-*`: seed, a printer emulator in this process,
    /// served tables.
    static core::Status prepareScreenshot(TerminalRuntime& runtime);
    /// Brings `screen` (hall, hall-edit, order, modifiers, split, kitchen) up in the window.
    static void show(MainWindow& window, TaskRunner& runner, const QString& screen);
};

} // namespace sigma::terminal

#pragma once

#include <chrono>

class QApplication;
class QString;

namespace sigma::terminal {

/// What main() does once the QApplication exists: options, the data directory, the stylesheet
/// and language, the scanner wedge, the window; and the hidden modes for the screenshot script
/// (`--screenshot SCREEN --size WxH --out FILE`) and the measurements (`--measure-startup`,
/// `--measure-scans N`).
class TerminalStartup {
public:
    static int run(QApplication& app, std::chrono::steady_clock::time_point started);

    /// Loads the stylesheet and the translation ("ru" by default, "en" for English).
    static void applyLookAndLanguage(QApplication& app, const QString& language);
};

} // namespace sigma::terminal

#pragma once

#include <QString>

class QTranslator;

namespace sigma::terminal {

/// The UI language: Russian (the source language of every tr() string, no translator needed) or
/// English (sigma_terminal_en.qm, compiled into the binary). Switching replaces the installed
/// translator and the default QLocale, so numbers follow the language too ("0,350" / "0.350").
class Language {
public:
    static constexpr const char* kRussian = "ru";
    static constexpr const char* kEnglish = "en";

    /// Installs `code` ("ru" or "en"; anything else is Russian). Returns the code in effect.
    static QString apply(const QString& code);
    /// The code last applied ("ru" before any).
    static QString current();

private:
    static QTranslator*& translator();
    static QString& currentCode();
};

} // namespace sigma::terminal

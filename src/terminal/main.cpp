#include "terminal/TerminalStartup.h"

#include <QApplication>

#include <chrono>
#include <cstdlib>

int main(int argc, char** argv)
{
    const auto started = std::chrono::steady_clock::now();
    // The on-screen keyboard (PLATFORM.md); a kiosk's own choice in the environment wins.
    if (std::getenv("QT_IM_MODULE") == nullptr) {
        setenv("QT_IM_MODULE", "qtvirtualkeyboard", 0);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sigma-terminal"));
    QApplication::setOrganizationName(QStringLiteral("Sigma POS"));
    return sigma::terminal::TerminalStartup::run(app, started);
}

// One QApplication for every test (Qt allows one per process), offscreen so no display is needed.
#include "terminal/Language.h"
#include "terminal/MainWindow.h"

#include <QApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv)
{
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    setenv("SIGMA_TEST_CHEAP_HASHES", "1", 0);
    unsetenv("QT_IM_MODULE"); // no on-screen keyboard in tests: it would need QML at run time
    QApplication app(argc, argv);
    sigma::terminal::MainWindow::initResources(); // the English translation is a resource
    sigma::terminal::Language::apply(QStringLiteral("ru")); // numbers as a Russian till shows them
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// One QApplication for every test (Qt allows one per process), offscreen so no display is needed.
#include <QApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv)
{
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    setenv("SIGMA_TEST_CHEAP_HASHES", "1", 0);
    unsetenv("QT_IM_MODULE"); // no on-screen keyboard in tests: it would need QML at run time
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

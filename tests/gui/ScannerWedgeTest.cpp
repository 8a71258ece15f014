#include "terminal/ScannerWedge.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace sigma::terminal {
namespace {

class ScannerWedgeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_field.setObjectName(QStringLiteral("otherField"));
        m_field.show();
        m_field.activateWindow();
        m_field.setFocus();
        QApplication::setActiveWindow(&m_field);
        ASSERT_TRUE(QTest::qWaitFor([this] { return QApplication::focusWidget() == &m_field; }, 2000));
        qApp->installEventFilter(&m_wedge);
    }
    void TearDown() override { qApp->removeEventFilter(&m_wedge); }

    /// Keys as a scanner sends them: no pause between them.
    void burst(const QString& text)
    {
        for (QChar c : text) {
            if (c == QChar(0x1D)) {
                QTest::keyClick(&m_field, Qt::Key_BracketRight, Qt::ControlModifier);
            } else {
                QTest::keyClick(&m_field, c.toLatin1());
            }
        }
        QTest::keyClick(&m_field, Qt::Key_Return);
    }

    QLineEdit m_field;
    ScannerWedge m_wedge;
};

TEST_F(ScannerWedgeTest, FastBurstEndingWithEnterIsAScanAndTypesNothing)
{
    QSignalSpy spy(&m_wedge, &ScannerWedge::scanned);
    burst(QStringLiteral("4600000000013"));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("4600000000013"));
    QTest::qWait(ScannerWedge::kMaxGapMs * 3);
    EXPECT_EQ(m_field.text(), QString()); // the focused field got none of the keys
}

TEST_F(ScannerWedgeTest, SlowTypingReachesTheFocusedField)
{
    QSignalSpy spy(&m_wedge, &ScannerWedge::scanned);
    for (char c : std::string("milk1")) {
        QTest::keyClick(&m_field, c, Qt::NoModifier, ScannerWedge::kMaxGapMs * 3);
    }
    QTest::keyClick(&m_field, Qt::Key_Return, Qt::NoModifier, ScannerWedge::kMaxGapMs * 3);
    QTest::qWait(ScannerWedge::kMaxGapMs * 3);
    EXPECT_EQ(spy.count(), 0);
    EXPECT_EQ(m_field.text(), QStringLiteral("milk1"));
}

TEST_F(ScannerWedgeTest, GroupSeparatorOfADataMatrixCodeSurvives)
{
    QSignalSpy spy(&m_wedge, &ScannerWedge::scanned);
    const QString code = QStringLiteral("0104600000000013215abcDEF") + QChar(0x1D) + QStringLiteral("93dGVz");
    burst(code);
    ASSERT_EQ(spy.count(), 1);
    const QString got = spy.at(0).at(0).toString();
    EXPECT_EQ(got, code);
    EXPECT_TRUE(got.contains(QChar(0x1D)));
}

TEST_F(ScannerWedgeTest, ShortBurstWithEnterIsTypingNotAScan)
{
    QSignalSpy spy(&m_wedge, &ScannerWedge::scanned);
    QTest::keyClick(&m_field, '1');
    QTest::keyClick(&m_field, '2');
    QTest::keyClick(&m_field, Qt::Key_Return);
    QTest::qWait(ScannerWedge::kMaxGapMs * 3);
    EXPECT_EQ(spy.count(), 0);
    EXPECT_EQ(m_field.text(), QStringLiteral("12"));
}

} // namespace
} // namespace sigma::terminal

#include "terminal/screens/ShiftScreen.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QString money(core::Money m)
{
    return Format::money(m);
}

QPushButton* bigButton(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setMinimumHeight(64);
    return b;
}

} // namespace

ShiftScreen::ShiftScreen(MainWindow& window)
    : m_window(window), m_state(new QLabel(this)), m_result(new QLabel(this)),
      m_open(bigButton(tr("Открыть смену"), "shiftOpen", this)), m_x(bigButton(tr("X-отчёт"), "shiftX", this)),
      m_close(bigButton(tr("Закрыть смену (Z)"), "shiftClose", this)), m_countPanel(new QGroupBox(this)),
      m_counted(new QLineEdit(this)), m_cashAmount(new QLineEdit(this)), m_cashReason(new QLineEdit(this))
{
    m_state->setObjectName(QStringLiteral("shiftState"));
    m_state->setProperty("role", QStringLiteral("title"));
    m_result->setObjectName(QStringLiteral("shiftResult"));
    m_result->setWordWrap(true);
    m_open->setProperty("role", QStringLiteral("primary"));

    static_cast<QGroupBox*>(m_countPanel)->setTitle(tr("Пересчёт наличных"));
    m_counted->setObjectName(QStringLiteral("countedCash"));
    m_counted->setPlaceholderText(tr("Сколько денег в ящике, ₽"));
    m_counted->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    m_counted->setMinimumHeight(56);
    auto* confirm = bigButton(tr("Подтвердить и закрыть смену"), "shiftCountConfirm", m_countPanel);
    confirm->setProperty("role", QStringLiteral("primary"));
    auto* countLayout = new QVBoxLayout(m_countPanel);
    auto* countHint = new QLabel(tr("Пересчитайте наличные в ящике и введите сумму. Ожидаемая сумма "
                                    "будет показана после ввода."),
                                 m_countPanel);
    countHint->setWordWrap(true);
    countLayout->addWidget(countHint);
    countLayout->addWidget(m_counted);
    countLayout->addWidget(confirm);
    m_countPanel->hide();

    auto* cashBox = new QGroupBox(tr("Внесение и выплата"), this);
    m_cashAmount->setObjectName(QStringLiteral("cashAmount"));
    m_cashAmount->setPlaceholderText(tr("Сумма, ₽"));
    m_cashAmount->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    m_cashAmount->setMinimumHeight(56);
    m_cashReason->setObjectName(QStringLiteral("cashReason"));
    m_cashReason->setPlaceholderText(tr("Основание (необязательно)"));
    m_cashReason->setMinimumHeight(56);
    auto* cashIn = bigButton(tr("Внесение"), "cashIn", cashBox);
    auto* cashOut = bigButton(tr("Выплата"), "cashOut", cashBox);
    auto* cashLayout = new QGridLayout(cashBox);
    cashLayout->addWidget(m_cashAmount, 0, 0, 1, 2);
    cashLayout->addWidget(m_cashReason, 1, 0, 1, 2);
    cashLayout->addWidget(cashIn, 2, 0);
    cashLayout->addWidget(cashOut, 2, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_x);
    buttons->addWidget(m_close);

    auto* left = new QVBoxLayout;
    left->addWidget(m_state);
    left->addLayout(buttons);
    left->addWidget(m_countPanel);
    left->addWidget(m_result);
    left->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(16);
    layout->addLayout(left, 3);
    layout->addWidget(cashBox, 2, Qt::AlignTop);
    m_actions = {m_open, m_x, m_close, confirm, cashIn, cashOut};

    connect(m_open, &QPushButton::clicked, this, [this] {
        auto& rt = m_window.runtime();
        runShift([&rt]() -> QString {
            auto r = rt.shifts().open(rt.cashier());
            if (!r.ok()) {
                return DeviceMessage::fromError(r.error()).text();
            }
            return tr("Смена %1 открыта").arg(r->number);
        });
    });
    connect(m_x, &QPushButton::clicked, this, [this] {
        auto& rt = m_window.runtime();
        runShift([&rt]() -> QString {
            auto r = rt.shifts().reportX(rt.cashier());
            return r.ok() ? tr("X-отчёт напечатан") : DeviceMessage::fromError(r.error()).text();
        });
    });
    connect(m_close, &QPushButton::clicked, this, [this] {
        m_result->clear();
        m_counted->clear();
        showCount(true);
        m_counted->setFocus();
    });
    connect(confirm, &QPushButton::clicked, this, [this] {
        auto counted = core::Money::parse(m_counted->text().toStdString());
        if (!counted.ok() || counted->isNegative()) {
            m_result->setText(tr("Введите сумму, например 1500 или 1500,50"));
            return;
        }
        auto& rt = m_window.runtime();
        const core::Money sum = *counted;
        runShift([&rt, sum]() -> QString {
            auto r = rt.shifts().close(rt.cashier(), sum);
            if (!r.ok()) {
                return DeviceMessage::fromError(r.error()).text();
            }
            const core::Money diff = r->overShort;
            const QString verdict = diff.isZero() ? tr("Расхождений нет")
                                    : diff.isPositive()
                                        ? tr("Излишек: %1").arg(money(diff))
                                        : tr("Недостача: %1").arg(money(core::Money::fromKopecks(-diff.kopecks())));
            return tr("Смена %1 закрыта.\nПо данным кассы: %2\nПересчитано: %3\n%4")
                .arg(r->shift.number)
                .arg(money(r->figures.expectedCash), money(r->countedCash), verdict);
        });
    });
    auto cash = [this](bool in) {
        auto sum = core::Money::parse(m_cashAmount->text().toStdString());
        if (!sum.ok() || !sum->isPositive()) {
            m_result->setText(tr("Введите сумму больше нуля"));
            return;
        }
        auto& rt = m_window.runtime();
        const core::Money amount = *sum;
        const std::string reason = m_cashReason->text().toStdString();
        const std::string id = rt.newUuid(); // a retry of this press must not move money twice
        runShift([&rt, in, amount, reason, id]() -> QString {
            auto r = rt.shifts().cash(rt.cashier(), in, amount, reason, id);
            if (!r.ok()) {
                return DeviceMessage::fromError(r.error()).text();
            }
            return (in ? tr("Внесено %1") : tr("Выплачено %1")).arg(money(amount));
        });
        m_cashAmount->clear();
        m_cashReason->clear();
    };
    connect(cashIn, &QPushButton::clicked, this, [cash] { cash(true); });
    connect(cashOut, &QPushButton::clicked, this, [cash] { cash(false); });
}

void ShiftScreen::showCount(bool visible)
{
    m_countPanel->setVisible(visible);
}

void ShiftScreen::activate()
{
    showCount(false);
    auto shift = m_window.runtime().till().shifts().current();
    const bool open = shift.ok() && shift->has_value();
    m_state->setText(open ? tr("Смена %1 открыта").arg((*shift)->number) : tr("Смена закрыта"));
    m_open->setEnabled(!open);
    m_x->setEnabled(open);
    m_close->setEnabled(open);
}

void ShiftScreen::runShift(std::function<QString()> work)
{
    if (m_running) {
        return;
    }
    m_running = true;
    for (auto* b : m_actions) {
        b->setEnabled(false);
    }
    m_result->setText(tr("Касса печатает…"));
    auto text = std::make_shared<QString>();
    m_window.runner().run([text, work = std::move(work)] { *text = work(); }, this, [this, text] {
        m_running = false;
        for (auto* b : m_actions) {
            b->setEnabled(true);
        }
        const bool counting = m_countPanel->isVisible();
        activate();
        if (counting && !text->startsWith(tr("Смена"))) {
            showCount(true); // the close failed: keep the count on screen
        }
        m_result->setText(*text);
        m_window.statusBar()->refresh();
    });
}

} // namespace sigma::terminal

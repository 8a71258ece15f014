#include "terminal/apps/trade/WeighDialog.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setProperty("role", QString::fromLatin1(role));
    b->setMinimumHeight(64);
    b->setAutoDefault(false); // Enter in the typed field must not take the scale's weight
    return b;
}

} // namespace

WeighDialog::WeighDialog(MainWindow& window, const QString& name, core::Money pricePerKg, QWidget* parent)
    : QDialog(parent), m_window(window), m_price(pricePerKg), m_weightLabel(new QLabel(this)),
      m_amount(new QLabel(this)), m_state(new QLabel(this)), m_typed(new QLineEdit(this)),
      m_take(button(tr("Взять вес"), "weighTake", this, "primary")), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("weighDialog"));
    setWindowTitle(tr("Вес"));
    setModal(true);

    auto* title = new QLabel(tr("%1 — %2 / кг").arg(name, Format::money(pricePerKg)), this);
    title->setProperty("role", QStringLiteral("subtitle"));
    title->setWordWrap(true);
    m_weightLabel->setObjectName(QStringLiteral("weighWeight"));
    m_weightLabel->setProperty("role", QStringLiteral("total"));
    m_weightLabel->setAlignment(Qt::AlignCenter);
    m_amount->setObjectName(QStringLiteral("weighAmount"));
    m_amount->setAlignment(Qt::AlignCenter);
    m_state->setObjectName(QStringLiteral("weighState"));
    m_state->setWordWrap(true);
    m_state->setAlignment(Qt::AlignCenter);

    m_typed->setObjectName(QStringLiteral("weighTyped"));
    m_typed->setMinimumHeight(56);
    m_typed->setPlaceholderText(tr("или введите вес, кг: 0,450"));
    m_typed->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    auto* typedOk = button(tr("Ввести"), "weighTypedOk", this, "secondary");
    connect(typedOk, &QPushButton::clicked, this, &WeighDialog::typed);
    connect(m_typed, &QLineEdit::returnPressed, this, &WeighDialog::typed);
    auto* typedRow = new QHBoxLayout;
    typedRow->addWidget(m_typed, 1);
    typedRow->addWidget(typedOk);

    m_take->setEnabled(false);
    connect(m_take, &QPushButton::clicked, this, &WeighDialog::take);
    auto* cancel = button(tr("Отмена"), "weighCancel", this, "secondary");
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(m_take, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_weightLabel);
    layout->addWidget(m_amount);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addLayout(typedRow);
    layout->addStretch(1);
    layout->addLayout(buttons);

    if (m_window.runtime().scale() == nullptr) {
        // No scale configured (or it failed to open): the weight is typed.
        m_take->hide();
        m_weightLabel->hide();
        m_amount->hide();
        const auto& error = m_window.runtime().scaleError();
        setState(error ? DeviceMessage::fromError(*error).text() : tr("Весы не подключены: введите вес"),
                 error ? QStringLiteral("error") : QString());
        m_typed->setFocus();
        return;
    }
    m_weightLabel->setText(QStringLiteral("—"));
    setState(tr("Положите товар на весы"), QString());
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &WeighDialog::readScale);
    m_timer->start();
    readScale();
}

void WeighDialog::showEvent(QShowEvent* event)
{
    // Inside the screen area, never over the status bar (as the payment dialog).
    m_window.placeDialog(this, QSize(600, 400));
    QDialog::showEvent(event);
}

void WeighDialog::readScale()
{
    devices::Scale* scale = m_window.runtime().scale();
    if (scale == nullptr || m_reading) {
        return;
    }
    m_reading = true;
    auto reading = std::make_shared<core::Result<devices::WeightReading>>(core::Error(core::errc::kInternal, "not run"));
    // The scale is a device like the register: read on the worker, which never touches terminal.db here.
    m_window.runner().run([reading, scale] { *reading = scale->read(); }, this,
                          [this, reading] {
                              m_reading = false;
                              showReading(*reading);
                          },
                          false);
}

void WeighDialog::showReading(const core::Result<devices::WeightReading>& reading)
{
    m_stableWeight.reset();
    if (!reading.ok()) {
        m_stable.reset();
        m_weightLabel->setText(QStringLiteral("—"));
        m_amount->clear();
        m_take->setEnabled(false);
        m_take->setText(tr("Взять вес"));
        setState(DeviceMessage::fromError(reading.error()).text(), QStringLiteral("error"));
        return;
    }
    const auto verdict = m_stable.feed(*reading);
    m_weightLabel->setText(tr("%1 кг").arg(Format::fixedQuantity(verdict.weight)));
    m_amount->setText(verdict.weight.thousandths() > 0 ? amountText(verdict.weight) : QString());
    switch (verdict.state) {
    case devices::StableWeight::State::Stable:
        m_stableWeight = verdict.weight;
        setState(tr("● Вес стабилен"), QStringLiteral("ok"));
        break;
    case devices::StableWeight::State::Settling:
        setState(tr("Вес не установился: не трогайте весы"), QStringLiteral("warn"));
        break;
    case devices::StableWeight::State::Empty:
        setState(tr("Положите товар на весы"), QString());
        break;
    case devices::StableWeight::State::Negative:
        setState(tr("Вес меньше нуля: снимите тару или нажмите «Ноль» на весах"), QStringLiteral("warn"));
        break;
    case devices::StableWeight::State::Overload:
        m_weightLabel->setText(QStringLiteral("—"));
        m_amount->clear();
        setState(tr("Перегрузка: снимите товар с весов"), QStringLiteral("error"));
        break;
    }
    // Taken by a tap, not on the first stable reading: the cashier may still be adding to the bag.
    m_take->setEnabled(m_stableWeight.has_value());
    m_take->setText(m_stableWeight ? tr("Взять %1 кг").arg(Format::fixedQuantity(*m_stableWeight)) : tr("Взять вес"));
}

void WeighDialog::take()
{
    if (!m_stableWeight) {
        return; // the weight moved between the verdict and the tap: nothing unstable is ever taken
    }
    m_weight = *m_stableWeight;
    m_timer->stop();
    accept();
}

void WeighDialog::typed()
{
    auto weight = core::Quantity::parse(m_typed->text().trimmed().toStdString());
    if (!weight.ok()) {
        setState(tr("Вес вводится в килограммах, до 3 знаков после запятой: 0,450"), QStringLiteral("error"));
        return;
    }
    if (weight->thousandths() <= 0) {
        setState(tr("Вес должен быть больше нуля"), QStringLiteral("error"));
        return;
    }
    m_weight = *weight;
    m_timer->stop();
    accept();
}

void WeighDialog::setState(const QString& text, const QString& level)
{
    m_state->setText(text);
    m_state->setProperty("level", level);
    m_state->style()->unpolish(m_state);
    m_state->style()->polish(m_state);
}

QString WeighDialog::amountText(core::Quantity weight) const
{
    auto amount = m_price.checkedTimes(weight);
    return amount.ok() ? tr("Сумма: %1").arg(Format::money(*amount)) : QString();
}

} // namespace sigma::terminal

#include "terminal/apps/trade/PaymentDialog.h"

#include "core/ErrorCodes.h"
#include "fiscal/AtolErrors.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "till/TillErrors.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QString money(core::Money m)
{
    return Format::money(m);
}

QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role = "secondary")
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setProperty("role", QString::fromLatin1(role));
    b->setMinimumHeight(64);
    b->setFocusPolicy(Qt::NoFocus);
    b->setAutoDefault(false);
    return b;
}

} // namespace

PaymentDialog::PaymentDialog(MainWindow& window, QWidget* parent) : PaymentDialog(window, PaymentTarget{}, parent) {}

PaymentDialog::PaymentDialog(MainWindow& window, PaymentTarget target, QWidget* parent)
    : QDialog(parent), m_window(window), m_target(std::move(target)), m_uuid(window.runtime().newUuid()), m_pages(new QStackedWidget(this)),
      m_total(new QLabel(this)), m_given(new QLineEdit(this)), m_change(new QLabel(this)),
      m_contact(new QLineEdit(this)), m_paperless(new QCheckBox(tr("Без бумажного чека"), this)),
      m_status(new QLabel(this)), m_retry(button(tr("Повторить оплату картой"), "payRetry", this, "primary")),
      m_result(new QLabel(this)),
      m_continuePrint(button(tr("Продолжить печать"), "paymentContinuePrint", this))
{
    setObjectName(QStringLiteral("paymentDialog"));
    setWindowTitle(tr("Оплата"));
    setModal(true);

    // --- page 1: how the buyer pays ---
    auto* payPage = new QWidget(this);
    m_total->setObjectName(QStringLiteral("payTotal"));
    m_total->setProperty("role", QStringLiteral("total"));
    m_total->setText(tr("К оплате: %1").arg(money(total())));
    m_given->setObjectName(QStringLiteral("cashGiven"));
    m_given->setPlaceholderText(tr("Получено наличными, ₽"));
    m_given->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    m_given->setMinimumHeight(56);
    m_change->setObjectName(QStringLiteral("changeLabel"));
    m_change->setProperty("role", QStringLiteral("change"));
    connect(m_given, &QLineEdit::textChanged, this, &PaymentDialog::updateChange);

    auto* quick = new QHBoxLayout;
    const core::Money due = total();
    std::vector<core::Money> amounts{due};
    for (std::int64_t note : {100, 500, 1000, 2000, 5000}) {
        const auto kopecks = note * 100;
        const auto rounded = core::Money::fromKopecks((due.kopecks() + kopecks - 1) / kopecks * kopecks);
        if (rounded.kopecks() > amounts.back().kopecks() && amounts.size() < 4) {
            amounts.push_back(rounded);
        }
    }
    int q = 0;
    for (const auto& amount : amounts) {
        auto* b = button(q == 0 ? tr("Без сдачи") : money(amount), "", payPage);
        b->setObjectName(QStringLiteral("quick_%1").arg(q++));
        connect(b, &QPushButton::clicked, this,
                [this, amount] { m_given->setText(Format::moneyInput(amount)); });
        quick->addWidget(b);
    }

    m_contact->setObjectName(QStringLiteral("contactField"));
    m_contact->setPlaceholderText(tr("Телефон или e-mail для чека"));
    m_contact->setMinimumHeight(56);
    m_paperless->setObjectName(QStringLiteral("paperless"));

    m_status->setObjectName(QStringLiteral("paymentStatus"));
    m_status->setWordWrap(true);
    m_status->setProperty("role", QStringLiteral("status"));

    auto* payRow = new QHBoxLayout;
    auto* cash = button(tr("Наличными"), "payCash", payPage, "primary");
    auto* card = button(tr("Картой"), "payCard", payPage, "primary");
    auto* mixed = button(tr("Смешанная"), "payMixed", payPage);
    auto* cancel = button(tr("Отмена"), "paymentCancel", payPage);
    payRow->addWidget(cash);
    payRow->addWidget(card);
    payRow->addWidget(mixed);
    payRow->addWidget(cancel);
    m_payButtons = {cash, card, mixed, cancel, m_retry};
    connect(cash, &QPushButton::clicked, this, [this] { pay(Method::Cash); });
    connect(card, &QPushButton::clicked, this, [this] { pay(Method::Card); });
    connect(mixed, &QPushButton::clicked, this, [this] { pay(Method::Mixed); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] { pay(Method::Card); });

    auto* payLayout = new QVBoxLayout(payPage);
    payLayout->addWidget(m_total);
    payLayout->addWidget(m_given);
    payLayout->addLayout(quick);
    payLayout->addWidget(m_change);
    auto* contactRow = new QHBoxLayout;
    contactRow->addWidget(m_contact, 1);
    contactRow->addWidget(m_paperless);
    payLayout->addLayout(contactRow);
    payLayout->addWidget(m_status);
    payLayout->addWidget(m_retry);
    payLayout->addStretch(1);
    payLayout->addLayout(payRow);

    // --- page 2: the receipt ---
    auto* resultPage = new QWidget(this);
    m_result->setObjectName(QStringLiteral("paymentResult"));
    m_result->setWordWrap(true);
    m_result->setProperty("role", QStringLiteral("title"));
    auto* done = button(m_target.checkout ? tr("Готово") : tr("Новая продажа"), "paymentDone", resultPage, "primary");
    connect(done, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_continuePrint, &QPushButton::clicked, this, &PaymentDialog::continuePrint);
    auto* resultLayout = new QVBoxLayout(resultPage);
    resultLayout->addWidget(m_result, 1);
    resultLayout->addWidget(m_continuePrint);
    resultLayout->addWidget(done);

    m_pages->addWidget(payPage);
    m_pages->addWidget(resultPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(640, 520);
    updateChange();
}

void PaymentDialog::showEvent(QShowEvent* event)
{
    // Inside the screen area, never over the status bar: the cashier keeps seeing the register's
    // and the shift's state while the buyer pays.
    m_window.placeDialog(this, QSize(680, 520));
    QDialog::showEvent(event);
}

core::Money PaymentDialog::total() const
{
    if (m_target.checkout) {
        return m_target.total;
    }
    auto totals = m_window.runtime().sale().totals();
    return totals.ok() ? totals->total : core::Money::zero();
}

void PaymentDialog::updateChange()
{
    const QString text = m_given->text().trimmed();
    if (text.isEmpty()) {
        m_change->setText(tr("Сдача: —"));
        return;
    }
    auto given = core::Money::parse(text.toStdString());
    if (!given.ok()) {
        m_change->setText(tr("Введите сумму, например 1000 или 999,50"));
        return;
    }
    const auto diff = given->kopecks() - total().kopecks();
    m_change->setText(diff >= 0 ? tr("Сдача: %1").arg(money(core::Money::fromKopecks(diff)))
                                : tr("Не хватает: %1 (остаток можно оплатить картой — «Смешанная»)")
                                      .arg(money(core::Money::fromKopecks(-diff))));
}

void PaymentDialog::setBusy(bool busy, const QString& text)
{
    m_running = busy;
    for (auto* b : m_payButtons) {
        b->setEnabled(!busy);
    }
    m_status->setText(text);
}

void PaymentDialog::pay(Method method)
{
    if (m_running) {
        return; // the second tap of a double tap
    }
    m_lastMethod = method;
    m_retry->hide();
    auto& rt = m_window.runtime();
    const core::Money due = total();
    std::vector<core::Payment> payments;
    core::Money given = due;
    if (const QString text = m_given->text().trimmed(); !text.isEmpty() && method != Method::Card) {
        auto parsed = core::Money::parse(text.toStdString());
        if (!parsed.ok()) {
            m_status->setText(tr("Введите сумму, например 1000 или 999,50"));
            return;
        }
        given = *parsed;
    }
    switch (method) {
    case Method::Cash:
        payments.push_back({core::PaymentType::Cash, given});
        break;
    case Method::Card:
        payments.push_back({core::PaymentType::Electronically, due});
        break;
    case Method::Mixed:
        if (!given.isPositive() || given.kopecks() >= due.kopecks()) {
            m_status->setText(tr("Для смешанной оплаты введите сумму наличными меньше суммы чека"));
            return;
        }
        payments.push_back({core::PaymentType::Cash, given});
        payments.push_back({core::PaymentType::Electronically, core::Money::fromKopecks(due.kopecks() - given.kopecks())});
        break;
    }
    const QString contact = m_contact->text().trimmed();
    const bool electronically = m_paperless->isChecked() && !contact.isEmpty();
    std::function<core::Result<till::CheckoutResult>()> job;
    if (m_target.checkout) {
        job = [target = m_target.checkout, payments = std::move(payments), electronically,
               contact = contact.toStdString()]() mutable { return target(std::move(payments), electronically, contact); };
    } else {
        rt.sale().setCustomer(contact.toStdString());
        auto request = rt.sale().checkoutRequest(std::move(payments), rt.cashier(), m_uuid);
        request.electronically = electronically;
        job = [&checkout = rt.checkout(), request = std::move(request)]() mutable {
            return checkout.checkout(std::move(request));
        };
    }

    setBusy(true, method == Method::Cash ? tr("Печать чека…")
                                         : tr("Приложите карту к терминалу оплаты. Ожидание ответа банка…"));
    auto outcome = std::make_shared<core::Result<till::CheckoutResult>>(core::Error(core::errc::kInternal, "not run"));
    m_window.runner().run([outcome, job = std::move(job)] { *outcome = job(); },
                          this, [this, outcome] {
                              setBusy(false, QString());
                              const bool failed = !outcome->ok() || (*outcome)->receipt.status == "failed";
                              if (failed) {
                                  // A checkout that returns an error has ended: nothing was rung,
                                  // and a card the bank approved is reversed by the service. The
                                  // next attempt is a new checkout (the old UUID would only
                                  // report this failure again).
                                  m_uuid = m_window.runtime().newUuid();
                                  const core::Error error =
                                      outcome->ok() ? core::Error(till::errc::kCardFailed, (*outcome)->receipt.failure)
                                                    : outcome->error();
                                  const auto message = DeviceMessage::fromError(error);
                                  QString text = message.text();
                                  const bool cardFailed = error.code == till::errc::kCardDeclined ||
                                                          error.code == till::errc::kCardFailed ||
                                                          error.code == core::errc::kPaymentTimeout ||
                                                          error.code == core::errc::kPaymentConnectionLost;
                                  if (cardFailed && error.code != till::errc::kCardDeclined) {
                                      // kCardFailed: the pin pad did not answer in time (the
                                      // service has reversed anything it did meanwhile).
                                      text = tr("Время ожидания истекло, оплата не прошла.\n") + text;
                                  }
                                  m_retry->setVisible(cardFailed && m_lastMethod != Method::Cash);
                                  m_status->setText(text);
                                  return;
                              }
                              const auto& receipt = (*outcome)->receipt;
                              QString text;
                              if (receipt.status == "fiscalized") {
                                  text = tr("Чек пробит\nФД № %1 · ФП %2\nСумма: %3")
                                             .arg(receipt.fiscalDocumentNumber.value_or(0))
                                             .arg(QString::fromStdString(receipt.fiscalSign), money(receipt.total));
                                  if (!receipt.change.isZero()) {
                                      text += tr("\nСдача: %1").arg(money(receipt.change));
                                  }
                              } else {
                                  text = tr("Чек сохранён и будет проведён, когда касса ответит.\nНичего не "
                                            "пробивайте повторно.");
                              }
                              m_continuePrint->setVisible(false);
                              if ((*outcome)->problem) {
                                  const auto message = DeviceMessage::fromError(*(*outcome)->problem);
                                  text += QStringLiteral("\n\n") + message.title + QStringLiteral("\n") + message.hint;
                                  m_continuePrint->setVisible(message.action == DeviceAction::ContinuePrint);
                              }
                              m_result->setText(text);
                              if (!m_target.checkout) {
                                  m_window.runtime().sale().clear();
                              }
                              m_pages->setCurrentIndex(1);
                          });
}

void PaymentDialog::continuePrint()
{
    m_continuePrint->setEnabled(false);
    auto result = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& fiscal = m_window.runtime().fiscal();
    m_window.runner().run([result, &fiscal] { *result = fiscal.execute(core::Json{{"type", "continuePrint"}}); },
                          this,
                          [this, result] {
                              m_continuePrint->setEnabled(true);
                              if (result->ok()) {
                                  m_continuePrint->setVisible(false);
                                  m_result->setText(m_result->text().section(QStringLiteral("\n\n"), 0, 0) +
                                                    tr("\n\nПечать завершена"));
                              } else {
                                  const auto message = DeviceMessage::fromError(result->error());
                                  m_result->setText(m_result->text().section(QStringLiteral("\n\n"), 0, 0) +
                                                    QStringLiteral("\n\n") + message.title + QStringLiteral("\n") +
                                                    message.hint);
                              }
                          },
                          false);
}

} // namespace sigma::terminal

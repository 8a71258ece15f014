#include "terminal/screens/RegistrationWizard.h"

#include "core/ErrorCodes.h"
#include "sync/RegistrationService.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {
namespace {

QLabel* label(const QString& text, const char* name, QWidget* parent, const char* role = nullptr)
{
    auto* l = new QLabel(text, parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    if (role != nullptr) {
        l->setProperty("role", QString::fromLatin1(role));
    }
    return l;
}

QPushButton* button(const QString& text, const char* name, QWidget* parent, bool primary = false)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setMinimumHeight(56);
    if (primary) {
        b->setProperty("role", QStringLiteral("primary"));
    }
    return b;
}

QLineEdit* field(const char* name, const QString& placeholder, QWidget* parent)
{
    auto* e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    e->setMinimumHeight(40);
    return e;
}

/// The digits of a masked phone ("+7 (912) 345-67-89" → "79123456789").
QString phoneDigits(const QString& text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit()) {
            digits.append(c);
        }
    }
    return digits;
}

/// The cashier-facing part of a sync error: the cloud's code name in brackets is for technicians.
QString withoutTag(const std::string& message)
{
    QString text = QString::fromStdString(message);
    const auto bracket = text.lastIndexOf(QStringLiteral(" ["));
    return bracket > 0 && text.endsWith(QLatin1Char(']')) ? text.left(bracket) : text;
}

/// Colours for the wizard's own messages (the shared stylesheet colours only the status strip).
const QString kLevelStyle = QStringLiteral("QLabel[level=\"error\"] { color: #b42318; font-weight: 700; }"
                                           "QLabel[level=\"warn\"] { color: #8d5b00; font-weight: 600; }");

void setLevel(QLabel* label, const char* level)
{
    if (label->styleSheet().isEmpty()) {
        label->setStyleSheet(kLevelStyle);
    }
    label->setProperty("level", QString::fromLatin1(level));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

RegistrationWizard::RegistrationWizard(MainWindow& window)
    : m_window(window), m_pages(new QStackedWidget(this)), m_message(label({}, "regMessage", this)),
      m_apps(new QButtonGroup(this)), m_poll(new QTimer(this))
{
    auto* title = label(tr("Регистрация в Сигма Облаке"), "regTitle", this, "title");
    title->setAlignment(Qt::AlignCenter);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->hide();
    m_pages->addWidget(buildForm());
    m_pages->addWidget(buildSms());
    m_pages->addWidget(buildWait());
    m_pages->addWidget(buildDone());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 8, 32, 8);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_pages, 1);

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &RegistrationWizard::pollOnce);
}

QWidget* RegistrationWizard::buildForm()
{
    auto* page = new QWidget(this);
    auto* apps = new QHBoxLayout;
    const struct {
        const char* name;
        QString title;
        till::BusinessType type;
    } choices[] = {{"regAppTrade", tr("Торговля"), till::BusinessType::Trade},
                   {"regAppServices", tr("Услуги"), till::BusinessType::Services},
                   {"regAppFood", tr("Еда"), till::BusinessType::Food}};
    for (const auto& choice : choices) {
        auto* b = button(choice.title, choice.name, page);
        b->setMinimumHeight(44); // five fields and the buttons fit 1024x600
        b->setCheckable(true);
        m_apps->addButton(b, static_cast<int>(choice.type));
        apps->addWidget(b);
    }
    m_apps->setExclusive(true);

    m_phone = field("regPhone", {}, page);
    // The mask shows the format and takes digits only; validation says in words what is missing.
    m_phone->setInputMask(QStringLiteral("+7 (999) 999-99-99;_"));
    m_email = field("regEmail", tr("owner@example.ru"), page);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_seller = field("regSeller", tr("код из договора с продавцом"), page);
    m_pin = field("regPin", tr("6 цифр с карточки терминала"), page);
    m_pin->setInputMask(QStringLiteral("999999;_"));
    m_cloud = label({}, "regCloud", page);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Приложение"), apps);
    form->addRow(tr("Телефон владельца"), m_phone);
    form->addRow(tr("E-mail владельца"), m_email);
    form->addRow(tr("Код продавца"), m_seller);
    form->addRow(tr("PIN активации"), m_pin);

    m_submit = button(tr("Получить код по SMS"), "regSubmit", page, true);
    auto* back = button(tr("Назад"), "regBack", page);
    connect(m_submit, &QPushButton::clicked, this, &RegistrationWizard::submitForm);
    connect(back, &QPushButton::clicked, this, [this] { leave(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addWidget(m_cloud, 1); // beside the buttons: the form fits 1024x600 with a message
    buttons->addWidget(m_submit);
    m_cloud->setAlignment(Qt::AlignCenter);

    form->setVerticalSpacing(6);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addLayout(buttons);
    return page;
}

QWidget* RegistrationWizard::buildSms()
{
    auto* page = new QWidget(this);
    m_smsNote = label({}, "regSmsNote", page, "subtitle");
    m_smsNote->setAlignment(Qt::AlignCenter);
    m_smsCode = field("regSmsCode", {}, page);
    m_smsCode->setInputMask(QStringLiteral("999999;_"));
    m_smsCode->setMaximumWidth(240);
    m_smsCode->setAlignment(Qt::AlignCenter);
    m_smsConfirm = button(tr("Подтвердить"), "regSmsConfirm", page, true);
    auto* cancel = button(tr("Отменить"), "regSmsCancel", page);
    connect(m_smsConfirm, &QPushButton::clicked, this, &RegistrationWizard::submitSms);
    connect(m_smsCode, &QLineEdit::returnPressed, this, &RegistrationWizard::submitSms);
    connect(cancel, &QPushButton::clicked, this, [this] { leave(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_smsConfirm);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_smsNote);
    layout->addSpacing(16);
    layout->addWidget(m_smsCode, 0, Qt::AlignCenter);
    layout->addStretch(2);
    layout->addLayout(buttons);
    return page;
}

QWidget* RegistrationWizard::buildWait()
{
    auto* page = new QWidget(this);
    auto* heading = label(tr("Проверьте почту и задайте пароль"), "regWaitTitle", page, "subtitle");
    heading->setAlignment(Qt::AlignCenter);
    m_waitNote = label({}, "regWaitNote", page);
    m_waitNote->setAlignment(Qt::AlignCenter);
    m_waitState = label({}, "regWaitState", page);
    m_waitState->setAlignment(Qt::AlignCenter);
    auto* cancel = button(tr("Отменить ожидание"), "regWaitCancel", page);
    connect(cancel, &QPushButton::clicked, this, &RegistrationWizard::cancelWait);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(m_waitNote);
    layout->addSpacing(12);
    layout->addWidget(m_waitState);
    layout->addStretch(2);
    layout->addWidget(cancel, 0, Qt::AlignLeft);
    return page;
}

QWidget* RegistrationWizard::buildDone()
{
    auto* page = new QWidget(this);
    auto* heading = label(tr("Терминал активирован"), "regDoneTitle", page, "subtitle");
    heading->setAlignment(Qt::AlignCenter);
    m_doneNote = label({}, "regDoneNote", page);
    m_doneNote->setAlignment(Qt::AlignCenter);
    auto* next = button(tr("Начать работу"), "regDone", page, true);
    connect(next, &QPushButton::clicked, this, [this] { leave(); });
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(m_doneNote);
    layout->addStretch(2);
    layout->addWidget(next, 0, Qt::AlignRight);
    return page;
}

void RegistrationWizard::setPollInterval(int ms)
{
    m_poll->setInterval(ms);
}

int RegistrationWizard::page() const
{
    return m_pages->currentIndex();
}

void RegistrationWizard::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
    if (page == Wait) {
        m_checks = 0;
        m_waitState->setText(tr("Ждём, пока владелец задаст пароль…"));
        setLevel(m_waitState, "info");
        m_poll->start();
    } else {
        m_poll->stop();
    }
}

void RegistrationWizard::showError(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    setLevel(m_message, "error");
}

QString RegistrationWizard::businessTitle() const
{
    switch (m_apps->checkedId()) {
    case static_cast<int>(till::BusinessType::Services): return tr("Услуги");
    case static_cast<int>(till::BusinessType::Food): return tr("Еда");
    default: return tr("Торговля");
    }
}

void RegistrationWizard::activate()
{
    auto& runtime = m_window.runtime();
    const auto type = runtime.config().businessType.value_or(till::BusinessType::Trade);
    if (auto* b = m_apps->button(static_cast<int>(type)); b != nullptr) {
        b->setChecked(true);
    }
    for (auto* b : m_apps->buttons()) {
        b->setEnabled(!runtime.config().businessTypeLocked);
    }
    const QString cloud = tr("Облако: %1 (меняется в сервисном режиме)").arg(QString::fromStdString(runtime.config().cloudUrl));
    m_cloud->setText(cloud);
    showError({});
    showPage(Form);
    // The serial the seller issues the PIN to: shown so the owner can ask for one by phone.
    auto serial = std::make_shared<std::string>();
    m_window.runner().run(
        [&runtime, serial] {
            auto info = runtime.fiscal().execute({{"type", "getDeviceInfo"}});
            if (info.ok() && info->contains("deviceInfo")) {
                *serial = (*info)["deviceInfo"].value("serial", std::string());
            }
        },
        this,
        [this, serial, cloud] {
            if (!serial->empty()) {
                m_cloud->setText(tr("Заводской номер ККТ: %1\n%2").arg(QString::fromStdString(*serial), cloud));
            }
        });
    // Where a registration stands is in terminal.db: resume it (a restart, "Отменить").
    auto progress = std::make_shared<core::Result<sync::RegistrationProgress>>(core::Error(0, ""));
    m_window.runner().run(
        [&runtime, progress] {
            *progress = sync::RegistrationService(runtime.database(), {}, runtime.clock()).progress();
        },
        this,
        [this, progress] {
            if (!progress->ok()) {
                return;
            }
            const auto& status = (*progress)->status;
            if (status == "awaitingSms") {
                m_smsNote->setText(tr("Введите код из SMS, отправленного на телефон владельца."));
                showPage(Sms);
            } else if (status == "awaitingPassword") {
                m_waitNote->setText(tr("Владельцу отправлено письмо со ссылкой. Откройте её и задайте пароль "
                                       "личного кабинета: терминал активируется сам."));
                showPage(Wait);
            } else if (status == "active") {
                finishActivation();
            }
        });
}

std::optional<QString> RegistrationWizard::validateForm() const
{
    if (m_apps->checkedId() < 0) {
        return tr("Выберите приложение: Торговля, Услуги или Еда.");
    }
    if (phoneDigits(m_phone->text()).size() != 11) {
        return tr("Введите телефон владельца полностью: +7 и 10 цифр.");
    }
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!email.match(m_email->text().trimmed()).hasMatch()) {
        return tr("Введите e-mail владельца в виде name@example.ru: на него придёт ссылка для пароля.");
    }
    if (m_seller->text().trimmed().isEmpty()) {
        return tr("Введите код продавца: он указан в договоре с продавцом терминала.");
    }
    if (phoneDigits(m_pin->text()).size() != 6) {
        return tr("PIN активации — 6 цифр с карточки, приложенной к терминалу.");
    }
    return std::nullopt;
}

QString RegistrationWizard::messageFor(const core::Error& error, const QString& cloudUrl)
{
    namespace errc = core::errc;
    switch (error.code) {
    case errc::kSyncNoConnection:
        return tr("Нет связи с облаком (%1). Проверьте интернет и адрес облака и попробуйте ещё раз.").arg(cloudUrl);
    case errc::kRegistrationWrongPin:
        return tr("Неверный PIN активации, или он уже использован. Проверьте цифры на карточке; если PIN уже "
                  "вводился на другом терминале, попросите у продавца новый.");
    case errc::kRegistrationTooManyAttempts:
        return tr("Слишком много попыток. %1").arg(withoutTag(error.message));
    case errc::kRegistrationWrongCode: return tr("Неверный или просроченный код из SMS. Проверьте код и введите снова.");
    default: return withoutTag(error.message);
    }
}

void RegistrationWizard::submitForm()
{
    if (auto problem = validateForm()) {
        showError(*problem);
        return;
    }
    showError({});
    auto& runtime = m_window.runtime();
    const auto type = static_cast<till::BusinessType>(m_apps->checkedId());
    if (!runtime.config().businessTypeLocked && runtime.config().businessType != type) {
        runtime.config().businessType = type;
        if (auto saved = runtime.saveConfig(); !saved.ok()) {
            m_window.showProblem(DeviceMessage::fromError(saved.error()));
            return;
        }
    }
    sync::RegistrationRequest request;
    request.cloudUrl = runtime.config().cloudUrl;
    request.phone = QStringLiteral("+%1").arg(phoneDigits(m_phone->text())).toStdString();
    request.email = m_email->text().trimmed().toStdString();
    request.sellerCode = m_seller->text().trimmed().toStdString();
    request.activationPin = phoneDigits(m_pin->text()).toStdString();
    request.businessType = std::string(till::businessTypeName(type));
    const QString phone = m_phone->text();
    m_submit->setEnabled(false);
    auto result = std::make_shared<core::Result<sync::RegistrationProgress>>(core::Error(0, ""));
    m_window.runner().run(
        [&runtime, request, result]() mutable {
            // The serial the activation PIN was issued to, from the register itself.
            auto info = runtime.fiscal().execute({{"type", "getDeviceInfo"}});
            if (!info.ok()) {
                *result = info.error();
                return;
            }
            request.deviceSerial =
                info->contains("deviceInfo") ? (*info)["deviceInfo"].value("serial", std::string()) : std::string();
            *result = sync::RegistrationService(runtime.database(), {}, runtime.clock()).start(request);
        },
        this,
        [this, result, phone] {
            m_submit->setEnabled(true);
            if (!result->ok()) {
                showError(messageFor(result->error(), QString::fromStdString(m_window.runtime().config().cloudUrl)));
                return;
            }
            m_pin->clear(); // used up: it is never shown again
            m_smsCode->clear();
            m_smsNote->setText(tr("Код отправлен в SMS на %1. Введите его:").arg(phone));
            showPage(Sms);
            m_smsCode->setFocus();
        });
}

void RegistrationWizard::submitSms()
{
    const QString code = phoneDigits(m_smsCode->text());
    if (code.size() != 6) {
        showError(tr("Код из SMS — 6 цифр."));
        return;
    }
    showError({});
    m_smsConfirm->setEnabled(false);
    auto& runtime = m_window.runtime();
    auto result = std::make_shared<core::Result<sync::RegistrationProgress>>(core::Error(0, ""));
    m_window.runner().run(
        [&runtime, code, result] {
            *result = sync::RegistrationService(runtime.database(), {}, runtime.clock()).confirmSmsCode(code.toStdString());
        },
        this,
        [this, result] {
            m_smsConfirm->setEnabled(true);
            if (!result->ok()) {
                showError(messageFor(result->error(), QString::fromStdString(m_window.runtime().config().cloudUrl)));
                return;
            }
            m_waitNote->setText(tr("Владельцу отправлено письмо со ссылкой. Откройте её и задайте пароль личного "
                                   "кабинета: терминал активируется сам."));
            showPage(Wait);
        });
}

void RegistrationWizard::pollOnce()
{
    if (m_pollRunning || page() != Wait) {
        return;
    }
    m_pollRunning = true;
    auto& runtime = m_window.runtime();
    auto result = std::make_shared<core::Result<sync::RegistrationProgress>>(core::Error(0, ""));
    m_window.runner().run(
        [&runtime, result] { *result = sync::RegistrationService(runtime.database(), {}, runtime.clock()).poll(); },
        this,
        [this, result] {
            m_pollRunning = false;
            if (page() != Wait) {
                return; // cancelled while the cloud was asked
            }
            ++m_checks;
            const QString at = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
            if (!result->ok()) {
                const auto& error = result->error();
                if (error.code == core::errc::kSyncNoConnection || error.code == core::errc::kSyncServerError ||
                    error.code == core::errc::kSyncRateLimited) {
                    // Passing trouble: keep waiting, say so.
                    m_waitState->setText(
                        tr("%1 Повторим через несколько секунд (проверка в %2).")
                            .arg(messageFor(error, QString::fromStdString(m_window.runtime().config().cloudUrl)), at));
                    setLevel(m_waitState, "warn");
                    return;
                }
                m_poll->stop();
                m_waitState->setText(messageFor(error, QString::fromStdString(m_window.runtime().config().cloudUrl)));
                setLevel(m_waitState, "error");
                return;
            }
            if ((*result)->status == "active") {
                finishActivation();
                return;
            }
            m_waitState->setText(tr("Ждём, пока владелец задаст пароль… (проверено в %1)").arg(at));
            setLevel(m_waitState, "info");
        });
}

void RegistrationWizard::cancelWait()
{
    // The registration stays in terminal.db: opening the wizard again resumes the wait.
    m_poll->stop();
    leave();
}

void RegistrationWizard::leave()
{
    m_poll->stop();
    // From service mode back to the logged-in app; on a first start to the app choice / login.
    if (m_window.runtime().session()) {
        m_window.afterLogin();
    } else {
        m_window.start();
    }
}

void RegistrationWizard::finishActivation()
{
    auto& runtime = m_window.runtime();
    runtime.config().businessTypeLocked = true;
    if (auto saved = runtime.saveConfig(); !saved.ok()) {
        m_window.showProblem(DeviceMessage::fromError(saved.error()));
    }
    // The engine syncs with the cloud this terminal registered with (the configured one).
    auto started = runtime.syncController().setCloudUrl(runtime.config().cloudUrl);
    if (started.ok()) {
        started = runtime.syncController().startIfActivated();
    }
    if (!started.ok()) {
        m_window.showProblem(DeviceMessage::fromError(started.error()));
    }
    if (auto* b = m_apps->button(static_cast<int>(runtime.config().businessType.value_or(till::BusinessType::Trade)));
        b != nullptr) {
        b->setChecked(true);
    }
    m_doneNote->setText(tr("Личный кабинет и терминал активны. Приложение «%1» закреплено за этим терминалом. "
                           "Чеки отправляются в облако автоматически, в том числе после перерыва в связи.")
                            .arg(businessTitle()));
    showError({});
    showPage(Done);
}

void RegistrationWizard::showDemo(const QString& step)
{
    m_apps->button(static_cast<int>(till::BusinessType::Trade))->setChecked(true);
    m_phone->setText(QStringLiteral("9123456789"));
    m_email->setText(QStringLiteral("owner@example.ru"));
    m_seller->setText(QStringLiteral("S1"));
    m_pin->setText(QStringLiteral("123456"));
    if (step == QStringLiteral("form-error")) {
        showError(messageFor(core::Error(core::errc::kRegistrationWrongPin, ""), {}));
        showPage(Form);
    } else if (step == QStringLiteral("sms")) {
        m_smsNote->setText(tr("Код отправлен в SMS на %1. Введите его:").arg(m_phone->text()));
        m_smsCode->setText(QStringLiteral("482193"));
        showPage(Sms);
    } else if (step == QStringLiteral("wait")) {
        m_waitNote->setText(tr("Владельцу отправлено письмо со ссылкой. Откройте её и задайте пароль личного "
                               "кабинета: терминал активируется сам."));
        showPage(Wait);
        m_poll->stop();
        m_waitState->setText(tr("Ждём, пока владелец задаст пароль… (проверено в %1)").arg(QStringLiteral("12:04:31")));
    } else if (step == QStringLiteral("done")) {
        m_doneNote->setText(tr("Личный кабинет и терминал активны. Приложение «%1» закреплено за этим терминалом. "
                               "Чеки отправляются в облако автоматически, в том числе после перерыва в связи.")
                                .arg(businessTitle()));
        showPage(Done);
    } else {
        showPage(Form);
    }
}

} // namespace sigma::terminal

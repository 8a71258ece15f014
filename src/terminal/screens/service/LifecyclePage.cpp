#include "terminal/screens/service/LifecyclePage.h"

#include "fiscal/AtolErrors.h"
#include "fiscal/OfdSettingsWriter.h"
#include "fiscal/TaskBuilder.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/ConfirmPanel.h"
#include "terminal/screens/service/OfdSettings.h"

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

std::filesystem::path ofdFile(TerminalRuntime& rt)
{
    return rt.dir().root() / "ofd-settings.json";
}

} // namespace

QLineEdit* LifecyclePage::field(const char* name, const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    edit->setMinimumHeight(34);
    return edit;
}

LifecyclePage::LifecyclePage(MainWindow& window, QWidget* parent)
    : QWidget(parent), m_window(window), m_orgName(field("regOrgName", QStringLiteral("—"))),
      m_orgVatin(field("regOrgVatin", QStringLiteral("—"))), m_orgAddress(field("regOrgAddress", QStringLiteral("—"))),
      m_orgEmail(field("regOrgEmail", QStringLiteral("—"))), m_regNumber(field("regNumber", QStringLiteral("—"))),
      m_ofdName(field("regOfdName", QStringLiteral("—"))), m_ofdVatin(field("regOfdVatin", QStringLiteral("—"))),
      m_ofdHost(field("ofdHost", QStringLiteral("connect.ofd.example"))),
      m_ofdPort(field("ofdPort", QStringLiteral("7777"))), m_ofdDns(field("ofdDns", tr("DNS сети"))),
      m_ofdWrite(nullptr), m_ofdDevice(new QLabel(this)), m_result(new QLabel(this)),
      m_confirm(new ConfirmPanel(QStringLiteral("lifecycleConfirm"), this))
{
    m_ofdDevice->setObjectName(QStringLiteral("ofdDeviceValues"));
    m_ofdDevice->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("lifecycleResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const auto makeButton = [this](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setMinimumHeight(48);
        b->setFocusPolicy(Qt::NoFocus);
        m_buttons << b;
        return b;
    };
    auto* reRegister = makeButton(tr("Перерегистрировать…"), "lifecycleReRegister");
    auto* fnChange = makeButton(tr("Замена ФН…"), "lifecycleFnChange");
    auto* closeArchive = makeButton(tr("Закрыть архив ФН…"), "lifecycleCloseArchive");
    auto* saveOfd = makeButton(tr("Сохранить настройки ОФД"), "ofdSave");
    m_ofdWrite = makeButton(tr("Записать в ККТ"), "ofdWrite");
    reRegister->setProperty("role", QStringLiteral("primary"));
    connect(reRegister, &QPushButton::clicked, this, &LifecyclePage::reRegister);
    connect(saveOfd, &QPushButton::clicked, this, &LifecyclePage::saveOfd);
    connect(m_ofdWrite, &QPushButton::clicked, this, &LifecyclePage::writeOfd);
    connect(fnChange, &QPushButton::clicked, this, [this] {
        m_confirm->ask(tr("Замена фискального накопителя. Архив старого ФН должен быть закрыт; новый ФН "
                          "регистрируется с текущими реквизитами, ККТ печатает «Отчёт об изменении параметров "
                          "регистрации». Старый ФН храните 5 лет. Продолжить?"),
                       [this] { runTask(fiscal::TaskBuilder::simple(fiscal::TaskType::FnChange), tr("Замена ФН")); });
    });
    connect(closeArchive, &QPushButton::clicked, this, [this] {
        m_confirm->ask(
            tr("Закрытие архива ФН необратимо: после него на этом ФН нельзя пробить ни одного чека до "
               "замены ФН. Смена должна быть закрыта. ККТ напечатает «Отчёт о закрытии ФН». Продолжить?"),
            [this] { runTask(fiscal::TaskBuilder::simple(fiscal::TaskType::CloseArchive), tr("Закрытие архива ФН")); });
    });

    // Compact enough for a 1024x600 panel: two label/field pairs a row, the OFD connection in two
    // rows under it, the FN buttons with the confirmation and the result on the right.
    const auto label = [this](const QString& text) { return new QLabel(text, this); };
    auto* regBox = new QGroupBox(tr("Перерегистрация ККТ — заполните только то, что меняется"), this);
    auto* reg = new QGridLayout(regBox);
    reg->addWidget(label(tr("Организация")), 0, 0);
    reg->addWidget(m_orgName, 0, 1);
    reg->addWidget(label(tr("ИНН")), 0, 2);
    reg->addWidget(m_orgVatin, 0, 3);
    reg->addWidget(label(tr("Адрес расчётов")), 1, 0);
    reg->addWidget(m_orgAddress, 1, 1, 1, 3);
    reg->addWidget(label(tr("E-mail")), 2, 0);
    reg->addWidget(m_orgEmail, 2, 1);
    reg->addWidget(label(tr("Рег. номер")), 2, 2);
    reg->addWidget(m_regNumber, 2, 3);
    reg->addWidget(label(tr("ОФД")), 3, 0);
    reg->addWidget(m_ofdName, 3, 1);
    reg->addWidget(label(tr("ИНН ОФД")), 3, 2);
    reg->addWidget(m_ofdVatin, 3, 3);
    reg->addWidget(reRegister, 4, 0, 1, 4);
    reg->setColumnStretch(1, 3);
    reg->setColumnStretch(3, 2);

    auto* ofdBox = new QGroupBox(tr("Связь с ОФД"), this);
    auto* ofd = new QGridLayout(ofdBox);
    ofd->addWidget(label(tr("Адрес ОФД")), 0, 0);
    ofd->addWidget(m_ofdHost, 0, 1, 1, 4);
    ofd->addWidget(label(tr("Порт")), 1, 0);
    ofd->addWidget(m_ofdPort, 1, 1);
    ofd->addWidget(label(tr("DNS")), 1, 2);
    ofd->addWidget(m_ofdDns, 1, 3);
    ofd->addWidget(saveOfd, 1, 4);
    ofd->addWidget(m_ofdDevice, 2, 0, 1, 4);
    ofd->addWidget(m_ofdWrite, 2, 4);
    ofd->setColumnStretch(1, 1);
    ofd->setColumnStretch(3, 2);

    auto* fnBox = new QGroupBox(tr("Фискальный накопитель"), this);
    auto* fnLayout = new QVBoxLayout(fnBox);
    fnLayout->addWidget(closeArchive);
    fnLayout->addWidget(fnChange);

    auto* left = new QVBoxLayout;
    left->addWidget(regBox);
    left->addWidget(ofdBox);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(fnBox);
    right->addWidget(m_confirm);
    right->addWidget(m_result);
    right->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 2);
    layout->addLayout(right, 1);
}

void LifecyclePage::activate()
{
    auto settings = OfdSettings::load(ofdFile(m_window.runtime()));
    if (settings.ok()) {
        m_ofdHost->setText(QString::fromStdString(settings->host));
        m_ofdPort->setText(settings->port > 0 ? QString::number(settings->port) : QString());
        m_ofdDns->setText(QString::fromStdString(settings->dns));
    }
    readDeviceOfd();
}

fiscal::OfdSettingsWriter* LifecyclePage::ofdWriter()
{
    auto& rt = m_window.runtime();
    const auto* driver = rt.drivers().find(rt.config().fiscalDriver);
    if (driver == nullptr || !driver->capabilities.ofdSettings) {
        return nullptr;
    }
    return dynamic_cast<fiscal::OfdSettingsWriter*>(&rt.fiscal());
}

void LifecyclePage::readDeviceOfd()
{
    fiscal::OfdSettingsWriter* writer = ofdWriter();
    m_ofdWrite->setVisible(writer != nullptr);
    if (writer == nullptr) {
        m_ofdDevice->setText(tr("Адрес ОФД в ККТ задаётся утилитой производителя: этот драйвер не записывает его в "
                                "ККТ. Здесь настройки только сохраняются на терминале."));
        return;
    }
    m_ofdDevice->setText(tr("В ККТ: чтение…"));
    auto result = std::make_shared<core::Result<fiscal::OfdConnection>>(fiscal::OfdConnection{});
    m_window.runner().run(
        [result, writer] { *result = writer->ofdConnection(); }, this,
        [this, result] {
            if (!result->ok()) {
                m_ofdDevice->setText(
                    tr("Настройки ОФД из ККТ не прочитаны: %1").arg(DeviceMessage::fromError(result->error()).title));
                return;
            }
            const fiscal::OfdConnection& held = **result;
            if (held.host.empty()) {
                m_ofdDevice->setText(tr("В ККТ адрес ОФД не задан"));
                return;
            }
            m_ofdDevice->setText(tr("В ККТ: %1:%2, DNS %3")
                                     .arg(QString::fromStdString(held.host), QString::number(held.port),
                                          held.dns.empty() ? tr("сети") : QString::fromStdString(held.dns)));
        },
        false);
}

void LifecyclePage::runTask(core::Json task, const QString& title)
{
    auto& rt = m_window.runtime();
    const auto cashier = rt.cashier();
    task["operator"] = {{"name", cashier.name}};
    if (!cashier.inn.empty()) {
        task["operator"]["vatin"] = cashier.inn;
    }
    for (auto* b : m_buttons) {
        b->setEnabled(false);
    }
    m_result->setProperty("level", QString());
    m_result->setText(title + QStringLiteral("…"));
    auto result = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& device = rt.fiscal();
    m_window.runner().run(
        [result, &device, task] { *result = device.execute(task); }, this,
        [this, result, title] {
            for (auto* b : m_buttons) {
                b->setEnabled(true);
            }
            if (!result->ok()) {
                m_result->setProperty("level", QStringLiteral("error"));
                DeviceMessage message = DeviceMessage::fromError(result->error());
                if (result->error().code == fiscal::atol::kFnWrongState) {
                    // For the technician the register's state is the point, not "call a technician".
                    message.title = tr("ФН ещё в фискальном режиме");
                    message.hint = tr("Сначала закройте архив ФН (при закрытой смене), затем замените ФН");
                }
                m_result->setText(title + tr(": отказ ККТ\n") + message.text());
                return;
            }
            const auto params = (**result).value("fiscalParams", core::Json::object());
            m_result->setProperty("level", QStringLiteral("ok"));
            m_result->setText(
                title + tr(": выполнено, отчёт напечатан. ФД № %1, ФН %2")
                            .arg(QString::fromStdString(params.value("fiscalDocumentNumber", core::Json()).dump()),
                                 QString::fromStdString(params.value("fnNumber", std::string("—")))));
        },
        false);
}

void LifecyclePage::reRegister()
{
    core::Json task = fiscal::TaskBuilder::simple(fiscal::TaskType::Registration);
    core::Json organization = core::Json::object();
    const auto put = [](core::Json& to, const char* key, QLineEdit* from) {
        const QString text = from->text().trimmed();
        if (!text.isEmpty()) {
            to[key] = text.toStdString();
        }
    };
    put(organization, "name", m_orgName);
    put(organization, "vatin", m_orgVatin);
    put(organization, "address", m_orgAddress);
    put(organization, "email", m_orgEmail);
    core::Json device = core::Json::object();
    put(device, "registrationNumber", m_regNumber);
    core::Json ofd = core::Json::object();
    put(ofd, "name", m_ofdName);
    put(ofd, "vatin", m_ofdVatin);
    QStringList changed;
    if (!organization.empty()) {
        task["organization"] = organization;
        changed << tr("реквизиты организации");
    }
    if (!device.empty()) {
        task["device"] = device;
        changed << tr("регистрационный номер");
    }
    if (!ofd.empty()) {
        task["ofd"] = ofd;
        changed << tr("ОФД");
    }
    if (changed.isEmpty()) {
        m_result->setText(tr("Заполните поля, которые меняются при перерегистрации"));
        return;
    }
    m_confirm->ask(tr("Перерегистрация ККТ: меняются %1. Смена должна быть закрыта. Данные уйдут в ФНС через "
                      "ОФД; ККТ напечатает «Отчёт об изменении параметров регистрации». Продолжить?")
                       .arg(changed.join(QStringLiteral(", "))),
                   [this, task] { runTask(task, tr("Перерегистрация")); });
}

bool LifecyclePage::saveOfdForm(OfdSettings& settings, const QString& failure)
{
    settings.host = m_ofdHost->text().trimmed().toStdString();
    bool ok = false;
    settings.port = m_ofdPort->text().trimmed().toInt(&ok);
    if (!ok) {
        settings.port = 0;
    }
    settings.dns = m_ofdDns->text().trimmed().toStdString();
    if (auto saved = settings.save(ofdFile(m_window.runtime())); !saved.ok()) {
        m_result->setProperty("level", QStringLiteral("error"));
        m_result->setText(failure.arg(QString::fromStdString(saved.error().message)));
        return false;
    }
    return true;
}

void LifecyclePage::saveOfd()
{
    OfdSettings settings;
    if (!saveOfdForm(settings, tr("Настройки ОФД не сохранены: %1"))) {
        return;
    }
    m_result->setProperty("level", QStringLiteral("ok"));
    m_result->setText(tr("Настройки ОФД сохранены"));
}

void LifecyclePage::writeOfd()
{
    fiscal::OfdSettingsWriter* writer = ofdWriter();
    if (writer == nullptr) {
        return;
    }
    // The file keeps the last entered values even if the register then refuses them.
    OfdSettings settings;
    if (!saveOfdForm(settings, tr("Настройки ОФД не записаны: %1"))) {
        return;
    }
    for (auto* b : m_buttons) {
        b->setEnabled(false);
    }
    m_result->setProperty("level", QString());
    m_result->setText(tr("Запись настроек ОФД в ККТ…"));
    auto result = std::make_shared<core::Status>(core::ok());
    m_window.runner().run(
        [result, writer, connection = settings.toConnection()] { *result = writer->writeOfdConnection(connection); },
        this,
        [this, result] {
            for (auto* b : m_buttons) {
                b->setEnabled(true);
            }
            if (!result->ok()) {
                m_result->setProperty("level", QStringLiteral("error"));
                m_result->setText(tr("ККТ не приняла настройки ОФД\n") +
                                  DeviceMessage::fromError(result->error()).text());
            } else {
                m_result->setProperty("level", QStringLiteral("ok"));
                m_result->setText(tr("Настройки ОФД записаны в ККТ"));
            }
            readDeviceOfd();
        },
        false);
}

} // namespace sigma::terminal

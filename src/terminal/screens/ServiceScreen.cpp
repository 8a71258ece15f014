#include "terminal/screens/ServiceScreen.h"

#include "core/ErrorCodes.h"
#include "drivers/scale/ScaleDrivers.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/SettingsForm.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/ServiceSections.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setMinimumHeight(64);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

} // namespace

ServiceScreen::ServiceScreen(MainWindow& window)
    : m_window(window), m_fiscalTab(button(tr("ККТ"), "serviceTabFiscal", this)),
      m_scaleTab(button(tr("Весы"), "serviceTabScale", this)), m_pages(new QStackedWidget(this)),
      m_driver(new QComboBox(this)), m_form(new SettingsForm(QStringLiteral("setting_"), this)),
      m_scaleDriver(new QComboBox(this)), m_scaleForm(new SettingsForm(QStringLiteral("scaleSetting_"), this)),
      m_weight(new QLabel(this)), m_weightState(new QLabel(this)), m_scaleTimer(new QTimer(this)),
      m_output(new QPlainTextEdit(this))
{
    m_driver->setObjectName(QStringLiteral("serviceDriver"));
    m_driver->setMinimumHeight(56);
    m_output->setObjectName(QStringLiteral("serviceOutput"));
    m_output->setReadOnly(true);
    connect(m_driver, &QComboBox::currentIndexChanged, this,
            [this] { buildForm(m_driver->currentData().toString()); });

    for (auto* tab : {m_fiscalTab, m_scaleTab}) {
        tab->setCheckable(true);
        tab->setAutoExclusive(true);
    }
    connect(m_fiscalTab, &QPushButton::clicked, this, [this] { showPage(0); });
    connect(m_scaleTab, &QPushButton::clicked, this, [this] { showPage(1); });

    auto* save = button(tr("Сохранить настройки"), "serviceSave", this);
    save->setProperty("role", QStringLiteral("primary"));
    auto* info = button(tr("Информация о ККТ"), "serviceInfo", this);
    auto* status = button(tr("Состояние ККТ"), "serviceStatus", this);
    auto* print = button(tr("Тестовая печать"), "serviceTestPrint", this);
    auto* verify = button(tr("Проверить журнал"), "serviceVerify", this);
    auto* log = button(tr("Журнал работы"), "serviceLog", this);
    connect(save, &QPushButton::clicked, this, &ServiceScreen::save);
    connect(info, &QPushButton::clicked, this, [this] { deviceTask("getDeviceInfo", tr("Информация о ККТ")); });
    connect(status, &QPushButton::clicked, this, [this] { deviceTask("getDeviceStatus", tr("Состояние ККТ")); });
    connect(print, &QPushButton::clicked, this, [this] { deviceTask("nonFiscal", tr("Тестовая печать")); });
    connect(verify, &QPushButton::clicked, this, &ServiceScreen::verifyJournal);
    connect(log, &QPushButton::clicked, this, &ServiceScreen::showLog);

    // --- page 0: the fiscal register ---
    auto* fiscalPage = new QWidget(this);
    auto* fiscal = new QVBoxLayout(fiscalPage);
    fiscal->setContentsMargins(0, 0, 0, 0);
    auto* driverLabel = new QLabel(tr("Драйвер ККТ"), fiscalPage);
    driverLabel->setProperty("role", QStringLiteral("subtitle"));
    fiscal->addWidget(driverLabel);
    fiscal->addWidget(m_driver);
    fiscal->addWidget(m_form);
    fiscal->addWidget(save);
    fiscal->addStretch(1);

    // --- page 1: the scale ---
    auto* scalePage = new QWidget(this);
    m_scaleDriver->setObjectName(QStringLiteral("serviceScaleDriver"));
    m_scaleDriver->setMinimumHeight(56);
    connect(m_scaleDriver, &QComboBox::currentIndexChanged, this,
            [this] { buildScaleForm(m_scaleDriver->currentData().toString()); });
    auto* scaleSave = button(tr("Сохранить и подключить"), "serviceScaleSave", scalePage);
    scaleSave->setProperty("role", QStringLiteral("primary"));
    connect(scaleSave, &QPushButton::clicked, this, &ServiceScreen::saveScale);
    m_weight->setObjectName(QStringLiteral("scaleWeight"));
    m_weight->setProperty("role", QStringLiteral("total"));
    m_weightState->setObjectName(QStringLiteral("scaleState"));
    m_weightState->setWordWrap(true);
    auto* zero = button(tr("Ноль"), "scaleZero", scalePage);
    auto* tare = button(tr("Тара"), "scaleTare", scalePage);
    connect(zero, &QPushButton::clicked, this, [this] { scaleKey(false); });
    connect(tare, &QPushButton::clicked, this, [this] { scaleKey(true); });
    auto* scale = new QVBoxLayout(scalePage);
    scale->setContentsMargins(0, 0, 0, 0);
    auto* scaleLabel = new QLabel(tr("Драйвер весов"), scalePage);
    scaleLabel->setProperty("role", QStringLiteral("subtitle"));
    scale->addWidget(scaleLabel);
    scale->addWidget(m_scaleDriver);
    scale->addWidget(m_scaleForm);
    scale->addWidget(scaleSave);
    auto* readout = new QHBoxLayout;
    readout->addWidget(m_weight, 1);
    readout->addWidget(zero);
    readout->addWidget(tare);
    scale->addLayout(readout);
    scale->addWidget(m_weightState);
    scale->addStretch(1);
    m_scaleTimer->setInterval(kScalePollMs);
    connect(m_scaleTimer, &QTimer::timeout, this, &ServiceScreen::readScale);

    m_pages->addWidget(fiscalPage);
    m_pages->addWidget(scalePage);

    auto* tabs = new QHBoxLayout;
    tabs->addWidget(m_fiscalTab);
    tabs->addWidget(m_scaleTab);
    auto* left = new QVBoxLayout;
    left->addLayout(tabs);
    left->addWidget(m_pages, 1);
    auto* grid = new QGridLayout;
    grid->addWidget(info, 0, 0);
    grid->addWidget(status, 0, 1);
    grid->addWidget(print, 1, 0);
    grid->addWidget(verify, 1, 1);
    grid->addWidget(log, 2, 0, 1, 2);
    auto* cloud = button(tr("Облако и синхронизация"), "serviceCloud", this);
    connect(cloud, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("cloud")); });
    grid->addWidget(cloud, 3, 0, 1, 2);
    auto* right = new QVBoxLayout;
    right->addLayout(grid);
    right->addWidget(m_output, 1);
    // The device settings are the first of the service sections (screens/service/ServiceSections).
    auto* devices = new QWidget(this);
    auto* layout = new QHBoxLayout(devices);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
    m_sections = new ServiceSections(window, devices, this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    outer->addWidget(m_sections);
}

void ServiceScreen::activate()
{
    auto& rt = m_window.runtime();
    {
        const QSignalBlocker block(m_driver);
        m_driver->clear();
        for (const auto* d : rt.drivers().all()) {
            m_driver->addItem(QString::fromStdString(d->label), QString::fromStdString(d->id));
        }
        const int index = m_driver->findData(QString::fromStdString(rt.config().fiscalDriver));
        m_driver->setCurrentIndex(index < 0 ? 0 : index);
    }
    buildForm(m_driver->currentData().toString());
    {
        const QSignalBlocker block(m_scaleDriver);
        m_scaleDriver->clear();
        m_scaleDriver->addItem(tr("Весы не подключены"), QString());
        for (const auto& d : drivers::scale::ScaleDrivers::all()) {
            m_scaleDriver->addItem(QString::fromStdString(d.label), QString::fromStdString(d.id));
        }
        const int index = m_scaleDriver->findData(QString::fromStdString(rt.config().scaleDriver));
        m_scaleDriver->setCurrentIndex(index < 0 ? 0 : index);
    }
    buildScaleForm(m_scaleDriver->currentData().toString());
    showPage(m_pages->currentIndex());
    m_sections->activate();
}

void ServiceScreen::hideEvent(QHideEvent* event)
{
    m_scaleTimer->stop(); // the scale is read only while someone looks at it
    QWidget::hideEvent(event);
}

void ServiceScreen::showPage(int page)
{
    m_pages->setCurrentIndex(page);
    m_fiscalTab->setChecked(page == 0);
    m_scaleTab->setChecked(page == 1);
    m_stable = devices::StableWeight();
    auto& rt = m_window.runtime();
    if (page == 1 && rt.scale() != nullptr) {
        m_weightState->setText(tr("Чтение весов…"));
        m_scaleTimer->start();
        readScale();
    } else {
        m_scaleTimer->stop();
        m_weight->setText(QStringLiteral("—"));
        m_weightState->setText(rt.scaleError() ? DeviceMessage::fromError(*rt.scaleError()).text()
                                               : tr("Весы не подключены: выберите драйвер и сохраните."));
    }
}

void ServiceScreen::buildForm(const QString& driverId)
{
    auto& rt = m_window.runtime();
    auto schema = rt.drivers().describe(driverId.toStdString());
    if (!schema.ok()) {
        m_form->build(core::Json::array(), core::Json::object());
        return;
    }
    const bool current = driverId.toStdString() == rt.config().fiscalDriver;
    m_form->build((*schema)["settings"], current ? rt.config().fiscalSettings : core::Json::object());
}

void ServiceScreen::buildScaleForm(const QString& driverId)
{
    auto& rt = m_window.runtime();
    const auto* driver = drivers::scale::ScaleDrivers::find(driverId.toStdString());
    if (driver == nullptr) {
        m_scaleForm->build(core::Json::array(), core::Json::object());
        return;
    }
    for (const auto& d : drivers::scale::ScaleDrivers::describe()) {
        if (d["id"] == driver->id) {
            const bool current = driver->id == rt.config().scaleDriver;
            m_scaleForm->build(d["settings"], current ? rt.config().scaleSettings : core::Json::object());
        }
    }
}

void ServiceScreen::save()
{
    auto& rt = m_window.runtime();
    const std::string driver = m_driver->currentData().toString().toStdString();
    auto resolved = rt.drivers().resolveSettings(driver, m_form->values());
    if (!resolved.ok()) {
        m_output->setPlainText(DeviceMessage::fromError(resolved.error()).text());
        return;
    }
    rt.config().fiscalDriver = driver;
    rt.config().fiscalSettings = *resolved;
    if (auto saved = rt.saveConfig(); !saved.ok()) {
        m_output->setPlainText(DeviceMessage::fromError(saved.error()).text());
        return;
    }
    // The device in use is not swapped under a running sale: the new driver starts with the app.
    m_output->setPlainText(tr("Настройки сохранены. Перезапустите приложение, чтобы применить их."));
}

void ServiceScreen::saveScale()
{
    auto& rt = m_window.runtime();
    const std::string driver = m_scaleDriver->currentData().toString().toStdString();
    core::Json settings = core::Json::object();
    if (!driver.empty()) {
        auto resolved = drivers::scale::ScaleDrivers::resolveSettings(driver, m_scaleForm->values());
        if (!resolved.ok()) {
            m_weightState->setText(DeviceMessage::fromError(resolved.error()).text());
            return;
        }
        settings = *resolved;
    }
    rt.config().scaleDriver = driver;
    rt.config().scaleSettings = settings;
    if (auto saved = rt.saveConfig(); !saved.ok()) {
        m_weightState->setText(DeviceMessage::fromError(saved.error()).text());
        return;
    }
    // The scale is read on the worker: the old driver is closed only once no read uses it.
    m_scaleTimer->stop();
    m_window.runner().waitForIdle();
    QCoreApplication::processEvents();
    (void)rt.reopenScale();
    showPage(1);
}

void ServiceScreen::readScale()
{
    devices::Scale* scale = m_window.runtime().scale();
    if (scale == nullptr || m_scaleReading) {
        return;
    }
    m_scaleReading = true;
    auto reading = std::make_shared<core::Result<devices::WeightReading>>(core::Error(core::errc::kInternal, "not run"));
    m_window.runner().run([reading, scale] { *reading = scale->read(); }, this,
                          [this, reading] {
                              m_scaleReading = false;
                              if (!reading->ok()) {
                                  m_stable = devices::StableWeight();
                                  m_weight->setText(QStringLiteral("—"));
                                  m_weightState->setProperty("level", QStringLiteral("error"));
                                  m_weightState->setText(DeviceMessage::fromError(reading->error()).text());
                                  return;
                              }
                              const auto verdict = m_stable.feed(**reading);
                              m_weight->setText(tr("%1 кг").arg(Format::fixedQuantity(verdict.weight)));
                              QString state;
                              QString level;
                              switch (verdict.state) {
                              case devices::StableWeight::State::Stable:
                                  state = tr("● Вес стабилен");
                                  level = QStringLiteral("ok");
                                  break;
                              case devices::StableWeight::State::Settling:
                                  state = tr("Вес не установился: не трогайте весы");
                                  level = QStringLiteral("warn");
                                  break;
                              case devices::StableWeight::State::Empty:
                                  state = tr("На весах ничего нет");
                                  break;
                              case devices::StableWeight::State::Negative:
                                  state = tr("Вес меньше нуля: снимите тару или нажмите «Ноль»");
                                  level = QStringLiteral("warn");
                                  break;
                              case devices::StableWeight::State::Overload:
                                  state = tr("Перегрузка: снимите товар с весов");
                                  level = QStringLiteral("error");
                                  m_weight->setText(QStringLiteral("—"));
                                  break;
                              }
                              m_weightState->setProperty("level", level);
                              m_weightState->style()->unpolish(m_weightState);
                              m_weightState->style()->polish(m_weightState);
                              m_weightState->setText(state);
                          },
                          false);
}

void ServiceScreen::scaleKey(bool tare)
{
    devices::Scale* scale = m_window.runtime().scale();
    if (scale == nullptr) {
        return;
    }
    auto status = std::make_shared<core::Status>(core::ok());
    m_window.runner().run([status, scale, tare] { *status = tare ? scale->tare() : scale->zero(); }, this,
                          [this, status] {
                              m_stable = devices::StableWeight();
                              if (!status->ok()) {
                                  m_weightState->setText(DeviceMessage::fromError(status->error()).text());
                              }
                          },
                          false);
}

void ServiceScreen::deviceTask(const char* type, const QString& title)
{
    core::Json task = {{"type", type}};
    if (std::string_view(type) == "nonFiscal") {
        task["items"] = core::Json::array({{{"type", "text"}, {"text", "Тестовая печать Сигма"}},
                                           {{"type", "text"}, {"text", "Проверка принтера: АБВГД abcd 0123"}}});
    }
    auto result = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& fiscal = m_window.runtime().fiscal();
    m_output->setPlainText(title + QStringLiteral("…"));
    m_window.runner().run([result, &fiscal, task] { *result = fiscal.execute(task); }, this,
                          [this, result, title] {
                              if (!result->ok()) {
                                  m_output->setPlainText(title + QStringLiteral("\n") +
                                                         DeviceMessage::fromError(result->error()).text());
                                  return;
                              }
                              m_output->setPlainText(title + QStringLiteral("\n") +
                                                     QString::fromStdString((*result)->dump(2)));
                          },
                          false);
}

void ServiceScreen::verifyJournal()
{
    auto result = m_window.runtime().till().journal().verify();
    if (!result.ok()) {
        m_output->setPlainText(DeviceMessage::fromError(result.error()).text());
        return;
    }
    m_output->setPlainText(result->ok ? tr("Журнал в порядке: проверено событий: %1").arg(result->checked)
                                      : tr("Журнал повреждён с события %1: %2")
                                            .arg(result->firstBadSeq)
                                            .arg(QString::fromStdString(result->problem)));
}

void ServiceScreen::showLog()
{
    const QDir dir(QString::fromStdString(m_window.runtime().dir().logs().string()));
    const auto files = dir.entryInfoList(QDir::Files, QDir::Time);
    if (files.isEmpty()) {
        m_output->setPlainText(tr("Журнал работы пуст (%1)").arg(dir.path()));
        return;
    }
    QFile file(files.first().filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        m_output->setPlainText(tr("Не удалось открыть %1").arg(file.fileName()));
        return;
    }
    constexpr qint64 kTailBytes = 64 * 1024; // the end of the newest log is what the technician needs
    if (file.size() > kTailBytes) {
        file.seek(file.size() - kTailBytes);
    }
    m_output->setPlainText(QString::fromUtf8(file.readAll()));
}

} // namespace sigma::terminal

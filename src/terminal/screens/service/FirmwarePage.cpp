#include "terminal/screens/service/FirmwarePage.h"

#include "core/ErrorCodes.h"
#include "fiscal/FirmwareFlasher.h"
#include "fiscal/TaskBuilder.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/ConfirmPanel.h"
#include "terminal/screens/service/PackagePicker.h"
#include "terminal/screens/service/StageProgress.h"
#include "terminal/screens/service/UpdateEnvironment.h"
#include "update/FirmwareUpdater.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

FirmwarePage::FirmwarePage(MainWindow& window, QWidget* parent)
    : QWidget(parent), m_window(window), m_version(new QLabel(this)), m_capability(new QLabel(this)),
      m_picker(new PackagePicker(QStringLiteral("firmwarePicker"), this)),
      m_progress(new StageProgress(QStringLiteral("firmwareProgress"), this)), m_result(new QLabel(this)),
      m_confirm(new ConfirmPanel(QStringLiteral("firmwareConfirm"), this)),
      m_flash(new QPushButton(tr("Прошить ККТ…"), this))
{
    m_version->setObjectName(QStringLiteral("firmwareVersion"));
    m_version->setProperty("role", QStringLiteral("subtitle"));
    m_capability->setObjectName(QStringLiteral("firmwareCapability"));
    m_capability->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("firmwareResult"));
    m_result->setWordWrap(true);
    m_flash->setObjectName(QStringLiteral("firmwareFlash"));
    m_flash->setProperty("role", QStringLiteral("primary"));
    m_flash->setMinimumHeight(56);
    m_flash->setFocusPolicy(Qt::NoFocus);
    connect(m_flash, &QPushButton::clicked, this, [this] {
        if (m_picker->selected().empty()) {
            m_result->setText(tr("Выберите файл прошивки в списке"));
            return;
        }
        m_confirm->ask(tr("Прошить ККТ из файла %1? Подпись и целостность проверяются до записи; прошивка пишется "
                          "в резервный банк и включается только целиком. Не выключайте терминал и ККТ до конца.")
                           .arg(QString::fromStdString(m_picker->selected().filename().string())),
                       [this] { flash(); });
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_version);
    layout->addWidget(m_capability);
    layout->addWidget(m_picker, 1);
    layout->addWidget(m_flash);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_confirm);
}

fiscal::FirmwareFlasher* FirmwarePage::flasher()
{
    auto& rt = m_window.runtime();
    const auto* driver = rt.drivers().find(rt.config().fiscalDriver);
    if (driver == nullptr || !driver->capabilities.firmwareUpdate) {
        return nullptr;
    }
    return dynamic_cast<fiscal::FirmwareFlasher*>(&rt.fiscal());
}

void FirmwarePage::activate()
{
    const bool can = flasher() != nullptr;
    m_picker->setVisible(can);
    m_flash->setVisible(can);
    m_progress->setVisible(can);
    if (can) {
        m_capability->setText(tr("Выберите подписанный пакет прошивки (kkt-firmware) на USB-накопителе. Перед "
                                 "прошивкой закройте чек и смену."));
        m_picker->setRoots(
            {QStringLiteral("/media"), QString::fromStdString(m_window.runtime().dir().root().string())});
    } else {
        m_capability->setText(tr("Прошивка ККТ выполняется утилитой производителя. Этот драйвер не прошивает ККТ."));
    }
    readVersion();
}

void FirmwarePage::readVersion()
{
    auto result = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& device = m_window.runtime().fiscal();
    m_version->setText(tr("Версия прошивки ККТ: чтение…"));
    m_window.runner().run(
        [result, &device] { *result = device.execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetDeviceInfo)); },
        this,
        [this, result] {
            if (!result->ok()) {
                m_version->setText(
                    tr("Версия прошивки ККТ не прочитана: %1").arg(DeviceMessage::fromError(result->error()).title));
                return;
            }
            const auto info = (**result).value("deviceInfo", core::Json::object());
            m_version->setText(tr("Версия прошивки ККТ: %1")
                                   .arg(QString::fromStdString(info.value("firmwareVersion", std::string("—")))));
        },
        false);
}

void FirmwarePage::flash()
{
    fiscal::FirmwareFlasher* device = flasher();
    if (device == nullptr) {
        return;
    }
    m_flash->setEnabled(false);
    m_progress->reset();
    m_result->setProperty("level", QString());
    m_result->setText(tr("Прошивка…"));
    auto result = std::make_shared<core::Result<update::FirmwareResult>>(core::Error(core::errc::kInternal, "not run"));
    auto progress = m_progress->callback();
    const core::Clock& clock = m_window.runtime().clock();
    m_window.runner().run(
        [result, device, package = m_picker->selected(), progress, &clock] {
            auto trust = UpdateEnvironment::installer(clock).trust();
            if (!trust.ok()) {
                *result = trust.error();
                return;
            }
            *result = update::FirmwareUpdater::flash(package, *trust, *device, false, progress);
        },
        this,
        [this, result] {
            m_flash->setEnabled(true);
            if (!result->ok()) {
                m_progress->finish(tr("Прошивка не выполнена, ККТ работает на прежней версии"));
                m_result->setProperty("level", QStringLiteral("error"));
                m_result->setText(DeviceMessage::fromError(result->error()).text());
                return;
            }
            m_progress->finish(StageProgress::stageText(update::Stage::Done));
            m_result->setProperty("level", QStringLiteral("ok"));
            m_result->setText(tr("ККТ прошита: %1 → %2")
                                  .arg(QString::fromStdString((*result)->previousVersion),
                                       QString::fromStdString((*result)->version)));
            readVersion();
        },
        false);
}

} // namespace sigma::terminal

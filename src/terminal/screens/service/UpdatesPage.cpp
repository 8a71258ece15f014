#include "terminal/screens/service/UpdatesPage.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/ConfirmPanel.h"
#include "terminal/screens/service/PackagePicker.h"
#include "terminal/screens/service/StageProgress.h"
#include "terminal/screens/service/UpdateEnvironment.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setMinimumHeight(56);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

QLabel* wrapped(const char* name, QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

UpdatesPage::UpdatesPage(MainWindow& window, QWidget* parent)
    : QWidget(parent), m_window(window), m_status(wrapped("updatesStatus", this)),
      m_picker(new PackagePicker(QStringLiteral("updatesPicker"), this)), m_notes(wrapped("updatesNotes", this)),
      m_progress(new StageProgress(QStringLiteral("updatesProgress"), this)), m_result(wrapped("updatesResult", this)),
      m_confirm(new ConfirmPanel(QStringLiteral("updatesConfirm"), this)),
      m_cloud(button(tr("Проверить в облаке"), "updatesCloud", this)),
      m_download(button(tr("Скачать"), "updatesDownload", this)),
      m_verify(button(tr("Проверить пакет"), "updatesVerify", this)),
      m_apply(button(tr("Установить…"), "updatesApply", this)),
      m_rollback(button(tr("Откатить…"), "updatesRollback", this))
{
    m_apply->setProperty("role", QStringLiteral("primary"));
    m_download->setEnabled(false);
    m_status->setProperty("role", QStringLiteral("subtitle"));
    connect(m_cloud, &QPushButton::clicked, this, &UpdatesPage::checkCloud);
    connect(m_download, &QPushButton::clicked, this, &UpdatesPage::download);
    connect(m_verify, &QPushButton::clicked, this, [this] { verify(false); });
    connect(m_apply, &QPushButton::clicked, this, [this] { verify(true); });
    connect(m_rollback, &QPushButton::clicked, this, &UpdatesPage::rollback);

    auto* left = new QVBoxLayout;
    left->addWidget(m_status);
    auto* cloudRow = new QHBoxLayout;
    cloudRow->addWidget(m_cloud);
    cloudRow->addWidget(m_download);
    left->addLayout(cloudRow);
    left->addWidget(m_picker, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_verify);
    actions->addWidget(m_apply);
    actions->addWidget(m_rollback);
    left->addLayout(actions);

    auto* notesTitle = new QLabel(tr("Что нового"), this);
    notesTitle->setProperty("role", QStringLiteral("subtitle"));
    m_notes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* right = new QVBoxLayout;
    right->addWidget(notesTitle);
    right->addWidget(m_notes, 1);
    right->addWidget(m_progress);
    right->addWidget(m_result);
    right->addWidget(m_confirm);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
}

void UpdatesPage::activate()
{
    auto& rt = m_window.runtime();
    const auto root = UpdateEnvironment::installRoot();
    m_picker->setRoots({QStringLiteral("/media"), QString::fromStdString(rt.dir().root().string()),
                        QString::fromStdString((root / "downloads").string())});
    refreshStatus();
}

void UpdatesPage::refreshStatus()
{
    auto installer = UpdateEnvironment::installer(m_window.runtime().clock());
    auto current = installer.currentVersion();
    auto state = installer.state();
    QString text = tr("Каталог установки: %1").arg(QString::fromStdString(installer.root().string()));
    if (!current.ok()) {
        text += QStringLiteral("\n") + DeviceMessage::fromError(current.error()).title;
    } else {
        text += QStringLiteral("\n") +
                (*current ? tr("Установлена версия %1").arg(QString::fromStdString((*current)->toString()))
                          : tr("Версия из пакета не установлена"));
    }
    if (state.ok() && state->previous) {
        text += QStringLiteral("\n") +
                tr("Предыдущая версия (для отката): %1").arg(QString::fromStdString(*state->previous));
    }
    if (state.ok() && !state->lastFailure.empty()) {
        text += QStringLiteral("\n") + tr("Последний сбой запуска: %1").arg(QString::fromStdString(state->lastFailure));
    }
    m_status->setText(text);
    m_rollback->setEnabled(!m_busy && state.ok() && state->previous.has_value());
}

void UpdatesPage::setBusy(bool busy)
{
    m_busy = busy;
    for (auto* b : {m_cloud, m_verify, m_apply}) {
        b->setEnabled(!busy);
    }
    m_download->setEnabled(!busy && m_offer.has_value());
    if (busy) {
        m_rollback->setEnabled(false);
        m_confirm->dismiss();
    } else {
        refreshStatus();
    }
}

void UpdatesPage::showError(const QString& title, const core::Error& error)
{
    m_result->setProperty("level", QStringLiteral("error"));
    m_result->setText(title + QStringLiteral("\n") + DeviceMessage::fromError(error).text());
}

void UpdatesPage::checkCloud()
{
    auto& rt = m_window.runtime();
    setBusy(true);
    m_result->setText(tr("Запрос к облаку…"));
    auto result = std::make_shared<core::Result<std::optional<update::UpdateOffer>>>(std::nullopt);
    auto& database = rt.database();
    const core::Clock& clock = rt.clock();
    m_window.runner().run(
        [result, &database, &clock] {
            auto client = UpdateEnvironment::cloudClient(database, clock);
            if (!client.ok()) {
                *result = client.error();
                return;
            }
            auto current = UpdateEnvironment::installer(clock).currentVersion();
            *result = (*client)->check(update::Component::Terminal, "stable", current.ok() ? *current : std::nullopt);
        },
        this,
        [this, result] {
            m_offer.reset();
            if (!result->ok()) {
                setBusy(false);
                showError(tr("Проверка обновлений в облаке не удалась"), result->error());
                return;
            }
            m_result->setProperty("level", QString());
            if (!**result) {
                m_result->setText(tr("Обновлений нет: установлена последняя версия"));
            } else {
                m_offer = ***result;
                m_notes->setText(tr("Версия %1 (%2 КБ)\n\n%3")
                                     .arg(QString::fromStdString(m_offer->version.toString()))
                                     .arg((m_offer->size + 1023) / 1024)
                                     .arg(QString::fromStdString(m_offer->notes)));
                m_result->setText(tr("Доступна версия %1: нажмите «Скачать»")
                                      .arg(QString::fromStdString(m_offer->version.toString())));
            }
            setBusy(false);
        },
        true);
}

void UpdatesPage::download()
{
    if (!m_offer) {
        return;
    }
    setBusy(true);
    m_progress->reset();
    auto& rt = m_window.runtime();
    auto status = std::make_shared<core::Status>(core::ok());
    auto target = std::make_shared<std::filesystem::path>();
    auto progress = m_progress->callback();
    m_window.runner().run(
        [status, target, offer = *m_offer, &database = rt.database(), &clock = rt.clock(), progress] {
            auto client = UpdateEnvironment::cloudClient(database, clock);
            if (!client.ok()) {
                *status = client.error();
                return;
            }
            const auto dir = UpdateEnvironment::installRoot() / "downloads";
            std::error_code ec;
            std::filesystem::create_directories(dir, ec);
            *target = dir / ("terminal-" + offer.version.toString() + ".tar.gz");
            *status = (*client)->download(offer, *target, progress);
        },
        this,
        [this, status, target] {
            setBusy(false);
            if (!status->ok()) {
                showError(tr("Загрузка не удалась"), status->error()); // the bar stays where it broke off
                return;
            }
            m_picker->refresh();
            m_picker->select(*target); // ready for «Установить…»: the file just fetched
            m_progress->finish(tr("Пакет загружен и сверен с облаком"));
            m_result->setProperty("level", QString());
            m_result->setText(tr("Пакет загружен: %1. Нажмите «Установить…»: подпись и файлы проверяются перед "
                                 "установкой")
                                  .arg(QString::fromStdString(target->filename().string())));
        },
        true);
}

void UpdatesPage::verify(bool thenApply)
{
    const auto package = m_picker->selected();
    if (package.empty()) {
        m_result->setText(tr("Выберите файл пакета в списке"));
        return;
    }
    setBusy(true);
    m_progress->reset();
    m_notes->clear();
    m_result->setProperty("level", QString());
    m_result->setText(tr("Проверка пакета…"));
    auto result =
        std::make_shared<core::Result<update::VerifiedPackage>>(core::Error(core::errc::kInternal, "not run"));
    auto progress = m_progress->callback();
    const core::Clock& clock = m_window.runtime().clock();
    m_window.runner().run(
        [result, package, progress, &clock] {
            *result = UpdateEnvironment::installer(clock).verify(package, progress);
        },
        this,
        [this, result, package, thenApply] {
            setBusy(false);
            if (!result->ok()) {
                m_progress->finish(tr("Пакет отклонён"));
                showError(tr("Пакет отклонён, ничего не изменено"), result->error());
                return;
            }
            const auto& m = (*result)->manifest;
            const QString version = QString::fromStdString(m.version.toString());
            m_notes->setText(tr("Версия %1 (обновляет с %2)\nКлюч подписи: %3\n\n%4")
                                 .arg(version, QString::fromStdString(m.minVersion.toString()),
                                      QString::fromStdString((*result)->keyId), QString::fromStdString(m.notes)));
            m_progress->finish(tr("Пакет проверен: подпись и все файлы в порядке"));
            if (m.component != update::Component::Terminal) {
                showError(tr("Пакет отклонён"),
                          core::Error(core::errc::kUpdateWrongComponent, "not a terminal package"));
                return;
            }
            m_result->setText(tr("Пакет версии %1 подписан и цел").arg(version));
            if (thenApply) {
                m_confirm->ask(tr("Установить версию %1? Она запишется рядом с текущей и начнёт работать после "
                                  "перезапуска терминала; предыдущая версия сохранится для отката. "
                                  "Продажи и данные не затрагиваются.")
                                   .arg(version),
                               [this, package] { apply(package); });
            }
        },
        false);
}

void UpdatesPage::apply(const std::filesystem::path& package)
{
    setBusy(true);
    m_progress->reset();
    auto result = std::make_shared<core::Result<update::InstallResult>>(core::Error(core::errc::kInternal, "not run"));
    auto progress = m_progress->callback();
    const core::Clock& clock = m_window.runtime().clock();
    m_window.runner().run(
        [result, package, progress, &clock] {
            *result = UpdateEnvironment::installer(clock).install(package, update::InstallOptions{}, progress);
        },
        this,
        [this, result] {
            setBusy(false);
            if (!result->ok()) {
                m_progress->finish(tr("Установка не выполнена"));
                showError(tr("Установка отклонена, ничего не изменено"), result->error());
                return;
            }
            m_progress->finish(StageProgress::stageText(update::Stage::Done));
            m_result->setProperty("level", QStringLiteral("ok"));
            m_result->setText(tr("Установлена версия %1. Перезапустите терминал: если новая версия не запустится, "
                                 "терминал сам вернётся к предыдущей.")
                                  .arg(QString::fromStdString((*result)->version.toString())));
        },
        false);
}

void UpdatesPage::rollback()
{
    m_confirm->ask(tr("Вернуть предыдущую версию программы? Текущая останется на диске; изменения базы данных "
                      "новой версии совместимы с предыдущей, продажи не теряются. Нужен перезапуск терминала."),
                   [this] {
                       setBusy(true);
                       auto status = std::make_shared<core::Status>(core::ok());
                       const core::Clock& clock = m_window.runtime().clock();
                       m_window.runner().run(
                           [status, &clock] {
                               *status =
                                   UpdateEnvironment::installer(clock).rollback("по запросу техника (сервисный режим)");
                           },
                           this,
                           [this, status] {
                               setBusy(false);
                               if (!status->ok()) {
                                   showError(tr("Откат не выполнен"), status->error());
                                   return;
                               }
                               m_result->setProperty("level", QStringLiteral("ok"));
                               m_result->setText(tr("Выполнен откат на предыдущую версию. Перезапустите терминал."));
                           },
                           false);
                   });
}

} // namespace sigma::terminal

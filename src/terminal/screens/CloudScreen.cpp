#include "terminal/screens/CloudScreen.h"

#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/sync/SyncStatusText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace sigma::terminal {

CloudScreen::CloudScreen(MainWindow& window)
    : m_window(window), m_url(new QLineEdit(this)), m_state(new QLabel(this)), m_result(new QLabel(this)),
      m_syncNow(new QPushButton(tr("Синхронизировать сейчас"), this)),
      m_register(new QPushButton(tr("Зарегистрироваться"), this)), m_timer(new QTimer(this))
{
    auto* title = new QLabel(tr("Облако и синхронизация"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_url->setObjectName(QStringLiteral("cloudUrl"));
    m_url->setMinimumHeight(44);
    auto* save = new QPushButton(tr("Сохранить адрес"), this);
    save->setObjectName(QStringLiteral("cloudUrlSave"));
    m_state->setObjectName(QStringLiteral("cloudState"));
    m_state->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("cloudResult"));
    m_result->setWordWrap(true);
    m_syncNow->setObjectName(QStringLiteral("cloudSyncNow"));
    m_syncNow->setProperty("role", QStringLiteral("primary"));
    m_register->setObjectName(QStringLiteral("cloudRegister"));
    for (auto* b : {save, m_syncNow, m_register}) {
        b->setMinimumHeight(56);
    }
    connect(save, &QPushButton::clicked, this, &CloudScreen::saveUrl);
    connect(m_url, &QLineEdit::returnPressed, this, &CloudScreen::saveUrl);
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        m_window.runtime().syncController().wake();
        m_result->setText(tr("Синхронизация запущена."));
    });
    connect(m_register, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("register")); });

    auto* urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(save);
    auto* form = new QFormLayout;
    form->addRow(tr("Адрес облака"), urlRow);
    form->addRow(tr("Состояние"), m_state);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_register);
    buttons->addStretch(1);
    buttons->addWidget(m_syncNow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addLayout(buttons);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    m_timer->start();
}

void CloudScreen::activate()
{
    m_url->setText(QString::fromStdString(m_window.runtime().config().cloudUrl));
    m_result->clear();
    refresh();
}

void CloudScreen::refresh()
{
    auto& runtime = m_window.runtime();
    const bool running = runtime.syncController().running();
    m_syncNow->setEnabled(running);
    m_register->setVisible(!running && !runtime.config().businessTypeLocked);
    const auto status = runtime.syncController().status();
    m_state->setText(running ? syncStatusLong(status, runtime.till().nowUs())
                             : tr("Терминал не зарегистрирован в облаке: продажи идут, чеки копятся до регистрации."));
}

void CloudScreen::saveUrl()
{
    auto& runtime = m_window.runtime();
    const QString url = m_url->text().trimmed();
    if (!url.startsWith(QStringLiteral("https://")) && !url.startsWith(QStringLiteral("http://"))) {
        m_result->setText(tr("Адрес облака начинается с https:// (или http:// для локальной проверки)."));
        return;
    }
    runtime.config().cloudUrl = url.toStdString();
    if (auto saved = runtime.saveConfig(); !saved.ok()) {
        m_result->setText(tr("Не удалось сохранить настройки: %1").arg(QString::fromStdString(saved.error().message)));
        return;
    }
    if (auto restarted = runtime.syncController().setCloudUrl(url.toStdString()); !restarted.ok()) {
        m_result->setText(QString::fromStdString(restarted.error().message));
        return;
    }
    m_result->setText(tr("Адрес облака сохранён."));
    refresh();
}

} // namespace sigma::terminal

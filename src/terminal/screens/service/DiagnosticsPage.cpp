#include "terminal/screens/service/DiagnosticsPage.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/ServiceDiagnostics.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QString str(const core::Json& json, const char* key)
{
    if (!json.is_object() || !json.contains(key) || json[key].is_null()) {
        return QStringLiteral("—");
    }
    const auto& v = json[key];
    return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
}

/// One line per section: its value's key fields, or what went wrong in words.
QString line(const QString& title, const core::Json& section, const std::function<QString(const core::Json&)>& body)
{
    if (section.is_object() && section.contains("error")) {
        core::Error e(section["error"].value("code", 0), section["error"].value("message", std::string()));
        return title + QStringLiteral(": ") + DeviceMessage::fromError(e).title + QStringLiteral(" (") +
               QString::fromStdString(e.message) + QStringLiteral(")");
    }
    return title + QStringLiteral(": ") + body(section);
}

QString megabytes(const core::Json& value)
{
    return value.is_number() ? QString::number(value.get<std::uint64_t>() / (1024 * 1024)) : QStringLiteral("—");
}

} // namespace

DiagnosticsPage::DiagnosticsPage(MainWindow& window, QWidget* parent)
    : QWidget(parent), m_window(window), m_summary(new QPlainTextEdit(this)), m_directory(new QLineEdit(this)),
      m_result(new QLabel(this)), m_collect(new QPushButton(tr("Собрать диагностику"), this)),
      m_export(new QPushButton(tr("Экспорт для поддержки"), this))
{
    m_summary->setObjectName(QStringLiteral("diagnosticsSummary"));
    m_summary->setReadOnly(true);
    m_directory->setObjectName(QStringLiteral("diagnosticsDirectory"));
    m_directory->setMinimumHeight(48);
    m_result->setObjectName(QStringLiteral("diagnosticsResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_collect->setObjectName(QStringLiteral("diagnosticsCollect"));
    m_export->setObjectName(QStringLiteral("diagnosticsExport"));
    for (auto* b : {m_collect, m_export}) {
        b->setMinimumHeight(56);
        b->setFocusPolicy(Qt::NoFocus);
    }
    m_collect->setProperty("role", QStringLiteral("primary"));
    connect(m_collect, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_export, &QPushButton::clicked, this, [this] { run(true); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_collect);
    buttons->addWidget(m_export);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(new QLabel(tr("Каталог для файла поддержки"), this));
    dirRow->addWidget(m_directory, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(dirRow);
    layout->addWidget(m_result);
    layout->addWidget(m_summary, 1);
}

void DiagnosticsPage::activate()
{
    if (m_directory->text().isEmpty()) {
        // The first mounted USB stick if there is one: the file goes where support can take it.
        QString directory = QString::fromStdString(m_window.runtime().dir().root().string());
        const QDir media(QStringLiteral("/media"));
        for (const auto& user : media.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const auto sticks = QDir(user.filePath()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Writable);
            if (!sticks.isEmpty()) {
                directory = sticks.first().filePath();
                break;
            }
        }
        m_directory->setText(directory);
    }
}

QString DiagnosticsPage::summary(const core::Json& d)
{
    QStringList lines;
    lines << line(tr("ККТ"), d.value("deviceInfo", core::Json::object()), [](const core::Json& s) {
        const auto& info = s.value("deviceInfo", core::Json::object());
        return tr("%1, заводской № %2, прошивка %3")
            .arg(str(info, "modelName"), str(info, "serial"), str(info, "firmwareVersion"));
    });
    lines << line(tr("ФН"), d.value("fnInfo", core::Json::object()), [](const core::Json& s) {
        const auto& fn = s.value("fnInfo", core::Json::object());
        return tr("№ %1, %2, действует до %3, осталось перерегистраций: %4")
            .arg(str(fn, "serial"),
                 fn.value("livePhase", std::string()) == "fiscalMode" ? tr("фискальный режим")
                                                                      : tr("архив закрыт (постфискальный режим)"),
                 str(fn, "validityDate"), str(fn, "registrationsRemaining"));
    });
    lines << line(tr("Очередь ОФД"), d.value("ofdExchange", core::Json::object()), [](const core::Json& s) {
        const auto& st = s.value("status", core::Json::object());
        return tr("не отправлено документов: %1, старейший от %2 (дней: %3)")
            .arg(str(st, "notSentCount"), str(st, "notSentFirstDocDateTime"), str(st, "ageDays"));
    });
    lines << line(tr("Смена"), d.value("shift", core::Json::object()), [](const core::Json& s) {
        const std::string state = s.value("state", std::string());
        if (state == "closed") {
            return tr("закрыта (последняя № %1)").arg(str(s, "lastNumber"));
        }
        return tr("№ %1 %2, идёт %3 мин")
            .arg(str(s, "number"), state == "expired" ? tr("ПРЕВЫСИЛА 24 часа") : tr("открыта"), str(s, "ageMinutes"));
    });
    lines << line(tr("Диск"), d.value("disk", core::Json::object()), [](const core::Json& s) {
        return tr("свободно %1 МБ из %2 МБ").arg(megabytes(s["availableBytes"]), megabytes(s["capacityBytes"]));
    });
    lines << line(tr("База данных"), d.value("database", core::Json::object()), [](const core::Json& s) {
        return s.value("ok", false) ? tr("целостность в порядке (integrity_check)")
                                    : tr("ПОВРЕЖДЕНА: %1").arg(QString::fromStdString(s["findings"].dump()));
    });
    lines << line(tr("Журнал событий"), d.value("journal", core::Json::object()), [](const core::Json& s) {
        return s.value("ok", false) ? tr("в порядке, проверено событий: %1").arg(str(s, "checked"))
                                    : tr("повреждён с события %1: %2").arg(str(s, "firstBadSeq"), str(s, "problem"));
    });
    lines << line(tr("Облако"), d.value("sync", core::Json::object()), [](const core::Json& s) {
        if (!s.value("registered", false)) {
            return tr("терминал не зарегистрирован");
        }
        return tr("%1, последняя ошибка: %2").arg(str(s, "cloudUrl"), str(s, "lastError"));
    });
    lines << line(tr("Версия программы"), d.value("update", core::Json::object()),
                  [](const core::Json& s) { return str(s, "current"); });
    lines << QString() << tr("Полные данные:") << QString::fromStdString(d.dump(2));
    return lines.join(QLatin1Char('\n'));
}

void DiagnosticsPage::run(bool thenExport)
{
    auto& rt = m_window.runtime();
    m_collect->setEnabled(false);
    m_export->setEnabled(false);
    m_result->setProperty("level", QString());
    m_result->setText(tr("Сбор диагностики… (проверка базы данных может занять минуту)"));
    auto json = std::make_shared<core::Json>();
    auto exported = std::make_shared<core::Result<std::filesystem::path>>(std::filesystem::path());
    const std::filesystem::path directory = m_directory->text().toStdString();
    m_window.runner().run(
        [json, exported, &rt, thenExport, directory] {
            *json = ServiceDiagnostics::collect(rt);
            if (thenExport) {
                *exported = ServiceDiagnostics::exportBundle(rt, *json, directory);
            }
        },
        this,
        [this, json, exported, thenExport] {
            m_collect->setEnabled(true);
            m_export->setEnabled(true);
            m_summary->setPlainText(summary(*json));
            if (!thenExport) {
                m_result->setText(tr("Диагностика собрана"));
            } else if (!exported->ok()) {
                m_result->setProperty("level", QStringLiteral("error"));
                m_result->setText(tr("Файл не записан: %1").arg(QString::fromStdString(exported->error().message)));
            } else {
                m_result->setProperty("level", QStringLiteral("ok"));
                m_result->setText(
                    tr("Файл для поддержки записан: %1").arg(QString::fromStdString((*exported)->string())));
            }
        },
        true);
}

} // namespace sigma::terminal

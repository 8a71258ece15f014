#include "terminal/screens/ServiceScreen.h"

#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
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
    : m_window(window), m_driver(new QComboBox(this)), m_form(new QFormLayout), m_formHost(new QWidget(this)),
      m_output(new QPlainTextEdit(this))
{
    m_driver->setObjectName(QStringLiteral("serviceDriver"));
    m_driver->setMinimumHeight(56);
    m_formHost->setLayout(m_form);
    m_output->setObjectName(QStringLiteral("serviceOutput"));
    m_output->setReadOnly(true);
    connect(m_driver, &QComboBox::currentIndexChanged, this,
            [this] { buildForm(m_driver->currentData().toString()); });

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

    auto* left = new QVBoxLayout;
    auto* driverLabel = new QLabel(tr("Драйвер ККТ"), this);
    driverLabel->setProperty("role", QStringLiteral("title"));
    left->addWidget(driverLabel);
    left->addWidget(m_driver);
    left->addWidget(m_formHost);
    left->addWidget(save);
    left->addStretch(1);
    auto* grid = new QGridLayout;
    grid->addWidget(info, 0, 0);
    grid->addWidget(status, 0, 1);
    grid->addWidget(print, 1, 0);
    grid->addWidget(verify, 1, 1);
    grid->addWidget(log, 2, 0, 1, 2);
    auto* right = new QVBoxLayout;
    right->addLayout(grid);
    right->addWidget(m_output, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(16);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
}

void ServiceScreen::activate()
{
    auto& rt = m_window.runtime();
    const QSignalBlocker block(m_driver);
    m_driver->clear();
    for (const auto* d : rt.drivers().all()) {
        m_driver->addItem(QString::fromStdString(d->label), QString::fromStdString(d->id));
    }
    const int index = m_driver->findData(QString::fromStdString(rt.config().fiscalDriver));
    m_driver->setCurrentIndex(index < 0 ? 0 : index);
    buildForm(m_driver->currentData().toString());
}

void ServiceScreen::buildForm(const QString& driverId)
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    auto& rt = m_window.runtime();
    auto schema = rt.drivers().describe(driverId.toStdString());
    if (!schema.ok()) {
        return;
    }
    const bool current = driverId.toStdString() == rt.config().fiscalDriver;
    const core::Json& values = rt.config().fiscalSettings;
    for (const auto& field : (*schema)["settings"]) {
        const std::string name = field["name"].get<std::string>();
        const std::string type = field["type"].get<std::string>();
        const core::Json value = current && values.contains(name) ? values[name] : field["default"];
        QWidget* editor = nullptr;
        if (type == "boolean") {
            auto* box = new QCheckBox(m_formHost);
            box->setChecked(value.is_boolean() && value.get<bool>());
            editor = box;
        } else if (type == "integer") {
            auto* spin = new QSpinBox(m_formHost);
            spin->setMinimum(static_cast<int>(field.value("minimum", 0)));
            const auto maximum = field.value("maximum", 0);
            spin->setMaximum(maximum > 0 ? static_cast<int>(maximum) : 1'000'000'000);
            spin->setValue(value.is_number() ? value.get<int>() : 0);
            editor = spin;
        } else if (type == "choice") {
            auto* combo = new QComboBox(m_formHost);
            for (const auto& choice : field["choices"]) {
                combo->addItem(QString::fromStdString(choice.get<std::string>()));
            }
            combo->setCurrentText(QString::fromStdString(value.is_string() ? value.get<std::string>() : ""));
            editor = combo;
        } else {
            auto* line = new QLineEdit(m_formHost);
            line->setText(QString::fromStdString(value.is_string() ? value.get<std::string>() : ""));
            editor = line;
        }
        editor->setObjectName(QStringLiteral("setting_") + QString::fromStdString(name));
        editor->setMinimumHeight(48);
        editor->setToolTip(QString::fromStdString(field.value("help", std::string())));
        m_form->addRow(QString::fromStdString(field["label"].get<std::string>()), editor);
        m_fields[name] = editor;
    }
}

void ServiceScreen::save()
{
    auto& rt = m_window.runtime();
    core::Json settings = core::Json::object();
    for (const auto& [name, editor] : m_fields) {
        if (auto* box = qobject_cast<QCheckBox*>(editor)) {
            settings[name] = box->isChecked();
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            settings[name] = spin->value();
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            settings[name] = combo->currentText().toStdString();
        } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            settings[name] = line->text().toStdString();
        }
    }
    const std::string driver = m_driver->currentData().toString().toStdString();
    auto resolved = rt.drivers().resolveSettings(driver, settings);
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

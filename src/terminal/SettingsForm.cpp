#include "terminal/SettingsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace sigma::terminal {

SettingsForm::SettingsForm(QString objectPrefix, QWidget* parent)
    : QWidget(parent), m_prefix(std::move(objectPrefix)), m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
}

void SettingsForm::build(const core::Json& fields, const core::Json& values)
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    for (const auto& field : fields) {
        const std::string name = field["name"].get<std::string>();
        const std::string type = field["type"].get<std::string>();
        const core::Json value = values.is_object() && values.contains(name) ? values[name] : field["default"];
        QWidget* editor = nullptr;
        if (type == "boolean") {
            auto* box = new QCheckBox(this);
            box->setChecked(value.is_boolean() && value.get<bool>());
            editor = box;
        } else if (type == "integer") {
            auto* spin = new QSpinBox(this);
            spin->setMinimum(static_cast<int>(field.value("minimum", 0)));
            const auto maximum = field.value("maximum", 0);
            spin->setMaximum(maximum > 0 ? static_cast<int>(maximum) : 1'000'000'000);
            spin->setValue(value.is_number() ? value.get<int>() : 0);
            editor = spin;
        } else if (type == "choice") {
            auto* combo = new QComboBox(this);
            for (const auto& choice : field["choices"]) {
                combo->addItem(QString::fromStdString(choice.get<std::string>()));
            }
            combo->setCurrentText(QString::fromStdString(value.is_string() ? value.get<std::string>() : ""));
            editor = combo;
        } else {
            auto* line = new QLineEdit(this);
            line->setText(QString::fromStdString(value.is_string() ? value.get<std::string>() : ""));
            editor = line;
        }
        editor->setObjectName(m_prefix + QString::fromStdString(name));
        editor->setMinimumHeight(48);
        editor->setToolTip(QString::fromStdString(field.value("help", std::string())));
        m_form->addRow(QString::fromStdString(field["label"].get<std::string>()), editor);
        m_fields[name] = editor;
    }
}

core::Json SettingsForm::values() const
{
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
    return settings;
}

} // namespace sigma::terminal

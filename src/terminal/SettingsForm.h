#pragma once

#include "core/ExactJson.h"

#include <QWidget>

#include <map>
#include <string>

class QFormLayout;

namespace sigma::terminal {

/// A settings form drawn from a driver's settings schema (fields with name, type, default, label,
/// help, choices, minimum, maximum: fiscal::DriverRegistry::describe and ScaleDrivers::describe
/// give the same shape), so no driver needs a form of its own.
class SettingsForm : public QWidget {
    Q_OBJECT
public:
    /// `objectPrefix` names the editors (prefix + field name) for tests and screenshots.
    SettingsForm(QString objectPrefix, QWidget* parent = nullptr);

    /// Draws `fields`, filled from `values` where present, else from each field's default.
    void build(const core::Json& fields, const core::Json& values);
    /// What the form holds now, by field name (types as the schema says).
    [[nodiscard]] core::Json values() const;

private:
    QString m_prefix;
    QFormLayout* m_form;
    std::map<std::string, QWidget*> m_fields;
};

} // namespace sigma::terminal

#pragma once

#include <QWidget>

class QLineEdit;

namespace sigma::terminal {

/// A numeric keypad with a masked display: PINs, and amounts when `masked` is false. Built in code
/// (a touch grid, not a form), every key 64 px or more and named for tests ("key0".."key9",
/// "keyBack", "keyOk").
class PinPad : public QWidget {
    Q_OBJECT
public:
    explicit PinPad(bool masked, QWidget* parent = nullptr, bool withComma = false);

    [[nodiscard]] QString value() const;
    void clear();
    QLineEdit* display() { return m_display; }

signals:
    void submitted(const QString& value);

private:
    void press(const QString& key);

    QLineEdit* m_display;
};

} // namespace sigma::terminal

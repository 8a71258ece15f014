#include "terminal/ScannerWedge.h"

#include <QApplication>
#include <QKeyEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace sigma::terminal {

ScannerWedge::ScannerWedge(QObject* parent) : QObject(parent), m_gapTimer(new QTimer(this))
{
    m_gapTimer->setSingleShot(true);
    m_gapTimer->setInterval(kMaxGapMs);
    connect(m_gapTimer, &QTimer::timeout, this, &ScannerWedge::flush);
}

bool ScannerWedge::isGs(const QKeyEvent& event)
{
    if (event.text() == QString(QChar(0x1D))) {
        return true;
    }
    // Ctrl+] is how a PC keyboard types GS; scanners in "keyboard" mode send the same.
    return event.key() == Qt::Key_BracketRight && (event.modifiers() & Qt::ControlModifier) != 0;
}

bool ScannerWedge::eventFilter(QObject* watched, QEvent* event)
{
    if ((event->type() == QEvent::MouseButtonPress || event->type() == QEvent::TouchBegin) && !m_held.empty()) {
        flush(); // a tap right after typing: the field must have its text before the button acts
    }
    if (!m_enabled || m_replaying || event->type() != QEvent::KeyPress) {
        // Releases pass: widgets act on presses, and a held press is replayed with its text.
        return QObject::eventFilter(watched, event);
    }
    auto* key = static_cast<QKeyEvent*>(event);
    // A key event is delivered to the focus widget and then, if ignored, to its parents: the
    // filter sees it once per object. Only the first delivery (to the focus widget) counts.
    // Real input reaches the window first and then the focus widget; QTest sends to the widget.
    // Later deliveries (to parents, when a widget ignores a key) are not new keystrokes.
    QWidget* focus = QApplication::focusWidget();
    const bool first = watched->isWindowType() || watched == focus || (focus == nullptr && watched->isWidgetType());
    if (!first) {
        return QObject::eventFilter(watched, event);
    }
    switch (key->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
        // Scanners press Shift for capitals and Ctrl for GS: a modifier alone is part of the burst.
        return QObject::eventFilter(watched, event);
    default:
        break;
    }
    const bool gap = !m_sinceLastKey.isValid() || m_sinceLastKey.elapsed() >= kMaxGapMs;
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool gs = isGs(*key);
    const QString text = key->text();
    const bool printable = gs || (text.size() == 1 && text.at(0).isPrint());

    if (!m_held.empty() && gap) {
        flush(); // the previous burst was a person typing
    }
    if (enter && !m_held.empty()) {
        m_sinceLastKey.invalidate();
        if (m_buffer.size() >= kMinScanLength) {
            const QString code = m_buffer;
            m_gapTimer->stop();
            reset();
            emit scanned(code);
            return true;
        }
        flush();
        return QObject::eventFilter(watched, event);
    }
    if (!printable) {
        if (!m_held.empty()) {
            flush();
        }
        m_sinceLastKey.invalidate();
        return QObject::eventFilter(watched, event);
    }
    if (m_held.empty()) {
        // Where the keys would have gone: the focus widget, else the widget they were sent to.
        m_target = focus != nullptr ? focus : qobject_cast<QWidget*>(watched);
    }
    m_held.push_back({key->key(), static_cast<int>(key->modifiers()), text, key->isAutoRepeat()});
    m_buffer.append(gs ? QChar(0x1D) : text.at(0));
    m_sinceLastKey.start();
    m_gapTimer->start();
    return true;
}

void ScannerWedge::flush()
{
    m_gapTimer->stop();
    auto held = std::move(m_held);
    QPointer<QWidget> target = m_target;
    reset();
    if (target.isNull()) {
        target = QApplication::focusWidget();
    }
    if (target.isNull()) {
        return;
    }
    m_replaying = true;
    for (const auto& k : held) {
        QKeyEvent press(QEvent::KeyPress, k.key, Qt::KeyboardModifiers(k.modifiers), k.text, k.autoRepeat);
        QApplication::sendEvent(target.data(), &press);
        if (target.isNull()) {
            break;
        }
    }
    m_replaying = false;
}

void ScannerWedge::reset()
{
    m_held.clear();
    m_buffer.clear();
    m_target = nullptr;
}

} // namespace sigma::terminal

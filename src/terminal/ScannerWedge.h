#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QKeyEvent;
class QTimer;
class QWidget;

namespace sigma::terminal {

/// Recognises a USB barcode scanner (a keyboard wedge) wherever the focus is.
///
/// Installed on the application, it holds back key presses that could begin a scan: a burst whose
/// keys follow each other faster than a person types (gap below kMaxGapMs) and that ends with
/// Enter is a scan and is emitted as `scanned` without reaching any field. When the burst stops or
/// a gap is too long, the held keys are delivered to the widget that had the focus, so typing is
/// only delayed by one gap, never lost. GS (0x1D, which scanners send as Ctrl+] or as the raw
/// control character) is kept in the text: DataMatrix marking codes need it.
class ScannerWedge : public QObject {
    Q_OBJECT
public:
    explicit ScannerWedge(QObject* parent = nullptr);

    /// A scan is at least this long: shorter bursts with Enter are a person pressing keys.
    static constexpr int kMinScanLength = 4;
    /// People do not type faster than this between keys; scanners send a key every 1-10 ms.
    static constexpr int kMaxGapMs = 30;

    void setEnabled(bool enabled) { m_enabled = enabled; }

signals:
    void scanned(const QString& code);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey {
        int key;
        int modifiers;
        QString text;
        bool autoRepeat;
    };

    void flush();
    void reset();
    static bool isGs(const QKeyEvent& event);

    bool m_enabled = true;
    bool m_replaying = false;
    QString m_buffer;
    std::vector<HeldKey> m_held;
    QPointer<QWidget> m_target;
    QElapsedTimer m_sinceLastKey;
    QTimer* m_gapTimer;
};

} // namespace sigma::terminal

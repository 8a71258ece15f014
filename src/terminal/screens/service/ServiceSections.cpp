#include "terminal/screens/service/ServiceSections.h"

#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/DiagnosticsPage.h"
#include "terminal/screens/service/FirmwarePage.h"
#include "terminal/screens/service/LifecyclePage.h"
#include "terminal/screens/service/UpdatesPage.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sigma::terminal {

ServiceSections::ServiceSections(MainWindow& window, QWidget* devices, QWidget* parent)
    : QWidget(parent), m_window(window), m_stack(new QStackedWidget(this)), m_updates(new UpdatesPage(window, this)),
      m_diagnostics(new DiagnosticsPage(window, this)), m_firmware(new FirmwarePage(window, this)),
      m_lifecycle(new LifecyclePage(window, this))
{
    setObjectName(QStringLiteral("serviceSections"));
    const std::pair<QString, const char*> sections[] = {
        {tr("Устройства"), "serviceTab_devices"},        {tr("Обновления"), "serviceTab_updates"},
        {tr("Диагностика"), "serviceTab_diagnostics"},   {tr("Прошивка ККТ"), "serviceTab_firmware"},
        {tr("Регистрация ККТ"), "serviceTab_lifecycle"},
    };
    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    for (const auto& [text, name] : sections) {
        auto* tab = new QPushButton(text, this);
        tab->setObjectName(QString::fromLatin1(name));
        tab->setProperty("role", QStringLiteral("tab"));
        tab->setCheckable(true);
        tab->setMinimumHeight(52);
        tab->setFocusPolicy(Qt::NoFocus);
        const int index = static_cast<int>(m_tabs.size());
        connect(tab, &QPushButton::clicked, this, [this, index] { showSection(index); });
        row->addWidget(tab);
        m_tabs.push_back(tab);
    }
    m_stack->addWidget(devices);
    // Each section scrolls instead of growing the window: on a 1024x600 panel a long form must
    // not push the status bar off the screen. Dragging with a finger scrolls (QScroller).
    const std::pair<QWidget*, const char*> pages[] = {{m_updates, "updatesScroll"},
                                                      {m_diagnostics, "diagnosticsScroll"},
                                                      {m_firmware, "firmwareScroll"},
                                                      {m_lifecycle, "lifecycleScroll"}};
    for (const auto& [page, name] : pages) {
        auto* scroll = new QScrollArea(this);
        scroll->setObjectName(QString::fromLatin1(name));
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setWidget(page);
        // The page shows the screen's background, not the scroll area's grey.
        scroll->setStyleSheet(
            QStringLiteral("QScrollArea#%1, QScrollArea#%1 > QWidget > QWidget { background: transparent; }")
                .arg(QString::fromLatin1(name)));
        QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);
        m_stack->addWidget(scroll);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_stack, 1);
    m_tabs.front()->setChecked(true);
}

void ServiceSections::activate()
{
    showSection(m_stack->currentIndex());
}

void ServiceSections::showSection(int index)
{
    const auto& session = m_window.runtime().session();
    if (index != 0 && (!session || !session->permissions.contains(till::Permission::ServiceMode))) {
        return; // nothing of the technician's sections for anyone else
    }
    m_stack->setCurrentIndex(index);
    for (std::size_t i = 0; i < m_tabs.size(); ++i) {
        m_tabs[i]->setChecked(static_cast<int>(i) == index);
    }
    switch (index) {
    case 1:
        m_updates->activate();
        break;
    case 2:
        m_diagnostics->activate();
        break;
    case 3:
        m_firmware->activate();
        break;
    case 4:
        m_lifecycle->activate();
        break;
    default:
        break;
    }
}

} // namespace sigma::terminal

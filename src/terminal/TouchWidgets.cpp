#include "terminal/TouchWidgets.h"

#include <QHeaderView>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QTableWidget>

namespace sigma::terminal {

QPushButton* touchButton(const QString& text, const char* name, QWidget* parent, const char* role, int minHeightPx)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setProperty("role", QString::fromLatin1(role));
    b->setMinimumHeight(minHeightPx);
    b->setFocusPolicy(Qt::NoFocus);
    // Outside a QDialog a button is not auto-default anyway; inside one this keeps a button from
    // becoming the default that Enter presses.
    b->setAutoDefault(false);
    return b;
}

QScrollArea* scrollArea(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QScrollArea* dragScrollArea(QWidget* content, QWidget* parent, Qt::Orientation orientation)
{
    auto* scroll = scrollArea(content, parent);
    if (orientation == Qt::Horizontal) {
        scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    } else {
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);
    return scroll;
}

void setUpLineTable(QTableWidget* table, const QStringList& headers)
{
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column) {
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setFocusPolicy(Qt::NoFocus);
}

} // namespace sigma::terminal

#pragma once

#include <QString>
#include <QStringList>
#include <Qt>

class QPushButton;
class QScrollArea;
class QTableWidget;
class QWidget;

namespace sigma::terminal {

/// The finger-sized button of the app screens and their dialogs: `name` is the object name the
/// tests and the screenshot scripts find it by, `role` what the stylesheet draws it as
/// ("primary" stands out). It never takes the focus, so a tap leaves the cursor in the search or
/// amount field, and it is never a dialog's default button, so Enter in a field cannot press it.
QPushButton* touchButton(const QString& text, const char* name, QWidget* parent, const char* role = "secondary",
                         int minHeightPx = 56);

/// A frameless scroll area that keeps `content` as wide as itself.
QScrollArea* scrollArea(QWidget* content, QWidget* parent);

/// A scroll area a finger drags along `orientation` (a category row or a column of tiles): the
/// scroll bar across it is off, so the content never moves sideways under the finger.
QScrollArea* dragScrollArea(QWidget* content, QWidget* parent, Qt::Orientation orientation);

/// A read-only table of lines (an order, a cart, a stock document) under `headers`: the first
/// column takes the spare width, the others fit their contents, a tap selects one whole row, and
/// the table never takes the focus from the search field.
void setUpLineTable(QTableWidget* table, const QStringList& headers);

} // namespace sigma::terminal

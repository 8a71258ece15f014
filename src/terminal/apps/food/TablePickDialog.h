#pragma once

#include "till/HallService.h"

#include <QDialog>

#include <string>
#include <vector>

namespace sigma::terminal {

/// Where an order goes: a free table (the order moves there) or an occupied one (the order is
/// merged into that table's order). Accepted: target() is the chosen table.
class TablePickDialog : public QDialog {
    Q_OBJECT
public:
    TablePickDialog(const std::vector<till::HallTableView>& tables, const std::string& currentTableId,
                    QWidget* parent = nullptr);

    [[nodiscard]] const till::HallTableView& target() const { return m_tables[m_chosen]; }

private:
    std::vector<till::HallTableView> m_tables;
    std::size_t m_chosen = 0;
};

} // namespace sigma::terminal

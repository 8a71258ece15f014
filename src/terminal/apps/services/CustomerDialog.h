#pragma once

#include <QDialog>

#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTableWidget;

namespace sigma::terminal {

class MainWindow;

/// The customer of a sale or an appointment: search by a phone fragment or a name, a new customer
/// on the spot (the phone typed into a +7 mask; a refusal is said in words), and the card with the
/// visit history. Every lookup and the creation are till::CustomerService calls on the worker.
/// Opened with open(); chosen() names the customer picked.
class CustomerDialog : public QDialog {
    Q_OBJECT
public:
    /// `cardOf` non-empty: opens straight on that customer's card.
    CustomerDialog(MainWindow& window, QWidget* parent, const std::string& cardOf = {});

signals:
    void chosen(const QString& customerId, const QString& name);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void search();
    void create();
    void showCard(const std::string& id);
    void choose(const std::string& id, const QString& name);
    [[nodiscard]] int selected() const;

    MainWindow& m_window;
    QStackedWidget* m_pages;
    QLineEdit* m_query;
    QListWidget* m_results;
    QLabel* m_message;
    QLineEdit* m_name;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QLabel* m_newMessage;
    QLabel* m_cardText;
    QTableWidget* m_visits;
    QListWidget* m_appointments;
    std::vector<std::pair<std::string, QString>> m_found; ///< id, name of each result row
    std::string m_cardId;
    QString m_cardName;
};

} // namespace sigma::terminal

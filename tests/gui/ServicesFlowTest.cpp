// The services app as a salon administrator uses it: a customer created on the spot (a short
// phone refused in words first), an appointment booked for a master on the day view (an
// overlapping one refused in words), the appointment opened as a sale in one tap, a second
// service by another master, paid through the trade app's payment dialog on the emulated
// register; then the journal, the appointment and the customer's history are checked.
#include "terminal/Format.h"
#include "terminal/apps/services/AppointmentsScreen.h"
#include "terminal/apps/services/ServicesDemo.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"

#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QListWidget>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "TerminalFixture.h"

namespace sigma::terminal {
namespace {

class ServicesFlowTest : public test_support::TerminalFlowTest {
protected:
    ServicesFlowTest() { m_seed = false; }

    void SetUp() override
    {
        // Local time is Moscow (UTC+3, no daylight saving) so the slots do not depend on the
        // machine's zone; the previous zone is put back in TearDown.
        if (const char* tz = std::getenv("TZ")) {
            m_oldTz = tz;
        }
        setenv("TZ", "MSK-3", 1);
        tzset();
        TerminalFlowTest::SetUp();
        auto seeded = ServicesDemo::seed(*m_runtime);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message;
        m_runtime->config().businessType = till::BusinessType::Services;
        m_runtime->session().reset();
        auto olga = ServicesDemo::masterId(*m_runtime, 0);
        auto darya = ServicesDemo::masterId(*m_runtime, 1);
        ASSERT_TRUE(olga.ok() && darya.ok());
        m_olga = *olga;
        m_darya = *darya;
    }

    void TearDown() override
    {
        TerminalFlowTest::TearDown();
        if (m_oldTz) {
            setenv("TZ", m_oldTz->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }

    QDialog* dialog(const char* name)
    {
        QDialog* found = nullptr;
        EXPECT_TRUE(waitFor([this, name, &found] {
            for (auto* d : m_window->findChildren<QDialog*>(QString::fromLatin1(name))) {
                if (d->isVisible()) {
                    found = d;
                }
            }
            return found != nullptr;
        })) << name;
        return found;
    }

    bool dialogGone(const char* name)
    {
        return waitFor([this, name] {
            for (auto* d : m_window->findChildren<QDialog*>(QString::fromLatin1(name))) {
                if (d->isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    AppointmentsScreen* day()
    {
        return static_cast<AppointmentsScreen*>(m_window->screen(QStringLiteral("appointments")));
    }

    int columnOf(const QString& master)
    {
        auto* grid = find<QTableWidget>(QStringLiteral("apptGrid"));
        for (int c = 0; c < grid->columnCount(); ++c) {
            if (grid->horizontalHeaderItem(c) != nullptr && grid->horizontalHeaderItem(c)->text().contains(master)) {
                return c;
            }
        }
        return -1;
    }

    /// A finger on the day grid's cell (scrolled into view first).
    void tapCell(int row, int column)
    {
        auto* grid = find<QTableWidget>(QStringLiteral("apptGrid"));
        ASSERT_GE(row, 0);
        ASSERT_GE(column, 0);
        grid->scrollTo(grid->model()->index(row, column));
        const QRect rect = grid->visualRect(grid->model()->index(row, column));
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, QPoint(rect.center().x(), rect.top() + 4));
    }

    void tapListItem(QListWidget* list, const QString& containing)
    {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().contains(containing)) {
                list->scrollToItem(list->item(i));
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(i)).center());
                return;
            }
        }
        ADD_FAILURE() << "no item " << containing.toStdString();
    }

    void clickText(QWidget* in, const QString& containing)
    {
        for (auto* b : in->findChildren<QPushButton*>()) {
            if (b->isVisible() && b->text().contains(containing)) {
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        }
        ADD_FAILURE() << "no button " << containing.toStdString();
    }

    std::optional<std::string> m_oldTz;
    std::string m_olga;
    std::string m_darya;
};

TEST_F(ServicesFlowTest, FullSalonVisit)
{
    login(DemoData::kCashierPin);
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("salon"));
    EXPECT_FALSE(find(QStringLiteral("nav_sale"))->isVisible());
    click(QStringLiteral("nav_shift"));
    click(QStringLiteral("shiftOpen"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("открыта")); }));

    // --- the day view: a column per master ---
    click(QStringLiteral("nav_appointments"));
    auto* grid = find<QTableWidget>(QStringLiteral("apptGrid"));
    ASSERT_TRUE(waitFor([grid] { return grid->columnCount() == 2; }));
    const int olgaColumn = columnOf(QStringLiteral("Ольга"));
    ASSERT_GE(olgaColumn, 0);

    // --- book Ольга at 13:00 for a new customer ---
    tapCell(day()->rowOf(13 * 60), olgaColumn);
    QDialog* booking = dialog("appointmentDialog");
    ASSERT_NE(booking, nullptr);
    EXPECT_EQ(find<QComboBox>(QStringLiteral("apptTime"), booking)->currentText(), QStringLiteral("13:00"));
    EXPECT_TRUE(
        find<QComboBox>(QStringLiteral("apptMaster"), booking)->currentText().contains(QStringLiteral("Ольга")));
    click(QStringLiteral("apptCustomerPick"), booking);
    QDialog* customer = dialog("customerDialog");
    ASSERT_NE(customer, nullptr);
    click(QStringLiteral("customerNew"), customer);
    // Cyrillic comes from the on-screen keyboard, not key codes: set as typed.
    find<QLineEdit>(QStringLiteral("customerName"), customer)->setText(QStringLiteral("Мария Кузнецова"));
    auto* phone = find<QLineEdit>(QStringLiteral("customerPhone"), customer);
    phone->setFocus();
    phone->setCursorPosition(0);
    QTest::keyClicks(phone, QStringLiteral("91612"));
    click(QStringLiteral("customerSave"), customer);
    ASSERT_TRUE(waitFor([this, customer] {
        return find<QLabel>(QStringLiteral("customerNewMessage"), customer)->text().contains(QStringLiteral("+7"));
    }));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("customerNewMessage"), customer)
                    ->text()
                    .startsWith(QStringLiteral("Телефон указан неверно")));
    phone->clear();
    phone->setCursorPosition(0);
    QTest::keyClicks(phone, QStringLiteral("9161234567"));
    click(QStringLiteral("customerSave"), customer);
    ASSERT_TRUE(dialogGone("customerDialog"));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("apptCustomer"), booking)->text().contains(QStringLiteral("Мария")));
    tapListItem(find<QListWidget>(QStringLiteral("apptServices"), booking), QStringLiteral("Стрижка женская"));
    click(QStringLiteral("apptSave"), booking);
    ASSERT_TRUE(dialogGone("appointmentDialog"));
    ASSERT_TRUE(waitFor([this] { return !day()->selectedId().empty(); }));
    const std::string appointmentId = day()->selectedId();
    ASSERT_TRUE(waitFor([grid, this, olgaColumn] {
        auto* item = grid->item(day()->rowOf(13 * 60), olgaColumn);
        return item != nullptr && item->text().contains(QStringLiteral("Мария Кузнецова"));
    }));

    // --- an overlapping booking is refused in words, with the taken slot ---
    tapCell(day()->rowOf(12 * 60), olgaColumn);
    QDialog* second = dialog("appointmentDialog");
    ASSERT_NE(second, nullptr);
    auto* duration = find<QComboBox>(QStringLiteral("apptDuration"), second);
    duration->setCurrentIndex(duration->findData(90));
    tapListItem(find<QListWidget>(QStringLiteral("apptServices"), second), QStringLiteral("Укладка"));
    click(QStringLiteral("apptSave"), second);
    ASSERT_TRUE(waitFor([this, second] {
        return !find<QLabel>(QStringLiteral("apptDialogMessage"), second)->text().contains(QStringLiteral("…"));
    }));
    EXPECT_EQ(find<QLabel>(QStringLiteral("apptDialogMessage"), second)->text(),
              QStringLiteral("Мастер уже занят с 13:00 до 14:00. Выберите другое время или мастера."));
    click(QStringLiteral("apptDialogCancel"), second);
    ASSERT_TRUE(dialogGone("appointmentDialog"));

    // --- «Оформить продажу»: one tap turns it into the sale ---
    tapCell(day()->rowOf(13 * 60), olgaColumn);
    ASSERT_EQ(day()->selectedId(), appointmentId);
    click(QStringLiteral("apptToSale"));
    ASSERT_TRUE(waitFor([this] { return m_window->currentScreen() == QStringLiteral("salon"); }));
    auto* cart = find<QTableWidget>(QStringLiteral("salonCart"));
    ASSERT_TRUE(waitFor([cart] { return cart->rowCount() == 1; }));
    EXPECT_EQ(cart->item(0, 0)->text(), QStringLiteral("Стрижка женская"));
    EXPECT_EQ(cart->item(0, 1)->text(), QStringLiteral("Ольга Смирнова"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("salonCustomer")).contains(QStringLiteral("Мария")); }));

    // --- a second service by another master ---
    click(QStringLiteral("salonCurrentMaster"));
    QDialog* picker = dialog("masterPicker");
    ASSERT_NE(picker, nullptr);
    clickText(picker, QStringLiteral("Дарья"));
    ASSERT_TRUE(dialogGone("masterPicker"));
    ASSERT_TRUE(waitFor(
        [this] { return find(QStringLiteral("salonCurrentMaster"))->text().contains(QStringLiteral("Дарья")); }));
    for (int i = 0; i < 3; ++i) {
        auto* category = find(QStringLiteral("salonCategory_%1").arg(i));
        if (category != nullptr && category->text() == QStringLiteral("Ногти")) {
            QTest::mouseClick(category, Qt::LeftButton);
        }
    }
    ASSERT_TRUE(waitFor([this] {
        auto* tile = m_window->findChild<QPushButton*>(QStringLiteral("svc_S-MANI"));
        return tile != nullptr && tile->isVisible();
    }));
    click(QStringLiteral("svc_S-MANI"));
    ASSERT_TRUE(waitFor([cart] { return cart->rowCount() == 2; }));
    EXPECT_EQ(cart->item(1, 1)->text(), QStringLiteral("Дарья Волкова"));
    EXPECT_EQ(cart->item(0, 1)->text(), QStringLiteral("Ольга Смирнова")); // the first line keeps its master
    EXPECT_TRUE(text(QStringLiteral("salonTotal")).contains(Format::money(core::Money::fromKopecks(270000))));

    // --- paid through the trade app's payment dialog ---
    click(QStringLiteral("salonPay"));
    QDialog* payment = dialog("paymentDialog");
    ASSERT_NE(payment, nullptr);
    click(QStringLiteral("payCash"), payment);
    ASSERT_TRUE(waitFor([this, payment] {
        return find<QLabel>(QStringLiteral("paymentResult"), payment)->text().contains(QStringLiteral("Чек пробит"));
    })) << find<QLabel>(QStringLiteral("paymentStatus"), payment)->text().toStdString();
    click(QStringLiteral("paymentDone"), payment);
    ASSERT_TRUE(dialogGone("paymentDialog"));
    ASSERT_TRUE(waitFor([cart] { return cart->rowCount() == 0; }));

    // --- the receipt: fiscalized, per-line masters, the customer ---
    m_runner->waitForIdle();
    auto all = receipts();
    ASSERT_EQ(all.size(), 1u);
    const auto& receipt = all.front();
    EXPECT_EQ(receipt.status, "fiscalized");
    EXPECT_EQ(receipt.total.kopecks(), 270000);
    ASSERT_EQ(receipt.lines.size(), 2u);
    EXPECT_EQ(receipt.lines[0].staffId.value_or(""), m_olga);
    EXPECT_EQ(receipt.lines[1].staffId.value_or(""), m_darya);
    auto events = onWorker([&] { return m_runtime->till().journal().after(0, 1000); });
    ASSERT_TRUE(events.ok());
    bool journaled = false;
    for (const auto& e : *events) {
        if (e.type == "receipt.fiscalized" && e.payload.value("receiptId", std::string()) == receipt.id) {
            ASSERT_EQ(e.payload["lines"].size(), 2u);
            EXPECT_EQ(e.payload["lines"][0].value("staffId", std::string()), m_olga);
            EXPECT_EQ(e.payload["lines"][1].value("staffId", std::string()), m_darya);
            journaled = true;
        }
    }
    EXPECT_TRUE(journaled);

    // --- the appointment is done, on the day view too ---
    auto appointment =
        onWorker([&] { return till::AppointmentService(m_runtime->till(), m_runtime->lookup()).get(appointmentId); });
    ASSERT_TRUE(appointment.ok());
    EXPECT_EQ(appointment->status, "done");
    EXPECT_EQ(appointment->receiptId.value_or(""), receipt.id);
    click(QStringLiteral("nav_appointments"));
    ASSERT_TRUE(waitFor([grid, this, olgaColumn] {
        auto* item = grid->item(day()->rowOf(13 * 60), olgaColumn);
        return item != nullptr && item->text().contains(QStringLiteral("оплачено"));
    }));

    // --- the visit is in the customer's history, on the card ---
    ASSERT_TRUE(appointment->customerId.has_value());
    EXPECT_EQ(receipt.customerId.value_or(""), *appointment->customerId);
    click(QStringLiteral("nav_salon"));
    click(QStringLiteral("salonCustomerCard")); // no customer on the new sale: the search opens
    QDialog* search = dialog("customerDialog");
    ASSERT_NE(search, nullptr);
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("customerSearch"), search), QStringLiteral("123-45"));
    click(QStringLiteral("customerFind"), search);
    auto* results = find<QListWidget>(QStringLiteral("customerResults"), search);
    ASSERT_TRUE(waitFor([results] { return results->count() == 1; }));
    EXPECT_TRUE(results->item(0)->text().contains(QStringLiteral("+7 916 123-45-67")));
    click(QStringLiteral("customerOpenCard"), search);
    auto* visits = find<QTableWidget>(QStringLiteral("customerVisits"), search);
    ASSERT_TRUE(waitFor([visits] { return visits->rowCount() == 1; }));
    EXPECT_TRUE(visits->item(0, 2)->text().contains(Format::money(core::Money::fromKopecks(270000))));
    EXPECT_TRUE(find<QLabel>(QStringLiteral("customerCardText"), search)
                    ->text()
                    .contains(QStringLiteral("Визитов: 1 на сумму")));
    auto card = onWorker([&] { return till::CustomerService(m_runtime->till()).card(*appointment->customerId); });
    ASSERT_TRUE(card.ok());
    ASSERT_EQ(card->visits.size(), 1u);
    EXPECT_EQ(card->visits[0].id, receipt.id);
    click(QStringLiteral("customerCardBack"), search);
    click(QStringLiteral("customerCancel"), search);
}

TEST_F(ServicesFlowTest, CancelWithReasonFreesTheSlot)
{
    till::NewAppointment a;
    a.staffId = m_darya;
    a.startsAtUs = *till::parseLocalDateTime("2026-12-04T16:00");
    a.durationMin = 60;
    a.services.push_back({ServicesDemo::kManicureSku, {}, {}, core::VatRate::None, {}});
    till::Cashier by{m_darya, "Дарья Волкова", {}};
    auto booked = onWorker([&] { return till::AppointmentService(m_runtime->till(), m_runtime->lookup()).create(a, by); });
    ASSERT_TRUE(booked.ok()) << booked.error().message;

    login(DemoData::kCashierPin);
    click(QStringLiteral("nav_appointments"));
    auto* grid = find<QTableWidget>(QStringLiteral("apptGrid"));
    ASSERT_TRUE(waitFor([grid] { return grid->columnCount() == 2; }));
    const int column = columnOf(QStringLiteral("Дарья"));
    tapCell(day()->rowOf(16 * 60), column);
    ASSERT_EQ(day()->selectedId(), booked->id);
    click(QStringLiteral("apptCancel"));
    QDialog* reason = dialog("apptCancelReason");
    ASSERT_NE(reason, nullptr);
    reason->findChild<QLineEdit*>()->setText(QStringLiteral("клиент заболел"));
    QMetaObject::invokeMethod(reason, "accept");
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("apptMessage")) == QStringLiteral("Запись отменена"); }));
    auto cancelled =
        onWorker([&] { return till::AppointmentService(m_runtime->till(), m_runtime->lookup()).get(booked->id); });
    ASSERT_TRUE(cancelled.ok());
    EXPECT_EQ(cancelled->status, "cancelled");
    EXPECT_EQ(cancelled->cancelReason.value_or(""), "клиент заболел");
    ASSERT_TRUE(waitFor([grid, this, column] {
        auto* item = grid->item(day()->rowOf(16 * 60), column);
        return item != nullptr && item->text().isEmpty();
    }));
}

} // namespace
} // namespace sigma::terminal

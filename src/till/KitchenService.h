#pragma once

#include "till/FoodTypes.h"
#include "till/TillContext.h"

#include <optional>
#include <vector>

namespace sigma::till {

/// A kitchen printer (a station: hot kitchen, bar) and where it is on the network.
struct KitchenPrinter {
    std::string id;
    std::string name;
    std::string driver = "escpos";
    std::string host;
    int port = 9100;
    int widthChars = 42;
    bool isDefault = false; ///< gets every category without a route
};

enum class TicketLineKind {
    New = 1, ///< first time the kitchen sees it
    More,    ///< the quantity went up after sending: make this much more
    Less,    ///< the quantity went down after sending: this much less
    Cancel,  ///< removed after sending (or the order cancelled): do not make it
    Changed, ///< the comment changed after sending: make what you have (this many) this way now
    Moved,   ///< the order moved to another table (ticket note): serve it there, make nothing new
};

struct TicketLine {
    TicketLineKind kind = TicketLineKind::New;
    int position = 0;
    std::string name;
    core::Quantity quantity; ///< always positive: what to make, add, take off or cancel
    std::vector<std::string> modifiers;
    std::string comment;
};

/// A kitchen ticket: a card on the kitchen screen and a printout on its station's printer.
struct KitchenTicket {
    std::string id;
    std::int64_t number = 0;
    std::string orderId;
    std::int64_t orderNumber = 0;
    std::string tableName;
    int guests = 0;
    std::string printerId; ///< empty: no printer, the kitchen screen only
    std::string printerName;
    std::int64_t createdAtUs = 0;
    std::string note; ///< for the whole ticket: "ОТМЕНА ЗАКАЗА: <reason>", "ПЕРЕНЕСЁН НА СТОЛ 3"
    std::vector<TicketLine> lines;
    bool ready = false;
    std::optional<std::int64_t> readyAtUs;
    std::string printState; ///< none, queued, printed
    int attempts = 0;
    bool inDoubt = false;
    std::string lastError;
    std::optional<std::int64_t> printedAtUs;
};

/// "Send to kitchen" and the kitchen screen. A send makes tickets with only what changed since
/// the last send (new lines, quantity deltas, cancels, changed comments), one ticket per station.
/// A new line is routed by the product's category (no route: the default printer; no printer at
/// all: the screen only); every later change of a line goes to the station that got the line, so
/// a route changed in between does not split one dish over two kitchens.
/// Tickets go to the persistent print queue (till::PrintQueue) in the same transaction.
class KitchenService {
public:
    explicit KitchenService(TillContext& context);

    core::Result<KitchenPrinter> savePrinter(KitchenPrinter printer);
    core::Status removePrinter(const std::string& printerId);
    core::Result<std::vector<KitchenPrinter>> printers();
    core::Result<KitchenPrinter> printer(const std::string& idOrName);
    /// Sends products of `categoryId` to the printer; an empty printer id removes the route.
    core::Status route(const std::string& categoryId, const std::string& printerId);
    /// category id → printer id
    core::Result<std::vector<std::pair<std::string, std::string>>> routes();

    /// The tickets for what changed since the last send (kNothingToSend when nothing did).
    core::Result<std::vector<KitchenTicket>> send(const std::string& orderId);

    /// For OrderService, inside its transaction (it opens none): one ticket per station that got
    /// lines of the order, listing what the kitchen has of each (sent and not cancelled) as `kind`
    /// lines under `note`. Cancel also marks those lines cancelled (sent quantity 0) so no later
    /// send repeats them. Nothing sent (or all cancelled already): no ticket, an empty list.
    core::Result<std::vector<std::string>> tellStations(const std::string& orderId, TicketLineKind kind,
                                                        const std::string& note);

    /// The kitchen screen: tickets not marked ready (or all), oldest first; one station or all.
    core::Result<std::vector<KitchenTicket>> tickets(bool includeReady = false, const std::string& printerId = {},
                                                     int limit = 200);
    core::Result<KitchenTicket> ticket(const std::string& idOrNumber);
    core::Result<KitchenTicket> markReady(const std::string& idOrNumber);

    [[nodiscard]] static core::Json toJson(const KitchenTicket& ticket);
    static std::string_view lineKindName(TicketLineKind kind);

private:
    TillContext& m_context;
};

} // namespace sigma::till

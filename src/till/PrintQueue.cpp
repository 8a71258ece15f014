#include "till/PrintQueue.h"

#include "core/ErrorCodes.h"

#include <algorithm>
#include <set>

namespace sigma::till {
namespace {

std::string quantityText(core::Quantity quantity)
{
    return quantity.toString();
}

/// Splits UTF-8 text into lines of at most `width` characters (code points), at spaces when it
/// can; continuation lines get `indent`.
std::vector<std::string> wrap(const std::string& text, std::size_t width, const std::string& indent)
{
    std::vector<std::string> out;
    std::string line;
    std::size_t lineChars = 0;
    std::size_t lastSpace = std::string::npos; // byte offset in `line`
    std::size_t charsAtSpace = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        length = std::min(length, text.size() - i);
        if (lineChars == width) {
            if (lastSpace != std::string::npos && lastSpace > indent.size()) {
                std::string rest = line.substr(lastSpace + 1);
                line.resize(lastSpace);
                out.push_back(line);
                line = indent + rest;
                lineChars = indent.size() + (lineChars - charsAtSpace - 1);
            } else {
                out.push_back(line);
                line = indent;
                lineChars = indent.size();
            }
            lastSpace = std::string::npos;
        }
        if (text[i] == ' ') {
            lastSpace = line.size();
            charsAtSpace = lineChars;
        }
        line.append(text, i, length);
        ++lineChars;
        i += length;
    }
    out.push_back(line);
    return out;
}

} // namespace

PrintQueue::PrintQueue(TillContext& context, PrinterFactory factory) : m_context(context), m_factory(std::move(factory))
{
}

std::int64_t PrintQueue::backoffUs(int attempts)
{
    const int shift = std::clamp(attempts - 1, 0, 6);
    return std::min<std::int64_t>(1'000'000LL << shift, 60'000'000LL);
}

devices::PrintDocument PrintQueue::layout(const KitchenTicket& ticket, bool repeat, int widthChars)
{
    using devices::PrintAlign;
    const auto width = static_cast<std::size_t>(std::clamp(widthChars, 24, 64));
    devices::PrintDocument doc;
    const auto add = [&](const std::string& text, bool bold, bool large, PrintAlign align, const std::string& indent) {
        // Double-width characters take two columns.
        for (auto& part : wrap(text, large ? width / 2 : width, indent)) {
            doc.lines.push_back({std::move(part), bold, large, align});
        }
    };
    add(ticket.printerName.empty() ? "КУХНЯ" : ticket.printerName, true, false, PrintAlign::Center, "");
    add("№ " + std::to_string(ticket.number), true, true, PrintAlign::Center, "");
    if (repeat) {
        add("ПОВТОР", true, true, PrintAlign::Center, "");
    }
    add("Стол " + ticket.tableName + "  Заказ №" + std::to_string(ticket.orderNumber) + "  Гостей " +
            std::to_string(ticket.guests),
        true, false, PrintAlign::Left, "");
    if (!ticket.note.empty()) {
        add(ticket.note, true, false, PrintAlign::Left, "");
    }
    add(std::string(width, '-'), false, false, PrintAlign::Left, "");
    for (const auto& line : ticket.lines) {
        std::string prefix;
        switch (line.kind) {
        case TicketLineKind::New: prefix = ""; break;
        case TicketLineKind::More: prefix = "ДОБАВИТЬ "; break;
        case TicketLineKind::Less: prefix = "УБРАТЬ "; break;
        case TicketLineKind::Cancel: prefix = "ОТМЕНА "; break;
        case TicketLineKind::Changed: prefix = "ИЗМЕНЕНО: "; break;
        case TicketLineKind::Moved: prefix = "ПЕРЕНОС "; break;
        }
        add(prefix + quantityText(line.quantity) + " x " + line.name, true, line.kind == TicketLineKind::Cancel,
            PrintAlign::Left, "   ");
        for (const auto& m : line.modifiers) {
            add("   + " + m, false, false, PrintAlign::Left, "     ");
        }
        if (!line.comment.empty()) {
            add("   ! " + line.comment, false, false, PrintAlign::Left, "     ");
        } else if (line.kind == TicketLineKind::Changed) {
            add("   ! без комментария", false, false, PrintAlign::Left, "     "); // the wish was taken back
        }
    }
    add(std::string(width, '-'), false, false, PrintAlign::Left, "");
    return doc;
}

core::Result<PumpReport> PrintQueue::pump()
{
    PumpReport report;
    auto& db = m_context.database().connection();
    const auto now = m_context.nowUs();
    KitchenService kitchen(m_context);
    // A ticket left "sending" was being printed when the terminal stopped: it may be on paper.
    SIGMA_TRY(db.execute("UPDATE food_kitchen_tickets SET sending = 0, in_doubt = 1 WHERE sending = 1"));
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT id, printer_id, next_attempt_at_us FROM food_kitchen_tickets "
                                               "WHERE print_state = 'queued' ORDER BY number"));
    std::set<std::string> blocked; // printers that failed in this pass, or whose oldest ticket is not due
    for (const auto& row : rows) {
        const std::string id = row.text(0);
        const std::string printerId = row.text(1);
        if (blocked.contains(printerId) || row.int64(2) > now) {
            blocked.insert(printerId); // keep each printer's tickets in order
            ++report.waiting;
            continue;
        }
        SIGMA_ASSIGN_OR_RETURN(auto ticket, kitchen.ticket(id));
        auto config = kitchen.printer(printerId);
        core::Status result = core::ok();
        if (!config) {
            result = config.error();
        } else {
            ticket.printerName = config->name;
            auto printer = m_factory(*config);
            if (!printer) {
                result = printer.error();
            } else {
                // Durable before a byte leaves: if we die mid-send, the next pump knows it is in doubt.
                SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
                    return db.execute("UPDATE food_kitchen_tickets SET sending = 1 WHERE id = $1", {id});
                }));
                result = (*printer)->print(layout(ticket, ticket.inDoubt, config->widthChars));
            }
        }
        const int attempts = ticket.attempts + 1;
        const auto after = m_context.nowUs();
        if (result) {
            SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
                return db.execute("UPDATE food_kitchen_tickets SET print_state = 'printed', sending = 0, attempts = $2, "
                                  "printed_at_us = $3, last_error = '' WHERE id = $1",
                                  {id, attempts, after});
            }));
            ++report.printed;
        } else {
            const bool doubt = result.error().code == devices::printer_errc::kUnconfirmed;
            SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
                return db.execute("UPDATE food_kitchen_tickets SET sending = 0, attempts = $2, next_attempt_at_us = $3, "
                                  "last_error = $4, in_doubt = MAX(in_doubt, $5) WHERE id = $1",
                                  {id, attempts, after + backoffUs(attempts),
                                   "[" + std::to_string(result.error().code) + "] " + result.error().message, doubt});
            }));
            ++report.failed;
            blocked.insert(printerId);
        }
    }
    return report;
}

core::Status PrintQueue::retryNow()
{
    return m_context.database().connection().execute(
        "UPDATE food_kitchen_tickets SET next_attempt_at_us = 0 WHERE print_state = 'queued'");
}

core::Result<std::vector<PrinterQueueStatus>> PrintQueue::status(bool probe)
{
    KitchenService kitchen(m_context);
    SIGMA_ASSIGN_OR_RETURN(auto printers, kitchen.printers());
    std::vector<PrinterQueueStatus> out;
    for (auto& printer : printers) {
        PrinterQueueStatus s;
        s.printer = printer;
        SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                             "SELECT COUNT(*), MIN(created_at_us), (SELECT last_error FROM "
                                             "food_kitchen_tickets WHERE printer_id = $1 AND print_state = 'queued' "
                                             "ORDER BY number LIMIT 1) FROM food_kitchen_tickets WHERE printer_id = $1 "
                                             "AND print_state = 'queued'",
                                             {printer.id}));
        s.queued = static_cast<int>(row->int64(0));
        s.oldestQueuedAtUs = row->optionalInt64(1);
        s.lastError = row->optionalText(2).value_or(std::string());
        if (probe) {
            auto device = m_factory(printer);
            if (!device) {
                s.probeError = device.error().message;
            } else if (auto live = (*device)->status(); live) {
                s.live = *live;
            } else {
                s.probeError = "[" + std::to_string(live.error().code) + "] " + live.error().message;
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

core::Json PrintQueue::toJson(const PrinterQueueStatus& s)
{
    core::Json out = {{"printerId", s.printer.id},
                      {"name", s.printer.name},
                      {"host", s.printer.host},
                      {"port", s.printer.port},
                      {"default", s.printer.isDefault},
                      {"queued", s.queued}};
    if (s.oldestQueuedAtUs) {
        out["oldestQueuedAt"] = *s.oldestQueuedAtUs;
    }
    if (!s.lastError.empty()) {
        out["lastError"] = s.lastError;
    }
    if (s.live) {
        out["live"] = {{"online", s.live->online},
                       {"paperOut", s.live->paperOut},
                       {"paperNearEnd", s.live->paperNearEnd},
                       {"coverOpen", s.live->coverOpen}};
    } else if (!s.probeError.empty()) {
        out["live"] = {{"error", s.probeError}};
    }
    return out;
}

} // namespace sigma::till

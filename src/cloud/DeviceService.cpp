#include "cloud/DeviceService.h"

#include "cloud/CloudErrors.h"
#include "cloud/PayloadReader.h"
#include "cloud/SalonFoodProjection.h"
#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Hmac.h"
#include "crypto/Sha256.h"
#include "db/Transaction.h"
#include "store/JournalEvent.h"

#include <charconv>

namespace sigma::cloud {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;

std::optional<std::string> optString(const core::Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> optInt(const core::Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) {
        return std::nullopt;
    }
    return it->get<std::int64_t>();
}

std::optional<std::string> optJson(const core::Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        return std::nullopt;
    }
    return it->dump();
}

/// A posted stock document and its lines. Quantities are stored as the terminal sent them
/// (positive thousandths); `kind` tells the ledger whether a line adds (receiving), subtracts
/// (writeOff) or sets a counted quantity (inventory). A document is sent once; a repeat is ignored.
core::Status projectStockDocument(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event)
{
    const core::Json& p = event.payload;
    const std::string& account = device.accountId;
    const std::string documentId = optString(p, "documentId").value_or(event.uuid);
    const std::string kind = optString(p, "kind").value_or("unknown");
    const std::int64_t postedAt = optInt(p, "postedAt").value_or(event.occurredAtUs);
    SIGMA_TRY(db.execute("INSERT INTO stock_documents(account_id, document_id, device_id, kind, number, created_at, "
                         "posted_at, employee_id, posted_by, supplier, reason, note, total_cost) VALUES ($1, $2, $3, "
                         "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (account_id, document_id) DO NOTHING",
                         {account, documentId, device.deviceId, kind, optInt(p, "number"), optInt(p, "createdAt"),
                          postedAt, optString(p, "employeeId"), optString(p, "postedBy"), optString(p, "supplier"),
                          optString(p, "reason"), optString(p, "note"), optInt(p, "totalCost")}));
    if (db.changes() == 0) {
        return core::ok();
    }
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array()) {
        return core::ok();
    }
    std::int64_t index = 0;
    for (const auto& line : *lines) {
        if (!line.is_object()) {
            continue;
        }
        SIGMA_TRY(db.execute("INSERT INTO stock_movements(account_id, document_id, position, kind, product_id, sku, "
                             "name, unit, quantity, counted_quantity, cost, amount, reason, posted_at) VALUES ($1, "
                             "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (account_id, "
                             "document_id, position) DO NOTHING",
                             {account, documentId, optInt(line, "position").value_or(index), kind,
                              optString(line, "productId"), optString(line, "sku"), optString(line, "name"),
                              optInt(line, "unit"), optInt(line, "quantity"), optInt(line, "countedQuantity"),
                              optInt(line, "cost"), optInt(line, "amount"), optString(line, "reason"), postedAt}));
        ++index;
    }
    return core::ok();
}

/// Builds the projections of one stored event. Unknown types are kept verbatim only.
core::Status project(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event)
{
    const core::Json& p = event.payload;
    if (!p.is_object()) {
        return core::ok();
    }
    const std::string& account = device.accountId;
    if (event.type == "shift.opened") {
        return db.execute("INSERT INTO shifts(account_id, shift_id, device_id, number, opened_at, cashier_id, "
                          "cashier_name) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, shift_id) DO "
                          "NOTHING",
                          {account, optString(p, "shiftId").value_or(event.uuid), device.deviceId, optInt(p, "number"),
                           optInt(p, "openedAt").value_or(event.occurredAtUs), optString(p, "cashierId"),
                           optString(p, "cashierName")});
    }
    if (event.type == "shift.closed") {
        const std::string shiftId = optString(p, "shiftId").value_or(event.uuid);
        SIGMA_TRY(db.execute("INSERT INTO shifts(account_id, shift_id, device_id, number) VALUES ($1, $2, $3, $4) ON "
                             "CONFLICT (account_id, shift_id) DO NOTHING",
                             {account, shiftId, device.deviceId, optInt(p, "number")}));
        return db.execute("UPDATE shifts SET closed_at = $3, expected_cash = $4, counted_cash = $5, over_short = $6, "
                          "figures = $7, close_fiscal = $8, closed_by = $9 WHERE account_id = $1 AND shift_id = $2",
                          {account, shiftId, optInt(p, "closedAt").value_or(event.occurredAtUs),
                           optInt(p, "expectedCash"), optInt(p, "countedCash"), optInt(p, "overShort"),
                           optJson(p, "figures"), optJson(p, "fiscal"), optString(p, "cashierId")});
    }
    if (event.type == "receipt.fiscalized") {
        const std::string receiptId = optString(p, "receiptId").value_or(event.uuid);
        // Who the sale was made to and who did each line feed the analytics (visits per customer,
        // revenue per employee), so a wrong type there refuses the batch rather than losing them.
        SIGMA_ASSIGN_OR_RETURN(const auto reader, PayloadReader::of(p, event.type));
        SIGMA_ASSIGN_OR_RETURN(const auto customerId, reader.optionalId("customerId"));
        std::vector<std::optional<std::string>> staffIds;
        if (const auto lines = p.find("lines"); lines != p.end() && lines->is_array()) {
            for (std::size_t i = 0; i < lines->size(); ++i) {
                std::optional<std::string> staffId;
                if ((*lines)[i].is_object()) {
                    SIGMA_ASSIGN_OR_RETURN(const auto line, PayloadReader::of((*lines)[i], event.type));
                    auto read = line.optionalId("staffId");
                    if (!read) {
                        return read.error().inField("lines[" + std::to_string(i) + "]");
                    }
                    staffId = std::move(read).value();
                }
                staffIds.push_back(std::move(staffId));
            }
        }
        SIGMA_TRY(db.execute("INSERT INTO receipts(account_id, receipt_id, device_id, shift_id, status, operation, "
                             "cashier_id, created_at, total, discount_total, change_sum, fiscal, customer_id, "
                             "customer_contact, original_receipt_id) VALUES ($1, $2, $3, $4, 'fiscalized', $5, $6, "
                             "$7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (account_id, receipt_id) DO NOTHING",
                             {account, receiptId, device.deviceId, optString(p, "shiftId"), optString(p, "operation"),
                              optString(p, "cashierId"), optInt(p, "createdAt"), optInt(p, "total"),
                              optInt(p, "discountTotal"), optInt(p, "change"), optJson(p, "fiscal"), customerId,
                              optString(p, "customerContact"), optString(p, "originalReceiptId")}));
        if (db.changes() == 0) {
            return core::ok();
        }
        if (const auto lines = p.find("lines"); lines != p.end() && lines->is_array()) {
            std::int64_t index = 0;
            for (std::size_t i = 0; i < lines->size(); ++i) {
                const auto& line = (*lines)[i];
                if (!line.is_object()) {
                    continue;
                }
                SIGMA_TRY(db.execute(
                    "INSERT INTO receipt_lines(account_id, receipt_id, position, name, product_id, quantity, "
                    "unit_price, amount, vat_rate, vat_sum, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                    "$10, $11) ON CONFLICT (account_id, receipt_id, position) DO NOTHING",
                    {account, receiptId, optInt(line, "position").value_or(index), optString(line, "name"),
                     optString(line, "productId"), optInt(line, "quantity"), optInt(line, "unitPrice"),
                     optInt(line, "amount"), optString(line, "vatRate"), optInt(line, "vatSum"), staffIds[i]}));
                ++index;
            }
        }
        if (const auto payments = p.find("payments"); payments != p.end() && payments->is_array()) {
            std::int64_t index = 0;
            for (const auto& payment : *payments) {
                if (!payment.is_object()) {
                    continue;
                }
                // A card payment's slip data: the terminal never has the card number, only these.
                const auto card = payment.find("card");
                const bool hasCard = card != payment.end() && card->is_object();
                SIGMA_TRY(db.execute(
                    "INSERT INTO receipt_payments(account_id, receipt_id, position, type, sum, card_status, "
                    "card_auth_code, card_rrn) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, "
                    "receipt_id, position) DO NOTHING",
                    {account, receiptId, index, optString(payment, "type").value_or("other"),
                     optInt(payment, "sum").value_or(0), hasCard ? optString(*card, "status") : std::nullopt,
                     hasCard ? optString(*card, "authCode") : std::nullopt,
                     hasCard ? optString(*card, "rrn") : std::nullopt}));
                ++index;
            }
        }
        return core::ok();
    }
    if (event.type == "receipt.failed") {
        return db.execute("INSERT INTO receipts(account_id, receipt_id, device_id, status, failure_reason, "
                          "failure_code, created_at) VALUES ($1, $2, $3, 'failed', $4, $5, $6) ON CONFLICT "
                          "(account_id, receipt_id) DO NOTHING",
                          {account, optString(p, "receiptId").value_or(event.uuid), device.deviceId,
                           optString(p, "reason"), optInt(p, "code"), event.occurredAtUs});
    }
    if (event.type == "card.reversed") {
        return db.execute("INSERT INTO card_reversals(account_id, receipt_id, position, device_id, sum, rrn, "
                          "reversed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, receipt_id, "
                          "position) DO NOTHING",
                          {account, optString(p, "receiptId").value_or(event.uuid), optInt(p, "position").value_or(0),
                           device.deviceId, optInt(p, "sum").value_or(0), optString(p, "rrn"), event.occurredAtUs});
    }
    if (event.type == "stock.document") {
        return projectStockDocument(db, device, event);
    }
    if (auto handled = projectSalonOrFoodEvent(db, device, event); !handled || *handled) {
        return handled ? core::ok() : core::Status(handled.error());
    }
    if (event.type == "cash.in" || event.type == "cash.out") {
        return db.execute(
            "INSERT INTO cash_operations(account_id, operation_id, device_id, shift_id, kind, sum, reason, "
            "cashier_id, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT "
            "(account_id, operation_id) DO NOTHING",
            {account, optString(p, "operationId").value_or(event.uuid), device.deviceId, optString(p, "shiftId"),
             event.type == "cash.in" ? "in" : "out", optInt(p, "sum").value_or(0), optString(p, "reason"),
             optString(p, "cashierId"), event.occurredAtUs});
    }
    return core::ok();
}

} // namespace

std::string deviceCanonicalString(const std::string& method, const std::string& target, const std::string& timestamp,
                                  const std::string& body)
{
    return "sigma-device-v1\n" + method + "\n" + target + "\n" + timestamp + "\n" + crypto::toHex(crypto::sha256(body));
}

std::string signDeviceRequest(const std::string& deviceKey, const std::string& method, const std::string& target,
                              const std::string& timestamp, const std::string& body)
{
    const auto key = crypto::sha256(deviceKey);
    const std::string canonical = deviceCanonicalString(method, target, timestamp, body);
    return crypto::toHex(crypto::hmacSha256(
        std::span<const std::uint8_t>(key),
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(canonical.data()), canonical.size())));
}

core::Result<DeviceIdentity> DeviceService::authenticate(const SignedRequest& request)
{
    if (request.deviceId.empty() || request.timestamp.empty() || request.signature.empty()) {
        return core::Error(errc::kBadSignature, "X-Sigma-Device, X-Sigma-Timestamp and X-Sigma-Signature are required");
    }
    std::int64_t seconds = 0;
    const auto* end = request.timestamp.data() + request.timestamp.size();
    if (auto [ptr, ec] = std::from_chars(request.timestamp.data(), end, seconds); ec != std::errc() || ptr != end) {
        return core::Error(errc::kBadSignature, "X-Sigma-Timestamp is decimal Unix seconds", "X-Sigma-Timestamp");
    }
    const std::int64_t now = m_context.nowUs();
    const std::int64_t window = m_context.config.signatureWindowSec;
    if (seconds > now / kMicrosPerSecond + window || seconds < now / kMicrosPerSecond - window) {
        return core::Error(errc::kClockSkew, "the request's timestamp is outside the allowed window",
                           "X-Sigma-Timestamp");
    }
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto device, db.queryOne("SELECT account_id, key_hash, revoked FROM devices WHERE id = $1",
                                                    {request.deviceId}));
    if (!device) {
        return core::Error(errc::kBadSignature, "unknown device or wrong signature");
    }
    auto key = crypto::fromHex(device->text(1));
    if (!key) {
        return core::Error(errc::kBadSignature, "unknown device or wrong signature");
    }
    const std::string canonical =
        deviceCanonicalString(request.method, request.target, request.timestamp, request.body);
    const std::string expected = crypto::toHex(crypto::hmacSha256(
        std::span<const std::uint8_t>(*key),
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(canonical.data()), canonical.size())));
    if (!crypto::constantTimeEquals(expected, request.signature)) {
        return core::Error(errc::kBadSignature, "unknown device or wrong signature");
    }
    if (device->int64(2) != 0) {
        return core::Error(errc::kDeviceRevoked, "this device was revoked");
    }
    SIGMA_TRY(db.execute("DELETE FROM seen_signatures WHERE expires_at < $1", {now}));
    SIGMA_TRY(
        db.execute("INSERT INTO seen_signatures(signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO "
                   "NOTHING",
                   {expected, (seconds + window + 1) * kMicrosPerSecond}));
    if (db.changes() != 1) {
        return core::Error(errc::kReplayed, "this request was already received (replay)");
    }
    SIGMA_TRY(db.execute("UPDATE devices SET last_seen_at = $2 WHERE id = $1", {request.deviceId, now}));
    return DeviceIdentity{request.deviceId, device->text(0)};
}

core::Result<std::int64_t> DeviceService::ingest(const DeviceIdentity& device, const core::Json& events)
{
    if (!events.is_array()) {
        return core::Error(core::errc::kInvalidArgument, "events must be an array", "events");
    }
    if (events.size() > kMaxEventsPerBatch) {
        return core::Error(core::errc::kInvalidArgument, "at most 1000 events per request", "events");
    }
    std::vector<store::JournalEvent> parsed;
    parsed.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::string field = "events[" + std::to_string(i) + "]";
        auto event = store::JournalEvent::fromJson(events[i]);
        if (!event) {
            return core::Error(core::errc::kInvalidArgument, event.error().message,
                               event.error().field.empty() ? field : field + "." + event.error().field);
        }
        auto hash = store::JournalHash::compute(*event);
        if (!hash) {
            return hash.error().inField(field + ".payload");
        }
        if (*hash != event->hash) {
            return core::Error(errc::kBadEvent, "the event's hash does not match its content", field + ".hash");
        }
        parsed.push_back(std::move(event).value());
    }

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    std::optional<core::Error> failure;
    core::Json conflictDetails;
    // One attempt is the whole transaction, so a serialisation failure (PostgreSQL) can retry it.
    auto attempt = [&]() -> core::Status {
        failure.reset();
        conflictDetails = core::Json();
        SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
        // Takes the device's row lock first: two batches of one device (a retry racing its
        // original) queue here instead of both reading the same last seq.
        SIGMA_TRY(db.execute("UPDATE devices SET last_seen_at = $2 WHERE id = $1", {device.deviceId, now}));
        for (std::size_t i = 0; i < parsed.size() && !failure; ++i) {
            const auto& event = parsed[i];
            const std::string field = "events[" + std::to_string(i) + "]";
            SIGMA_ASSIGN_OR_RETURN(auto existing, db.queryOne("SELECT hash FROM device_events WHERE device_id = $1 AND "
                                                              "seq = $2",
                                                              {device.deviceId, event.seq}));
            if (existing) {
                if (existing->text(0) != event.hash) {
                    failure = core::Error(errc::kEventConflict,
                                          "seq " + std::to_string(event.seq) + " was received before with another hash",
                                          field + ".hash");
                    conflictDetails = {{"deviceId", device.deviceId},
                                       {"seq", event.seq},
                                       {"storedHash", existing->text(0)},
                                       {"receivedHash", event.hash}};
                }
                continue;
            }
            SIGMA_ASSIGN_OR_RETURN(auto last, db.queryOne("SELECT seq, hash FROM device_events WHERE device_id = $1 "
                                                          "ORDER BY seq DESC LIMIT 1",
                                                          {device.deviceId}));
            const std::int64_t lastSeq = last ? last->int64(0) : 0;
            const std::string lastHash = last ? last->text(1) : std::string(store::JournalHash::kGenesis);
            if (event.seq != lastSeq + 1) {
                failure =
                    core::Error(errc::kBrokenChain,
                                "expected seq " + std::to_string(lastSeq + 1) + ", got " + std::to_string(event.seq),
                                field + ".seq");
                continue;
            }
            if (event.prevHash != lastHash) {
                failure = core::Error(errc::kBrokenChain, "prevHash does not match the hash of the previous event",
                                      field + ".prevHash");
                continue;
            }
            auto payload = store::JournalHash::canonicalPayload(event.payload);
            if (!payload) {
                return payload.error().inField(field + ".payload");
            }
            SIGMA_TRY(
                db.execute("INSERT INTO device_events(account_id, device_id, seq, uuid, type, occurred_at, payload, "
                           "prev_hash, hash, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                           {device.accountId, device.deviceId, event.seq, event.uuid, event.type, event.occurredAtUs,
                            *payload, event.prevHash, event.hash, now}));
            if (auto projected = project(db, device, event); !projected.ok()) {
                const core::Error& error = projected.error();
                return error.code == errc::kBadPayload ? error.inField(field + ".payload") : error;
            }
        }
        if (failure) {
            return core::ok(); // rolled back by tx's destructor; reported below
        }
        return tx.commit();
    };
    SIGMA_TRY(retryBusy(attempt));
    if (failure) {
        if (failure->code == errc::kEventConflict) {
            // Recorded for the owner outside the refused batch's transaction.
            SIGMA_TRY(appendAudit(db, m_context, device.accountId, "device:" + device.deviceId, "events.conflict",
                                  conflictDetails));
        }
        return *failure;
    }
    SIGMA_ASSIGN_OR_RETURN(auto acked,
                           db.queryOne("SELECT MAX(seq) FROM device_events WHERE device_id = $1", {device.deviceId}));
    return acked && !acked->isNull(0) ? acked->int64(0) : std::int64_t{0};
}

core::Result<core::Json> DeviceService::changes(const DeviceIdentity& device, std::int64_t cursor)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows,
                           db.query("SELECT seq, entity, entity_id, op, payload FROM change_log WHERE "
                                    "account_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                                    {device.accountId, cursor, static_cast<std::int64_t>(kMaxChangesPerPage + 1)}));
    const bool more = rows.size() > kMaxChangesPerPage;
    core::Json list = core::Json::array();
    std::int64_t next = cursor;
    for (std::size_t i = 0; i < rows.size() && i < kMaxChangesPerPage; ++i) {
        const auto& row = rows[i];
        auto payload = core::parseJsonExact(row.text(4));
        list.push_back({{"seq", row.int64(0)},
                        {"entity", row.text(1)},
                        {"id", row.text(2)},
                        {"op", row.text(3)},
                        {"data", payload ? *payload : core::Json(nullptr)}});
        next = row.int64(0);
    }
    return core::Json{{"changes", list}, {"cursor", next}, {"more", more}};
}

} // namespace sigma::cloud

#include "drivers/emulator/KktStore.h"

#include "crypto/Sha256.h"
#include "db/Migrations.h"
#include "db/Transaction.h"

#include <array>

namespace sigma::drivers::emulator {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE device (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    serial_number TEXT NOT NULL,
    model_name TEXT NOT NULL,
    firmware_version TEXT NOT NULL,
    fn_number TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    inn TEXT NOT NULL,
    organization_name TEXT NOT NULL,
    organization_address TEXT NOT NULL,
    organization_email TEXT NOT NULL,
    taxation_types INTEGER NOT NULL,
    fns_url TEXT NOT NULL,
    ofd_name TEXT NOT NULL,
    ofd_inn TEXT NOT NULL,
    fn_state TEXT NOT NULL,
    fn_registrations INTEGER NOT NULL,
    fn_activated_at_us INTEGER NOT NULL,
    last_document_number INTEGER NOT NULL,
    shift_number INTEGER NOT NULL,
    shift_open INTEGER NOT NULL,
    shift_opened_at_us INTEGER NOT NULL,
    receipt_number INTEGER NOT NULL,
    cash_in_drawer INTEGER NOT NULL,
    paper_present INTEGER NOT NULL,
    cover_open INTEGER NOT NULL,
    ofd_link INTEGER NOT NULL,
    line_width INTEGER NOT NULL,
    sign_key BLOB NOT NULL,
    last_receipt_document INTEGER NOT NULL,
    pending_printout INTEGER
);
CREATE TABLE faults (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fail_code INTEGER NOT NULL DEFAULT 0,
    fail_count INTEGER NOT NULL DEFAULT 0,
    lose_answer_count INTEGER NOT NULL DEFAULT 0,
    paper_out_count INTEGER NOT NULL DEFAULT 0,
    delay_ms INTEGER NOT NULL DEFAULT 0,
    clock_offset_sec INTEGER NOT NULL DEFAULT 0
);
INSERT INTO faults (id) VALUES (1);
-- The fiscal storage archive: one row per fiscal document, never updated but for the OFD mark.
CREATE TABLE documents (
    number INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    shift_number INTEGER NOT NULL,
    receipt_number INTEGER NOT NULL,
    operation INTEGER NOT NULL,
    total INTEGER NOT NULL,
    fiscal_sign INTEGER NOT NULL,
    tlv BLOB NOT NULL,
    ofd_sent_at_us INTEGER
);
CREATE INDEX documents_unsent ON documents (number) WHERE ofd_sent_at_us IS NULL;
-- The paper tape, one row per printed document.
CREATE TABLE printouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_number INTEGER NOT NULL,
    kind TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    text TEXT NOT NULL,
    complete INTEGER NOT NULL
);
CREATE INDEX printouts_document ON printouts (document_number);
CREATE TABLE retired_documents (
    fn_number TEXT NOT NULL,
    number INTEGER NOT NULL,
    type TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    fiscal_sign INTEGER NOT NULL,
    tlv BLOB NOT NULL,
    PRIMARY KEY (fn_number, number)
);
CREATE TABLE shift_totals (
    operation TEXT NOT NULL,
    payment_type TEXT NOT NULL,
    count INTEGER NOT NULL,
    sum INTEGER NOT NULL,
    PRIMARY KEY (operation, payment_type)
);
)sql";

// Two firmware slots, A/B: an image is written to the inactive one in parts (one commit each), and
// the switch of firmware_active with the version is one commit, so a kill mid-flash changes nothing
// that runs.
constexpr std::string_view kFirmwareSchemaV2 = R"sql(
CREATE TABLE firmware_slots (
    slot INTEGER PRIMARY KEY CHECK (slot IN (0, 1)),
    version TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE firmware_chunks (
    slot INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (slot, offset)
);
CREATE TABLE firmware_active (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    slot INTEGER NOT NULL
);
INSERT INTO firmware_slots (slot, complete) VALUES (0, 1), (1, 0);
INSERT INTO firmware_active (id, slot) VALUES (1, 0);
)sql";

// The OFD connection the technician wrote to the register (one row; an empty host = never set).
constexpr std::string_view kOfdConnectionSchemaV3 = R"sql(
CREATE TABLE ofd_connection (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    host TEXT NOT NULL DEFAULT '',
    port INTEGER NOT NULL DEFAULT 0,
    dns TEXT NOT NULL DEFAULT ''
);
INSERT INTO ofd_connection (id) VALUES (1);
)sql";

constexpr std::array<db::Migration, 3> kMigrations = {{
    {1, "virtual register", kSchemaV1},
    {2, "firmware slots", kFirmwareSchemaV2},
    {3, "ofd connection", kOfdConnectionSchemaV3},
}};

constexpr std::string_view kDocumentColumns =
    "number, type, created_at_us, shift_number, receipt_number, operation, total, fiscal_sign, tlv, ofd_sent_at_us";

ArchivedDocument documentFrom(const db::Row& row)
{
    ArchivedDocument d;
    d.number = static_cast<std::uint32_t>(row.int64(0));
    d.type = row.text(1);
    d.createdAtUs = row.int64(2);
    d.shiftNumber = static_cast<std::uint32_t>(row.int64(3));
    d.receiptNumber = static_cast<std::uint32_t>(row.int64(4));
    d.operation = static_cast<int>(row.int64(5));
    d.total = core::Money::fromKopecks(row.int64(6));
    d.fiscalSign = static_cast<std::uint32_t>(row.int64(7));
    d.tlv = row.blob(8);
    d.ofdSentAtUs = row.optionalInt64(9);
    return d;
}

Printout printoutFrom(const db::Row& row)
{
    Printout p;
    p.id = row.int64(0);
    p.documentNumber = static_cast<std::uint32_t>(row.int64(1));
    p.kind = row.text(2);
    p.createdAtUs = row.int64(3);
    p.text = row.text(4);
    p.complete = row.int64(5) != 0;
    return p;
}

constexpr std::string_view kPrintoutColumns = "id, document_number, kind, created_at_us, text, complete";

} // namespace

KktStore::KktStore(std::unique_ptr<db::SqliteConnection> connection) : m_db(std::move(connection)) {}

core::Result<std::unique_ptr<KktStore>> KktStore::open(const std::filesystem::path& path)
{
    db::SqliteOptions options;
    options.synchronous = db::Synchronous::Full; // a fiscal document must survive power loss
    options.busyTimeoutMs = 10'000;
    SIGMA_ASSIGN_OR_RETURN(auto connection, db::SqliteConnection::open(path, options));
    SIGMA_TRY(db::migrate(*connection, kMigrations));
    return std::unique_ptr<KktStore>(new KktStore(std::move(connection)));
}

core::Status KktStore::transaction(const std::function<core::Status()>& body)
{
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(*m_db, db::TransactionMode::Immediate));
    SIGMA_TRY(body());
    return tx.commit();
}

bool KktStore::initialized()
{
    auto row = m_db->queryOne("SELECT COUNT(*) FROM device");
    return row.ok() && row->has_value() && (*row)->int64(0) > 0;
}

core::Result<KktState> KktStore::loadState()
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row,
        m_db->queryOne("SELECT serial_number, model_name, firmware_version, fn_number, registration_number, inn, "
                       "organization_name, organization_address, organization_email, taxation_types, fns_url, "
                       "ofd_name, ofd_inn, fn_state, fn_registrations, fn_activated_at_us, last_document_number, "
                       "shift_number, shift_open, shift_opened_at_us, receipt_number, cash_in_drawer, paper_present, "
                       "cover_open, ofd_link, line_width, sign_key, last_receipt_document, pending_printout "
                       "FROM device WHERE id = 1"));
    if (!row) {
        return core::Error(1003, "the virtual register has not been created");
    }
    const db::Row& r = *row;
    KktState s;
    s.serialNumber = r.text(0);
    s.modelName = r.text(1);
    s.firmwareVersion = r.text(2);
    s.fnNumber = r.text(3);
    s.registrationNumber = r.text(4);
    s.inn = r.text(5);
    s.organizationName = r.text(6);
    s.organizationAddress = r.text(7);
    s.organizationEmail = r.text(8);
    s.taxationTypes = static_cast<int>(r.int64(9));
    s.fnsUrl = r.text(10);
    s.ofdName = r.text(11);
    s.ofdInn = r.text(12);
    s.fnState = r.text(13);
    s.fnRegistrations = static_cast<int>(r.int64(14));
    s.fnActivatedAtUs = r.int64(15);
    s.lastDocumentNumber = static_cast<std::uint32_t>(r.int64(16));
    s.shiftNumber = static_cast<std::uint32_t>(r.int64(17));
    s.shiftOpen = r.int64(18) != 0;
    s.shiftOpenedAtUs = r.int64(19);
    s.receiptNumber = static_cast<std::uint32_t>(r.int64(20));
    s.cashInDrawer = core::Money::fromKopecks(r.int64(21));
    s.paperPresent = r.int64(22) != 0;
    s.coverOpen = r.int64(23) != 0;
    s.ofdLink = r.int64(24) != 0;
    s.lineWidth = static_cast<int>(r.int64(25));
    s.signKey = r.blob(26);
    s.lastReceiptDocument = static_cast<std::uint32_t>(r.int64(27));
    s.pendingPrintout = r.optionalInt64(28);
    return s;
}

core::Status KktStore::saveState(const KktState& s)
{
    return m_db->execute(
        "INSERT INTO device (id, serial_number, model_name, firmware_version, fn_number, registration_number, inn, "
        "organization_name, organization_address, organization_email, taxation_types, fns_url, ofd_name, ofd_inn, "
        "fn_state, fn_registrations, fn_activated_at_us, last_document_number, shift_number, shift_open, "
        "shift_opened_at_us, receipt_number, cash_in_drawer, paper_present, cover_open, ofd_link, line_width, "
        "sign_key, last_receipt_document, pending_printout) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29) "
        "ON CONFLICT (id) DO UPDATE SET serial_number = excluded.serial_number, model_name = excluded.model_name, "
        "firmware_version = excluded.firmware_version, fn_number = excluded.fn_number, "
        "registration_number = excluded.registration_number, inn = excluded.inn, "
        "organization_name = excluded.organization_name, organization_address = excluded.organization_address, "
        "organization_email = excluded.organization_email, taxation_types = excluded.taxation_types, "
        "fns_url = excluded.fns_url, ofd_name = excluded.ofd_name, ofd_inn = excluded.ofd_inn, "
        "fn_state = excluded.fn_state, fn_registrations = excluded.fn_registrations, "
        "fn_activated_at_us = excluded.fn_activated_at_us, last_document_number = excluded.last_document_number, "
        "shift_number = excluded.shift_number, shift_open = excluded.shift_open, "
        "shift_opened_at_us = excluded.shift_opened_at_us, receipt_number = excluded.receipt_number, "
        "cash_in_drawer = excluded.cash_in_drawer, paper_present = excluded.paper_present, "
        "cover_open = excluded.cover_open, ofd_link = excluded.ofd_link, line_width = excluded.line_width, "
        "sign_key = excluded.sign_key, last_receipt_document = excluded.last_receipt_document, "
        "pending_printout = excluded.pending_printout",
        {s.serialNumber, s.modelName, s.firmwareVersion, s.fnNumber, s.registrationNumber, s.inn, s.organizationName,
         s.organizationAddress, s.organizationEmail, s.taxationTypes, s.fnsUrl, s.ofdName, s.ofdInn, s.fnState,
         s.fnRegistrations, s.fnActivatedAtUs, static_cast<std::int64_t>(s.lastDocumentNumber),
         static_cast<std::int64_t>(s.shiftNumber), s.shiftOpen, s.shiftOpenedAtUs,
         static_cast<std::int64_t>(s.receiptNumber), s.cashInDrawer.kopecks(), s.paperPresent, s.coverOpen, s.ofdLink,
         s.lineWidth, db::Blob{s.signKey}, static_cast<std::int64_t>(s.lastReceiptDocument), s.pendingPrintout});
}

core::Result<KktFaults> KktStore::loadFaults()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT fail_code, fail_count, lose_answer_count, paper_out_count, "
                                                    "delay_ms, clock_offset_sec FROM faults WHERE id = 1"));
    KktFaults f;
    if (row) {
        f.failCode = static_cast<int>((*row).int64(0));
        f.failCount = static_cast<int>((*row).int64(1));
        f.loseAnswerCount = static_cast<int>((*row).int64(2));
        f.paperOutCount = static_cast<int>((*row).int64(3));
        f.delayMs = static_cast<int>((*row).int64(4));
        f.clockOffsetSec = (*row).int64(5);
    }
    return f;
}

core::Status KktStore::saveFaults(const KktFaults& f)
{
    return m_db->execute("UPDATE faults SET fail_code = $1, fail_count = $2, lose_answer_count = $3, "
                         "paper_out_count = $4, delay_ms = $5, clock_offset_sec = $6 WHERE id = 1",
                         {f.failCode, f.failCount, f.loseAnswerCount, f.paperOutCount, f.delayMs, f.clockOffsetSec});
}

core::Status KktStore::insertDocument(const ArchivedDocument& d)
{
    return m_db->execute("INSERT INTO documents (" + std::string(kDocumentColumns) +
                             ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                         {static_cast<std::int64_t>(d.number), d.type, d.createdAtUs,
                          static_cast<std::int64_t>(d.shiftNumber), static_cast<std::int64_t>(d.receiptNumber),
                          d.operation, d.total.kopecks(), static_cast<std::int64_t>(d.fiscalSign), db::Blob{d.tlv},
                          d.ofdSentAtUs});
}

core::Result<std::optional<ArchivedDocument>> KktStore::document(std::uint32_t number)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT " + std::string(kDocumentColumns) +
                                                        " FROM documents WHERE number = $1",
                                                    {static_cast<std::int64_t>(number)}));
    if (!row) {
        return std::optional<ArchivedDocument>();
    }
    return std::optional<ArchivedDocument>(documentFrom(*row));
}

core::Result<std::vector<ArchivedDocument>> KktStore::documents(std::uint32_t from, std::uint32_t to)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_db->query("SELECT " + std::string(kDocumentColumns) +
                                                      " FROM documents WHERE number BETWEEN $1 AND $2 ORDER BY number",
                                                  {static_cast<std::int64_t>(from), static_cast<std::int64_t>(to)}));
    std::vector<ArchivedDocument> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(documentFrom(row));
    }
    return out;
}

core::Result<std::int64_t> KktStore::insertPrintout(const Printout& p)
{
    SIGMA_TRY(m_db->execute("INSERT INTO printouts (document_number, kind, created_at_us, text, complete) "
                            "VALUES ($1, $2, $3, $4, $5)",
                            {static_cast<std::int64_t>(p.documentNumber), p.kind, p.createdAtUs, p.text, p.complete}));
    return m_db->lastInsertId();
}

core::Status KktStore::completePrintout(std::int64_t id)
{
    return m_db->execute("UPDATE printouts SET complete = 1 WHERE id = $1", {id});
}

core::Result<std::optional<Printout>> KktStore::printout(std::int64_t id)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT " + std::string(kPrintoutColumns) +
                                                        " FROM printouts WHERE id = $1",
                                                    {id}));
    if (!row) {
        return std::optional<Printout>();
    }
    return std::optional<Printout>(printoutFrom(*row));
}

core::Result<std::optional<Printout>> KktStore::printoutOfDocument(std::uint32_t documentNumber)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT " + std::string(kPrintoutColumns) +
                                                        " FROM printouts WHERE document_number = $1 "
                                                        "ORDER BY id LIMIT 1",
                                                    {static_cast<std::int64_t>(documentNumber)}));
    if (!row) {
        return std::optional<Printout>();
    }
    return std::optional<Printout>(printoutFrom(*row));
}

core::Result<std::optional<Printout>> KktStore::lastPrintout()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT " + std::string(kPrintoutColumns) +
                                                    " FROM printouts ORDER BY id DESC LIMIT 1"));
    if (!row) {
        return std::optional<Printout>();
    }
    return std::optional<Printout>(printoutFrom(*row));
}

core::Status KktStore::addShiftTotal(const std::string& operation, const std::string& paymentType, core::Money sum)
{
    return m_db->execute("INSERT INTO shift_totals (operation, payment_type, count, sum) VALUES ($1, $2, 1, $3) "
                         "ON CONFLICT (operation, payment_type) DO UPDATE SET count = count + 1, sum = sum + $3",
                         {operation, paymentType, sum.kopecks()});
}

core::Result<std::vector<ShiftTotal>> KktStore::shiftTotals()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_db->query("SELECT operation, payment_type, count, sum FROM shift_totals "
                                                  "ORDER BY operation, payment_type"));
    std::vector<ShiftTotal> out;
    for (const auto& row : rows) {
        out.push_back({row.text(0), row.text(1), row.int64(2), core::Money::fromKopecks(row.int64(3))});
    }
    return out;
}

core::Status KktStore::clearShiftTotals()
{
    return m_db->execute("DELETE FROM shift_totals");
}

core::Result<KktStore::OfdQueue> KktStore::ofdQueue()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT COUNT(*), MIN(number) FROM documents "
                                                    "WHERE ofd_sent_at_us IS NULL"));
    OfdQueue queue;
    if (row && (*row).int64(0) > 0) {
        queue.unsentCount = (*row).int64(0);
        queue.firstUnsentNumber = static_cast<std::uint32_t>((*row).int64(1));
        SIGMA_ASSIGN_OR_RETURN(auto first, m_db->queryOne("SELECT created_at_us FROM documents WHERE number = $1",
                                                          {static_cast<std::int64_t>(queue.firstUnsentNumber)}));
        queue.firstUnsentAtUs = first ? (*first).int64(0) : 0;
    }
    return queue;
}

core::Result<int> KktStore::activeFirmwareSlot()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT slot FROM firmware_active WHERE id = 1"));
    return row ? static_cast<int>(row->int64(0)) : 0;
}

core::Status KktStore::beginFirmwareSlot(int slot, const std::string& version, std::int64_t size)
{
    SIGMA_TRY(m_db->execute("DELETE FROM firmware_chunks WHERE slot = $1", {slot}));
    return m_db->execute("UPDATE firmware_slots SET version = $1, size = $2, complete = 0 WHERE slot = $3",
                         {version, size, slot});
}

core::Status KktStore::writeFirmwareChunk(int slot, std::int64_t offset, std::span<const std::uint8_t> data)
{
    return m_db->execute("INSERT INTO firmware_chunks (slot, offset, data) VALUES ($1, $2, $3)",
                         {slot, offset, db::Blob{std::vector<std::uint8_t>(data.begin(), data.end())}});
}

core::Result<std::pair<crypto::Digest, std::int64_t>> KktStore::firmwareSlotDigest(int slot)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows,
                           m_db->query("SELECT offset, data FROM firmware_chunks WHERE slot = $1 ORDER BY offset", {slot}));
    crypto::Sha256 hash;
    std::int64_t size = 0;
    for (const auto& row : rows) {
        if (row.int64(0) != size) {
            break; // a gap: the digest will not match, which is the answer wanted
        }
        const auto& data = row.blob(1);
        hash.update(std::span<const std::uint8_t>(data));
        size += static_cast<std::int64_t>(data.size());
    }
    return std::make_pair(hash.finish(), size);
}

core::Status KktStore::activateFirmwareSlot(int slot)
{
    SIGMA_TRY(m_db->execute("UPDATE firmware_slots SET complete = 1 WHERE slot = $1", {slot}));
    return m_db->execute("UPDATE firmware_active SET slot = $1 WHERE id = 1", {slot});
}

core::Result<fiscal::OfdConnection> KktStore::loadOfdConnection()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT host, port, dns FROM ofd_connection WHERE id = 1"));
    if (!row) {
        return fiscal::OfdConnection{};
    }
    return fiscal::OfdConnection{row->text(0), static_cast<int>(row->int64(1)), row->text(2)};
}

core::Status KktStore::saveOfdConnection(const fiscal::OfdConnection& connection)
{
    return m_db->execute("UPDATE ofd_connection SET host = $1, port = $2, dns = $3 WHERE id = 1",
                         {connection.host, connection.port, connection.dns});
}

core::Status KktStore::retireArchive(const std::string& fnNumber)
{
    SIGMA_TRY(m_db->execute("INSERT INTO retired_documents (fn_number, number, type, created_at_us, fiscal_sign, tlv) "
                            "SELECT $1, number, type, created_at_us, fiscal_sign, tlv FROM documents",
                            {fnNumber}));
    SIGMA_TRY(m_db->execute("DELETE FROM documents"));
    return m_db->execute("UPDATE printouts SET document_number = 0");
}

core::Status KktStore::markAllSent(std::int64_t nowUs)
{
    return m_db->execute("UPDATE documents SET ofd_sent_at_us = $1 WHERE ofd_sent_at_us IS NULL", {nowUs});
}

} // namespace sigma::drivers::emulator

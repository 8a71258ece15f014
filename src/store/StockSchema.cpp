#include "store/Schema.h"

namespace sigma::store {

// Owned by the stock module (StockRepository, till::StockService): receiving (приход), write-off
// (списание) and inventory count (инвентаризация) made on the terminal. The terminal keeps no
// stock balance: the cloud builds the ledger from the posted documents and the sales. Quantities
// in thousandths, money in kopecks, time in UTC microseconds.
const std::string_view kStockSchemaV4 = R"sql(
CREATE TABLE stock_documents (
    id TEXT PRIMARY KEY,              -- UUID v7
    kind TEXT NOT NULL CHECK (kind IN ('receiving', 'writeOff', 'inventory')),
    number INTEGER NOT NULL,          -- 1, 2, ... per kind on this terminal
    status TEXT NOT NULL CHECK (status IN ('draft', 'posted')),
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL,
    posted_at_us INTEGER,
    employee_id TEXT NOT NULL,        -- who created it
    posted_by TEXT,
    supplier TEXT NOT NULL DEFAULT '',-- receiving
    reason TEXT NOT NULL DEFAULT '',  -- write-off
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, number)
);
CREATE INDEX stock_documents_created ON stock_documents (created_at_us);

-- Receiving and write-off lines carry `quantity`; inventory lines carry `counted_quantity` (what
-- was found on the shelf, zero included).
CREATE TABLE stock_document_lines (
    document_id TEXT NOT NULL REFERENCES stock_documents (id),
    position INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    sku TEXT NOT NULL DEFAULT '',
    barcode TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    unit INTEGER NOT NULL,            -- tag 2108
    quantity INTEGER,
    cost INTEGER,                     -- receiving: cost price per unit, kopecks
    counted_quantity INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (document_id, position),
    CHECK ((quantity IS NULL) <> (counted_quantity IS NULL))
);
CREATE INDEX stock_document_lines_product ON stock_document_lines (document_id, product_id);

-- A posted document is what the cloud was sent: the database refuses to change it, whatever
-- code path tries.
CREATE TRIGGER stock_documents_posted_immutable BEFORE UPDATE ON stock_documents
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted stock document cannot be changed'); END;
CREATE TRIGGER stock_documents_posted_no_delete BEFORE DELETE ON stock_documents
WHEN OLD.status = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted stock document cannot be changed'); END;
CREATE TRIGGER stock_lines_posted_no_insert BEFORE INSERT ON stock_document_lines
WHEN (SELECT status FROM stock_documents WHERE id = NEW.document_id) = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted stock document cannot be changed'); END;
CREATE TRIGGER stock_lines_posted_no_update BEFORE UPDATE ON stock_document_lines
WHEN (SELECT status FROM stock_documents WHERE id = OLD.document_id) = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted stock document cannot be changed'); END;
CREATE TRIGGER stock_lines_posted_no_delete BEFORE DELETE ON stock_document_lines
WHEN (SELECT status FROM stock_documents WHERE id = OLD.document_id) = 'posted'
BEGIN SELECT RAISE(ABORT, 'a posted stock document cannot be changed'); END;
)sql";

} // namespace sigma::store

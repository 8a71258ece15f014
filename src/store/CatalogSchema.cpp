#include "store/Schema.h"

namespace sigma::store {

// The catalog cache: what the terminal sells, found by barcode (exact index), by PLU (weight
// labels), by SKU and by name (full-text search). Owned by store/CatalogRepository.
//
// Search design (see CatalogRepository::search):
// - products.search_text holds the name and SKU normalised in C++ (lower case, ё -> е, accents
//   and punctuation dropped), so the index and the queries agree however SQLite folds text, and
//   no SQL function of ours is needed to rebuild the index.
// - catalog_fts is an external-content FTS5 table: the text is stored once (in products) and the
//   index's content is the view catalog_search_source, the active products, so deactivated goods
//   cost nothing at search time and 'rebuild' recreates exactly the right index. unicode61 with
//   remove_diacritics 2 splits words; prefix indexes of 1-3 characters make the short prefixes a
//   cashier types cheap. Typos and the wrong keyboard layout are handled by rewriting the query
//   (one-edit variants of each word, kept when the index's vocabulary has them; QWERTY <->
//   ЙЦУКЕН) into term look-ups in this index, not by a second (trigram) index: a millisecond or
//   two at 100,000 products, and no extra storage or import time.
// - CatalogRepository writes the index in the same transaction as the product, rather than
//   triggers: FTS5 flushes its pending terms at every statement savepoint, and a trigger runs in
//   one per row, which made a 100,000-product import four times slower (one index segment per
//   product). CatalogRepository::rebuildSearchIndex() repairs the index should anything else
//   ever write products.
// - products.seq is an INTEGER PRIMARY KEY so the rowids the index refers to never change (a
//   VACUUM may renumber the implicit rowid of a table without one).
const std::string_view kCatalogSchemaV2 = R"sql(
CREATE TABLE categories (
    id TEXT PRIMARY KEY,                        -- UUID
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES categories (id) ON DELETE SET NULL,
    sort INTEGER NOT NULL DEFAULT 0,
    updated_at_us INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories (parent_id, sort, name);

CREATE TABLE products (
    seq INTEGER PRIMARY KEY,                    -- stable rowid for the search index
    id TEXT NOT NULL UNIQUE,                    -- UUID, the product's identity everywhere else
    sku TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    name TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),  -- kopecks
    unit INTEGER NOT NULL DEFAULT 0,            -- tag 2108 code (0 = piece)
    vat_rate TEXT NOT NULL DEFAULT 'vat22',     -- ATOL name
    payment_object TEXT NOT NULL DEFAULT 'commodity', -- ATOL name (tag 1212)
    weighed INTEGER NOT NULL DEFAULT 0 CHECK (weighed IN (0, 1)),
    plu INTEGER,                                -- item code on weight labels
    category_id TEXT REFERENCES categories (id) ON DELETE SET NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at_us INTEGER NOT NULL,
    image TEXT,                                 -- file name or URL of the picture
    search_text TEXT NOT NULL                   -- normalised name + SKU (CatalogText.h)
);
CREATE UNIQUE INDEX products_sku ON products (sku) WHERE sku <> '';
CREATE UNIQUE INDEX products_plu ON products (plu) WHERE plu IS NOT NULL;
CREATE INDEX products_category ON products (category_id, name) WHERE active = 1;

-- Exact barcode index: EAN-13 (UPC-A in its EAN-13 form), EAN-8, Code 128 text.
CREATE TABLE barcodes (
    barcode TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0         -- order within the product (0 = main)
) WITHOUT ROWID;
CREATE INDEX barcodes_product ON barcodes (product_id, position);

-- Bumped by every catalog write transaction, so a reader can tell whether what it derived from
-- the catalog (the search vocabulary held in memory) is still current, whoever wrote.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO catalog_state (id, revision) VALUES (1, 0);

CREATE VIEW catalog_search_source AS
    SELECT seq, search_text FROM products WHERE active = 1;

CREATE VIRTUAL TABLE catalog_fts USING fts5 (
    search_text,
    content = 'catalog_search_source',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
)sql";

} // namespace sigma::store

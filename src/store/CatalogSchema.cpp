#include "store/Schema.h"

namespace sigma::store {

// The catalog cache: what the terminal sells, found by barcode (exact index), by PLU (weight
// labels), by SKU and by name (full-text search). Owned by store/CatalogRepository.
//
// Search design (see CatalogRepository::search):
// - products.search_text holds the name and SKU normalised in C++ (lower case, ё -> е, accents
//   and punctuation dropped), so the index and the queries agree however SQLite folds text, and
//   no SQL function of ours is needed to rebuild the index.
// - catalog_fts is an external-content FTS5 table over that column: the text is stored once (in
//   products), the index is kept in step by the triggers below, and it holds active products
//   only, so deactivated goods cost nothing at search time. unicode61 with remove_diacritics 2
//   splits words; prefix indexes of 1-3 characters make the short prefixes a cashier types while
//   searching cheap. Typos and the wrong keyboard layout are handled by rewriting the query (one-
//   edit variants of each word, QWERTY <-> ЙЦУКЕН), not by a trigram index: the variants are
//   exact term look-ups in the index we already have, a few milliseconds at 100,000 products.
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

CREATE VIRTUAL TABLE catalog_fts USING fts5 (
    search_text,
    content = 'products',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- The index holds exactly the active rows; an external-content 'delete' must be given the values
-- that were indexed, hence old.search_text, and only for rows that were indexed.
CREATE TRIGGER products_fts_insert AFTER INSERT ON products WHEN new.active = 1
BEGIN
    INSERT INTO catalog_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products WHEN old.active = 1
BEGIN
    INSERT INTO catalog_fts (catalog_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
-- One trigger for both steps, so the old entry is always removed before the new one is added.
CREATE TRIGGER products_fts_update AFTER UPDATE OF search_text, active ON products
WHEN old.search_text IS NOT new.search_text OR old.active IS NOT new.active
BEGIN
    INSERT INTO catalog_fts (catalog_fts, rowid, search_text)
        SELECT 'delete', old.seq, old.search_text WHERE old.active = 1;
    INSERT INTO catalog_fts (rowid, search_text)
        SELECT new.seq, new.search_text WHERE new.active = 1;
END;
)sql";

} // namespace sigma::store

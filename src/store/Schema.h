#pragma once

#include "db/Migrations.h"

#include <span>

namespace sigma::store {

/// Every migration of terminal.db, in order. Each module owns its own migrations (a version
/// number is assigned here once and never reused); they are expand-only, so an older release
/// can still open and write a database a newer one has migrated.
std::span<const db::Migration> schemaMigrations();

// The modules' schema texts.
extern const std::string_view kCoreSchemaV1;    ///< store/Schema.cpp: settings, shifts, receipts, journal
extern const std::string_view kCatalogSchemaV2; ///< store/CatalogSchema.cpp: products, barcodes, search
extern const std::string_view kStaffSchemaV3;   ///< store/StaffSchema.cpp: employees, customers
extern const std::string_view kStockSchemaV4;   ///< store/StockSchema.cpp: stock documents
extern const std::string_view kFoodSchemaV6;    ///< store/FoodSchema.cpp: hall, orders, kitchen tickets
extern const std::string_view kSyncSchemaV7;    ///< store/SyncSchema.cpp: cloud credentials, pull cursor
extern const std::string_view kServicesSchemaV5; ///< store/ServicesSchema.cpp: masters, appointments

} // namespace sigma::store

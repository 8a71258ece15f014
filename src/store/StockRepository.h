#pragma once

#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/Quantity.h"
#include "core/Result.h"
#include "store/TerminalDatabase.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::store {

/// Error codes of stock documents, 2050-2099 (docs/errors.md, "stock and scales").
namespace stock_errc {
inline constexpr int kDocumentNotFound = 2050; ///< no stock document with this id
inline constexpr int kDocumentPosted = 2051;   ///< posted documents cannot be changed
inline constexpr int kDocumentEmpty = 2052;    ///< posting a document without lines
inline constexpr int kUnknownKind = 2053;      ///< not receiving, writeOff or inventory
inline constexpr int kLineNotFound = 2054;     ///< no line at this position
inline constexpr int kBadCost = 2055;          ///< negative cost, or a cost on a document that has none
} // namespace stock_errc

enum class StockDocumentKind {
    Receiving = 1, ///< приход: goods came in (from a supplier)
    WriteOff,      ///< списание: goods went out without a sale (spoiled, broken, lost)
    Inventory,     ///< инвентаризация: what was counted on the shelves
};

enum class StockDocumentStatus {
    Draft = 1, ///< being filled in; lines may change
    Posted,    ///< final: journaled for the cloud and immutable
};

std::string_view stockDocumentKindName(StockDocumentKind kind);
core::Result<StockDocumentKind> parseStockDocumentKind(std::string_view text);
std::string_view stockDocumentStatusName(StockDocumentStatus status);

struct StockLine {
    int position = 0; ///< 0, 1, ... in the order added; a removed line leaves a gap
    std::string productId;
    std::string sku;
    std::string barcode; ///< the code scanned first, if any
    std::string name;
    core::MeasureUnit unit = core::MeasureUnit::Piece;
    /// Receiving, write-off: the quantity moved. Inventory: the quantity counted.
    core::Quantity quantity;
    std::optional<core::Money> cost; ///< receiving: cost price per unit
    std::string reason;              ///< why, for a write-off line (empty: the document's)
};

struct StockDocument {
    std::string id;
    StockDocumentKind kind = StockDocumentKind::Receiving;
    std::int64_t number = 0;
    StockDocumentStatus status = StockDocumentStatus::Draft;
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;
    std::optional<std::int64_t> postedAtUs;
    std::string employeeId;
    std::string postedBy;
    std::string supplier;
    std::string reason;
    std::string note;
    std::vector<StockLine> lines; ///< by position (empty in list results)
    int lineCount = 0;
};

/// Stock documents in terminal.db. Writes go into the caller's transaction when one is open
/// (till::StockService wraps each operation in one); the schema's triggers refuse any change to
/// a posted document.
class StockRepository {
public:
    explicit StockRepository(TerminalDatabase& database);

    /// The next number of this kind (1, 2, ...): read inside the transaction that inserts.
    core::Result<std::int64_t> nextNumber(StockDocumentKind kind);
    core::Status insert(const StockDocument& document);
    core::Result<std::optional<StockDocument>> find(std::string_view id);
    /// Newest first, without their lines; `kind` and `status` filter when given.
    core::Result<std::vector<StockDocument>> list(std::optional<StockDocumentKind> kind,
                                                  std::optional<StockDocumentStatus> status, int limit, int offset);

    core::Status insertLine(std::string_view documentId, StockDocumentKind kind, const StockLine& line);
    core::Status updateLine(std::string_view documentId, StockDocumentKind kind, const StockLine& line);
    core::Status deleteLine(std::string_view documentId, int position);
    core::Status touch(std::string_view documentId, std::int64_t atUs);
    core::Status markPosted(std::string_view documentId, std::int64_t atUs, std::string_view by);

private:
    core::Result<std::vector<StockLine>> lines(std::string_view documentId);

    TerminalDatabase& m_database;
};

} // namespace sigma::store

#pragma once

#include "core/Money.h"
#include "core/Quantity.h"
#include "store/StockRepository.h"
#include "till/AuthService.h"
#include "till/ProductLookup.h"
#include "till/TillContext.h"

#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// What to put on a document line besides the product.
struct StockLineInput {
    /// Weighed goods: kilograms with 3 decimals (from the scale or typed; a weight label brings its
    /// own). Pieces: default 1.
    std::optional<core::Quantity> quantity;
    std::optional<core::Money> cost; ///< receiving only: cost price per unit
    std::string reason;              ///< write-off only: why this line (empty: the document's reason)
};

/// A new document's header.
struct NewStockDocument {
    store::StockDocumentKind kind = store::StockDocumentKind::Receiving;
    std::string supplier; ///< receiving
    std::string reason;   ///< write-off
    std::string note;
};

/// Stock documents on the terminal: приход (receiving), списание (write-off), инвентаризация
/// (inventory count). A document is a draft while lines are added by scan or SKU; posting makes it
/// final in one durable transaction with its `stock.document` journal event (docs/sync-protocol.md),
/// after which nothing in it may change. The terminal keeps no stock balance: the cloud's ledger
/// does, and for an inventory it computes the differences from the counted quantities.
///
/// Every change needs Permission::ManageCatalog, checked here and not only by the screen.
class StockService {
public:
    StockService(TillContext& context, ProductLookup& lookup);

    core::Result<store::StockDocument> create(const Session& session, const NewStockDocument& header);

    /// A scan (EAN/UPC/Code 128, weight label, marking code's GTIN). Scanning a product already on
    /// the document adds to its line. Returns the line as it is now.
    core::Result<store::StockLine> addByScan(const Session& session, const std::string& documentId,
                                             std::string_view scanned, const StockLineInput& input = {});
    core::Result<store::StockLine> addBySku(const Session& session, const std::string& documentId, std::string_view sku,
                                            const StockLineInput& input = {});
    core::Result<store::StockLine> addProduct(const Session& session, const std::string& documentId,
                                              const store::CatalogProduct& product, const StockLineInput& input,
                                              std::string barcode = {});

    /// Replaces a line's quantity (inventory: zero is a valid count).
    core::Status setQuantity(const Session& session, const std::string& documentId, int position,
                             core::Quantity quantity);
    core::Status setCost(const Session& session, const std::string& documentId, int position,
                         std::optional<core::Money> cost);
    core::Status removeLine(const Session& session, const std::string& documentId, int position);

    /// Makes the document final and journals it. Posting a posted document again changes nothing
    /// and returns it (a double tap is harmless).
    core::Result<store::StockDocument> post(const Session& session, const std::string& documentId);

    core::Result<std::vector<store::StockDocument>> list(std::optional<store::StockDocumentKind> kind = {},
                                                         std::optional<store::StockDocumentStatus> status = {},
                                                         int limit = 100, int offset = 0);
    core::Result<store::StockDocument> find(const std::string& documentId);

    /// The document as JSON for the screen and sigmactl (roubles and quantities as decimals).
    [[nodiscard]] static core::Json toJson(const store::StockDocument& document);
    /// The `stock.document` journal payload (integers only).
    [[nodiscard]] static core::Result<core::Json> eventPayload(const store::StockDocument& document);

    static constexpr std::size_t kMaxTextLength = 256;
    static constexpr std::size_t kMaxLines = 10'000;

private:
    /// The draft with this id, for a change; kDocumentNotFound / kDocumentPosted.
    core::Result<store::StockDocument> draft(const std::string& documentId);
    core::Status checkQuantity(const store::StockDocument& document, const store::StockLine& line,
                               core::Quantity quantity) const;

    TillContext& m_context;
    ProductLookup& m_lookup;
    store::StockRepository m_repository;
};

} // namespace sigma::till

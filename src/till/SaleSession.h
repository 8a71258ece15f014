#pragma once

#include "core/Receipt.h"
#include "core/ReceiptTotals.h"
#include "store/CatalogRepository.h"
#include "till/CheckoutService.h"
#include "till/ProductLookup.h"
#include "till/TillContext.h"

#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// A line on the counter: what goes to the calculator, and where it came from.
struct CartLine {
    core::ReceiptLine line;
    LineOrigin origin;
};

/// A held receipt (отложенный чек) as the list shows it.
struct HeldReceipt {
    std::string id;
    std::int64_t createdAtUs = 0;
    std::string cashierId;
    std::string label;
    int lineCount = 0;
};

/// The receipt being rung up: lines added by scan, SKU or free price, quantities, discounts, the
/// customer. Every change is followed by a full recalculation through core::ReceiptCalculator,
/// so what the screen shows is always what checkout will charge. Hold and resume store the cart in
/// terminal.db so a held receipt survives a restart.
class SaleSession {
public:
    SaleSession(TillContext& context, ProductLookup& lookup);

    /// A scan: EAN/UPC/Code 128, a weight label (weight or price from the label), a marking code.
    /// A weighed product scanned by its plain barcode needs `quantity` (from the scale).
    core::Result<std::size_t> addByScan(std::string_view scanned, std::optional<core::Quantity> quantity = {});
    core::Result<std::size_t> addBySku(std::string_view sku, std::optional<core::Quantity> quantity = {});
    core::Result<std::size_t> addProduct(const store::CatalogProduct& product, std::optional<core::Quantity> quantity,
                                         std::string barcode = {});
    /// A line the catalog does not know (delivery, a service at a negotiated price).
    core::Result<std::size_t> addFreePrice(std::string name, core::Money price, core::VatRate vat,
                                           core::Quantity quantity = core::Quantity::pieces(1),
                                           core::PaymentObject object = core::PaymentObject::Commodity);

    core::Status setQuantity(std::size_t index, core::Quantity quantity);
    core::Status remove(std::size_t index);
    core::Status setLineDiscount(std::size_t index, std::optional<core::Discount> discount);
    core::Status setDiscount(std::optional<core::Discount> discount);
    /// Attributes a line to the employee who did the work (a salon's master); an empty id clears
    /// it. The choice becomes the current one, so the lines added next get it too. Fails with
    /// kNotAMaster for an id that is not an active employee.
    core::Status setStaff(std::size_t index, std::string staffId);
    /// The employee new lines are attributed to (the last chosen); empty: none.
    core::Status setCurrentStaff(std::string staffId);
    [[nodiscard]] const std::string& currentStaff() const { return m_currentStaff; }
    /// The contact (phone or e-mail) the register sends the electronic receipt to (tag 1008).
    void setCustomer(std::string contact) { m_customer = std::move(contact); }
    /// The customer the sale is made to (their visit history); empty: anonymous. Not sent to the
    /// register: only a contact set by setCustomer() is. kCustomerNotFound for an unknown id.
    core::Status setCustomerId(std::string customerId);
    [[nodiscard]] const std::string& customerId() const { return m_customerId; }
    /// The UUID the checkout will use when none is given: set in advance when something must be
    /// linked to the receipt before it exists (an appointment being paid).
    void setReceiptId(std::string uuid) { m_receiptId = std::move(uuid); }
    [[nodiscard]] const std::string& receiptId() const { return m_receiptId; }
    void clear();

    [[nodiscard]] const std::vector<CartLine>& lines() const { return m_lines; }
    [[nodiscard]] bool empty() const { return m_lines.empty(); }
    /// The receipt as the calculator sees it, dated today (the VAT rates of today apply).
    [[nodiscard]] core::Receipt receipt() const;
    [[nodiscard]] core::Result<core::ReceiptTotals> totals() const;

    /// A checkout request for this cart with the given payments.
    [[nodiscard]] CheckoutRequest checkoutRequest(std::vector<core::Payment> payments, const Cashier& cashier,
                                                  std::string uuid = {}) const;

    /// Stores the cart as a held receipt and empties the session; returns its id.
    core::Result<std::string> hold(const Cashier& cashier, std::string label = {});
    /// Loads a held receipt into this (empty) session and removes it from the held list.
    core::Status resume(const std::string& id);
    core::Result<std::vector<HeldReceipt>> held();

    [[nodiscard]] core::Json toJson() const;
    core::Status loadJson(const core::Json& cart);

private:
    core::Status checkIndex(std::size_t index) const;
    core::Status checkQuantity(const core::ReceiptLine& line, core::Quantity quantity) const;
    core::Status checkStaff(const std::string& staffId);

    TillContext& m_context;
    ProductLookup& m_lookup;
    std::vector<CartLine> m_lines;
    std::optional<core::Discount> m_discount;
    std::string m_customer;
    std::string m_customerId;
    std::string m_currentStaff;
    std::string m_receiptId;
};

} // namespace sigma::till

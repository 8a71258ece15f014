#include "till/SaleSession.h"

#include "core/ErrorCodes.h"
#include "core/ReceiptCalculator.h"
#include "core/ReceiptJson.h"
#include "store/CustomerRepository.h"
#include "store/EmployeeRepository.h"
#include "till/TillErrors.h"

namespace sigma::till {

SaleSession::SaleSession(TillContext& context, ProductLookup& lookup) : m_context(context), m_lookup(lookup) {}

core::Status SaleSession::checkIndex(std::size_t index) const
{
    if (index >= m_lines.size()) {
        return core::Error(core::errc::kInvalidArgument, "no line " + std::to_string(index + 1), "line");
    }
    return core::ok();
}

core::Status SaleSession::checkQuantity(const core::ReceiptLine& line, core::Quantity quantity) const
{
    if (!quantity.isPositive()) {
        return core::Error(core::errc::kNonPositiveQuantity, "quantity must be above zero", "quantity");
    }
    if (quantity.thousandths() > core::Quantity::kMaxThousandths) {
        return core::Error(core::errc::kQuantityOutOfRange, "quantity is beyond the limit", "quantity");
    }
    if (!core::measureUnitAllowsFractions(line.unit) && !quantity.isWhole()) {
        return core::Error(core::errc::kFractionalPieces,
                           "'" + line.name + "' is sold by the piece: the quantity must be whole", "quantity");
    }
    return core::ok();
}

core::Status SaleSession::checkStaff(const std::string& staffId)
{
    if (staffId.empty()) {
        return core::ok();
    }
    auto id = core::Uuid::parse(staffId);
    if (!id) {
        return core::Error(errc::kNotAMaster, "'" + staffId + "' is not an employee id", "staffId");
    }
    store::EmployeeRepository employees(m_context.database().connection(), m_context.clock());
    SIGMA_ASSIGN_OR_RETURN(auto employee, employees.findById(*id));
    if (!employee || !employee->active) {
        return core::Error(errc::kNotAMaster, "no active employee " + staffId, "staffId");
    }
    return core::ok();
}

core::Result<std::size_t> SaleSession::addProduct(const store::CatalogProduct& product,
                                                  std::optional<core::Quantity> quantity, std::string barcode)
{
    CartLine cart;
    cart.line.name = product.name;
    cart.line.productRef = product.sku;
    cart.line.unitPrice = product.price;
    cart.line.unit = product.unit;
    cart.line.vat = product.vat;
    cart.line.paymentObject = product.paymentObject;
    if (product.weighed && !quantity) {
        return core::Error(core::errc::kBadQuantity,
                           "'" + product.name + "' is sold by weight: put it on the scale or type the weight",
                           "quantity");
    }
    cart.line.quantity = quantity.value_or(core::Quantity::pieces(1));
    SIGMA_TRY(checkQuantity(cart.line, cart.line.quantity));
    cart.origin.productId = product.id;
    cart.origin.sku = product.sku;
    cart.origin.barcode = std::move(barcode);
    cart.origin.staffId = m_currentStaff;
    // A repeated scan of the same piece product adds to its line instead of a new one (when the
    // same master did it: each line has one).
    if (!product.weighed && !m_lines.empty()) {
        CartLine& last = m_lines.back();
        if (last.origin.productId == product.id && !last.line.discount && !last.line.markingCode &&
            !last.line.amountOverride && last.origin.staffId == m_currentStaff) {
            SIGMA_TRY(setQuantity(m_lines.size() - 1,
                                  core::Quantity::fromThousandths(last.line.quantity.thousandths() +
                                                                  cart.line.quantity.thousandths())));
            return m_lines.size() - 1;
        }
    }
    m_lines.push_back(std::move(cart));
    if (auto totals = this->totals(); !totals) {
        m_lines.pop_back();
        return totals.error();
    }
    return m_lines.size() - 1;
}

core::Result<std::size_t> SaleSession::addByScan(std::string_view scanned, std::optional<core::Quantity> quantity)
{
    SIGMA_ASSIGN_OR_RETURN(LookupResult found, m_lookup.byScan(scanned));
    if (found.weight) {
        quantity = found.weight;
    }
    if (found.labelPrice) {
        // A price label: the scale computed the amount; the quantity is what that buys.
        SIGMA_ASSIGN_OR_RETURN(auto index, addProduct(found.product, core::Quantity::pieces(1), std::string(scanned)));
        m_lines[index].line.amountOverride = *found.labelPrice;
        return index;
    }
    SIGMA_ASSIGN_OR_RETURN(auto index, addProduct(found.product, quantity, std::string(scanned)));
    if (!found.markingCode.empty()) {
        m_lines[index].line.markingCode = found.markingCode;
    }
    return index;
}

core::Result<std::size_t> SaleSession::addBySku(std::string_view sku, std::optional<core::Quantity> quantity)
{
    SIGMA_ASSIGN_OR_RETURN(auto product, m_lookup.bySku(sku));
    return addProduct(product, quantity);
}

core::Result<std::size_t> SaleSession::addFreePrice(std::string name, core::Money price, core::VatRate vat,
                                                    core::Quantity quantity, core::PaymentObject object)
{
    if (name.empty()) {
        return core::Error(core::errc::kEmptyLineName, "a free-price line needs a name", "name");
    }
    if (price.isNegative() || !price.withinRegisterLimit()) {
        return core::Error(core::errc::kNegativePrice, "price must be between 0 and the register limit", "price");
    }
    CartLine cart;
    cart.line.name = std::move(name);
    cart.line.unitPrice = price;
    cart.line.vat = vat;
    cart.line.quantity = quantity;
    cart.line.paymentObject = object;
    cart.line.unit = quantity.isWhole() ? core::MeasureUnit::Piece : core::MeasureUnit::Kilogram;
    cart.origin.staffId = m_currentStaff;
    SIGMA_TRY(checkQuantity(cart.line, quantity));
    m_lines.push_back(std::move(cart));
    if (auto totals = this->totals(); !totals) {
        m_lines.pop_back();
        return totals.error();
    }
    return m_lines.size() - 1;
}

core::Status SaleSession::setQuantity(std::size_t index, core::Quantity quantity)
{
    SIGMA_TRY(checkIndex(index));
    SIGMA_TRY(checkQuantity(m_lines[index].line, quantity));
    const core::Quantity previous = m_lines[index].line.quantity;
    m_lines[index].line.quantity = quantity;
    if (auto totals = this->totals(); !totals) {
        m_lines[index].line.quantity = previous;
        return totals.error();
    }
    return core::ok();
}

core::Status SaleSession::remove(std::size_t index)
{
    SIGMA_TRY(checkIndex(index));
    m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(index));
    if (m_lines.empty()) {
        m_discount.reset();
    }
    return core::ok();
}

core::Status SaleSession::setLineDiscount(std::size_t index, std::optional<core::Discount> discount)
{
    SIGMA_TRY(checkIndex(index));
    const auto previous = m_lines[index].line.discount;
    m_lines[index].line.discount = discount;
    if (auto totals = this->totals(); !totals) {
        m_lines[index].line.discount = previous;
        return totals.error();
    }
    return core::ok();
}

core::Status SaleSession::setDiscount(std::optional<core::Discount> discount)
{
    const auto previous = m_discount;
    m_discount = discount;
    if (auto totals = this->totals(); !totals && !m_lines.empty()) {
        m_discount = previous;
        return totals.error();
    }
    return core::ok();
}

core::Status SaleSession::setStaff(std::size_t index, std::string staffId)
{
    SIGMA_TRY(checkIndex(index));
    SIGMA_TRY(checkStaff(staffId));
    m_lines[index].origin.staffId = staffId;
    m_currentStaff = std::move(staffId);
    return core::ok();
}

core::Status SaleSession::setCustomerId(std::string customerId)
{
    if (!customerId.empty()) {
        auto id = core::Uuid::parse(customerId);
        if (!id) {
            return core::Error(errc::kCustomerNotFound, "no customer " + customerId, "customerId");
        }
        SIGMA_ASSIGN_OR_RETURN(
            auto customer,
            store::CustomerRepository(m_context.database().connection(), m_context.clock()).findById(*id));
        if (!customer) {
            return core::Error(errc::kCustomerNotFound, "no customer " + customerId, "customerId");
        }
        customerId = id->toString();
    }
    m_customerId = std::move(customerId);
    return core::ok();
}

core::Status SaleSession::setCurrentStaff(std::string staffId)
{
    SIGMA_TRY(checkStaff(staffId));
    m_currentStaff = std::move(staffId);
    return core::ok();
}

void SaleSession::clear()
{
    m_lines.clear();
    m_discount.reset();
    m_customer.clear();
    m_customerId.clear();
    m_currentStaff.clear();
    m_receiptId.clear();
}

core::Receipt SaleSession::receipt() const
{
    core::Receipt receipt;
    receipt.vatDate = m_context.today();
    for (const auto& cart : m_lines) {
        receipt.lines.push_back(cart.line);
    }
    receipt.discount = m_discount;
    receipt.customerContact = m_customer;
    return receipt;
}

core::Result<core::ReceiptTotals> SaleSession::totals() const
{
    return core::ReceiptCalculator().calculate(receipt());
}

CheckoutRequest SaleSession::checkoutRequest(std::vector<core::Payment> payments, const Cashier& cashier,
                                             std::string uuid) const
{
    CheckoutRequest request;
    request.uuid = uuid.empty() ? m_receiptId : std::move(uuid);
    request.customerId = m_customerId;
    request.receipt = receipt();
    request.receipt.payments = std::move(payments);
    request.cashier = cashier;
    for (const auto& cart : m_lines) {
        request.origins.push_back(cart.origin);
    }
    return request;
}

core::Json SaleSession::toJson() const
{
    core::Json lines = core::Json::array();
    const auto& vatTable = core::VatTable::standard();
    for (const auto& cart : m_lines) {
        const auto& l = cart.line;
        core::Json line = {{"name", l.name},
                           {"sku", l.productRef},
                           {"price", l.unitPrice.toString()},
                           {"quantity", l.quantity.toString()},
                           {"unit", core::measureUnitCode(l.unit)},
                           {"tax", vatTable.info(l.vat).atolName},
                           {"paymentObject", core::paymentObjectName(l.paymentObject)},
                           {"productId", cart.origin.productId},
                           {"barcode", cart.origin.barcode},
                           {"staffId", cart.origin.staffId}};
        if (l.discount) {
            line["discount"] = l.discount->kind() == core::Discount::Kind::Amount
                                   ? core::Json{{"sum", l.discount->amount().toString()}}
                                   : core::Json{{"percent", l.discount->toString().substr(
                                                                0, l.discount->toString().size() - 1)}};
        }
        if (l.markingCode) {
            line["markingCode"] = *l.markingCode;
        }
        if (l.amountOverride) {
            line["amount"] = l.amountOverride->toString();
        }
        lines.push_back(std::move(line));
    }
    core::Json cart = {{"lines", std::move(lines)}};
    if (m_discount) {
        cart["discount"] = m_discount->kind() == core::Discount::Kind::Amount
                               ? core::Json{{"sum", m_discount->amount().toString()}}
                               : core::Json{{"percent", m_discount->toString().substr(0, m_discount->toString().size() - 1)}};
    }
    if (!m_customer.empty()) {
        cart["customer"] = {{"emailOrPhone", m_customer}};
    }
    if (!m_customerId.empty()) {
        cart["customerId"] = m_customerId;
    }
    if (!m_currentStaff.empty()) {
        cart["currentStaffId"] = m_currentStaff;
    }
    if (!m_receiptId.empty()) {
        cart["receiptId"] = m_receiptId;
    }
    return cart;
}

core::Status SaleSession::loadJson(const core::Json& cart)
{
    SIGMA_ASSIGN_OR_RETURN(core::Receipt parsed, core::receiptFromJson(cart, m_context.today()));
    std::vector<CartLine> lines;
    for (std::size_t i = 0; i < parsed.lines.size(); ++i) {
        CartLine line;
        line.line = parsed.lines[i];
        const auto& json = cart["lines"][i];
        line.origin.productId = json.value("productId", std::string());
        line.origin.sku = json.value("sku", std::string());
        line.origin.barcode = json.value("barcode", std::string());
        line.origin.staffId = json.value("staffId", std::string());
        if (json.contains("amount")) {
            SIGMA_ASSIGN_OR_RETURN(auto amount, core::moneyFromJson(json["amount"], "amount"));
            line.line.amountOverride = amount;
        }
        lines.push_back(std::move(line));
    }
    m_lines = std::move(lines);
    m_discount = parsed.discount;
    m_customer = parsed.customerContact;
    m_customerId = cart.value("customerId", std::string());
    m_currentStaff = cart.value("currentStaffId", std::string());
    m_receiptId = cart.value("receiptId", std::string());
    return core::ok();
}

core::Result<std::string> SaleSession::hold(const Cashier& cashier, std::string label)
{
    if (m_lines.empty()) {
        return core::Error(core::errc::kEmptyReceipt, "nothing to hold: the receipt is empty");
    }
    const std::string id = m_context.newId();
    SIGMA_TRY(m_context.database().transaction([&] {
        return m_context.database().connection().execute(
            "INSERT INTO held_receipts (id, created_at_us, cashier_id, label, cart) VALUES ($1, $2, $3, $4, $5)",
            {id, m_context.nowUs(), cashier.employeeId, label, toJson().dump()});
    }));
    clear();
    return id;
}

core::Status SaleSession::resume(const std::string& id)
{
    if (!m_lines.empty()) {
        return core::Error(core::errc::kInvalidArgument, "finish or hold the current receipt first");
    }
    auto& db = m_context.database().connection();
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT cart FROM held_receipts WHERE id = $1", {id}));
    if (!row) {
        return core::Error(errc::kHeldReceiptNotFound, "no held receipt " + id);
    }
    SIGMA_ASSIGN_OR_RETURN(auto cart, core::parseJsonExact(row->text(0)));
    SIGMA_TRY(loadJson(cart));
    return m_context.database().transaction([&] { return db.execute("DELETE FROM held_receipts WHERE id = $1", {id}); });
}

core::Result<std::vector<HeldReceipt>> SaleSession::held()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          "SELECT id, created_at_us, cashier_id, label, cart FROM held_receipts "
                                          "ORDER BY created_at_us"));
    std::vector<HeldReceipt> out;
    for (const auto& row : rows) {
        HeldReceipt held;
        held.id = row.text(0);
        held.createdAtUs = row.int64(1);
        held.cashierId = row.text(2);
        held.label = row.text(3);
        auto cart = core::parseJsonExact(row.text(4));
        held.lineCount = cart && (*cart).contains("lines") ? static_cast<int>((*cart)["lines"].size()) : 0;
        out.push_back(std::move(held));
    }
    return out;
}

} // namespace sigma::till

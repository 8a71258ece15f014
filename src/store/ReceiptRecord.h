#pragma once

#include "core/ExactJson.h"
#include "core/Money.h"
#include "core/Quantity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::store {

/// A receipt line as stored: what was rung and how it was computed.
struct ReceiptLineRecord {
    int position = 0;
    std::string productId;
    std::string sku;
    std::string barcode;
    std::string name;
    core::Money unitPrice;
    core::Quantity quantity;
    int unit = 0;               ///< tag 2108
    std::string vatRate;        ///< ATOL name
    std::string paymentMethod;  ///< ATOL name
    std::string paymentObject;  ///< ATOL name
    core::Money lineDiscount;
    core::Money receiptDiscount;
    core::Money amount;
    core::Money price;
    core::Money vatSum;
    std::optional<std::string> markingCode;
    std::optional<std::string> staffId;
    std::optional<int> originalPosition;
};

/// A payment as stored, with the card authorisation when there is one.
struct ReceiptPaymentRecord {
    int position = 0;
    std::string type;           ///< cash, electronically, ...
    core::Money sum;
    std::string cardStatus;     ///< "", approved, declined, reversed, reversalPending, refunded
    std::string authCode;
    std::string rrn;
    std::string cardOperationId;
};

struct ReceiptRecord {
    std::string id;
    std::string shiftId;
    std::string operation;      ///< sell, sellReturn, buy, buyReturn, sellCorrection, buyCorrection
    std::string status;         ///< pending, fiscalized, failed
    std::int64_t createdAtUs = 0;
    std::string cashierId;
    core::Money total;
    core::Money discountTotal;
    core::Money change;
    std::string vatDate;
    std::string customerContact;
    std::optional<std::string> customerId; ///< the customer the sale was made to (services), if any
    std::optional<std::string> originalId;
    std::uint32_t registerLastDocument = 0;
    core::Json task;
    std::optional<std::uint32_t> fiscalDocumentNumber;
    std::string fiscalSign;
    core::Json fiscalParams;
    std::string failure;
    std::optional<std::int64_t> fiscalizedAtUs;
    std::vector<ReceiptLineRecord> lines;
    std::vector<ReceiptPaymentRecord> payments;
};

} // namespace sigma::store

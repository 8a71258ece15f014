#pragma once

#include "core/ExactJson.h"
#include "core/Money.h"
#include "core/PaymentMethod.h"
#include "core/PaymentObject.h"
#include "core/PaymentType.h"
#include "core/Quantity.h"
#include "core/ReceiptOperation.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sigma::fiscal {

/// Every ATOL JSON task type the project knows (FISCAL.md).
enum class TaskType {
    OpenShift = 1,
    CloseShift,
    ReportX,
    Sell,
    SellReturn,
    Buy,
    BuyReturn,
    SellCorrection,
    BuyCorrection,
    CashIn,
    CashOut,
    GetShiftStatus,
    GetDeviceStatus,
    GetDeviceInfo,
    GetFnInfo,
    GetFnStatus,
    GetShiftTotals,
    ReportOfdExchangeStatus,
    ContinuePrint,
    PrintLastReceiptCopy,
    NonFiscal,
    GetFnDocument,
    Registration,
    FnChange,
    CloseArchive,
};

std::string_view taskTypeName(TaskType type);
core::Result<TaskType> taskTypeFromName(std::string_view name);

/// The cashier on a document (tags 1021 and 1203).
struct Operator {
    std::string name;
    std::string vatin;
};

/// A fiscal position of a receipt. `amount` is authoritative; `price` is after discounts.
struct PositionItem {
    std::string name;
    core::Money price;
    core::Quantity quantity;
    core::Money amount;
    int measurementUnit = 0; ///< tag 2108 code
    core::PaymentMethod paymentMethod = core::PaymentMethod::FullPayment;
    core::PaymentObject paymentObject = core::PaymentObject::Commodity;
    std::string taxType; ///< as sent; the register checks it (error 144), not the parser
    std::optional<core::Money> taxSum;
    std::optional<std::string> markingCode;
};

/// Non-fiscal items printed on a document.
struct TextItem {
    std::string text;
    std::string alignment = "left";
    bool doubleWidth = false;
    bool doubleHeight = false;
};
struct BarcodeItem {
    std::string barcode;
    std::string barcodeType = "QR";
};
struct PictureItem {};

using ReceiptItem = std::variant<PositionItem, TextItem, BarcodeItem, PictureItem>;

struct PaymentEntry {
    core::PaymentType type = core::PaymentType::Cash;
    core::Money sum;
};

/// sell / sellReturn / buy / buyReturn and the corrections.
struct ReceiptTask {
    core::ReceiptOperation operation = core::ReceiptOperation::Sale;
    std::optional<std::string> taxationType; ///< as sent; the register checks it (error 143)
    bool electronically = false;
    Operator op;
    std::string clientContact;
    std::vector<ReceiptItem> items;
    std::vector<PaymentEntry> payments;
    std::optional<core::Money> total;
    std::string additionalAttribute; ///< tag 1192, up to 16 characters (we put the receipt id there)
    // Corrections only: "self" or "instruction", and the base document.
    std::string correctionType;
    std::string correctionBaseDate;
    std::string correctionBaseNumber;
};

struct CashTask {
    core::Money sum;
    Operator op;
};

struct NonFiscalTask {
    std::vector<ReceiptItem> items; ///< text, barcodes and pictures only
};

struct FnDocumentTask {
    std::uint32_t fiscalDocumentNumber = 0;
    bool withRawData = false;
};

/// registration (also re-registration): the details the register records.
struct RegistrationTask {
    Operator op;
    std::string organizationName;
    std::string organizationVatin;
    std::string organizationAddress;
    std::string organizationEmail;
    std::string registrationNumber;
    std::vector<std::string> taxationTypes;
    std::string ofdName;
    std::string ofdVatin;
    std::string fnsUrl;
};

/// A task with nothing but an operator (shift tasks, queries, fnChange, closeArchive, ...).
struct SimpleTask {
    Operator op;
};

struct Task {
    TaskType type = TaskType::GetDeviceStatus;
    std::variant<SimpleTask, ReceiptTask, CashTask, NonFiscalTask, FnDocumentTask, RegistrationTask> body;
};

/// Limits that keep hostile tasks from growing without bound (FFD limits where they exist).
struct TaskLimits {
    static constexpr std::size_t kMaxItems = 1000;
    static constexpr std::size_t kMaxPayments = 16;
    static constexpr std::size_t kMaxNameChars = 128;  ///< tag 1030
    static constexpr std::size_t kMaxTextChars = 2048; ///< a text line on paper
    static constexpr std::size_t kMaxFieldChars = 256;
};

/// Reads a task into its typed form. Unknown fields are ignored, as the real register does;
/// missing required fields, wrong types and malformed values get ATOL codes 502-504 with the
/// field named. Values only the register can judge (taxation and tax types, shift state) pass
/// through for the register to check in its own order.
core::Result<Task> parseTask(const core::Json& task);
/// parseJsonExact + parseTask, with malformed JSON reported as ATOL code 501.
core::Result<Task> parseTaskText(std::string_view text);

} // namespace sigma::fiscal

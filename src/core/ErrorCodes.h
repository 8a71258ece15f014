#pragma once

// Our own error codes, from 1000 up; codes below 1000 are the ATOL driver's (FISCAL.md).
// Every code here is listed with its meaning in docs/errors.md: keep both in step, and never
// reuse a number once it has shipped (scripts and integrators match on them).

namespace sigma::core::errc {

// 1000-1099: general
inline constexpr int kInternal = 1000;
inline constexpr int kInvalidArgument = 1001;
inline constexpr int kMalformedJson = 1002;
inline constexpr int kNotFound = 1003;
inline constexpr int kIo = 1004;
inline constexpr int kUnsupported = 1005;

// 1100-1199: money, quantity and the tax tables
inline constexpr int kBadMoney = 1100;
inline constexpr int kMoneyOutOfRange = 1101;
inline constexpr int kMoneyOverflow = 1102;
inline constexpr int kBadQuantity = 1103;
inline constexpr int kQuantityOutOfRange = 1104;
inline constexpr int kUnknownVatRate = 1105;
inline constexpr int kVatRateNotValidOnDate = 1106;
inline constexpr int kUnknownTaxSystem = 1107;
inline constexpr int kUnknownPaymentType = 1108;
inline constexpr int kUnknownPaymentMethod = 1109;
inline constexpr int kUnknownPaymentObject = 1110;
inline constexpr int kUnknownMeasureUnit = 1111;
inline constexpr int kBadPercent = 1112;
inline constexpr int kBadDate = 1113;
inline constexpr int kBadUuid = 1114;

// 1200-1299: receipt calculation
inline constexpr int kEmptyReceipt = 1200;
inline constexpr int kNonPositiveQuantity = 1201;
inline constexpr int kNegativePrice = 1202;
inline constexpr int kDiscountAboveAmount = 1203;
inline constexpr int kNotFullyPaid = 1204;
inline constexpr int kNonCashOverpayment = 1205;
inline constexpr int kNonPositivePayment = 1206;
inline constexpr int kFractionalPieces = 1207;
inline constexpr int kEmptyLineName = 1208;
inline constexpr int kTooManyLines = 1209;

} // namespace sigma::core::errc

#pragma once

#include <cstdint>

// FFD tag numbers used by the project. The type and the names of each tag live in one table,
// TagSchema::ffd() (TagSchema.cpp); add a tag there and here together.
namespace sigma::fiscal::ffd::tag {

// Documents: the FN archive wraps each fiscal document in one STLV of its type.
inline constexpr std::uint16_t kRegistrationReport = 1;
inline constexpr std::uint16_t kOpenShiftReport = 2;
inline constexpr std::uint16_t kReceipt = 3;
inline constexpr std::uint16_t kBso = 4;
inline constexpr std::uint16_t kCloseShiftReport = 5;
inline constexpr std::uint16_t kCloseArchiveReport = 6;
inline constexpr std::uint16_t kReRegistrationReport = 11;
inline constexpr std::uint16_t kCurrentStateReport = 21;
inline constexpr std::uint16_t kCorrectionReceipt = 31;
inline constexpr std::uint16_t kCorrectionBso = 41;

inline constexpr std::uint16_t kDocumentName = 1000;
inline constexpr std::uint16_t kBuyerContact = 1008;
inline constexpr std::uint16_t kSettlementAddress = 1009;
inline constexpr std::uint16_t kDateTime = 1012;
inline constexpr std::uint16_t kKktSerialNumber = 1013;
inline constexpr std::uint16_t kOfdInn = 1017;
inline constexpr std::uint16_t kUserInn = 1018;
inline constexpr std::uint16_t kTotal = 1020;
inline constexpr std::uint16_t kCashier = 1021;
inline constexpr std::uint16_t kQuantity = 1023;
inline constexpr std::uint16_t kItemName = 1030;
inline constexpr std::uint16_t kCashTotal = 1031;
inline constexpr std::uint16_t kRegistrationNumber = 1037;
inline constexpr std::uint16_t kShiftNumber = 1038;
inline constexpr std::uint16_t kFiscalDocumentNumber = 1040;
inline constexpr std::uint16_t kFnNumber = 1041;
inline constexpr std::uint16_t kReceiptNumber = 1042;
inline constexpr std::uint16_t kItemTotal = 1043;
inline constexpr std::uint16_t kOfdName = 1046;
inline constexpr std::uint16_t kUserName = 1048;
inline constexpr std::uint16_t kOperation = 1054;
inline constexpr std::uint16_t kTaxSystem = 1055;
inline constexpr std::uint16_t kEncryption = 1056;
inline constexpr std::uint16_t kAgentFlags = 1057;
inline constexpr std::uint16_t kItem = 1059;
inline constexpr std::uint16_t kFnsSite = 1060;
inline constexpr std::uint16_t kTaxSystems = 1062;
inline constexpr std::uint16_t kFiscalSign = 1077;
inline constexpr std::uint16_t kPrice = 1079;
inline constexpr std::uint16_t kElectronicTotal = 1081;
inline constexpr std::uint16_t kAdditionalUserAttribute = 1084;
inline constexpr std::uint16_t kAdditionalUserAttributeName = 1085;
inline constexpr std::uint16_t kAdditionalUserAttributeValue = 1086;
inline constexpr std::uint16_t kUnsentDocuments = 1097;
inline constexpr std::uint16_t kFirstUnsentDateTime = 1098;
inline constexpr std::uint16_t kVat20Total = 1102;
inline constexpr std::uint16_t kVat10Total = 1103;
inline constexpr std::uint16_t kVat0Total = 1104;
inline constexpr std::uint16_t kNoVatTotal = 1105;
inline constexpr std::uint16_t kVat120Total = 1106;
inline constexpr std::uint16_t kVat110Total = 1107;
inline constexpr std::uint16_t kFirstUnsentNumber = 1116;
inline constexpr std::uint16_t kReceiptsInShift = 1118;
inline constexpr std::uint16_t kProductCode = 1162;
inline constexpr std::uint16_t kProductCode12 = 1163;
inline constexpr std::uint16_t kSupplierPhone = 1171;
inline constexpr std::uint16_t kCorrectionType = 1173;
inline constexpr std::uint16_t kCorrectionBasis = 1174;
inline constexpr std::uint16_t kCorrectionDescription = 1177;
inline constexpr std::uint16_t kCorrectionDate = 1178;
inline constexpr std::uint16_t kCorrectionOrderNumber = 1179;
inline constexpr std::uint16_t kSettlementPlace = 1187;
inline constexpr std::uint16_t kAdditionalItemAttribute = 1191;
inline constexpr std::uint16_t kAdditionalReceiptAttribute = 1192;
inline constexpr std::uint16_t kUnitName = 1197;
inline constexpr std::uint16_t kVatRate = 1199;
inline constexpr std::uint16_t kItemVat = 1200;
inline constexpr std::uint16_t kCashierInn = 1203;
inline constexpr std::uint16_t kFfdVersion = 1209;
inline constexpr std::uint16_t kPaymentObject = 1212;
inline constexpr std::uint16_t kPaymentMethod = 1214;
inline constexpr std::uint16_t kPrepaidTotal = 1215;
inline constexpr std::uint16_t kCreditTotal = 1216;
inline constexpr std::uint16_t kOtherTotal = 1217;
inline constexpr std::uint16_t kAgentType = 1222;
inline constexpr std::uint16_t kAgentData = 1223;
inline constexpr std::uint16_t kSupplierData = 1224;
inline constexpr std::uint16_t kSupplierName = 1225;
inline constexpr std::uint16_t kSupplierInn = 1226;
inline constexpr std::uint16_t kBuyerName = 1227;
inline constexpr std::uint16_t kBuyerInn = 1228;
inline constexpr std::uint16_t kBuyerInfo = 1256;
inline constexpr std::uint16_t kIndustryItemAttribute = 1260;
inline constexpr std::uint16_t kIndustryReceiptAttribute = 1261;
inline constexpr std::uint16_t kOperationalAttribute = 1270;
inline constexpr std::uint16_t kFractionalQuantity = 1291;
inline constexpr std::uint16_t kFraction = 1292;
inline constexpr std::uint16_t kNumerator = 1293;
inline constexpr std::uint16_t kDenominator = 1294;
inline constexpr std::uint16_t kMarkingCode = 2000;
inline constexpr std::uint16_t kMeasureUnit = 2108;

} // namespace sigma::fiscal::ffd::tag

#pragma once

#include "core/Money.h"
#include "core/Quantity.h"
#include "core/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::core {

/// What kind of code a scanner (or a person) gave us.
enum class BarcodeKind {
    Ean13 = 1,
    Ean8,
    UpcA,
    Code128,     ///< any other printable ASCII: internal codes, Code 128, Code 39, QR text
    WeightLabel, ///< an in-store EAN-13 (prefix 20-29) from a scale: item code + weight or price
    DataMatrix,  ///< a Честный знак marking code: GTIN + serial + crypto tail
};

std::string_view barcodeKindName(BarcodeKind kind);

/// What the value digits of a weight label carry.
enum class WeightLabelValue {
    Grams = 1,    ///< the weight in grams: 01234 is 1.234 kg
    PriceKopecks, ///< the line's price in kopecks: 01234 is 12.34 ₽
};

/// The layout of the scale labels a shop prints: 2-digit prefix, item code (the product's PLU),
/// value, EAN-13 check digit. The common Russian layout is PP CCCCC WWWWW K; scales can be set up
/// differently (4-digit codes and 6-digit weights, or prices instead of weights), hence the data.
struct WeightLabelFormat {
    /// EAN-13 prefixes that mean "weight label". GS1 reserves 02, 04 and 20-29 for codes valid
    /// only inside one company, so no other prefix may be claimed (it would hide real products).
    std::vector<int> prefixes = {20, 21, 22, 23, 24, 25, 26, 27, 28, 29};
    int itemCodeDigits = 5;
    int valueDigits = 5; ///< itemCodeDigits + valueDigits == 10
    WeightLabelValue value = WeightLabelValue::Grams;

    [[nodiscard]] Status validate() const;
    [[nodiscard]] bool hasPrefix(int prefix) const;
};

/// The content of a weight label.
struct WeightLabel {
    int prefix = 0;
    int itemCode = 0;               ///< the PLU the product is found by
    std::optional<Quantity> weight; ///< kilograms in thousandths (grams), for WeightLabelValue::Grams
    std::optional<Money> price;     ///< for WeightLabelValue::PriceKopecks
};

/// A scanned code, checked and taken apart.
struct ParsedBarcode {
    BarcodeKind kind = BarcodeKind::Code128;
    /// What was scanned, without surrounding white space, AIM prefix or leading FNC1. A marking
    /// code keeps its GS (0x1D) separators: the fiscal register needs the code byte for byte.
    std::string text;
    /// The key of the catalog's barcode index: the code itself; a UPC-A in its EAN-13 form (a
    /// leading 0), so the same pack is found whichever way the scanner reports it; a marking
    /// code's GTIN as the EAN-13 (or EAN-8) printed on the pack.
    std::string lookupKey;
    std::optional<WeightLabel> weightLabel; ///< for BarcodeKind::WeightLabel
    std::string gtin;                       ///< DataMatrix: the 14-digit GTIN (AI 01)
    std::string serial;                     ///< DataMatrix: the serial number (AI 21)
};

/// Checks and classifies a scanned code:
/// - 13 digits: EAN-13 (a weight label when its prefix is one of `format`'s), 12: UPC-A,
///   8: EAN-8; the check digit must be right (the error names the expected digit);
/// - "01" + 14-digit GTIN + "21" + serial (GS-separated AIs after it): a Честный знак DataMatrix
///   marking code, up to 200 characters;
/// - any other printable ASCII of 1-48 characters (GS allowed): Code 128.
/// Surrounding spaces, CR and LF (scanner suffixes), an AIM symbology prefix ("]C1", "]d2") and a
/// leading GS (FNC1) are dropped first.
/// Errors: kEmptyBarcode, kBadCheckDigit, kBadBarcodeCharacters, kBarcodeTooLong, kBadMarkingCode,
/// kBadWeightLabelFormat.
Result<ParsedBarcode> parseBarcode(std::string_view scanned, const WeightLabelFormat& format = {});

/// The GS1 mod-10 check digit ('0'-'9') of a string of digits without its check digit (EAN-8,
/// EAN-13, UPC-A, GTIN-14 all use it). `digits` must hold digits only.
char gtinCheckDigit(std::string_view digits);

} // namespace sigma::core

#include "core/Barcode.h"

#include "core/ErrorCodes.h"

#include <algorithm>
#include <cstdio>

namespace sigma::core {
namespace {

constexpr char kGs = '\x1D';
constexpr std::size_t kMaxCode128Length = 48;
// A Честный знак code with the long (88-character) crypto signature is about 130 characters.
constexpr std::size_t kMaxMarkingCodeLength = 200;
constexpr std::size_t kShownLength = 64;
// GS1 AI 01 + GTIN-14 + AI 21.
constexpr std::size_t kMarkingSerialStart = 2 + 14 + 2;
// The usual serial length of a marking code (tobacco packs differ, but theirs come with GS).
constexpr std::size_t kTypicalSerialLength = 13;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

bool isPrintableAscii(char c)
{
    return c >= 0x20 && c <= 0x7E;
}

/// The code as a message may show it: at most 64 characters, GS as <GS>, other bytes that are not
/// printable ASCII as \xNN (so the message stays valid UTF-8 whatever was scanned).
std::string shown(std::string_view text)
{
    std::string out;
    const std::size_t n = std::min(text.size(), kShownLength);
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == kGs) {
            out += "<GS>";
        } else if (isPrintableAscii(c)) {
            out += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += hex;
        }
    }
    if (text.size() > n) {
        out += "...";
    }
    return out;
}

bool isTrimmable(char c)
{
    return c == ' ' || c == '\r' || c == '\n' || c == '\t';
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && isTrimmable(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isTrimmable(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// Scanners configured to send AIM symbology identifiers put "]" + letter + digit first ("]E0"
/// EAN-13, "]C1" GS1-128, "]d2" GS1 DataMatrix); it is not part of the code.
std::string_view stripAimPrefix(std::string_view text)
{
    if (text.size() > 3 && text[0] == ']' &&
        ((text[1] >= 'A' && text[1] <= 'Z') || (text[1] >= 'a' && text[1] <= 'z')) &&
        (isDigit(text[2]) || (text[2] >= 'A' && text[2] <= 'Z'))) {
        return text.substr(3);
    }
    return text;
}

int digitsValue(std::string_view digits)
{
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

Status checkDigitOk(std::string_view code, std::string_view what)
{
    const char expected = gtinCheckDigit(code.substr(0, code.size() - 1));
    if (code.back() != expected) {
        return Error(errc::kBadCheckDigit, "bad check digit in " + std::string(what) + " " + std::string(code) +
                                               ": expected " + std::string(1, expected) + ", found " +
                                               std::string(1, code.back()));
    }
    return ok();
}

/// The barcode printed on the pack for a GTIN-14 with indicator 0: EAN-8 when it is padded with
/// six zeros, else EAN-13 (which also covers UPC-A, stored as EAN-13 with a leading 0).
std::string gtinLookupKey(std::string_view gtin)
{
    if (gtin.substr(0, 6) == "000000") {
        return std::string(gtin.substr(6));
    }
    if (gtin.front() == '0') {
        return std::string(gtin.substr(1));
    }
    return std::string(gtin);
}

bool looksLikeMarkingCode(std::string_view text)
{
    return text.size() > kMarkingSerialStart && text.substr(0, 2) == "01" && allDigits(text.substr(2, 14)) &&
           text.substr(16, 2) == "21";
}

Result<ParsedBarcode> parseMarkingCode(std::string_view text)
{
    ParsedBarcode parsed;
    parsed.kind = BarcodeKind::DataMatrix;
    parsed.text = std::string(text);
    parsed.gtin = std::string(text.substr(2, 14));
    SIGMA_TRY(checkDigitOk(parsed.gtin, "the GTIN of marking code"));
    parsed.lookupKey = gtinLookupKey(parsed.gtin);

    // The serial runs to the next GS. Scanners set up without FNC1 translation drop the GS; then
    // the usual 13-character serial followed by AI 91 or 93 is the best guess there is.
    const std::string_view rest = text.substr(kMarkingSerialStart);
    if (const auto gs = rest.find(kGs); gs != std::string_view::npos) {
        parsed.serial = std::string(rest.substr(0, gs));
    } else if (rest.size() > kTypicalSerialLength + 2 &&
               (rest.substr(kTypicalSerialLength, 2) == "91" || rest.substr(kTypicalSerialLength, 2) == "93")) {
        parsed.serial = std::string(rest.substr(0, kTypicalSerialLength));
    } else {
        parsed.serial = std::string(rest);
    }
    if (parsed.serial.empty()) {
        return Error(errc::kBadMarkingCode, "marking code " + shown(text) + " has no serial number");
    }
    return parsed;
}

Result<ParsedBarcode> parseNumeric(std::string_view code, const WeightLabelFormat& format)
{
    ParsedBarcode parsed;
    parsed.text = std::string(code);
    parsed.lookupKey = parsed.text;
    switch (code.size()) {
    case 8:
        SIGMA_TRY(checkDigitOk(code, "EAN-8"));
        parsed.kind = BarcodeKind::Ean8;
        return parsed;
    case 12:
        SIGMA_TRY(checkDigitOk(code, "UPC-A"));
        parsed.kind = BarcodeKind::UpcA;
        parsed.lookupKey = "0" + parsed.text;
        return parsed;
    case 13: {
        SIGMA_TRY(checkDigitOk(code, "EAN-13"));
        parsed.kind = BarcodeKind::Ean13;
        const int prefix = digitsValue(code.substr(0, 2));
        if (!format.hasPrefix(prefix)) {
            return parsed;
        }
        const auto itemDigits = static_cast<std::size_t>(format.itemCodeDigits);
        const auto valueDigits = static_cast<std::size_t>(format.valueDigits);
        WeightLabel label;
        label.prefix = prefix;
        label.itemCode = digitsValue(code.substr(2, itemDigits));
        const int value = digitsValue(code.substr(2 + itemDigits, valueDigits));
        if (format.value == WeightLabelValue::Grams) {
            label.weight = Quantity::fromThousandths(value); // grams are thousandths of a kilogram
        } else {
            label.price = Money::fromKopecks(value);
        }
        parsed.kind = BarcodeKind::WeightLabel;
        parsed.weightLabel = label;
        return parsed;
    }
    default:
        parsed.kind = BarcodeKind::Code128;
        return parsed;
    }
}

} // namespace

std::string_view barcodeKindName(BarcodeKind kind)
{
    switch (kind) {
    case BarcodeKind::Ean13:
        return "ean13";
    case BarcodeKind::Ean8:
        return "ean8";
    case BarcodeKind::UpcA:
        return "upcA";
    case BarcodeKind::Code128:
        return "code128";
    case BarcodeKind::WeightLabel:
        return "weightLabel";
    case BarcodeKind::DataMatrix:
        return "dataMatrix";
    }
    return "code128";
}

Status WeightLabelFormat::validate() const
{
    if (prefixes.empty()) {
        return Error(errc::kBadWeightLabelFormat, "weight label format has no prefixes", "prefixes");
    }
    for (int prefix : prefixes) {
        const bool restricted = prefix == 2 || prefix == 4 || (prefix >= 20 && prefix <= 29);
        if (!restricted) {
            return Error(errc::kBadWeightLabelFormat,
                         "weight label prefix " + std::to_string(prefix) +
                             " is not a restricted-circulation prefix (02, 04, 20-29)",
                         "prefixes");
        }
    }
    if (itemCodeDigits < 1 || valueDigits < 1 || itemCodeDigits + valueDigits != 10) {
        return Error(errc::kBadWeightLabelFormat,
                     "weight label item code and value digits must be at least 1 each and add up to 10 (got " +
                         std::to_string(itemCodeDigits) + " + " + std::to_string(valueDigits) + ")",
                     "itemCodeDigits");
    }
    return ok();
}

bool WeightLabelFormat::hasPrefix(int prefix) const
{
    return std::find(prefixes.begin(), prefixes.end(), prefix) != prefixes.end();
}

char gtinCheckDigit(std::string_view digits)
{
    // Weights 3 and 1 alternate from the rightmost data digit, whatever the code's length.
    int sum = 0;
    bool three = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * (three ? 3 : 1);
        three = !three;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

Result<ParsedBarcode> parseBarcode(std::string_view scanned, const WeightLabelFormat& format)
{
    SIGMA_TRY(format.validate());
    std::string_view text = stripAimPrefix(trim(scanned));
    while (!text.empty() && text.front() == kGs) {
        text.remove_prefix(1); // FNC1 in first position, sent as GS by some scanners
    }
    if (text.empty()) {
        return Error(errc::kEmptyBarcode, "empty barcode");
    }
    for (char c : text) {
        if (!isPrintableAscii(c) && c != kGs) {
            const bool nonAscii = static_cast<unsigned char>(c) >= 0x80;
            return Error(errc::kBadBarcodeCharacters,
                         "barcode " + shown(text) + " holds " +
                             (nonAscii ? "non-ASCII characters (is the scanner typing in the Russian keyboard layout?)"
                                       : "control characters"));
        }
    }
    if (looksLikeMarkingCode(text)) {
        if (text.size() > kMaxMarkingCodeLength) {
            return Error(errc::kBarcodeTooLong, "marking code " + shown(text) + " is longer than " +
                                                    std::to_string(kMaxMarkingCodeLength) + " characters");
        }
        return parseMarkingCode(text);
    }
    if (text.size() > kMaxCode128Length) {
        return Error(errc::kBarcodeTooLong,
                     "barcode " + shown(text) + " is longer than " + std::to_string(kMaxCode128Length) + " characters");
    }
    if (allDigits(text)) {
        return parseNumeric(text, format);
    }
    ParsedBarcode parsed;
    parsed.kind = BarcodeKind::Code128;
    parsed.text = std::string(text);
    parsed.lookupKey = parsed.text;
    return parsed;
}

} // namespace sigma::core

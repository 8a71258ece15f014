#include "core/Barcode.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sigma::core {
namespace {

const std::string kGs = "\x1D";
// A Честный знак code: AI 01 GTIN 04601234567893, AI 21 serial 5Ab3Cd!xyz+12, GS, AI 91 key id,
// GS, AI 92 signature.
const std::string kMarking =
    "0104601234567893215Ab3Cd!xyz+12" + kGs + "91EE06" + kGs + "92dGVzdHNpZ25hdHVyZXRlc3RzaWduYXR1cmV0ZXN0c2ln";

TEST(Barcode, CheckDigitOfKnownCodes)
{
    EXPECT_EQ(gtinCheckDigit("400638133393"), '1'); // EAN-13 4006381333931
    EXPECT_EQ(gtinCheckDigit("7351353"), '7');      // EAN-8 73513537
    EXPECT_EQ(gtinCheckDigit("03600029145"), '2');  // UPC-A 036000291452
    EXPECT_EQ(gtinCheckDigit("0460123456789"), '3');
}

TEST(Barcode, Ean13ValidAndInvalid)
{
    auto ok = parseBarcode("4006381333931");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->kind, BarcodeKind::Ean13);
    EXPECT_EQ(ok->lookupKey, "4006381333931");
    EXPECT_FALSE(ok->weightLabel);

    auto bad = parseBarcode("4006381333932");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, errc::kBadCheckDigit);
    EXPECT_NE(bad.error().message.find("expected 1"), std::string::npos) << bad.error().message;
    EXPECT_NE(bad.error().message.find("EAN-13"), std::string::npos);
}

TEST(Barcode, Ean8ValidAndInvalid)
{
    auto ok = parseBarcode("73513537");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->kind, BarcodeKind::Ean8);
    EXPECT_EQ(ok->lookupKey, "73513537");

    auto bad = parseBarcode("73513530");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, errc::kBadCheckDigit);
    EXPECT_NE(bad.error().message.find("expected 7"), std::string::npos) << bad.error().message;
}

TEST(Barcode, UpcAIsKeyedAsItsEan13Form)
{
    auto ok = parseBarcode("036000291452");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->kind, BarcodeKind::UpcA);
    EXPECT_EQ(ok->text, "036000291452");
    EXPECT_EQ(ok->lookupKey, "0036000291452");
    // The same pack scanned by a scanner that reports EAN-13 has the same key.
    auto asEan = parseBarcode("0036000291452");
    ASSERT_TRUE(asEan.ok());
    EXPECT_EQ(asEan->lookupKey, ok->lookupKey);

    auto bad = parseBarcode("036000291453");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, errc::kBadCheckDigit);
    EXPECT_NE(bad.error().message.find("expected 2"), std::string::npos);
}

TEST(Barcode, OtherPrintableAsciiIsCode128)
{
    for (const std::string& code :
         std::vector<std::string>{"A-1", "ABC123", "12345", "12345678901234", "x y", std::string(48, 'Z')}) {
        auto parsed = parseBarcode(code);
        ASSERT_TRUE(parsed.ok()) << code << ": " << parsed.error().message;
        EXPECT_EQ(parsed->kind, BarcodeKind::Code128) << code;
        EXPECT_EQ(parsed->lookupKey, code);
    }
}

TEST(Barcode, ScannerSuffixesAndPrefixesAreDropped)
{
    auto withCrLf = parseBarcode("  4006381333931\r\n");
    ASSERT_TRUE(withCrLf.ok());
    EXPECT_EQ(withCrLf->lookupKey, "4006381333931");
    auto withAim = parseBarcode("]E04006381333931");
    ASSERT_TRUE(withAim.ok());
    EXPECT_EQ(withAim->kind, BarcodeKind::Ean13);
    EXPECT_EQ(withAim->lookupKey, "4006381333931");
}

TEST(Barcode, EmptyTooLongAndBadCharacters)
{
    EXPECT_EQ(parseBarcode("").error().code, errc::kEmptyBarcode);
    EXPECT_EQ(parseBarcode(" \r\n").error().code, errc::kEmptyBarcode);
    EXPECT_EQ(parseBarcode(std::string(49, 'Z')).error().code, errc::kBarcodeTooLong);

    auto cyrillic = parseBarcode("АБВ123"); // a scanner typing in the Russian layout
    ASSERT_FALSE(cyrillic.ok());
    EXPECT_EQ(cyrillic.error().code, errc::kBadBarcodeCharacters);
    EXPECT_NE(cyrillic.error().message.find("layout"), std::string::npos);

    auto control = parseBarcode(std::string("AB") + '\x01' + "C");
    ASSERT_FALSE(control.ok());
    EXPECT_EQ(control.error().code, errc::kBadBarcodeCharacters);
    EXPECT_NE(control.error().message.find("\\x01"), std::string::npos) << control.error().message;
}

TEST(Barcode, WeightLabelInGrams)
{
    // 20 12345 01234 9: item 12345, 1.234 kg
    auto parsed = parseBarcode("2012345012349");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->kind, BarcodeKind::WeightLabel);
    ASSERT_TRUE(parsed->weightLabel);
    EXPECT_EQ(parsed->weightLabel->prefix, 20);
    EXPECT_EQ(parsed->weightLabel->itemCode, 12345);
    ASSERT_TRUE(parsed->weightLabel->weight);
    EXPECT_EQ(parsed->weightLabel->weight->thousandths(), 1234);
    EXPECT_FALSE(parsed->weightLabel->price);
    EXPECT_EQ(parsed->lookupKey, "2012345012349");

    // 21 00123 00450 8: item 123, 0.450 kg
    auto small = parseBarcode("2100123004508");
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small->weightLabel->itemCode, 123);
    EXPECT_EQ(small->weightLabel->weight->thousandths(), 450);

    EXPECT_EQ(parseBarcode("2012345012340").error().code, errc::kBadCheckDigit);
}

TEST(Barcode, WeightLabelWithPriceAndOtherLayouts)
{
    WeightLabelFormat priced;
    priced.value = WeightLabelValue::PriceKopecks;
    auto parsed = parseBarcode("2012345012349", priced);
    ASSERT_TRUE(parsed.ok());
    ASSERT_TRUE(parsed->weightLabel->price);
    EXPECT_EQ(parsed->weightLabel->price->kopecks(), 1234);
    EXPECT_FALSE(parsed->weightLabel->weight);

    WeightLabelFormat fourSix;
    fourSix.itemCodeDigits = 4;
    fourSix.valueDigits = 6;
    auto other = parseBarcode("2012345012349", fourSix);
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->weightLabel->itemCode, 1234);
    EXPECT_EQ(other->weightLabel->weight->thousandths(), 501234);

    // Only 21 is a weight prefix: 20... is an ordinary in-store EAN-13.
    WeightLabelFormat only21;
    only21.prefixes = {21};
    auto plain = parseBarcode("2012345012349", only21);
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain->kind, BarcodeKind::Ean13);
}

TEST(Barcode, WeightLabelFormatIsValidated)
{
    WeightLabelFormat wrongDigits;
    wrongDigits.valueDigits = 6;
    EXPECT_EQ(parseBarcode("2012345012349", wrongDigits).error().code, errc::kBadWeightLabelFormat);
    WeightLabelFormat russianPrefix;
    russianPrefix.prefixes = {46}; // would turn every Russian product into a weight label
    EXPECT_EQ(russianPrefix.validate().error().code, errc::kBadWeightLabelFormat);
    WeightLabelFormat none;
    none.prefixes.clear();
    EXPECT_FALSE(none.validate().ok());
    EXPECT_TRUE(WeightLabelFormat{}.validate().ok());
}

TEST(Barcode, DataMatrixMarkingCodeKeepsGsAndYieldsGtin)
{
    auto parsed = parseBarcode(kMarking);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->kind, BarcodeKind::DataMatrix);
    EXPECT_EQ(parsed->gtin, "04601234567893");
    EXPECT_EQ(parsed->lookupKey, "4601234567893");
    EXPECT_EQ(parsed->serial, "5Ab3Cd!xyz+12");
    EXPECT_EQ(parsed->text, kMarking);
    EXPECT_NE(parsed->text.find('\x1D'), std::string::npos);

    // A scanner sending FNC1 as a leading GS, or an AIM prefix: the code itself is unchanged.
    auto leadingGs = parseBarcode(kGs + kMarking);
    ASSERT_TRUE(leadingGs.ok());
    EXPECT_EQ(leadingGs->text, kMarking);
    auto aim = parseBarcode("]d2" + kMarking);
    ASSERT_TRUE(aim.ok());
    EXPECT_EQ(aim->text, kMarking);
}

TEST(Barcode, DataMatrixWithoutGsSeparatorsAndErrors)
{
    const std::string noGs = "0104601234567893215Ab3Cd!xyz+1291EE0692c2lnbmF0dXJl"; // serial, then AI 91
    auto parsed = parseBarcode(noGs);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->kind, BarcodeKind::DataMatrix);
    EXPECT_EQ(parsed->serial, "5Ab3Cd!xyz+12");

    auto badGtin = parseBarcode("0104601234567890215Ab3Cd!xyz+12");
    ASSERT_FALSE(badGtin.ok());
    EXPECT_EQ(badGtin.error().code, errc::kBadCheckDigit);
    EXPECT_NE(badGtin.error().message.find("expected 3"), std::string::npos);

    const std::string gtinAndAi21 = "010460123456789321";
    EXPECT_EQ(parseBarcode(gtinAndAi21 + kGs + "91EE06").error().code, errc::kBadMarkingCode);
    EXPECT_EQ(parseBarcode(gtinAndAi21 + std::string(190, 'x')).error().code, errc::kBarcodeTooLong);

    // A marking code may be longer than a Code 128 one.
    auto longCode = parseBarcode(gtinAndAi21 + "5Ab3Cd!xyz+12" + kGs + "91EE06" + kGs + "92" + std::string(88, 'A'));
    ASSERT_TRUE(longCode.ok()) << longCode.error().message;
}

TEST(Barcode, EightDigitGtinMapsToEan8)
{
    auto parsed = parseBarcode("010000007351353721serial1");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->lookupKey, "73513537");
}

TEST(Barcode, KindNames)
{
    EXPECT_EQ(barcodeKindName(BarcodeKind::Ean13), "ean13");
    EXPECT_EQ(barcodeKindName(BarcodeKind::WeightLabel), "weightLabel");
    EXPECT_EQ(barcodeKindName(BarcodeKind::DataMatrix), "dataMatrix");
}

} // namespace
} // namespace sigma::core

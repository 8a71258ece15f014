#include "fiscal/ffd/TlvCodec.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/Tags.h"
#include "fiscal/ffd/TlvTestSupport.h"

#include <gtest/gtest.h>

#include <random>

namespace sigma::fiscal::ffd {
namespace {

using test::hexBytes;

std::vector<std::uint8_t> encodeOk(const std::vector<TlvNode>& nodes)
{
    auto bytes = encode(nodes);
    EXPECT_TRUE(bytes.ok()) << bytes.error().message;
    return bytes.ok() ? *bytes : std::vector<std::uint8_t>{};
}

std::vector<TlvNode> decodeOk(const std::vector<std::uint8_t>& bytes)
{
    auto nodes = decode(bytes);
    EXPECT_TRUE(nodes.ok()) << nodes.error().message;
    return nodes.ok() ? *nodes : std::vector<TlvNode>{};
}

core::Error decodeError(const std::vector<std::uint8_t>& bytes, const DecodeLimits& limits = {})
{
    auto nodes = decode(bytes, TagSchema::ffd(), limits);
    EXPECT_FALSE(nodes.ok()) << "decoded " << nodes->size() << " nodes";
    return nodes.ok() ? core::Error{} : nodes.error();
}

bool mentionsOffset(const core::Error& error, std::size_t offset)
{
    return error.message.find("byte offset " + std::to_string(offset) + ")") != std::string::npos;
}

// The line item of the examples: bread, 45.90, one piece, full payment, VAT 22%.
TlvNode breadItem()
{
    return TlvNode::stlv(tag::kItem, {TlvNode::string(tag::kItemName, "Хлеб"), TlvNode::vln(tag::kPrice, 4590),
                                      TlvNode::fvln(tag::kQuantity, 0, 1).value()});
}

// 1059 = 0x0423; 1030 = 0x0406 "Хлеб" in CP866; 1079 = 0x0437 4590 = 0x11EE; 1023 = 0x03FF {0, 1}.
const char* const kBreadItemHex = "23 04 14 00"
                                  " 06 04 04 00 95 AB A5 A1"
                                  " 37 04 02 00 EE 11"
                                  " FF 03 02 00 00 01";

TEST(TlvCodec, EncodesTotalAsMinimalVln)
{
    // 1020 = 0x03FC, 39075 = 0x98A3: two value bytes.
    EXPECT_EQ(encodeOk({TlvNode::vln(tag::kTotal, 39075)}), hexBytes("FC 03 02 00 A3 98"));
    // The same sum written by a device that uses 3 bytes decodes to the same number.
    EXPECT_EQ(encodeOk({TlvNode::vlnFixed(tag::kTotal, 39075, 3).value()}), hexBytes("FC 03 03 00 A3 98 00"));
    auto decoded = decodeOk(hexBytes("FC 03 03 00 A3 98 00"));
    ASSERT_EQ(decoded.size(), 1U);
    EXPECT_EQ(*decoded[0].asVln(), 39075U);
}

TEST(TlvCodec, EncodesKnownVectors)
{
    EXPECT_EQ(encodeOk({TlvNode::string(tag::kCashier, "Иванов")}), hexBytes("FD 03 06 00 88 A2 A0 AD AE A2"));
    EXPECT_EQ(encodeOk({TlvNode::fvln(tag::kQuantity, 3, 125).value()}), hexBytes("FF 03 02 00 03 7D"));
    EXPECT_EQ(encodeOk({TlvNode::unixTime(tag::kDateTime, 1520344320).value()}), hexBytes("F4 03 04 00 00 9D 9E 5A"));
    EXPECT_EQ(encodeOk({TlvNode::byte(tag::kOperation, 1)}), hexBytes("1E 04 01 00 01"));
    EXPECT_EQ(encodeOk({TlvNode::bytes(tag::kFiscalSign, hexBytes("00 01 59 11 99 9C"))}),
              hexBytes("35 04 06 00 00 01 59 11 99 9C"));
    EXPECT_EQ(encodeOk({breadItem()}), hexBytes(kBreadItemHex));
    EXPECT_EQ(encodeOk({TlvNode::stlv(tag::kItem, {})}), hexBytes("23 04 00 00"));
    EXPECT_EQ(encodeOk({TlvNode::string(tag::kItemName, "")}), hexBytes("06 04 00 00"));
    EXPECT_TRUE(encodeOk({}).empty());
}

TEST(TlvCodec, DecodesAnStlvWithTypesFromTheDictionary)
{
    const auto nodes = decodeOk(hexBytes(kBreadItemHex));
    ASSERT_EQ(nodes.size(), 1U);
    EXPECT_EQ(nodes[0], breadItem());
    const TlvNode& item = nodes[0];
    EXPECT_TRUE(item.isStlv());
    EXPECT_EQ(*item.find(tag::kItemName)->asString(), "Хлеб");
    EXPECT_EQ(item.find(tag::kItemName)->type(), TlvType::String);
    EXPECT_EQ(item.find(tag::kPrice)->type(), TlvType::Vln);
    EXPECT_EQ(*item.find(tag::kQuantity)->asFvln(), (FvlnValue{0, 1}));
}

std::vector<TlvNode> sampleReceipt()
{
    std::vector<TlvNode> lines;
    lines.push_back(breadItem());
    lines.push_back(TlvNode::stlv(
        tag::kItem,
        {TlvNode::string(tag::kItemName, "Сыр «Российский», кг"), TlvNode::vln(tag::kPrice, 89990),
         TlvNode::quantity(tag::kQuantity, core::Quantity::fromThousandths(125)).value(),
         TlvNode::vln(tag::kItemTotal, 11249), TlvNode::byte(tag::kVatRate, 11), TlvNode::byte(tag::kPaymentMethod, 4),
         TlvNode::byte(tag::kPaymentObject, 1), TlvNode::byte(tag::kMeasureUnit, 11),
         TlvNode::stlv(tag::kSupplierData, {TlvNode::string(tag::kSupplierName, "ООО Ромашка"),
                                            TlvNode::string(tag::kSupplierInn, "7707083893")})}));
    std::vector<TlvNode> receipt = {
        TlvNode::unixTime(tag::kDateTime, 1796398245).value(),
        TlvNode::vlnFixed(tag::kFiscalDocumentNumber, 71, 4).value(),
        TlvNode::vlnFixed(tag::kShiftNumber, 12, 4).value(),
        TlvNode::string(tag::kFnNumber, "9999078900000961"),
        TlvNode::string(tag::kCashier, "Кассир Иванов Ё ё №"),
        TlvNode::string(tag::kCashierInn, "500100732259"),
        TlvNode::byte(tag::kOperation, 1),
        TlvNode::byte(tag::kTaxSystem, 1),
        TlvNode::vln(tag::kTotal, 15839),
        TlvNode::vln(tag::kCashTotal, 15839),
        TlvNode::vln(tag::kElectronicTotal, 0),
        TlvNode::bytes(tag::kFiscalSign, hexBytes("00 01 59 11 99 9C")),
        TlvNode::raw(60000, TlvType::Bytes, hexBytes("DE AD BE EF")),
    };
    receipt.insert(receipt.begin() + 8, lines.begin(), lines.end());
    return {TlvNode::stlv(tag::kReceipt, std::move(receipt))};
}

TEST(TlvCodec, ReceiptRoundTripsThroughBytes)
{
    const auto document = sampleReceipt();
    const auto bytes = encodeOk(document);
    const auto decoded = decodeOk(bytes);
    EXPECT_EQ(decoded, document);
    EXPECT_EQ(encodeOk(decoded), bytes);
    const TlvNode* receipt = findTag(decoded, tag::kReceipt);
    ASSERT_NE(receipt, nullptr);
    EXPECT_EQ(receipt->findAll(tag::kItem).size(), 2U);
    EXPECT_EQ(*receipt->find(tag::kCashier)->asString(), "Кассир Иванов Ё ё №");
    EXPECT_EQ(*receipt->findAll(tag::kItem)[1]->find(tag::kItemName)->asString(), "Сыр ?Российский?, кг");
    EXPECT_EQ(*receipt->findAll(tag::kItem)[1]->find(tag::kSupplierData)->find(tag::kSupplierInn)->asString(),
              "7707083893");
}

TEST(TlvCodec, EveryValueTypeRoundTrips)
{
    const std::vector<TlvNode> nodes = {
        TlvNode::vln(tag::kTotal, 0),
        TlvNode::vln(tag::kTotal, std::numeric_limits<std::uint64_t>::max()),
        TlvNode::fvln(tag::kQuantity, 9, 123456789).value(),
        TlvNode::unixTime(tag::kDateTime, 0xFFFFFFFF).value(),
        TlvNode::byte(tag::kVatRate, 0xFF),
        TlvNode::string(tag::kUserName, "ИП Петров П. П."),
        TlvNode::bytes(tag::kProductCode, hexBytes("00 01 02 FE FF")),
        TlvNode::stlv(tag::kItem, {TlvNode::stlv(tag::kAgentData, {})}),
        TlvNode::raw(0xFFFF, TlvType::Bytes, {}),
    };
    EXPECT_EQ(decodeOk(encodeOk(nodes)), nodes);
}

TEST(TlvCodec, UnknownTagsDecodeAsRawBytes)
{
    const auto nodes = decodeOk(hexBytes("39 30 03 00 01 02 03")); // 12345
    ASSERT_EQ(nodes.size(), 1U);
    EXPECT_EQ(nodes[0].tag(), 12345);
    EXPECT_EQ(nodes[0].type(), TlvType::Bytes);
    EXPECT_EQ(nodes[0].value(), hexBytes("01 02 03"));
}

TEST(TlvCodec, CustomSchemaDecidesWhatIsNested)
{
    const auto bytes = hexBytes("39 30 05 00 01 00 01 00 2A");
    const TagSchema nested({{12345, TlvType::Stlv, "box", "коробка", "box"}, {1, TlvType::Byte, "x", "х", "x"}});
    auto asNested = decode(bytes, nested);
    ASSERT_TRUE(asNested.ok()) << asNested.error().message;
    ASSERT_EQ(asNested->at(0).children().size(), 1U);
    EXPECT_EQ(*asNested->at(0).children()[0].asByte(), 42);
    // The same bytes under the FFD dictionary: 12345 is unknown, one opaque value.
    auto flat = decode(bytes);
    ASSERT_TRUE(flat.ok());
    EXPECT_TRUE(flat->at(0).children().empty());
    EXPECT_EQ(flat->at(0).value().size(), 5U);
}

TEST(TlvCodec, EmptyInputIsAnEmptyDocument)
{
    auto nodes = decode(std::span<const std::uint8_t>{});
    ASSERT_TRUE(nodes.ok());
    EXPECT_TRUE(nodes->empty());
}

TEST(TlvCodec, TruncatedHeaderIsAnError)
{
    for (const char* hex : {"FC", "FC 03", "FC 03 02"}) {
        const auto error = decodeError(hexBytes(hex));
        EXPECT_EQ(error.code, core::errc::kTlvTruncated) << hex;
        EXPECT_TRUE(mentionsOffset(error, 0)) << error.message;
    }
    // A complete TLV followed by a cut header: the offset points at the second one.
    const auto error = decodeError(hexBytes("FC 03 02 00 A3 98 FD"));
    EXPECT_EQ(error.code, core::errc::kTlvTruncated);
    EXPECT_TRUE(mentionsOffset(error, 6)) << error.message;
}

TEST(TlvCodec, LengthPastTheEndIsAnError)
{
    const auto error = decodeError(hexBytes("FC 03 05 00 A3 98"));
    EXPECT_EQ(error.code, core::errc::kTlvTruncated);
    EXPECT_TRUE(mentionsOffset(error, 0)) << error.message;
    EXPECT_EQ(error.field, "1020");
    EXPECT_NE(error.message.find("claims 5 bytes but only 2 remain"), std::string::npos) << error.message;

    const auto huge = decodeError(hexBytes("FC 03 FF FF 00"));
    EXPECT_EQ(huge.code, core::errc::kTlvTruncated);
}

TEST(TlvCodec, ChildRunningPastItsStlvIsAnErrorEvenIfTheFileIsLonger)
{
    // 1059 holds 6 bytes; its child 1030 claims 5 but only 2 are left inside the STLV. The bytes
    // after the STLV must not be read as the child's value.
    const auto error = decodeError(hexBytes("23 04 06 00 06 04 05 00 41 42 43 44 45"));
    EXPECT_EQ(error.code, core::errc::kTlvTruncated);
    EXPECT_TRUE(mentionsOffset(error, 4)) << error.message;
    EXPECT_EQ(error.field, "1059.1030");

    const auto cutHeader = decodeError(hexBytes("23 04 03 00 06 04 05 41"));
    EXPECT_EQ(cutHeader.code, core::errc::kTlvTruncated);
    EXPECT_TRUE(mentionsOffset(cutHeader, 4)) << cutHeader.message;
    EXPECT_EQ(cutHeader.field, "1059");
}

std::vector<std::uint8_t> nestedItems(int levels)
{
    TlvNode node = TlvNode::vln(tag::kPrice, 1);
    for (int i = 0; i < levels; ++i) {
        std::vector<TlvNode> children;
        children.push_back(std::move(node));
        node = TlvNode::stlv(tag::kItem, std::move(children));
    }
    return encodeOk({node});
}

TEST(TlvCodec, NestingDepthIsLimited)
{
    EXPECT_TRUE(decode(nestedItems(8)).ok());
    const auto error = decodeError(nestedItems(9));
    EXPECT_EQ(error.code, core::errc::kTlvTooDeep);
    EXPECT_TRUE(mentionsOffset(error, 32)) << error.message; // the ninth header
    EXPECT_EQ(error.field, "1059.1059.1059.1059.1059.1059.1059.1059.1059");

    EXPECT_EQ(decodeError(nestedItems(3), DecodeLimits{.maxDepth = 2}).code, core::errc::kTlvTooDeep);
    EXPECT_EQ(decodeError(nestedItems(1), DecodeLimits{.maxDepth = 0}).code, core::errc::kTlvTooDeep);
    // Thousands of levels fail cleanly instead of overflowing the stack. Built byte by byte:
    // a tree that deep cannot be encoded (see below).
    std::vector<std::uint8_t> deep = hexBytes("37 04 01 00 01");
    for (int level = 0; level < 5000; ++level) {
        const auto length = static_cast<std::uint16_t>(deep.size());
        const std::vector<std::uint8_t> header = {0x23, 0x04, static_cast<std::uint8_t>(length & 0xFF),
                                                  static_cast<std::uint8_t>(length >> 8)};
        deep.insert(deep.begin(), header.begin(), header.end());
    }
    EXPECT_EQ(decodeError(deep).code, core::errc::kTlvTooDeep);
    // A caller's limit cannot lift the hard ceiling.
    const auto ceiling = decodeError(deep, DecodeLimits{.maxDepth = 100'000});
    EXPECT_EQ(ceiling.code, core::errc::kTlvTooDeep);
    EXPECT_NE(ceiling.message.find("deeper than 64 levels"), std::string::npos) << ceiling.message;
    EXPECT_TRUE(decode(nestedItems(64), TagSchema::ffd(), DecodeLimits{.maxDepth = 100}).ok());
}

TEST(TlvCodec, EncodeDepthIsLimited)
{
    EXPECT_EQ(nestedItems(static_cast<int>(kMaxTlvDepth)).size(), kMaxTlvDepth * 4 + 5);
    TlvNode node = TlvNode::vln(tag::kPrice, 1);
    for (std::size_t i = 0; i < kMaxTlvDepth + 1; ++i) {
        std::vector<TlvNode> children;
        children.push_back(std::move(node));
        node = TlvNode::stlv(tag::kItem, std::move(children));
    }
    auto tooDeep = encode({node});
    ASSERT_FALSE(tooDeep.ok());
    EXPECT_EQ(tooDeep.error().code, core::errc::kTlvTooDeep);
}

TEST(TlvCodec, NodeCountIsLimited)
{
    const auto bytes =
        encodeOk({TlvNode::vln(tag::kTotal, 1), TlvNode::stlv(tag::kItem, {TlvNode::vln(tag::kPrice, 1)}),
                  TlvNode::vln(tag::kCashTotal, 1)});
    EXPECT_TRUE(decode(bytes, TagSchema::ffd(), DecodeLimits{.maxNodes = 4}).ok());
    const auto error = decodeError(bytes, DecodeLimits{.maxNodes = 3});
    EXPECT_EQ(error.code, core::errc::kTlvTooManyNodes);
    EXPECT_TRUE(mentionsOffset(error, 14)) << error.message; // the fourth node

    // 20 000 empty unknown TLVs under a limit of 10 000.
    std::vector<std::uint8_t> many(20'000 * 4, 0);
    EXPECT_EQ(decodeError(many, DecodeLimits{.maxNodes = 10'000}).code, core::errc::kTlvTooManyNodes);
}

struct BadValueCase {
    const char* hex;
    const char* what;
};

class TlvCodecBadValue : public ::testing::TestWithParam<BadValueCase> {};

TEST_P(TlvCodecBadValue, IsRefusedWithOffset)
{
    // A valid TLV first, so the offset of the bad one is 5.
    const auto bytes = hexBytes(std::string("1E 04 01 00 01 ") + GetParam().hex);
    const auto error = decodeError(bytes);
    EXPECT_EQ(error.code, core::errc::kTlvBadValue) << error.message;
    EXPECT_TRUE(mentionsOffset(error, 5)) << error.message;
    EXPECT_NE(error.message.find(GetParam().what), std::string::npos) << error.message;
}

INSTANTIATE_TEST_SUITE_P(
    TlvCodec, TlvCodecBadValue,
    ::testing::Values(BadValueCase{"FC 03 09 00 01 02 03 04 05 06 07 08 09", "VLN of 9 bytes"},
                      BadValueCase{"FC 03 00 00", "VLN of 0 bytes"}, BadValueCase{"FF 03 02 00 0A 01", "10 decimals"},
                      BadValueCase{"FF 03 02 00 FF 01", "255 decimals"},
                      BadValueCase{"FF 03 01 00 03", "FVLN of 1 bytes"},
                      BadValueCase{"FF 03 0A 00 03 01 02 03 04 05 06 07 08 09", "FVLN of 10 bytes"},
                      BadValueCase{"F4 03 03 00 01 02 03", "UnixTime of 3 bytes"},
                      BadValueCase{"F4 03 05 00 01 02 03 04 05", "UnixTime of 5 bytes"},
                      BadValueCase{"1E 04 02 00 01 02", "byte value of 2 bytes"},
                      BadValueCase{"1E 04 00 00", "byte value of 0 bytes"}));

TEST(TlvCodec, BadValueInsideAnStlvNamesThePath)
{
    const auto error = decodeError(hexBytes("03 00 0A 00 23 04 06 00 FF 03 02 00 0C 01"));
    EXPECT_EQ(error.code, core::errc::kTlvBadValue);
    EXPECT_TRUE(mentionsOffset(error, 8)) << error.message;
    EXPECT_EQ(error.field, "3.1059.1023");
}

TEST(TlvCodec, EveryTruncationOfAValidDocumentFailsCleanlyOrStopsAtABoundary)
{
    const auto bytes = encodeOk(sampleReceipt());
    for (std::size_t length = 0; length < bytes.size(); ++length) {
        const std::span<const std::uint8_t> prefix(bytes.data(), length);
        auto nodes = decode(prefix);
        // The whole document is one STLV, so only the empty prefix is a complete document.
        EXPECT_EQ(nodes.ok(), length == 0) << "prefix of " << length << " bytes";
        if (!nodes.ok()) {
            EXPECT_EQ(nodes.error().code, core::errc::kTlvTruncated) << nodes.error().message;
        }
    }
}

TEST(TlvCodec, RandomBytesEitherFailOrRoundTripExactly)
{
    std::mt19937 rng(20261204);
    // Small tag and length alphabets so that plenty of inputs are well-formed.
    const std::vector<std::uint16_t> tags = {tag::kReceipt,  tag::kItem,      tag::kTotal,   tag::kQuantity,
                                             tag::kDateTime, tag::kOperation, tag::kCashier, 7};
    int decoded = 0;
    for (int round = 0; round < 5000; ++round) {
        std::vector<std::uint8_t> bytes;
        const unsigned pieces = 1 + rng() % 5;
        for (unsigned p = 0; p < pieces; ++p) {
            const std::uint16_t t = tags[rng() % tags.size()];
            const unsigned length = rng() % 10;
            // Mostly as many bytes as the header claims, sometimes not.
            const unsigned actual = rng() % 4 == 0 ? rng() % 12 : length;
            bytes.push_back(static_cast<std::uint8_t>(t & 0xFF));
            bytes.push_back(static_cast<std::uint8_t>(t >> 8));
            bytes.push_back(static_cast<std::uint8_t>(length));
            bytes.push_back(0);
            for (unsigned i = 0; i < actual; ++i) {
                bytes.push_back(static_cast<std::uint8_t>(rng() % 4 == 0 ? rng() : rng() % 10));
            }
        }
        auto nodes = decode(bytes);
        if (!nodes.ok()) {
            continue;
        }
        ++decoded;
        auto again = encode(*nodes);
        ASSERT_TRUE(again.ok()) << again.error().message;
        EXPECT_EQ(*again, bytes);
        EXPECT_EQ(decodeOk(*again), *nodes);
    }
    EXPECT_GT(decoded, 300); // the generator must produce valid documents, or this test proves nothing
}

TEST(TlvCodec, EncodeRefusesValuesTooLongForTheLengthField)
{
    const std::vector<std::uint8_t> maxValue(TlvNode::kMaxValueBytes, 0x41);
    EXPECT_TRUE(encode({TlvNode::bytes(tag::kProductCode, maxValue)}).ok());

    const std::vector<std::uint8_t> tooLong(TlvNode::kMaxValueBytes + 1, 0x41);
    auto leaf = encode({TlvNode::bytes(tag::kProductCode, tooLong)});
    ASSERT_FALSE(leaf.ok());
    EXPECT_EQ(leaf.error().code, core::errc::kTlvTooLong);
    EXPECT_EQ(leaf.error().field, "1162");

    // Children that fit one by one but not together.
    const std::vector<std::uint8_t> half(40'000, 0x41);
    auto nested =
        encode({TlvNode::stlv(tag::kReceipt, {TlvNode::stlv(tag::kItem, {TlvNode::bytes(tag::kProductCode, half),
                                                                         TlvNode::bytes(tag::kProductCode, half)})})});
    ASSERT_FALSE(nested.ok());
    EXPECT_EQ(nested.error().code, core::errc::kTlvTooLong);
    EXPECT_EQ(nested.error().field, "3.1059");
}

TEST(TlvCodec, EncodeRefusesInconsistentRawNodes)
{
    auto badVln =
        encode({TlvNode::stlv(tag::kItem, {TlvNode::raw(tag::kPrice, TlvType::Vln, std::vector<std::uint8_t>(9, 1))})});
    ASSERT_FALSE(badVln.ok());
    EXPECT_EQ(badVln.error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(badVln.error().field, "1059.1079");

    auto leafWithChildren = encode({TlvNode::raw(tag::kTotal, TlvType::Bytes, {}, {TlvNode::vln(tag::kTotal, 1)})});
    ASSERT_FALSE(leafWithChildren.ok());
    EXPECT_EQ(leafWithChildren.error().code, core::errc::kTlvBadValue);

    auto stlvWithValue = encode({TlvNode::raw(tag::kItem, TlvType::Stlv, hexBytes("01"))});
    ASSERT_FALSE(stlvWithValue.ok());
    EXPECT_EQ(stlvWithValue.error().code, core::errc::kTlvBadValue);
}

} // namespace
} // namespace sigma::fiscal::ffd

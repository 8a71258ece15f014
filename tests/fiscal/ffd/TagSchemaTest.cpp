#include "fiscal/ffd/TagSchema.h"

#include "fiscal/ffd/Tags.h"

#include <gtest/gtest.h>

#include <set>

namespace sigma::fiscal::ffd {
namespace {

TEST(TagSchema, KnowsTheFiscalMdTags)
{
    const TagSchema& schema = TagSchema::ffd();
    for (std::uint16_t t :
         {1008, 1012, 1020, 1021, 1023, 1031, 1037, 1038, 1040, 1041, 1042, 1043, 1054, 1055, 1059, 1077, 1079,
          1081, 1102, 1103, 1104, 1105, 1106, 1107, 1162, 1163, 1192, 1199, 1200, 1203, 1212, 1214, 2000, 2108}) {
        const TagInfo* info = schema.find(t);
        ASSERT_NE(info, nullptr) << t;
        EXPECT_FALSE(info->key.empty()) << t;
        EXPECT_FALSE(info->nameRu.empty()) << t;
        EXPECT_FALSE(info->nameEn.empty()) << t;
    }
}

TEST(TagSchema, TypesOfTheTagsThatMatterForDecoding)
{
    const TagSchema& schema = TagSchema::ffd();
    EXPECT_EQ(schema.typeOf(tag::kReceipt), TlvType::Stlv);
    EXPECT_EQ(schema.typeOf(tag::kItem), TlvType::Stlv);
    EXPECT_EQ(schema.typeOf(tag::kProductCode12), TlvType::Stlv);
    EXPECT_EQ(schema.typeOf(tag::kSupplierData), TlvType::Stlv);
    EXPECT_EQ(schema.typeOf(tag::kTotal), TlvType::Vln);
    EXPECT_EQ(schema.typeOf(tag::kQuantity), TlvType::Fvln);
    EXPECT_EQ(schema.typeOf(tag::kDateTime), TlvType::UnixTime);
    EXPECT_EQ(schema.typeOf(tag::kCashier), TlvType::String);
    EXPECT_EQ(schema.typeOf(tag::kVatRate), TlvType::Byte);
    EXPECT_EQ(schema.typeOf(tag::kFiscalSign), TlvType::Bytes);
    EXPECT_EQ(schema.typeOf(54321), TlvType::Bytes);
    EXPECT_EQ(schema.find(54321), nullptr);
    EXPECT_EQ(schema.find(tag::kTotal)->key, "total");
}

TEST(TagSchema, KeysAreUniqueAndEntriesSorted)
{
    std::set<std::string_view> keys;
    std::uint16_t previous = 0;
    for (const auto& entry : TagSchema::ffd().entries()) {
        EXPECT_TRUE(keys.insert(entry.key).second) << entry.key;
        EXPECT_GT(entry.tag, previous);
        previous = entry.tag;
    }
}

TEST(TagSchema, LaterEntryOverridesEarlier)
{
    const TagSchema schema(
        {{7, TlvType::Vln, "a", "а", "a"}, {3, TlvType::Byte, "c", "в", "c"}, {7, TlvType::Stlv, "b", "б", "b"}});
    EXPECT_EQ(schema.entries().size(), 2U);
    EXPECT_EQ(schema.typeOf(7), TlvType::Stlv);
    EXPECT_EQ(schema.find(7)->key, "b");
    EXPECT_EQ(schema.typeOf(3), TlvType::Byte);
    EXPECT_EQ(TagSchema().typeOf(7), TlvType::Bytes);
}

TEST(TlvType, Names)
{
    EXPECT_EQ(tlvTypeName(TlvType::Vln), "vln");
    EXPECT_EQ(tlvTypeName(TlvType::Fvln), "fvln");
    EXPECT_EQ(tlvTypeName(TlvType::UnixTime), "unixtime");
    EXPECT_EQ(tlvTypeName(TlvType::Byte), "byte");
    EXPECT_EQ(tlvTypeName(TlvType::String), "string");
    EXPECT_EQ(tlvTypeName(TlvType::Bytes), "bytes");
    EXPECT_EQ(tlvTypeName(TlvType::Stlv), "stlv");
}

} // namespace
} // namespace sigma::fiscal::ffd

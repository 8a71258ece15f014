#pragma once

#include "core/Money.h"
#include "core/Quantity.h"
#include "core/Result.h"
#include "fiscal/ffd/FvlnValue.h"
#include "fiscal/ffd/TlvType.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::fiscal::ffd {

/// One FFD TLV: a tag and either a value (its bytes exactly as on the wire) or, for an STLV,
/// the nested TLVs.
///
/// The type says how the value is meant to be read; it comes from the builder that made the
/// node or from the tag dictionary when decoding. Readers interpret the raw bytes, so an
/// unknown tag (type Bytes) can still be read as a number when the caller knows better.
class TlvNode {
public:
    /// The largest value one TLV can carry (its length field is 16 bits).
    static constexpr std::size_t kMaxValueBytes = 0xFFFF;
    /// FVLN decimals above 9 make no sense for any FFD quantity and are refused.
    static constexpr std::uint8_t kMaxFvlnDecimals = 9;

    TlvNode() = default;

    /// Unsigned integer in the fewest little-endian bytes (at least one: 0 is {00}).
    static TlvNode vln(std::uint16_t tag, std::uint64_t value);
    /// Unsigned integer in exactly `lengthBytes` (1-8) little-endian bytes, as the FN writes its
    /// 4-byte counters. Fails when the value does not fit.
    static core::Result<TlvNode> vlnFixed(std::uint16_t tag, std::uint64_t value, std::size_t lengthBytes);
    /// A sum in kopecks (VLN); fails for a negative amount.
    static core::Result<TlvNode> money(std::uint16_t tag, core::Money amount);
    /// {decimals, minimal little-endian value}; fails when decimals > 9.
    static core::Result<TlvNode> fvln(std::uint16_t tag, std::uint8_t decimals, std::uint64_t value);
    /// A quantity as FVLN with no trailing zero decimals: 0.125 → {3, 125}, 1.5 → {1, 15}, 2 → {0, 2}.
    /// Fails for a negative quantity.
    static core::Result<TlvNode> quantity(std::uint16_t tag, core::Quantity quantity);
    /// Seconds since 1970 as uint32 LE; fails outside 0..2^32-1.
    static core::Result<TlvNode> unixTime(std::uint16_t tag, std::int64_t seconds);
    /// UTF-8 text stored as CP866; characters CP866 lacks and broken UTF-8 become '?'.
    static TlvNode string(std::uint16_t tag, std::string_view utf8);
    static TlvNode byte(std::uint16_t tag, std::uint8_t value);
    static TlvNode bytes(std::uint16_t tag, std::span<const std::uint8_t> value);
    static TlvNode stlv(std::uint16_t tag, std::vector<TlvNode> children);
    /// A node exactly as a decoder found it: `value` for a leaf, `children` for an STLV.
    static TlvNode raw(std::uint16_t tag, TlvType type, std::vector<std::uint8_t> value,
                       std::vector<TlvNode> children = {});

    /// Whether `value` is well-formed for `type` (VLN 1-8 bytes, FVLN 2-9 bytes with decimals <= 9,
    /// UnixTime and Byte of their exact size; strings, bytes and STLV are not checked here).
    static core::Status checkValue(TlvType type, std::span<const std::uint8_t> value);

    [[nodiscard]] std::uint16_t tag() const { return m_tag; }
    [[nodiscard]] TlvType type() const { return m_type; }
    [[nodiscard]] bool isStlv() const { return m_type == TlvType::Stlv; }
    /// The value bytes (empty for an STLV: its bytes are its encoded children).
    [[nodiscard]] const std::vector<std::uint8_t>& value() const { return m_value; }
    [[nodiscard]] const std::vector<TlvNode>& children() const { return m_children; }
    [[nodiscard]] std::vector<TlvNode>& children() { return m_children; }

    /// The first child with `tag`, or nullptr.
    [[nodiscard]] const TlvNode* find(std::uint16_t tag) const;
    /// Every child with `tag`, in order (e.g. the 1059 items of a receipt).
    [[nodiscard]] std::vector<const TlvNode*> findAll(std::uint16_t tag) const;

    /// The value as an unsigned little-endian integer (1-8 bytes).
    [[nodiscard]] core::Result<std::uint64_t> asVln() const;
    /// The value as kopecks (VLN within int64).
    [[nodiscard]] core::Result<core::Money> asMoney() const;
    [[nodiscard]] core::Result<FvlnValue> asFvln() const;
    /// The FVLN as thousandths; fails when it has more than 3 significant decimals or is too big.
    [[nodiscard]] core::Result<core::Quantity> asQuantity() const;
    /// Seconds since 1970 (exactly 4 bytes).
    [[nodiscard]] core::Result<std::int64_t> asUnixTime() const;
    [[nodiscard]] core::Result<std::uint8_t> asByte() const;
    /// The CP866 value as UTF-8.
    [[nodiscard]] core::Result<std::string> asString() const;

    friend bool operator==(const TlvNode&, const TlvNode&) = default;

private:
    TlvNode(std::uint16_t tag, TlvType type, std::vector<std::uint8_t> value, std::vector<TlvNode> children);

    [[nodiscard]] core::Status requireLeaf(const char* what) const;

    std::uint16_t m_tag = 0;
    TlvType m_type = TlvType::Bytes;
    std::vector<std::uint8_t> m_value;
    std::vector<TlvNode> m_children;
};

/// The first node with `tag` in a list (a decoded document's top level), or nullptr.
const TlvNode* findTag(const std::vector<TlvNode>& nodes, std::uint16_t tag);

} // namespace sigma::fiscal::ffd

#include "fiscal/ffd/TlvNode.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/Cp866.h"

#include <limits>

namespace sigma::fiscal::ffd {
namespace {

std::vector<std::uint8_t> littleEndian(std::uint64_t value, std::size_t lengthBytes)
{
    std::vector<std::uint8_t> out(lengthBytes);
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
    return out;
}

std::size_t minimalLength(std::uint64_t value)
{
    std::size_t length = 1;
    while (length < 8 && (value >> (8 * length)) != 0) {
        ++length;
    }
    return length;
}

std::uint64_t readLittleEndian(std::span<const std::uint8_t> bytes)
{
    std::uint64_t value = 0;
    for (std::size_t i = bytes.size(); i > 0; --i) {
        value = (value << 8) | bytes[i - 1];
    }
    return value;
}

core::Error badValue(std::string message)
{
    return core::Error(core::errc::kTlvBadValue, std::move(message));
}

} // namespace

TlvNode::TlvNode(std::uint16_t tag, TlvType type, std::vector<std::uint8_t> value, std::vector<TlvNode> children)
    : m_tag(tag), m_type(type), m_value(std::move(value)), m_children(std::move(children))
{
}

TlvNode TlvNode::vln(std::uint16_t tag, std::uint64_t value)
{
    return TlvNode(tag, TlvType::Vln, littleEndian(value, minimalLength(value)), {});
}

core::Result<TlvNode> TlvNode::vlnFixed(std::uint16_t tag, std::uint64_t value, std::size_t lengthBytes)
{
    if (lengthBytes < 1 || lengthBytes > 8) {
        return badValue("VLN length must be 1-8 bytes, not " + std::to_string(lengthBytes));
    }
    if (minimalLength(value) > lengthBytes) {
        return badValue("value " + std::to_string(value) + " does not fit in " + std::to_string(lengthBytes) +
                        " bytes");
    }
    return TlvNode(tag, TlvType::Vln, littleEndian(value, lengthBytes), {});
}

core::Result<TlvNode> TlvNode::money(std::uint16_t tag, core::Money amount)
{
    if (amount.isNegative()) {
        return core::Error(core::errc::kTlvBadValue, "negative sum " + amount.toString() + " cannot be a VLN");
    }
    return vln(tag, static_cast<std::uint64_t>(amount.kopecks()));
}

core::Result<TlvNode> TlvNode::fvln(std::uint16_t tag, std::uint8_t decimals, std::uint64_t value)
{
    if (decimals > kMaxFvlnDecimals) {
        return badValue("FVLN with " + std::to_string(decimals) + " decimals (at most 9)");
    }
    std::vector<std::uint8_t> bytes = littleEndian(value, minimalLength(value));
    bytes.insert(bytes.begin(), decimals);
    return TlvNode(tag, TlvType::Fvln, std::move(bytes), {});
}

core::Result<TlvNode> TlvNode::quantity(std::uint16_t tag, core::Quantity quantity)
{
    if (quantity.thousandths() < 0) {
        return badValue("negative quantity " + quantity.toString() + " cannot be an FVLN");
    }
    auto value = static_cast<std::uint64_t>(quantity.thousandths());
    std::uint8_t decimals = 3;
    while (decimals > 0 && value % 10 == 0) {
        value /= 10;
        --decimals;
    }
    return fvln(tag, decimals, value);
}

core::Result<TlvNode> TlvNode::unixTime(std::uint16_t tag, std::int64_t seconds)
{
    if (seconds < 0 || seconds > std::int64_t{std::numeric_limits<std::uint32_t>::max()}) {
        return badValue("time " + std::to_string(seconds) + " s is outside the 32-bit UnixTime range");
    }
    return TlvNode(tag, TlvType::UnixTime, littleEndian(static_cast<std::uint64_t>(seconds), 4), {});
}

TlvNode TlvNode::string(std::uint16_t tag, std::string_view utf8)
{
    const std::string cp866 = utf8ToCp866(utf8);
    return TlvNode(tag, TlvType::String, std::vector<std::uint8_t>(cp866.begin(), cp866.end()), {});
}

TlvNode TlvNode::byte(std::uint16_t tag, std::uint8_t value)
{
    return TlvNode(tag, TlvType::Byte, {value}, {});
}

TlvNode TlvNode::bytes(std::uint16_t tag, std::span<const std::uint8_t> value)
{
    return TlvNode(tag, TlvType::Bytes, std::vector<std::uint8_t>(value.begin(), value.end()), {});
}

TlvNode TlvNode::stlv(std::uint16_t tag, std::vector<TlvNode> children)
{
    return TlvNode(tag, TlvType::Stlv, {}, std::move(children));
}

TlvNode TlvNode::raw(std::uint16_t tag, TlvType type, std::vector<std::uint8_t> value, std::vector<TlvNode> children)
{
    return TlvNode(tag, type, std::move(value), std::move(children));
}

core::Status TlvNode::checkValue(TlvType type, std::span<const std::uint8_t> value)
{
    switch (type) {
    case TlvType::Vln:
        if (value.empty() || value.size() > 8) {
            return badValue("VLN of " + std::to_string(value.size()) + " bytes (expected 1-8)");
        }
        break;
    case TlvType::Fvln:
        if (value.size() < 2 || value.size() > 9) {
            return badValue("FVLN of " + std::to_string(value.size()) + " bytes (expected 2-9)");
        }
        if (value[0] > kMaxFvlnDecimals) {
            return badValue("FVLN with " + std::to_string(value[0]) + " decimals (at most 9)");
        }
        break;
    case TlvType::UnixTime:
        if (value.size() != 4) {
            return badValue("UnixTime of " + std::to_string(value.size()) + " bytes (expected 4)");
        }
        break;
    case TlvType::Byte:
        if (value.size() != 1) {
            return badValue("byte value of " + std::to_string(value.size()) + " bytes (expected 1)");
        }
        break;
    case TlvType::String:
    case TlvType::Bytes:
    case TlvType::Stlv:
        break;
    }
    return core::ok();
}

const TlvNode* TlvNode::find(std::uint16_t tag) const
{
    return findTag(m_children, tag);
}

std::vector<const TlvNode*> TlvNode::findAll(std::uint16_t tag) const
{
    std::vector<const TlvNode*> found;
    for (const auto& child : m_children) {
        if (child.tag() == tag) {
            found.push_back(&child);
        }
    }
    return found;
}

core::Status TlvNode::requireLeaf(const char* what) const
{
    if (isStlv()) {
        return core::Error(core::errc::kTlvWrongType,
                           "tag " + std::to_string(m_tag) + " is an STLV, not " + std::string(what),
                           std::to_string(m_tag));
    }
    return core::ok();
}

core::Result<std::uint64_t> TlvNode::asVln() const
{
    SIGMA_TRY(requireLeaf("a VLN"));
    if (auto status = checkValue(TlvType::Vln, m_value); !status.ok()) {
        return status.error().inField(std::to_string(m_tag));
    }
    return readLittleEndian(m_value);
}

core::Result<core::Money> TlvNode::asMoney() const
{
    SIGMA_ASSIGN_OR_RETURN(const std::uint64_t kopecks, asVln());
    if (kopecks > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return core::Error(core::errc::kTlvBadValue, "sum " + std::to_string(kopecks) + " is beyond int64 kopecks",
                           std::to_string(m_tag));
    }
    return core::Money::fromKopecks(static_cast<std::int64_t>(kopecks));
}

core::Result<FvlnValue> TlvNode::asFvln() const
{
    SIGMA_TRY(requireLeaf("an FVLN"));
    if (auto status = checkValue(TlvType::Fvln, m_value); !status.ok()) {
        return status.error().inField(std::to_string(m_tag));
    }
    return FvlnValue{m_value[0], readLittleEndian(std::span(m_value).subspan(1))};
}

core::Result<core::Quantity> TlvNode::asQuantity() const
{
    SIGMA_ASSIGN_OR_RETURN(FvlnValue fvlnValue, asFvln());
    const std::string field = std::to_string(m_tag);
    std::uint64_t value = fvlnValue.value;
    std::uint8_t decimals = fvlnValue.decimals;
    while (decimals > 3) {
        if (value % 10 != 0) {
            return core::Error(core::errc::kTlvBadValue, "quantity with more than 3 decimals", field);
        }
        value /= 10;
        --decimals;
    }
    // Scale up to thousandths; both factors are at most 1000, so check before multiplying.
    std::uint64_t scale = 1;
    for (std::uint8_t d = decimals; d < 3; ++d) {
        scale *= 10;
    }
    const auto limit = static_cast<std::uint64_t>(core::Quantity::kMaxThousandths);
    if (value > limit / scale) {
        return core::Error(core::errc::kTlvBadValue, "quantity beyond 99 999.999", field);
    }
    return core::Quantity::fromThousandths(static_cast<std::int64_t>(value * scale));
}

core::Result<std::int64_t> TlvNode::asUnixTime() const
{
    SIGMA_TRY(requireLeaf("a UnixTime"));
    if (auto status = checkValue(TlvType::UnixTime, m_value); !status.ok()) {
        return status.error().inField(std::to_string(m_tag));
    }
    return static_cast<std::int64_t>(readLittleEndian(m_value));
}

core::Result<std::uint8_t> TlvNode::asByte() const
{
    SIGMA_TRY(requireLeaf("a byte"));
    if (auto status = checkValue(TlvType::Byte, m_value); !status.ok()) {
        return status.error().inField(std::to_string(m_tag));
    }
    return m_value[0];
}

core::Result<std::string> TlvNode::asString() const
{
    SIGMA_TRY(requireLeaf("a string"));
    return cp866ToUtf8(std::string_view(reinterpret_cast<const char*>(m_value.data()), m_value.size()));
}

const TlvNode* findTag(const std::vector<TlvNode>& nodes, std::uint16_t tag)
{
    for (const auto& node : nodes) {
        if (node.tag() == tag) {
            return &node;
        }
    }
    return nullptr;
}

} // namespace sigma::fiscal::ffd

#include "fiscal/ffd/TlvCodec.h"

#include "core/ErrorCodes.h"

#include <algorithm>
#include <string>

namespace sigma::fiscal::ffd {
namespace {

constexpr std::size_t kHeaderBytes = 4;

std::string childPath(const std::string& parent, std::uint16_t tag)
{
    return parent.empty() ? std::to_string(tag) : parent + "." + std::to_string(tag);
}

void putUint16(std::vector<std::uint8_t>& out, std::size_t at, std::size_t value)
{
    out[at] = static_cast<std::uint8_t>(value & 0xFF);
    out[at + 1] = static_cast<std::uint8_t>((value >> 8) & 0xFF);
}

core::Status encodeInto(std::vector<std::uint8_t>& out, const std::vector<TlvNode>& nodes, std::size_t depth,
                        const std::string& path)
{
    for (const auto& node : nodes) {
        const std::string nodePath = childPath(path, node.tag());
        const std::size_t headerAt = out.size();
        out.resize(out.size() + kHeaderBytes);
        putUint16(out, headerAt, node.tag());
        if (node.isStlv()) {
            if (!node.value().empty()) {
                return core::Error(core::errc::kTlvBadValue, "an STLV carries raw value bytes", nodePath);
            }
            if (depth + 1 > kMaxTlvDepth) {
                return core::Error(core::errc::kTlvTooDeep,
                                   "STLV nested deeper than " + std::to_string(kMaxTlvDepth) + " levels", nodePath);
            }
            SIGMA_TRY(encodeInto(out, node.children(), depth + 1, nodePath));
        } else {
            if (!node.children().empty()) {
                return core::Error(core::errc::kTlvBadValue,
                                   "a " + std::string(tlvTypeName(node.type())) + " value has nested TLVs", nodePath);
            }
            if (auto status = TlvNode::checkValue(node.type(), node.value()); !status.ok()) {
                return status.error().inField(nodePath);
            }
            out.insert(out.end(), node.value().begin(), node.value().end());
        }
        const std::size_t length = out.size() - headerAt - kHeaderBytes;
        if (length > TlvNode::kMaxValueBytes) {
            return core::Error(core::errc::kTlvTooLong,
                               "value of " + std::to_string(length) + " bytes (a TLV holds at most 65535)", nodePath);
        }
        putUint16(out, headerAt + 2, length);
    }
    return core::ok();
}

/// Recursive descent over one container (the document or an STLV's value) at a time. Positions
/// are offsets in the whole input, so messages name absolute offsets.
class Decoder {
public:
    Decoder(std::span<const std::uint8_t> input, const TagSchema& schema, const DecodeLimits& limits)
        : m_input(input), m_schema(schema), m_maxDepth(std::min(limits.maxDepth, kMaxTlvDepth)),
          m_maxNodes(limits.maxNodes)
    {
    }

    core::Result<std::vector<TlvNode>> decodeList(std::size_t begin, std::size_t end, std::size_t depth,
                                                  const std::string& path)
    {
        std::vector<TlvNode> nodes;
        std::size_t pos = begin;
        while (pos < end) {
            if (end - pos < kHeaderBytes) {
                return fail(core::errc::kTlvTruncated, pos,
                            "TLV header cut short: " + std::to_string(end - pos) + " of 4 bytes left", path);
            }
            const auto tag = static_cast<std::uint16_t>(m_input[pos] | (m_input[pos + 1] << 8));
            const std::size_t length =
                static_cast<std::size_t>(m_input[pos + 2]) | (static_cast<std::size_t>(m_input[pos + 3]) << 8);
            // Built only when needed: an error message or a nested container.
            auto nodePath = [&] { return childPath(path, tag); };
            const std::size_t valueAt = pos + kHeaderBytes;
            if (length > end - valueAt) {
                return fail(core::errc::kTlvTruncated, pos,
                            "tag " + std::to_string(tag) + " claims " + std::to_string(length) + " bytes but only " +
                                std::to_string(end - valueAt) + " remain",
                            nodePath());
            }
            if (++m_nodeCount > m_maxNodes) {
                return fail(core::errc::kTlvTooManyNodes, pos, "more than " + std::to_string(m_maxNodes) + " TLV nodes",
                            nodePath());
            }
            const TlvType type = m_schema.typeOf(tag);
            if (type == TlvType::Stlv) {
                if (depth + 1 > m_maxDepth) {
                    return fail(core::errc::kTlvTooDeep, pos,
                                "STLV nested deeper than " + std::to_string(m_maxDepth) + " levels", nodePath());
                }
                SIGMA_ASSIGN_OR_RETURN(auto children, decodeList(valueAt, valueAt + length, depth + 1, nodePath()));
                nodes.push_back(TlvNode::raw(tag, type, {}, std::move(children)));
            } else {
                const auto value = m_input.subspan(valueAt, length);
                if (auto status = TlvNode::checkValue(type, value); !status.ok()) {
                    return fail(status.error().code, pos, "tag " + std::to_string(tag) + ": " + status.error().message,
                                nodePath());
                }
                nodes.push_back(TlvNode::raw(tag, type, std::vector<std::uint8_t>(value.begin(), value.end())));
            }
            pos = valueAt + length;
        }
        return nodes;
    }

private:
    static core::Error fail(int code, std::size_t offset, const std::string& message, const std::string& path)
    {
        return core::Error(code, message + " (at byte offset " + std::to_string(offset) + ")", path);
    }

    std::span<const std::uint8_t> m_input;
    const TagSchema& m_schema;
    std::size_t m_maxDepth;
    std::size_t m_maxNodes;
    std::size_t m_nodeCount = 0;
};

} // namespace

core::Result<std::vector<std::uint8_t>> encode(const std::vector<TlvNode>& nodes)
{
    std::vector<std::uint8_t> out;
    SIGMA_TRY(encodeInto(out, nodes, 0, {}));
    return out;
}

core::Result<std::vector<TlvNode>> decode(std::span<const std::uint8_t> bytes, const TagSchema& schema,
                                          const DecodeLimits& limits)
{
    Decoder decoder(bytes, schema, limits);
    return decoder.decodeList(0, bytes.size(), 0, {});
}

} // namespace sigma::fiscal::ffd

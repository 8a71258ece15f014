#pragma once

#include "core/Result.h"
#include "fiscal/ffd/TagSchema.h"
#include "fiscal/ffd/TlvNode.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// The FFD TLV wire format: tag uint16 LE, length uint16 LE, value. An STLV's value is its
// children's encoding. A document is a plain sequence of TLVs (no outer length).
namespace sigma::fiscal::ffd {

/// The hard ceiling of STLV nesting for the encoder and the decoder: far more than any document
/// uses, and a bound on their recursion (and so on the stack they need).
inline constexpr std::size_t kMaxTlvDepth = 64;

/// Bounds that keep a hostile document from exhausting the stack or memory.
struct DecodeLimits {
    /// STLV levels; a top-level STLV is level 1. Real documents use 3 (document > item > agent
    /// data). Values above kMaxTlvDepth count as kMaxTlvDepth.
    std::size_t maxDepth = 8;
    /// All nodes, leaves and STLVs. A receipt of 1000 lines has about 15 000.
    std::size_t maxNodes = 100'000;
};

/// The wire bytes of `nodes`. Fails (kTlvTooLong) when a value or an STLV's content exceeds
/// 65 535 bytes, (kTlvBadValue) when a leaf's bytes do not fit its type (TlvNode::checkValue) or
/// a leaf has children, and (kTlvTooDeep) beyond kMaxTlvDepth levels; the field names the tag
/// path ("3.1059.1030").
core::Result<std::vector<std::uint8_t>> encode(const std::vector<TlvNode>& nodes);

/// Parses a TLV sequence. The schema says which tags are STLV and how leaves are typed; unknown
/// tags become Bytes. Every failure is an Error with the byte offset in its message and the tag
/// path in its field: kTlvTruncated (a header cut short, a length past the end of its container),
/// kTlvTooDeep, kTlvTooManyNodes, kTlvBadValue (a value that does not fit its tag's type).
/// Never reads outside `bytes`.
core::Result<std::vector<TlvNode>> decode(std::span<const std::uint8_t> bytes,
                                          const TagSchema& schema = TagSchema::ffd(), const DecodeLimits& limits = {});

} // namespace sigma::fiscal::ffd

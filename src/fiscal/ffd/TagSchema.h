#pragma once

#include "fiscal/ffd/TagInfo.h"
#include "fiscal/ffd/TlvType.h"

#include <cstdint>
#include <vector>

namespace sigma::fiscal::ffd {

/// The tag dictionary a decoder needs: which tags hold nested TLVs (STLV), how every known
/// value is typed, and what the tag is called. Tags it does not know decode as raw bytes.
class TagSchema {
public:
    /// The FFD 1.05 / 1.2 tags the project uses (Tags.h), with their types and names.
    static const TagSchema& ffd();

    TagSchema() = default;
    /// A custom dictionary (tests, other document formats). A tag listed twice keeps its last entry.
    explicit TagSchema(std::vector<TagInfo> entries);

    /// The entry for `tag`, or nullptr when the tag is unknown.
    [[nodiscard]] const TagInfo* find(std::uint16_t tag) const;
    /// The tag's type; TlvType::Bytes for an unknown tag.
    [[nodiscard]] TlvType typeOf(std::uint16_t tag) const;
    [[nodiscard]] const std::vector<TagInfo>& entries() const { return m_entries; }

private:
    std::vector<TagInfo> m_entries; ///< sorted by tag, unique
};

} // namespace sigma::fiscal::ffd

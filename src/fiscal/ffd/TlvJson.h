#pragma once

#include "core/ExactJson.h"
#include "fiscal/ffd/TagSchema.h"
#include "fiscal/ffd/TlvNode.h"

#include <vector>

namespace sigma::fiscal::ffd {

/// The "decoded tags" view of a document, for people and tools:
///
///     [{"tag": 1020, "name": "total", "value": 39075},
///      {"tag": 1059, "name": "item", "items": [{"tag": 1023, "name": "quantity", "value": "0.125"}, ...]}]
///
/// VLN and Byte values are integers (sums in kopecks), FVLN an exact decimal string, UnixTime the
/// seconds plus "time" ("2026-12-04T15:30:00", the register's local time), strings UTF-8, raw
/// bytes and unknown tags lower-case hex. Tag 1077 also gets "printed" (the fiscal sign as shown
/// on the receipt). A leaf whose bytes do not fit its type (only possible for hand-made nodes)
/// is shown as hex with an "error".
core::Json toJson(const std::vector<TlvNode>& nodes, const TagSchema& schema = TagSchema::ffd());

} // namespace sigma::fiscal::ffd

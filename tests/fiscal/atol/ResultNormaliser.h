#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

namespace sigma::test {

/// A task outcome with what legitimately differs between two registers removed, so that the same
/// tasks run on fresh registers through different paths compare equal:
///
/// - what identifies the register or the moment: the fiscal sign, every date and time, the FN and
///   registration numbers, the serial, the QR text, raw TLV; in decoded tags, 1012 (date-time),
///   1013 (serial), 1018 (the owner's INN, random per register), 1037, 1041, 1077 and 1098;
/// - how a decimal is held: a JSON number built in code (390.75) and the same number read back with
///   parseJsonExact, which keeps it as its text ("390.75"), both become that text.
core::Json normaliseResult(const core::Json& json);

/// {"ok": true, "result": normalised} or {"ok": false, "code": ..., "message": ...}.
core::Json normaliseOutcome(const core::Result<core::Json>& outcome);

} // namespace sigma::test

#pragma once

#include "core/Result.h"

#include <compare>
#include <string>
#include <string_view>

namespace sigma::update {

/// A release version, MAJOR.MINOR.PATCH with plain decimal numbers. Nothing else is accepted:
/// the text becomes a directory name (releases/<version>), so it must never carry a separator.
struct Version {
    unsigned major = 0;
    unsigned minor = 0;
    unsigned patch = 0;

    /// "1.4.0"; kUpdateBadVersion for anything else (leading zeros, signs, extra parts, > 99999).
    static core::Result<Version> parse(std::string_view text);

    [[nodiscard]] std::string toString() const;

    friend auto operator<=>(const Version&, const Version&) = default;
    friend bool operator==(const Version&, const Version&) = default;
};

} // namespace sigma::update

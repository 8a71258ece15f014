#include "update/Version.h"

#include "core/ErrorCodes.h"

#include <array>

namespace sigma::update {

core::Result<Version> Version::parse(std::string_view text)
{
    const auto bad = [&] {
        return core::Error(core::errc::kUpdateBadVersion,
                           "version '" + std::string(text.substr(0, 40)) + "' is not MAJOR.MINOR.PATCH", "version");
    };
    std::array<unsigned, 3> parts{};
    std::size_t part = 0;
    std::size_t digits = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '.') {
            if (digits == 0) {
                return bad();
            }
            ++part;
            if (i < text.size() && part >= parts.size()) {
                return bad(); // a fourth part
            }
            digits = 0;
            continue;
        }
        const char c = text[i];
        if (c < '0' || c > '9') {
            return bad();
        }
        // A leading zero ("01") would give two spellings of one version, hence two directories.
        if (digits == 1 && parts[part] == 0) {
            return bad();
        }
        if (++digits > 5) {
            return bad();
        }
        parts[part] = parts[part] * 10 + static_cast<unsigned>(c - '0');
    }
    if (part != parts.size()) {
        return bad();
    }
    return Version{parts[0], parts[1], parts[2]};
}

std::string Version::toString() const
{
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

} // namespace sigma::update

#include "fiscal/ffd/FiscalSign.h"

#include "core/ErrorCodes.h"

#include <string>

namespace sigma::fiscal::ffd {

std::uint32_t fiscalSignFromBytes(std::span<const std::uint8_t, 6> bytes)
{
    return (std::uint32_t{bytes[2]} << 24) | (std::uint32_t{bytes[3]} << 16) | (std::uint32_t{bytes[4]} << 8) |
           std::uint32_t{bytes[5]};
}

core::Result<std::uint32_t> parseFiscalSign(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != 6) {
        return core::Error(core::errc::kTlvBadValue,
                           "fiscal sign of " + std::to_string(bytes.size()) + " bytes (expected 6)");
    }
    return fiscalSignFromBytes(bytes.first<6>());
}

std::array<std::uint8_t, 6> fiscalSignToBytes(std::uint32_t printedSign, std::array<std::uint8_t, 2> prefix)
{
    return {prefix[0],
            prefix[1],
            static_cast<std::uint8_t>(printedSign >> 24),
            static_cast<std::uint8_t>(printedSign >> 16),
            static_cast<std::uint8_t>(printedSign >> 8),
            static_cast<std::uint8_t>(printedSign)};
}

} // namespace sigma::fiscal::ffd

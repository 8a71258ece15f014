#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sigma::fiscal::ffd {

/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, MSB first, no reflection, no final
/// XOR. Check value: "123456789" → 0x29B1. Used by the register's registration number.
std::uint16_t crc16CcittFalse(std::span<const std::uint8_t> bytes);
std::uint16_t crc16CcittFalse(std::string_view text);

} // namespace sigma::fiscal::ffd

#pragma once

#include "core/Result.h"

#include <array>
#include <cstdint>
#include <span>

// The fiscal sign of a document (ФП/ФПД, tag 1077) is 6 bytes; receipts, the QR code and the OFD
// show bytes 2..5 read as a big-endian uint32 ("1494325660").
namespace sigma::fiscal::ffd {

/// The printed form of a 6-byte tag 1077 value.
std::uint32_t fiscalSignFromBytes(std::span<const std::uint8_t, 6> bytes);
/// The same for bytes of unchecked size (a decoded TLV); fails (kTlvBadValue) unless there are 6.
core::Result<std::uint32_t> parseFiscalSign(std::span<const std::uint8_t> bytes);
/// The inverse, as an emulator packs its own sign: `prefix` in bytes 0..1 (a real FN fills them
/// with its own data, which the printed form drops), `printedSign` big-endian in bytes 2..5.
std::array<std::uint8_t, 6> fiscalSignToBytes(std::uint32_t printedSign, std::array<std::uint8_t, 2> prefix = {});

} // namespace sigma::fiscal::ffd

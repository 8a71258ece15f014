#pragma once

#include "core/Money.h"

#include <cstdint>
#include <string>

namespace sigma::drivers::emulator {

/// The QR payload printed on a receipt, from the register's local time in seconds.
std::string receiptQrText(std::int64_t localUnixSeconds, core::Money total, const std::string& fnNumber,
                          std::uint32_t documentNumber, std::uint32_t fiscalSign, int operation);

} // namespace sigma::drivers::emulator

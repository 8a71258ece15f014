#pragma once

#include "core/Result.h"
#include "devices/Printer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sigma::drivers::printer {

using Bytes = std::vector<std::uint8_t>;

/// The ESC/POS bytes the network kitchen printers understand (Epson TM-T20/T88 and the many
/// compatibles on port 9100). Text goes out in CP866 after ESC t 17 selects that code page, the
/// way Russian firmware expects it; control characters in the text are replaced by spaces so that
/// no text can turn into a command (a stray DLE EOT would be taken as a status query).
class EscPos {
public:
    static constexpr std::uint8_t kEsc = 0x1B;
    static constexpr std::uint8_t kGs = 0x1D;
    static constexpr std::uint8_t kDle = 0x10;
    static constexpr std::uint8_t kEot = 0x04;
    /// ESC t n: the code page number of PC866 (Cyrillic #2) in Epson's table.
    static constexpr std::uint8_t kCodePageCp866 = 17;

    /// ESC @, ESC t 17, the lines with their styles, a feed and a partial cut (GS V 66 3).
    static Bytes encode(const devices::PrintDocument& document);

    /// DLE EOT n: the real-time status request (1 printer, 2 offline cause, 4 paper sensor).
    static Bytes statusRequest(std::uint8_t n);

    /// Reads the answer bytes of DLE EOT 1, 2 and 4 into a status. Each byte must carry the fixed
    /// bits of the standard (bit 1 and bit 4 set, bit 0 and bit 7 clear): kBadAnswer otherwise.
    static core::Result<devices::PrinterStatus> parseStatus(std::uint8_t printer, std::uint8_t offlineCause,
                                                            std::uint8_t paper);

    /// The status byte of DLE EOT n that a printer in `status` answers (the emulator's side).
    static std::uint8_t statusByte(std::uint8_t n, const devices::PrinterStatus& status);

    /// What a printout says, as UTF-8 text with one '\n' per line feed: the commands this encoder
    /// writes are skipped with their arguments, CP866 is decoded. Fails on a command cut short or
    /// one it does not know (kBadAnswer, with the offset): it reads bytes from the network.
    static core::Result<std::string> plainText(const Bytes& bytes);
};

} // namespace sigma::drivers::printer

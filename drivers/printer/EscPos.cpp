#include "drivers/printer/EscPos.h"

#include "fiscal/ffd/Cp866.h"

namespace sigma::drivers::printer {
namespace {

void append(Bytes& out, std::initializer_list<std::uint8_t> bytes)
{
    out.insert(out.end(), bytes.begin(), bytes.end());
}

core::Error malformed(std::size_t offset, const std::string& what)
{
    return core::Error(devices::printer_errc::kBadAnswer,
                       "malformed ESC/POS at byte " + std::to_string(offset) + ": " + what);
}

} // namespace

Bytes EscPos::encode(const devices::PrintDocument& document)
{
    Bytes out;
    append(out, {kEsc, '@'});                 // initialise: forget any style left by another job
    append(out, {kEsc, 't', kCodePageCp866}); // code page PC866
    for (const auto& line : document.lines) {
        append(out, {kEsc, 'a', static_cast<std::uint8_t>(line.align == devices::PrintAlign::Center ? 1 : 0)});
        append(out, {kEsc, 'E', static_cast<std::uint8_t>(line.bold ? 1 : 0)});
        append(out, {kGs, '!', static_cast<std::uint8_t>(line.large ? 0x11 : 0x00)});
        for (const char c : fiscal::ffd::utf8ToCp866(line.text)) {
            const auto byte = static_cast<std::uint8_t>(c);
            out.push_back(byte < 0x20 || byte == 0x7F ? static_cast<std::uint8_t>(' ') : byte);
        }
        out.push_back('\n');
    }
    append(out, {kEsc, 'a', 0, kEsc, 'E', 0, kGs, '!', 0});
    append(out, {kGs, 'V', 66, 3}); // feed 3 lines past the cutter, then a partial cut
    return out;
}

Bytes EscPos::statusRequest(std::uint8_t n)
{
    return {kDle, kEot, n};
}

core::Result<devices::PrinterStatus> EscPos::parseStatus(std::uint8_t printer, std::uint8_t offlineCause,
                                                         std::uint8_t paper)
{
    const std::uint8_t bytes[] = {printer, offlineCause, paper};
    for (std::size_t i = 0; i < 3; ++i) {
        if ((bytes[i] & 0x93) != 0x12) {
            return core::Error(devices::printer_errc::kBadAnswer,
                               "status byte " + std::to_string(i + 1) + " (" + std::to_string(bytes[i]) +
                                   ") lacks the fixed bits of an ESC/POS status");
        }
    }
    devices::PrinterStatus status;
    status.online = (printer & 0x08) == 0;
    status.coverOpen = (offlineCause & 0x04) != 0;
    status.paperNearEnd = (paper & 0x0C) != 0;
    status.paperOut = (paper & 0x60) != 0;
    return status;
}

std::uint8_t EscPos::statusByte(std::uint8_t n, const devices::PrinterStatus& status)
{
    std::uint8_t byte = 0x12;
    switch (n) {
    case 1: byte |= status.online ? 0 : 0x08; break;
    case 2:
        byte |= status.coverOpen ? 0x04 : 0;
        byte |= status.paperOut ? 0x20 : 0;
        break;
    case 4:
        byte |= status.paperNearEnd ? 0x0C : 0;
        byte |= status.paperOut ? 0x60 : 0;
        break;
    default: break;
    }
    return byte;
}

core::Result<std::string> EscPos::plainText(const Bytes& bytes)
{
    std::string cp866;
    std::size_t i = 0;
    const auto need = [&](std::size_t count, const char* what) -> core::Status {
        if (i + count > bytes.size()) {
            return malformed(i, std::string(what) + " is cut short");
        }
        return core::ok();
    };
    while (i < bytes.size()) {
        const std::uint8_t b = bytes[i];
        if (b == kEsc) {
            SIGMA_TRY(need(2, "ESC command"));
            const std::uint8_t command = bytes[i + 1];
            if (command == '@') {
                i += 2;
            } else if (command == 't' || command == 'a' || command == 'E' || command == 'd') {
                SIGMA_TRY(need(3, "ESC command"));
                i += 3;
            } else {
                return malformed(i, "unknown ESC command " + std::to_string(command));
            }
        } else if (b == kGs) {
            SIGMA_TRY(need(2, "GS command"));
            const std::uint8_t command = bytes[i + 1];
            if (command == '!') {
                SIGMA_TRY(need(3, "GS !"));
                i += 3;
            } else if (command == 'V') {
                SIGMA_TRY(need(3, "GS V"));
                const std::uint8_t m = bytes[i + 2];
                if (m == 65 || m == 66) {
                    SIGMA_TRY(need(4, "GS V"));
                    i += 4;
                } else if (m == 0 || m == 1 || m == 48 || m == 49) {
                    i += 3;
                } else {
                    return malformed(i, "unknown cut mode " + std::to_string(m));
                }
            } else {
                return malformed(i, "unknown GS command " + std::to_string(command));
            }
        } else if (b == kDle) {
            SIGMA_TRY(need(3, "DLE EOT"));
            if (bytes[i + 1] != kEot) {
                return malformed(i, "DLE not followed by EOT");
            }
            i += 3;
        } else if (b == '\n') {
            cp866.push_back('\n');
            ++i;
        } else if (b < 0x20) {
            return malformed(i, "unexpected control byte " + std::to_string(b));
        } else {
            cp866.push_back(static_cast<char>(b));
            ++i;
        }
    }
    return fiscal::ffd::cp866ToUtf8(cp866);
}

} // namespace sigma::drivers::printer

#include "drivers/emulator/ReceiptQrText.h"

#include "fiscal/ffd/ReceiptQr.h"

#include <ctime>

namespace sigma::drivers::emulator {

std::string receiptQrText(std::int64_t localUnixSeconds, core::Money total, const std::string& fnNumber,
                          std::uint32_t documentNumber, std::uint32_t fiscalSign, int operation)
{
    const std::time_t t = static_cast<std::time_t>(localUnixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    fiscal::ffd::ReceiptQr qr;
    qr.year = tm.tm_year + 1900;
    qr.month = tm.tm_mon + 1;
    qr.day = tm.tm_mday;
    qr.hour = tm.tm_hour;
    qr.minute = tm.tm_min;
    qr.total = total;
    qr.fnNumber = fnNumber;
    qr.fiscalDocumentNumber = documentNumber;
    qr.fiscalSign = fiscalSign;
    qr.operationType = operation;
    return fiscal::ffd::buildReceiptQr(qr);
}

} // namespace sigma::drivers::emulator

#include "core/Uuid.h"

#include "core/ErrorCodes.h"

namespace sigma::core {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

Uuid Uuid::generateV7(const Clock& clock, RandomSource& random)
{
    Uuid uuid;
    random.fill(std::as_writable_bytes(std::span(uuid.m_bytes)));
    const auto ms = static_cast<std::uint64_t>(toUnixMicros(clock.now()) / 1000);
    for (int i = 0; i < 6; ++i) {
        uuid.m_bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    }
    uuid.m_bytes[6] = static_cast<std::uint8_t>(0x70 | (uuid.m_bytes[6] & 0x0F)); // version 7
    uuid.m_bytes[8] = static_cast<std::uint8_t>(0x80 | (uuid.m_bytes[8] & 0x3F)); // variant 10
    return uuid;
}

Result<Uuid> Uuid::parse(std::string_view text)
{
    auto fail = [&] {
        return Error(errc::kBadUuid, "'" + std::string(text.substr(0, 40)) + "' is not a UUID");
    };
    if (text.size() != 36) {
        return fail();
    }
    Uuid uuid;
    std::size_t byte = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') {
                return fail();
            }
            ++i;
            continue;
        }
        const int high = hexValue(text[i]);
        const int low = hexValue(text[i + 1]);
        if (high < 0 || low < 0) {
            return fail();
        }
        uuid.m_bytes[byte++] = static_cast<std::uint8_t>(high * 16 + low);
        i += 2;
    }
    return uuid;
}

Uuid Uuid::fromBytes(const std::array<std::uint8_t, 16>& bytes)
{
    Uuid uuid;
    uuid.m_bytes = bytes;
    return uuid;
}

bool Uuid::isNil() const
{
    for (auto b : m_bytes) {
        if (b != 0) {
            return false;
        }
    }
    return true;
}

std::int64_t Uuid::timestampMs() const
{
    std::int64_t ms = 0;
    for (int i = 0; i < 6; ++i) {
        ms = (ms << 8) | m_bytes[static_cast<std::size_t>(i)];
    }
    return ms;
}

std::string Uuid::toString() const
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            text += '-';
        }
        text += kHex[m_bytes[i] >> 4];
        text += kHex[m_bytes[i] & 0x0F];
    }
    return text;
}

} // namespace sigma::core

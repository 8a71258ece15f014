#include "crypto/PasswordHasher.h"

#include "core/ErrorCodes.h"

#include <argon2.h>
#include <array>
#include <charconv>
#include <optional>
#include <span>
#include <vector>

namespace sigma::crypto {
namespace {

constexpr std::string_view kPrefix = "$argon2id$";

/// The parts of a PHC string, checked for shape only (libargon2 decodes the base64).
struct Encoded {
    std::uint32_t version = 0;
    Argon2Cost cost;
    std::string_view salt; ///< unpadded base64
    std::string_view hash; ///< unpadded base64
};

/// Anything longer is not one of ours (ours are about 100 characters).
constexpr std::size_t kMaxEncodedLength = 512;

bool isBase64(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// Reads "<key><digits>" from the front of `text`, e.g. "m=65536"; digits only, no sign, no
/// leading zero, fits in 32 bits.
std::optional<std::uint32_t> takeNumber(std::string_view& text, std::string_view key)
{
    if (!text.starts_with(key)) {
        return std::nullopt;
    }
    text.remove_prefix(key.size());
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    if (digits == 0 || (digits > 1 && text[0] == '0')) {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + digits, value);
    if (ec != std::errc() || end != text.data() + digits) {
        return std::nullopt;
    }
    text.remove_prefix(digits);
    return value;
}

bool takeLiteral(std::string_view& text, std::string_view literal)
{
    if (!text.starts_with(literal)) {
        return false;
    }
    text.remove_prefix(literal.size());
    return true;
}

std::optional<Encoded> parseEncoded(std::string_view text)
{
    if (text.size() > kMaxEncodedLength || !takeLiteral(text, kPrefix)) {
        return std::nullopt;
    }
    Encoded e;
    const auto version = takeNumber(text, "v=");
    if (!version || !takeLiteral(text, "$")) {
        return std::nullopt;
    }
    const auto memory = takeNumber(text, "m=");
    if (!memory || !takeLiteral(text, ",")) {
        return std::nullopt;
    }
    const auto time = takeNumber(text, "t=");
    if (!time || !takeLiteral(text, ",")) {
        return std::nullopt;
    }
    const auto lanes = takeNumber(text, "p=");
    if (!lanes || !takeLiteral(text, "$")) {
        return std::nullopt;
    }
    const std::size_t dollar = text.find('$');
    if (dollar == std::string_view::npos) {
        return std::nullopt;
    }
    e.version = *version;
    e.cost = {*time, *memory, *lanes};
    e.salt = text.substr(0, dollar);
    e.hash = text.substr(dollar + 1);
    if (!isBase64(e.salt) || !isBase64(e.hash)) {
        return std::nullopt;
    }
    return e;
}

bool costWithinLimits(const Argon2Cost& cost)
{
    return cost.timeCost >= 1 && cost.timeCost <= PasswordHasher::kMaxTimeCost && cost.parallelism >= 1 &&
           cost.parallelism <= PasswordHasher::kMaxParallelism && cost.memoryKiB <= PasswordHasher::kMaxMemoryKiB &&
           cost.memoryKiB >= 8 * cost.parallelism;
}

/// Characters of unpadded base64 for `bytes` bytes.
constexpr std::size_t base64Length(std::size_t bytes)
{
    return (bytes * 4 + 2) / 3;
}

} // namespace

core::Result<std::string> PasswordHasher::hash(std::string_view secret, const Argon2Cost& cost,
                                               core::RandomSource& random)
{
    if (!costWithinLimits(cost)) {
        return core::Error(core::errc::kInvalidArgument,
                           "Argon2 cost out of range: t=" + std::to_string(cost.timeCost) +
                               ", m=" + std::to_string(cost.memoryKiB) + " KiB, p=" + std::to_string(cost.parallelism),
                           "cost");
    }
    std::array<std::uint8_t, kSaltBytes> salt{};
    random.fill(std::as_writable_bytes(std::span(salt)));
    const std::size_t encodedLength =
        argon2_encodedlen(cost.timeCost, cost.memoryKiB, cost.parallelism, static_cast<std::uint32_t>(kSaltBytes),
                          static_cast<std::uint32_t>(kHashBytes), Argon2_id);
    std::vector<char> encoded(encodedLength + 1, '\0');
    const int rc = argon2id_hash_encoded(cost.timeCost, cost.memoryKiB, cost.parallelism, secret.data(), secret.size(),
                                         salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        // The message is libargon2's; it never contains the secret.
        return core::Error(core::errc::kInternal, std::string("Argon2id hashing failed: ") + argon2_error_message(rc));
    }
    return std::string(encoded.data());
}

bool PasswordHasher::verify(std::string_view secret, std::string_view encoded)
{
    const auto parsed = parseEncoded(encoded);
    if (!parsed || parsed->version != ARGON2_VERSION_13 || !costWithinLimits(parsed->cost)) {
        return false;
    }
    const std::string terminated(encoded); // libargon2 wants a C string
    return argon2id_verify(terminated.c_str(), secret.data(), secret.size()) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(std::string_view encoded, const Argon2Cost& cost)
{
    const auto parsed = parseEncoded(encoded);
    return !parsed || parsed->version != ARGON2_VERSION_13 || parsed->cost != cost ||
           parsed->salt.size() < base64Length(kSaltBytes) || parsed->hash.size() != base64Length(kHashBytes);
}

} // namespace sigma::crypto

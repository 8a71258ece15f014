#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

struct evp_md_ctx_st;

namespace sigma::crypto {

/// A SHA-256 (or HMAC-SHA-256) value.
using Digest = std::array<std::uint8_t, 32>;

/// Incremental SHA-256 over OpenSSL's EVP interface, for data that arrives in pieces (files,
/// journals). For data at hand use the free function sha256().
///
/// OpenSSL failing to set up a digest (out of memory) aborts: it cannot happen in a way a caller
/// could handle, and hashing is used where a wrong result would be worse than a crash.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&& other) noexcept;
    Sha256& operator=(Sha256&& other) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const std::byte> data);
    void update(std::span<const std::uint8_t> data);
    void update(std::string_view data);

    /// The digest of everything given since construction or the previous finish(); the object then
    /// starts over, ready for a new message.
    [[nodiscard]] Digest finish();

private:
    struct ContextDeleter {
        void operator()(evp_md_ctx_st* context) const;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> m_context;
};

[[nodiscard]] Digest sha256(std::string_view data);
[[nodiscard]] Digest sha256(std::span<const std::byte> data);
[[nodiscard]] Digest sha256(std::span<const std::uint8_t> data);

} // namespace sigma::crypto

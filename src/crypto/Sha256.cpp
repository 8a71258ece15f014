#include "crypto/Sha256.h"

#include <cstdio>
#include <cstdlib>
#include <openssl/evp.h>

namespace sigma::crypto {
namespace {

[[noreturn]] void fatal(const char* what)
{
    std::fprintf(stderr, "sigma::crypto::Sha256: %s failed\n", what);
    std::abort();
}

void init(EVP_MD_CTX* context)
{
    if (EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1) {
        fatal("EVP_DigestInit_ex");
    }
}

} // namespace

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const
{
    EVP_MD_CTX_free(context);
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    if (!m_context) {
        fatal("EVP_MD_CTX_new");
    }
    init(m_context.get());
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&& other) noexcept = default;
Sha256& Sha256::operator=(Sha256&& other) noexcept = default;

void Sha256::update(std::span<const std::byte> data)
{
    // A moved-from object has no context; using it is a programming error.
    if (!m_context) {
        fatal("update on a moved-from object");
    }
    if (!data.empty() && EVP_DigestUpdate(m_context.get(), data.data(), data.size()) != 1) {
        fatal("EVP_DigestUpdate");
    }
}

void Sha256::update(std::span<const std::uint8_t> data)
{
    update(std::as_bytes(data));
}

void Sha256::update(std::string_view data)
{
    update(std::as_bytes(std::span(data.data(), data.size())));
}

Digest Sha256::finish()
{
    if (!m_context) {
        fatal("finish on a moved-from object");
    }
    Digest digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context.get(), digest.data(), &length) != 1 || length != digest.size()) {
        fatal("EVP_DigestFinal_ex");
    }
    init(m_context.get());
    return digest;
}

Digest sha256(std::span<const std::byte> data)
{
    Digest digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
        length != digest.size()) {
        fatal("EVP_Digest");
    }
    return digest;
}

Digest sha256(std::span<const std::uint8_t> data)
{
    return sha256(std::as_bytes(data));
}

Digest sha256(std::string_view data)
{
    return sha256(std::as_bytes(std::span(data.data(), data.size())));
}

} // namespace sigma::crypto

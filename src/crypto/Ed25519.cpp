#include "crypto/Ed25519.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <openssl/evp.h>

namespace sigma::crypto {
namespace {

[[noreturn]] void fatal(const char* what)
{
    std::fprintf(stderr, "sigma::crypto::Ed25519: %s failed\n", what);
    std::abort();
}

struct PkeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxDeleter {
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

Pkey privateKeyObject(const Ed25519PrivateKey& privateKey)
{
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, privateKey.data(), privateKey.size()));
    if (!key) {
        fatal("EVP_PKEY_new_raw_private_key");
    }
    return key;
}

} // namespace

Ed25519KeyPair generateEd25519KeyPair()
{
    PkeyCtx context(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1) {
        fatal("EVP_PKEY_keygen_init");
    }
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_keygen(context.get(), &raw) != 1) {
        fatal("EVP_PKEY_keygen");
    }
    Pkey key(raw);
    Ed25519KeyPair pair;
    std::size_t length = pair.privateKey.size();
    if (EVP_PKEY_get_raw_private_key(key.get(), pair.privateKey.data(), &length) != 1 ||
        length != pair.privateKey.size()) {
        fatal("EVP_PKEY_get_raw_private_key");
    }
    length = pair.publicKey.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), pair.publicKey.data(), &length) != 1 ||
        length != pair.publicKey.size()) {
        fatal("EVP_PKEY_get_raw_public_key");
    }
    return pair;
}

Ed25519PublicKey ed25519PublicKey(const Ed25519PrivateKey& privateKey)
{
    const Pkey key = privateKeyObject(privateKey);
    Ed25519PublicKey publicKey{};
    std::size_t length = publicKey.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), publicKey.data(), &length) != 1 || length != publicKey.size()) {
        fatal("EVP_PKEY_get_raw_public_key");
    }
    return publicKey;
}

Ed25519Signature ed25519Sign(const Ed25519PrivateKey& privateKey, std::string_view message)
{
    const Pkey key = privateKeyObject(privateKey);
    MdCtx context(EVP_MD_CTX_new());
    // Ed25519 hashes internally: no digest is given, and signing is one-shot (EVP_DigestSign).
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        fatal("EVP_DigestSignInit");
    }
    Ed25519Signature signature{};
    std::size_t length = signature.size();
    if (EVP_DigestSign(context.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
        length != signature.size()) {
        fatal("EVP_DigestSign");
    }
    return signature;
}

bool ed25519Verify(const Ed25519PublicKey& publicKey, std::string_view message, std::span<const std::uint8_t> signature)
{
    if (signature.size() != Ed25519Signature{}.size()) {
        return false;
    }
    Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, publicKey.data(), publicKey.size()));
    if (!key) {
        return false; // not a point on the curve: no signature can be valid for it
    }
    MdCtx context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
        fatal("EVP_DigestVerifyInit");
    }
    return EVP_DigestVerify(context.get(), signature.data(), signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

} // namespace sigma::crypto

#include "crypto/PasswordHasher.h"

#include "core/ErrorCodes.h"
#include "mock/SeededRandom.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace sigma::crypto {
namespace {

/// Hands out the bytes of a fixed text, so a hash with a known salt can be compared to a vector.
class FixedRandom final : public core::RandomSource {
public:
    explicit FixedRandom(std::string bytes) : m_bytes(std::move(bytes)) {}
    void fill(std::span<std::byte> out) override
    {
        for (auto& b : out) {
            b = static_cast<std::byte>(m_bytes[m_next++ % m_bytes.size()]);
        }
    }

private:
    std::string m_bytes;
    std::size_t m_next = 0;
};

constexpr Argon2Cost kCheap{1, 1024, 1};

// The argon2id vector of the reference implementation's test.c (version 0x13, t=2, m=64 MiB,
// p=1, "password" / "somesalt"); the Debian `argon2` CLI gives the same string.
constexpr std::string_view kReferenceVector =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

TEST(PasswordHasher, VerifiesTheReferenceVector)
{
    EXPECT_TRUE(PasswordHasher::verify("password", kReferenceVector));
    EXPECT_FALSE(PasswordHasher::verify("Password", kReferenceVector));
}

// Generated with: echo -n password | argon2 somesalt -id -t 2 -k 1024 -p 2 -l 32 -e
TEST(PasswordHasher, VerifiesACliVectorWithTwoLanes)
{
    const std::string_view vector =
        "$argon2id$v=19$m=1024,t=2,p=2$c29tZXNhbHQ$kEfNQbPvk6Q7hokW6Jrvn1Mjb9kdT/I7OXVDKsviazk";
    EXPECT_TRUE(PasswordHasher::verify("password", vector));
    EXPECT_FALSE(PasswordHasher::verify("passwore", vector));
}

// With the salt fixed, hash() must give exactly what the Debian CLI gives:
//   echo -n 4826 | argon2 SIGMA-PIN-SALT16 -id -t 1 -k 1024 -p 1 -l 32 -e
TEST(PasswordHasher, HashMatchesTheCliForAKnownSalt)
{
    FixedRandom salt("SIGMA-PIN-SALT16");
    const auto encoded = PasswordHasher::hash("4826", kCheap, salt);
    ASSERT_TRUE(encoded.ok()) << encoded.error().message;
    EXPECT_EQ(*encoded,
              "$argon2id$v=19$m=1024,t=1,p=1$U0lHTUEtUElOLVNBTFQxNg$/RBVRQ8uADjY5ovFihJm+gYZmDmPKGcR78QPzUxxnX0");
}

// echo -n 1234 | argon2 somesalt12345678 -id -t 1 -k 1024 -p 1 -l 32 -e
TEST(PasswordHasher, HashMatchesASecondCliVector)
{
    FixedRandom salt("somesalt12345678");
    const auto encoded = PasswordHasher::hash("1234", kCheap, salt);
    ASSERT_TRUE(encoded.ok());
    EXPECT_EQ(*encoded,
              "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o");
}

TEST(PasswordHasher, RoundTripAndWrongSecret)
{
    test::SeededRandom random(5);
    const auto encoded = PasswordHasher::hash("секрет пароль", kCheap, random);
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(encoded->starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
    EXPECT_TRUE(PasswordHasher::verify("секрет пароль", *encoded));
    EXPECT_FALSE(PasswordHasher::verify("секрет пароль ", *encoded));
    EXPECT_FALSE(PasswordHasher::verify("", *encoded));
}

TEST(PasswordHasher, EmptySecretAndSecretsWithNulBytes)
{
    test::SeededRandom random(6);
    const auto empty = PasswordHasher::hash("", kCheap, random);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(PasswordHasher::verify("", *empty));
    EXPECT_FALSE(PasswordHasher::verify("0", *empty));

    const std::string withNul("ab\0cd", 5);
    const auto encoded = PasswordHasher::hash(withNul, kCheap, random);
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(PasswordHasher::verify(withNul, *encoded));
    EXPECT_FALSE(PasswordHasher::verify("ab", *encoded)); // not cut at the NUL
}

TEST(PasswordHasher, FreshSaltEveryTime)
{
    test::SeededRandom random(7);
    const auto a = PasswordHasher::hash("5831", kCheap, random);
    const auto b = PasswordHasher::hash("5831", kCheap, random);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_NE(*a, *b);
    EXPECT_TRUE(PasswordHasher::verify("5831", *a));
    EXPECT_TRUE(PasswordHasher::verify("5831", *b));
    // A 16-byte salt is 22 characters of unpadded base64, the 32-byte hash 43.
    const std::string& text = *a;
    const auto saltStart = text.find("$", std::strlen("$argon2id$v=19$m=1024,t=1,p=1")) + 1;
    const auto hashStart = text.find('$', saltStart) + 1;
    EXPECT_EQ(hashStart - saltStart - 1, 22U);
    EXPECT_EQ(text.size() - hashStart, 43U);
}

TEST(PasswordHasher, MalformedEncodedStringsAreFalseNotCrashes)
{
    FixedRandom salt("somesalt12345678");
    const std::string good = *PasswordHasher::hash("1234", kCheap, salt);
    const std::string_view cases[] = {
        "",
        "$",
        "1234",
        "$argon2id$",
        "$argon2id$v=19$",
        "$argon2id$v=19$m=1024,t=1,p=1$",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$",
        "$argon2id$v=19$m=1024,t=1,p=1$$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o$",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvx*Z5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=-1024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=01024,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$t=1,m=1024,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=1024,t=0,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=1024,t=1,p=0$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        // Costs that would make the caller allocate terabytes or spin for hours: refused unread.
        "$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=1024,t=4294967295,p=1$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
        "$argon2id$v=19$m=1048576,t=1,p=16777215$c29tZXNhbHQxMjM0NTY3OA$icvxVZ5BPn55iyH3fOUx/8ldvMMEtANqUtkpNYOVf+o",
    };
    for (const auto encoded : cases) {
        EXPECT_FALSE(PasswordHasher::verify("1234", encoded)) << encoded;
        EXPECT_TRUE(PasswordHasher::needsRehash(encoded, kCheap)) << encoded;
    }
    const std::string longString = good + std::string(1000, 'A');
    EXPECT_FALSE(PasswordHasher::verify("1234", longString));
    EXPECT_FALSE(PasswordHasher::verify("1234", std::string("$argon2id\0$v=19", 15)));
    // The control: the untouched string verifies, so the cases above fail for their defect.
    EXPECT_TRUE(PasswordHasher::verify("1234", good));
}

TEST(PasswordHasher, NeedsRehashWhenTheCostChanges)
{
    test::SeededRandom random(8);
    const auto encoded = PasswordHasher::hash("5831", kCheap, random);
    ASSERT_TRUE(encoded.ok());
    EXPECT_FALSE(PasswordHasher::needsRehash(*encoded, kCheap));
    EXPECT_TRUE(PasswordHasher::needsRehash(*encoded, Argon2Cost{2, 1024, 1}));
    EXPECT_TRUE(PasswordHasher::needsRehash(*encoded, Argon2Cost{1, 2048, 1}));
    EXPECT_TRUE(PasswordHasher::needsRehash(*encoded, Argon2Cost{1, 1024, 2}));
    EXPECT_TRUE(PasswordHasher::needsRehash(*encoded, Argon2Cost{}));
    // The reference vector has an 8-byte salt: shorter than ours, so it is renewed.
    EXPECT_TRUE(PasswordHasher::needsRehash(kReferenceVector, Argon2Cost{2, 65536, 1}));
}

TEST(PasswordHasher, RefusesCostsOutsideTheLimits)
{
    test::SeededRandom random(9);
    for (const Argon2Cost cost :
         {Argon2Cost{0, 1024, 1}, Argon2Cost{1, 4, 1}, Argon2Cost{1, 1024, 0}, Argon2Cost{1, 16, 4},
          Argon2Cost{PasswordHasher::kMaxTimeCost + 1, 1024, 1}, Argon2Cost{1, PasswordHasher::kMaxMemoryKiB + 1, 1}}) {
        const auto encoded = PasswordHasher::hash("5831", cost, random);
        ASSERT_FALSE(encoded.ok()) << cost.timeCost << " " << cost.memoryKiB << " " << cost.parallelism;
        EXPECT_EQ(encoded.error().code, core::errc::kInvalidArgument);
        EXPECT_EQ(encoded.error().message.find("5831"), std::string::npos); // never the secret
    }
}

TEST(PasswordHasher, MultipleLanesRoundTrip)
{
    test::SeededRandom random(10);
    const Argon2Cost cost{1, 2048, 4};
    const auto encoded = PasswordHasher::hash("77412", cost, random);
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(encoded->starts_with("$argon2id$v=19$m=2048,t=1,p=4$"));
    EXPECT_TRUE(PasswordHasher::verify("77412", *encoded));
    EXPECT_FALSE(PasswordHasher::needsRehash(*encoded, cost));
}

} // namespace
} // namespace sigma::crypto

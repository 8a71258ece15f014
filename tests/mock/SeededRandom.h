#pragma once

#include "core/RandomSource.h"

#include <random>

namespace sigma::test {

/// Repeatable "random" bytes for tests.
class SeededRandom final : public core::RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed = 42) : m_engine(seed) {}

    void fill(std::span<std::byte> out) override
    {
        for (auto& b : out) {
            b = static_cast<std::byte>(m_engine() & 0xFF);
        }
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace sigma::test

#pragma once

#include "fiscal/ffd/TlvJson.h"
#include "fiscal/ffd/TlvNode.h"

#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace sigma::fiscal::ffd::test {

/// "FC 03 02 00 A3 98" → bytes; spaces are ignored. Throws on a stray character (a test bug).
inline std::vector<std::uint8_t> hexBytes(std::string_view text)
{
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw std::invalid_argument("bad hex digit");
    };
    std::vector<std::uint8_t> out;
    int high = -1;
    for (char c : text) {
        if (c == ' ') {
            continue;
        }
        if (high < 0) {
            high = nibble(c);
        } else {
            out.push_back(static_cast<std::uint8_t>(high * 16 + nibble(c)));
            high = -1;
        }
    }
    if (high >= 0) {
        throw std::invalid_argument("odd number of hex digits");
    }
    return out;
}

} // namespace sigma::fiscal::ffd::test

namespace sigma::fiscal::ffd {

/// GoogleTest prints a node as its decoded-tags JSON.
inline void PrintTo(const TlvNode& node, std::ostream* os)
{
    *os << toJson({node}).dump();
}

} // namespace sigma::fiscal::ffd

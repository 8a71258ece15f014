// Fuzz target for the FFD TLV decoder (sigma::fiscal::ffd::decode): arbitrary bytes must either
// fail with an error that names a byte offset, or decode to a tree that re-encodes to exactly
// the input and decodes again to the same tree. Any other outcome aborts, which both libFuzzer
// and the corpus runner report as a failure. See CMakeLists.txt here for how to run it.

#include "fiscal/ffd/TagSchema.h"
#include "fiscal/ffd/TlvCodec.h"
#include "fiscal/ffd/TlvJson.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "TlvDecodeFuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sigma::fiscal::ffd;
    const std::span<const std::uint8_t> input(data, size);

    auto nodes = decode(input, TagSchema::ffd());
    if (!nodes.ok()) {
        if (nodes.error().message.find("byte offset") == std::string::npos) {
            fail("decode error without an offset", nodes.error().message);
        }
        return 0;
    }

    // Decoding keeps every byte (raw values, STLV boundaries), so encoding must give the input back.
    auto bytes = encode(*nodes);
    if (!bytes.ok()) {
        fail("re-encoding a decoded document failed", bytes.error().message);
    }
    if (!std::equal(bytes->begin(), bytes->end(), input.begin(), input.end())) {
        fail("encode(decode(x)) != x", std::to_string(bytes->size()) + " vs " + std::to_string(size) + " bytes");
    }
    auto again = decode(*bytes, TagSchema::ffd());
    if (!again.ok()) {
        fail("decode(encode(decode(x))) failed", again.error().message);
    }
    if (*again != *nodes) {
        fail("decode(encode(x)) != x", "trees differ");
    }

    // Every reader and the JSON view run on the decoded values; dump() throws (and so aborts)
    // if any string is not valid UTF-8.
    const std::string json = toJson(*nodes).dump();
    if (json.empty()) {
        fail("empty JSON", {});
    }
    return 0;
}

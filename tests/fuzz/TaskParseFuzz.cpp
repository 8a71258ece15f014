// Fuzz target for the ATOL JSON task parser (sigma::fiscal::parseTaskText): arbitrary bytes,
// usually JSON-ish, come from integrators, the web API and libfptr10.so. Parsing must never crash
// and never throw, and every refusal must carry one of the JSON task codes (501-504) so the caller
// can tell "malformed task" from a register error. Nothing is executed. See CMakeLists.txt here
// for how to run it.

#include "fiscal/AtolErrors.h"
#include "fiscal/AtolTask.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "TaskParseFuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace atol = sigma::fiscal::atol;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto task = sigma::fiscal::parseTaskText(text);
        if (!task.ok()) {
            const int code = task.error().code;
            if (code < atol::kJsonSyntax || code > atol::kJsonInvalidValue) {
                fail("refusal outside 501-504", std::to_string(code) + " " + task.error().message);
            }
            if (task.error().message.empty()) {
                fail("refusal without a message", std::to_string(code));
            }
            return 0;
        }
        if (sigma::fiscal::taskTypeName(task->type) == "unknown") {
            fail("accepted a task of no known type", std::string(text.substr(0, 200)));
        }
    } catch (const std::exception& e) {
        fail("exception", e.what());
    }
    return 0;
}

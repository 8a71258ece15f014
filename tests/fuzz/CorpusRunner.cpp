// A main() for fuzz targets built without libFuzzer (gcc, the ci preset): runs
// LLVMFuzzerTestOneInput once over every file of the corpus directories (or files) given as
// arguments, so the committed corpus is a regression test under ASan and UBSan. Each input is
// copied into a buffer of exactly its size, so reading one byte too far is an ASan error.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool readFile(const std::filesystem::path& path, std::vector<std::uint8_t>& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(arg, error)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
                if (entry.is_regular_file()) {
                    inputs.push_back(entry.path());
                }
            }
        } else if (std::filesystem::is_regular_file(arg, error)) {
            inputs.push_back(arg);
        } else {
            std::fprintf(stderr, "corpus runner: no such file or directory: %s\n", argv[i]);
            return 2;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        // An empty corpus would make the test pass without testing anything.
        std::fprintf(stderr, "corpus runner: no inputs\n");
        return 2;
    }

    for (const auto& path : inputs) {
        std::vector<std::uint8_t> bytes;
        if (!readFile(path, bytes)) {
            std::fprintf(stderr, "corpus runner: cannot read %s\n", path.c_str());
            return 2;
        }
        // A heap buffer of exactly the input's size (new[0] is still a valid pointer).
        const auto buffer = std::make_unique<std::uint8_t[]>(bytes.size());
        std::copy(bytes.begin(), bytes.end(), buffer.get());
        LLVMFuzzerTestOneInput(buffer.get(), bytes.size());
    }
    std::printf("corpus runner: ran %zu inputs\n", inputs.size());
    return 0;
}

#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace sigma::update {

/// The stages a long update operation goes through, for a progress bar with a caption.
enum class Stage {
    Download = 1, ///< bytes of the package file arriving
    Verify,       ///< signature, then every file's hash (nothing written yet)
    Extract,      ///< writing the release directory (staging, renamed when complete)
    Switch,       ///< the `current` link is replaced
    Flash,        ///< the register's inactive firmware slot is written
    Done,
};

[[nodiscard]] std::string_view stageName(Stage stage);

struct Progress {
    Stage stage = Stage::Verify;
    std::uint64_t done = 0;  ///< bytes (or steps) of this stage so far
    std::uint64_t total = 0; ///< 0 when unknown
    std::string_view item;   ///< the file being handled, when there is one
};

/// Called from the working thread, often (per chunk): keep it cheap. The GUI posts to its own thread.
using ProgressCallback = std::function<void(const Progress&)>;

} // namespace sigma::update

#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <filesystem>
#include <optional>
#include <string>

namespace sigma::update {

/// <root>/update-state.json: what the installer and the launcher remember between runs. Written
/// whole to a temporary file and renamed, so a kill leaves the old or the new state, never half.
///
/// The `current` link is the truth about which release runs; this file only adds what a link
/// cannot say (the previous release, whether the current one has passed its health check, failed
/// starts, the history).
struct InstallState {
    std::optional<std::string> previous;  ///< the release to roll back to
    std::optional<std::string> pending;   ///< installed, not yet healthy once
    int failedStarts = 0;                 ///< failed health checks of the current release in a row
    std::string lastFailure;              ///< why the last health check failed
    core::Json lastRollback;              ///< {at, from, to, reason} or null
    core::Json history = core::Json::array(); ///< the last events, newest last

    static constexpr std::size_t kMaxHistory = 50;

    /// A missing file is an empty state; a damaged one is kIo with the reason.
    static core::Result<InstallState> load(const std::filesystem::path& file);
    core::Status save(const std::filesystem::path& file) const;
    void record(core::Json event);
    [[nodiscard]] core::Json toJson() const;
};

} // namespace sigma::update

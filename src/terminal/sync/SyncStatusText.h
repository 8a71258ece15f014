#pragma once

#include "sync/SyncEngine.h"

#include <QString>

#include <cstdint>

namespace sigma::terminal {

/// The sync status in the owner's words: a short line for the status bar and its colour level
/// ("ok", "info", "warn", "error"), and a longer text for service mode. `tillNowUs` is the till's
/// clock (the journal's times are on it).
struct SyncStatusLine {
    QString text;
    const char* level = "info";
    QString detail; ///< the last error in words, empty when the last round succeeded
};

[[nodiscard]] SyncStatusLine syncStatusShort(const sync::SyncStatus& status, std::int64_t tillNowUs);
[[nodiscard]] QString syncStatusLong(const sync::SyncStatus& status, std::int64_t tillNowUs);

} // namespace sigma::terminal

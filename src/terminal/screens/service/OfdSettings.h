#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"
#include "fiscal/OfdConnection.h"

#include <filesystem>
#include <string>

namespace sigma::terminal {

/// The register's OFD connection (address, port, DNS server), as the technician sets it in the
/// service mode; kept in <data>/ofd-settings.json. No Qt; the form only draws and calls this.
struct OfdSettings {
    std::string host; ///< the OFD server's name or IP address
    int port = 0;     ///< 1..65535
    std::string dns;  ///< an IPv4 address; empty = the network's DNS

    /// Names the first wrong field (kInvalidArgument).
    [[nodiscard]] core::Status validate() const;
    /// The same values as the register takes them (fiscal::OfdSettingsWriter).
    [[nodiscard]] fiscal::OfdConnection toConnection() const;
    [[nodiscard]] core::Json toJson() const;
    static core::Result<OfdSettings> fromJson(const core::Json& json);

    /// A missing file gives empty settings; a damaged one is an error.
    static core::Result<OfdSettings> load(const std::filesystem::path& file);
    /// validate(), then written to a temporary file and renamed.
    core::Status save(const std::filesystem::path& file) const;
};

} // namespace sigma::terminal

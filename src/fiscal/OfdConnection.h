#pragma once

#include "core/Result.h"

#include <string>

namespace sigma::fiscal {

/// Where the register sends its fiscal documents: the OFD server and the DNS it resolves it with.
struct OfdConnection {
    std::string host; ///< the OFD server's name or IP address
    int port = 0;     ///< 1..65535
    std::string dns;  ///< an IPv4 address; empty = the network's DNS

    /// Names the first wrong field ("ofd.host", "ofd.port", "ofd.dns"; kInvalidArgument).
    [[nodiscard]] core::Status validate() const;

    bool operator==(const OfdConnection&) const = default;
};

} // namespace sigma::fiscal

#include "fiscal/OfdConnection.h"

#include "core/ErrorCodes.h"

#include <arpa/inet.h>

namespace sigma::fiscal {

namespace {

bool validHost(const std::string& host)
{
    if (host.empty() || host.size() > 253) {
        return false;
    }
    for (char c : host) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return host.front() != '.' && host.front() != '-';
}

} // namespace

core::Status OfdConnection::validate() const
{
    if (!validHost(host)) {
        return core::Error(core::errc::kInvalidArgument, "ofd.host: a server name or an IP address");
    }
    if (port < 1 || port > 65535) {
        return core::Error(core::errc::kInvalidArgument, "ofd.port: 1..65535");
    }
    in_addr address{};
    if (!dns.empty() && inet_pton(AF_INET, dns.c_str(), &address) != 1) {
        return core::Error(core::errc::kInvalidArgument, "ofd.dns: an IPv4 address such as 8.8.8.8");
    }
    return core::ok();
}

} // namespace sigma::fiscal

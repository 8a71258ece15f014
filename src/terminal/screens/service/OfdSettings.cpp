#include "terminal/screens/service/OfdSettings.h"

#include "core/ErrorCodes.h"

#include <fstream>

namespace sigma::terminal {

core::Status OfdSettings::validate() const
{
    // The register's own rules, so the file never holds what the register would refuse.
    return toConnection().validate();
}

fiscal::OfdConnection OfdSettings::toConnection() const
{
    return fiscal::OfdConnection{host, port, dns};
}

core::Json OfdSettings::toJson() const
{
    return core::Json{{"host", host}, {"port", port}, {"dns", dns}};
}

core::Result<OfdSettings> OfdSettings::fromJson(const core::Json& json)
{
    if (!json.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "ofd settings: expected an object");
    }
    OfdSettings s;
    try {
        s.host = json.value("host", std::string());
        s.port = json.value("port", 0);
        s.dns = json.value("dns", std::string());
    } catch (const core::Json::exception& e) {
        return core::Error(core::errc::kInvalidArgument, std::string("ofd settings: ") + e.what());
    }
    return s;
}

core::Result<OfdSettings> OfdSettings::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return OfdSettings{};
    }
    const std::string text(std::istreambuf_iterator<char>(in), {});
    auto json = core::Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return core::Error(core::errc::kInvalidArgument, file.string() + " is not JSON");
    }
    return fromJson(json);
}

core::Status OfdSettings::save(const std::filesystem::path& file) const
{
    SIGMA_TRY(validate());
    const auto temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << toJson().dump(2) << '\n';
        out.flush();
        if (!out) {
            return core::Error(core::errc::kIo, "cannot write " + temporary);
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot replace " + file.string() + ": " + ec.message());
    }
    return core::ok();
}

} // namespace sigma::terminal

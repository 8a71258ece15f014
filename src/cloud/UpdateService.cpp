#include "cloud/UpdateService.h"

#include "cloud/CloudErrors.h"
#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"
#include "db/Migrations.h"
#include "update/PackageReader.h"
#include "update/TrustStore.h"
#include "update/Version.h"

#include <array>
#include <charconv>
#include <fstream>

namespace sigma::cloud {
namespace {

// Its own migration list, versioned far above the main cloud schema's so the two never collide
// (db::migrate applies the listed versions that are missing and ignores the others).
constexpr std::string_view kUpdatesSchemaV100 = R"sql(
CREATE TABLE update_releases (
    id TEXT PRIMARY KEY,
    component TEXT NOT NULL,
    channel TEXT NOT NULL,
    version TEXT NOT NULL,
    version_order BIGINT NOT NULL,
    min_version TEXT NOT NULL,
    notes TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    published_at_us BIGINT NOT NULL,
    UNIQUE (component, channel, version)
);
CREATE INDEX update_releases_latest ON update_releases (component, channel, version_order);
)sql";

constexpr std::array kUpdateMigrations{db::Migration{100, "updates: published releases", kUpdatesSchemaV100}};

std::int64_t versionOrder(const update::Version& v)
{
    return static_cast<std::int64_t>(v.major) * 10'000'000'000LL + static_cast<std::int64_t>(v.minor) * 100'000LL +
           v.patch;
}

core::Result<crypto::Digest> hashFile(const std::filesystem::path& path, std::uint64_t& size)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::Error(core::errc::kIo, "cannot read " + path.string());
    }
    crypto::Sha256 hash;
    char buffer[64 * 1024];
    size = 0;
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0) {
            hash.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
            size += static_cast<std::uint64_t>(in.gcount());
        }
    }
    return hash.finish();
}

bool validChannel(const std::string& channel)
{
    if (channel.empty() || channel.size() > 32) {
        return false;
    }
    for (const char c : channel) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 64) {
        return false;
    }
    for (const char c : id) {
        if (!((c >= 'a' && c <= 'f') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

net::HttpResponse jsonError(int status, std::string_view code, const std::string& message)
{
    return net::HttpResponse::json(status, core::Json{{"error", {{"code", code}, {"message", message}}}});
}

} // namespace

core::Status UpdateService::ensureSchema()
{
    std::lock_guard lock(m_schemaMutex);
    if (m_schemaReady) {
        return core::ok();
    }
    auto lease = m_context.database.lock();
    SIGMA_TRY(db::migrate(lease.connection(), kUpdateMigrations));
    m_schemaReady = true;
    return core::ok();
}

core::Result<core::Json> UpdateService::publish(const std::filesystem::path& package, const std::string& channel)
{
    if (!validChannel(channel)) {
        return core::Error(core::errc::kInvalidArgument, "a channel is 1-32 of a-z, 0-9 and '-'", "channel");
    }
    auto verified = update::PackageReader::verify(package, update::TrustStore::builtin());
    if (!verified) {
        return core::Error(errc::kBadPackage, "the package does not verify: " + verified.error().message);
    }
    SIGMA_TRY(ensureSchema());
    std::uint64_t size = 0;
    SIGMA_ASSIGN_OR_RETURN(const auto digest, hashFile(package, size));
    const auto& manifest = verified->manifest;
    const std::string id = m_context.newId();
    std::error_code ec;
    std::filesystem::create_directories(storeDir(), ec);
    const auto target = storeDir() / (id + ".tar.gz");
    const auto temporary = storeDir() / (id + ".tar.gz.part");
    std::filesystem::copy_file(package, temporary, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot store the package: " + ec.message());
    }
    const core::Json details = {{"id", id},
                                {"component", update::componentName(manifest.component)},
                                {"channel", channel},
                                {"version", manifest.version.toString()},
                                {"minVersion", manifest.minVersion.toString()},
                                {"size", size},
                                {"sha256", crypto::toHex(digest)},
                                {"signedBy", verified->keyId}};
    auto lease = m_context.database.lock();
    auto& db = lease.connection();
    SIGMA_ASSIGN_OR_RETURN(auto existing,
                           db.queryOne("SELECT id FROM update_releases WHERE component = $1 AND channel = $2 AND "
                                       "version = $3",
                                       {std::string(update::componentName(manifest.component)), channel,
                                        manifest.version.toString()}));
    if (existing) {
        std::filesystem::remove(temporary, ec);
        return core::Error(errc::kConflict, "version " + manifest.version.toString() + " is published on " + channel +
                                                " already");
    }
    // The file is in place before the row that offers it.
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot store the package: " + ec.message());
    }
    SIGMA_TRY(db.execute("INSERT INTO update_releases (id, component, channel, version, version_order, min_version, "
                         "notes, size, sha256, signed_by, published_at_us) "
                         "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                         {id, std::string(update::componentName(manifest.component)), channel,
                          manifest.version.toString(), versionOrder(manifest.version), manifest.minVersion.toString(),
                          manifest.notes, static_cast<std::int64_t>(size), crypto::toHex(digest), verified->keyId,
                          m_context.nowUs()}));
    SIGMA_TRY(appendAudit(db, m_context, "", "platform", "update.published", details));
    return details;
}

core::Result<core::Json> UpdateService::latest(const std::string& component, const std::string& channel,
                                               const std::string& current)
{
    SIGMA_ASSIGN_OR_RETURN(const auto parsedComponent, update::parseComponent(component));
    if (!validChannel(channel)) {
        return core::Error(core::errc::kInvalidArgument, "a channel is 1-32 of a-z, 0-9 and '-'", "channel");
    }
    std::int64_t above = -1;
    if (!current.empty()) {
        auto version = update::Version::parse(current);
        if (!version) {
            return core::Error(core::errc::kInvalidArgument, version.error().message, "current");
        }
        above = versionOrder(*version);
    }
    SIGMA_TRY(ensureSchema());
    auto lease = m_context.database.lock();
    SIGMA_ASSIGN_OR_RETURN(
        auto row, lease.connection().queryOne(
                      "SELECT id, version, min_version, notes, size, sha256 FROM update_releases "
                      "WHERE component = $1 AND channel = $2 AND version_order > $3 "
                      "ORDER BY version_order DESC LIMIT 1",
                      {std::string(update::componentName(parsedComponent)), channel, above}));
    if (!row) {
        return core::Json{{"update", nullptr}};
    }
    const std::string id = row->text(0);
    return core::Json{{"update",
                       {{"id", id},
                        {"component", update::componentName(parsedComponent)},
                        {"channel", channel},
                        {"version", row->text(1)},
                        {"minVersion", row->text(2)},
                        {"notes", row->text(3)},
                        {"size", row->int64(4)},
                        {"sha256", row->text(5)},
                        {"url", "/api/v1/device/updates/" + id + "/file"}}}};
}

net::HttpResponse UpdateService::serveFile(const std::string& id, const std::optional<std::string>& range)
{
    if (!validId(id)) {
        return jsonError(404, "not_found", "no such update");
    }
    if (auto schema = ensureSchema(); !schema) {
        return jsonError(500, "internal", "internal error");
    }
    std::string sha256;
    {
        auto lease = m_context.database.lock();
        auto row = lease.connection().queryOne("SELECT sha256 FROM update_releases WHERE id = $1", {id});
        if (!row || !*row) {
            return jsonError(404, "not_found", "no such update");
        }
        sha256 = (*row)->text(0);
    }
    const auto path = storeDir() / (id + ".tar.gz");
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        return jsonError(404, "not_found", "no such update");
    }
    std::uint64_t from = 0;
    std::uint64_t to = size == 0 ? 0 : size - 1;
    bool partial = false;
    if (range) {
        // One range, "bytes=N-" or "bytes=N-M": all a resuming client sends.
        const std::string_view text(*range);
        const auto dash = text.find('-');
        if (!text.starts_with("bytes=") || dash == std::string_view::npos) {
            return jsonError(416, "range_not_satisfiable", "only bytes=N- and bytes=N-M ranges are served");
        }
        const std::string_view first = text.substr(6, dash - 6);
        const std::string_view last = text.substr(dash + 1);
        auto [p1, e1] = std::from_chars(first.data(), first.data() + first.size(), from);
        if (e1 != std::errc() || p1 != first.data() + first.size() || first.empty()) {
            return jsonError(416, "range_not_satisfiable", "bad range");
        }
        if (!last.empty()) {
            auto [p2, e2] = std::from_chars(last.data(), last.data() + last.size(), to);
            if (e2 != std::errc() || p2 != last.data() + last.size() || to < from) {
                return jsonError(416, "range_not_satisfiable", "bad range");
            }
            to = std::min(to, size - 1);
        }
        if (from >= size) {
            auto response = jsonError(416, "range_not_satisfiable", "the range starts beyond the file");
            response.headers.set("Content-Range", "bytes */" + std::to_string(size));
            return response;
        }
        partial = true;
    }
    if (to - from + 1 > kMaxAnswerBytes) {
        // Bodies are held in memory here: a big file goes out in pieces, each a valid 206.
        to = from + kMaxAnswerBytes - 1;
        partial = true;
    }
    std::ifstream in(path, std::ios::binary);
    std::string body(static_cast<std::size_t>(to - from + 1), '\0');
    in.seekg(static_cast<std::streamoff>(from));
    in.read(body.data(), static_cast<std::streamsize>(body.size()));
    if (!in) {
        return jsonError(500, "internal", "internal error");
    }
    net::HttpResponse response = net::HttpResponse::text(partial ? 206 : 200, std::move(body), "application/gzip");
    response.headers.set("Accept-Ranges", "bytes");
    response.headers.set("ETag", "\"" + sha256 + "\"");
    if (partial) {
        response.headers.set("Content-Range",
                             "bytes " + std::to_string(from) + "-" + std::to_string(to) + "/" + std::to_string(size));
    }
    return response;
}

net::HttpResponse UpdateService::handle(const DeviceIdentity& /*device*/, const net::HttpRequest& request)
{
    const auto it = request.pathParams.find("id");
    if (it != request.pathParams.end()) {
        return serveFile(it->second, request.headers.get("Range"));
    }
    const auto param = [&](const char* name, const char* fallback) {
        const auto p = request.queryParams.find(name);
        return p == request.queryParams.end() ? std::string(fallback) : p->second;
    };
    auto offer = latest(param("component", "terminal"), param("channel", "stable"), param("current", ""));
    if (!offer) {
        const int status = httpStatusFor(offer.error().code);
        core::Json body{{"code", std::string(errorName(offer.error().code))}, {"message", offer.error().message}};
        if (!offer.error().field.empty()) {
            body["field"] = offer.error().field;
        }
        return net::HttpResponse::json(status, core::Json{{"error", body}});
    }
    return net::HttpResponse::json(200, *offer);
}

} // namespace sigma::cloud

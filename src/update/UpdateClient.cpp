#include "update/UpdateClient.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"
#include "net/HttpTypes.h"

#include <charconv>
#include <fstream>

namespace sigma::update {
namespace {

core::Error badAnswer(const std::string& what)
{
    return core::Error(core::errc::kUpdateDownloadFailed, "the update server's answer: " + what);
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

std::string serverError(const net::HttpResponse& response)
{
    auto json = core::parseJsonExact(response.body);
    if (json && json->is_object() && json->contains("error") && (*json)["error"].is_object()) {
        return (*json)["error"].value("message", std::string());
    }
    return response.body.substr(0, 200);
}

/// The signature refusal a new signature may cure: the code of a 401 answer, "clock_skew" with the
/// cloud's time, or "replayed" (the same request signed in the same second by another client).
struct SignatureRefusal {
    std::string code;
    std::optional<std::int64_t> serverTime;
};

std::optional<SignatureRefusal> signatureRefusal(const net::HttpResponse& response)
{
    if (response.status != 401) {
        return std::nullopt;
    }
    auto json = core::parseJsonExact(response.body);
    if (!json || !json->is_object() || !json->contains("error") || !(*json)["error"].is_object()) {
        return std::nullopt;
    }
    SignatureRefusal refusal{(*json)["error"].value("code", std::string()), std::nullopt};
    if (json->contains("serverTime") && (*json)["serverTime"].is_number_integer()) {
        refusal.serverTime = (*json)["serverTime"].get<std::int64_t>();
    }
    return refusal;
}

/// A refusal of the update server in the code the screens explain: the device unknown or
/// revoked is not a broken download.
core::Error refusal(const net::HttpResponse& response)
{
    const std::string what = "the update server answered " + std::to_string(response.status) + ": " + serverError(response);
    switch (response.status) {
    case 401:
        return core::Error(core::errc::kSyncAuthFailed, what);
    case 403:
        return core::Error(core::errc::kSyncDeviceRevoked, what);
    case 429:
        return core::Error(core::errc::kSyncRateLimited, what);
    default:
        return core::Error(response.status >= 500 ? core::errc::kSyncServerError : core::errc::kUpdateDownloadFailed,
                           what);
    }
}

} // namespace

core::Result<UpdateOffer> UpdateOffer::fromJson(const core::Json& json)
{
    if (!json.is_object()) {
        return badAnswer("not an object");
    }
    UpdateOffer offer;
    try {
        offer.id = json.at("id").get<std::string>();
        SIGMA_ASSIGN_OR_RETURN(offer.component, parseComponent(json.at("component").get<std::string>()));
        offer.channel = json.at("channel").get<std::string>();
        SIGMA_ASSIGN_OR_RETURN(offer.version, Version::parse(json.at("version").get<std::string>()));
        SIGMA_ASSIGN_OR_RETURN(offer.minVersion, Version::parse(json.at("minVersion").get<std::string>()));
        offer.notes = json.at("notes").get<std::string>();
        offer.size = json.at("size").get<std::uint64_t>();
        auto hash = crypto::fromHex(json.at("sha256").get<std::string>());
        if (!hash || hash->size() != offer.sha256.size()) {
            return badAnswer("sha256 is not 64 hex digits");
        }
        std::copy(hash->begin(), hash->end(), offer.sha256.begin());
        offer.fileTarget = json.at("url").get<std::string>();
    } catch (const core::Json::exception& e) {
        return badAnswer(std::string("missing or mistyped field: ") + e.what());
    }
    // The file must come from the same server, through the signed device API.
    if (!offer.fileTarget.starts_with("/api/v1/device/updates/") || offer.fileTarget.find("..") != std::string::npos) {
        return badAnswer("unexpected file address");
    }
    if (offer.size > ManifestLimits::kMaxTotalBytes + ManifestLimits::kMaxManifestBytes * 2) {
        return badAnswer("the file is too large");
    }
    return offer;
}

core::Json UpdateOffer::toJson() const
{
    return core::Json{{"id", id},           {"component", componentName(component)}, {"channel", channel},
                      {"version", version.toString()}, {"minVersion", minVersion.toString()},
                      {"notes", notes},     {"size", size}, {"sha256", crypto::toHex(sha256)}, {"url", fileTarget}};
}

UpdateClient::UpdateClient(UpdateClientOptions options, RequestSigner signer)
    : m_options(std::move(options)), m_signer(std::move(signer))
{
    while (!m_options.baseUrl.empty() && m_options.baseUrl.back() == '/') {
        m_options.baseUrl.pop_back();
    }
}

core::Result<std::optional<UpdateOffer>> UpdateClient::check(Component component, const std::string& channel,
                                                             const std::optional<Version>& current)
{
    std::string target = "/api/v1/device/updates?component=" + net::percentEncode(componentName(component)) +
                         "&channel=" + net::percentEncode(channel);
    if (current) {
        target += "&current=" + current->toString();
    }
    net::HttpClientRequest request;
    request.url = m_options.baseUrl + target;
    request.caBundlePath = m_options.caBundlePath;
    request.connectTimeoutMs = m_options.connectTimeoutMs;
    SIGMA_ASSIGN_OR_RETURN(const auto response, signedGet(std::move(request), target, nullptr));
    if (response.status != 200) {
        return refusal(response);
    }
    auto json = core::parseJsonExact(response.body);
    if (!json || !json->is_object()) {
        return badAnswer("not JSON");
    }
    const auto update = json->find("update");
    if (update == json->end() || update->is_null()) {
        return std::optional<UpdateOffer>{};
    }
    SIGMA_ASSIGN_OR_RETURN(auto offer, UpdateOffer::fromJson(*update));
    if (offer.component != component || (current && !(*current < offer.version))) {
        return badAnswer("an offer that is not newer or for another component");
    }
    return std::optional<UpdateOffer>(std::move(offer));
}

core::Status UpdateClient::download(const UpdateOffer& offer, const std::filesystem::path& target,
                                    const ProgressCallback& progress)
{
    const std::filesystem::path part = target.string() + ".part";
    std::error_code ec;
    const auto have = std::filesystem::exists(part, ec) ? std::filesystem::file_size(part, ec) : 0;
    if (have > offer.size) {
        std::filesystem::remove(part, ec); // not a prefix of this offer: start over
    }
    if (progress) {
        progress(Progress{Stage::Download, std::min<std::uint64_t>(have, offer.size), offer.size, offer.version.toString()});
    }
    // A server may answer a big file in pieces (206 with less than asked): keep asking while each
    // answer completes and adds bytes. A broken transfer returns, keeping what arrived.
    std::uint64_t before = have;
    for (int round = 0; round < 1000; ++round) {
        if (std::filesystem::exists(part, ec) && std::filesystem::file_size(part, ec) >= offer.size) {
            break;
        }
        net::HttpClientRequest request;
        request.url = m_options.baseUrl + offer.fileTarget;
        request.caBundlePath = m_options.caBundlePath;
        request.connectTimeoutMs = m_options.connectTimeoutMs;
        request.totalTimeoutMs = m_options.totalTimeoutMs;
        auto response = signedGet(std::move(request), offer.fileTarget, &part);
        if (!response) {
            return core::Error(core::errc::kUpdateDownloadFailed,
                               "the download broke off (" + response.error().message + "); run it again to continue");
        }
        if (response->status != 200 && response->status != 206 && response->status != 416) {
            return refusal(*response);
        }
        const auto now = std::filesystem::exists(part, ec) ? std::filesystem::file_size(part, ec) : 0;
        if (progress) {
            progress(Progress{Stage::Download, std::min<std::uint64_t>(now, offer.size), offer.size,
                              offer.version.toString()});
        }
        if (response->status != 206 || now <= before) {
            break;
        }
        before = now;
    }
    std::uint64_t size = 0;
    SIGMA_ASSIGN_OR_RETURN(const auto digest, hashFile(part, size));
    if (progress) {
        progress(Progress{Stage::Download, size, offer.size, offer.version.toString()});
    }
    if (size < offer.size) {
        return core::Error(core::errc::kUpdateDownloadFailed, "the download is incomplete (" + std::to_string(size) +
                                                                  " of " + std::to_string(offer.size) +
                                                                  " bytes); run it again to continue");
    }
    if (size != offer.size || digest != offer.sha256) {
        std::filesystem::remove(part, ec);
        return core::Error(core::errc::kPackageFileMismatch,
                           "the downloaded file does not match the offer's SHA-256; it was deleted");
    }
    std::filesystem::rename(part, target, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot store " + target.string() + ": " + ec.message());
    }
    return core::ok();
}

core::Result<net::HttpResponse> UpdateClient::signedGet(net::HttpClientRequest request, const std::string& target,
                                                       const std::filesystem::path* file)
{
    // At most one clock correction and one re-signing after a replay refusal, as sync::CloudClient.
    for (int attempt = 0;; ++attempt) {
        SIGMA_ASSIGN_OR_RETURN(request.headers, m_signer("GET", target, "", m_clockOffsetSec));
        auto response = file != nullptr ? m_http.download(request, *file, true) : m_http.send(request);
        if (!response || attempt >= 2) {
            return response;
        }
        const auto refusal = signatureRefusal(*response);
        if (!refusal) {
            return response;
        }
        if (refusal->code == "replayed") {
            continue; // the signer moves to the next second
        }
        const auto sent = request.headers.get("X-Sigma-Timestamp");
        std::int64_t sentSeconds = 0;
        if (refusal->code != "clock_skew" || !refusal->serverTime || !sent ||
            std::from_chars(sent->data(), sent->data() + sent->size(), sentSeconds).ec != std::errc()) {
            return response;
        }
        // The offset that would have made this timestamp the cloud's time.
        m_clockOffsetSec += *refusal->serverTime - sentSeconds;
    }
}

} // namespace sigma::update

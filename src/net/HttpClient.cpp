#include "net/HttpClient.h"

#include "core/ErrorCodes.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <curl/curl.h>
#include <mutex>
#include <system_error>
#include <type_traits>

namespace sigma::net {
namespace {

/// Error bodies of a download are kept in memory up to this size; the rest is dropped.
constexpr std::size_t kMaxErrorBodyBytes = 64 * 1024;

void initCurlOnce()
{
    // curl_global_init is not thread-safe and must run before any other thread uses curl; once
    // per process, never cleaned up (other code in the process may still hold handles at exit).
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// Owns one CURL easy handle; the handle's connection cache is what gives keep-alive.
class CurlEasy {
public:
    CurlEasy() : m_handle(curl_easy_init()) {}
    ~CurlEasy()
    {
        if (m_handle != nullptr) {
            curl_easy_cleanup(m_handle);
        }
    }
    CurlEasy(const CurlEasy&) = delete;
    CurlEasy& operator=(const CurlEasy&) = delete;

    [[nodiscard]] CURL* get() const { return m_handle; }

    /// Sets an option, remembering the first failure. Restricted to the types curl's variadic
    /// interface accepts, so an `int` cannot be passed where curl reads a `long`.
    template <typename T> void set(CURLoption option, T value)
    {
        static_assert(std::is_same_v<T, long> || std::is_same_v<T, curl_off_t> || std::is_pointer_v<T>,
                      "curl options take long, curl_off_t or a pointer");
        const CURLcode rc = curl_easy_setopt(m_handle, option, value);
        if (rc != CURLE_OK && m_setError == CURLE_OK) {
            m_setError = rc;
        }
    }

    /// Clears the options (not the connection cache) for the next request.
    void reset()
    {
        curl_easy_reset(m_handle);
        m_setError = CURLE_OK;
    }

    [[nodiscard]] CURLcode setError() const { return m_setError; }

private:
    CURL* m_handle;
    CURLcode m_setError = CURLE_OK;
};

/// Owns a curl_slist of request header lines.
class CurlHeaderList {
public:
    CurlHeaderList() = default;
    ~CurlHeaderList() { curl_slist_free_all(m_list); }
    CurlHeaderList(const CurlHeaderList&) = delete;
    CurlHeaderList& operator=(const CurlHeaderList&) = delete;

    [[nodiscard]] bool append(const std::string& line)
    {
        curl_slist* grown = curl_slist_append(m_list, line.c_str());
        if (grown == nullptr) {
            return false;
        }
        m_list = grown;
        return true;
    }

    [[nodiscard]] curl_slist* get() const { return m_list; }

private:
    curl_slist* m_list = nullptr;
};

/// Owns a FILE* for the downloaded body.
class OutputFile {
public:
    OutputFile() = default;
    ~OutputFile() { close(); }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    [[nodiscard]] bool open(const std::filesystem::path& path, bool append)
    {
        close();
        m_file = std::fopen(path.c_str(), append ? "ab" : "wb");
        return m_file != nullptr;
    }
    [[nodiscard]] bool isOpen() const { return m_file != nullptr; }
    [[nodiscard]] bool write(const char* data, std::size_t size) { return std::fwrite(data, 1, size, m_file) == size; }
    /// Flushes and closes; false when the data did not reach the file.
    bool close()
    {
        if (m_file == nullptr) {
            return true;
        }
        const bool flushed = std::fflush(m_file) == 0;
        const bool closed = std::fclose(m_file) == 0;
        m_file = nullptr;
        return flushed && closed;
    }

private:
    std::FILE* m_file = nullptr;
};

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

/// The start offset of a `Content-Range: bytes <first>-<last>/<total>` value.
std::optional<std::uintmax_t> contentRangeStart(std::string_view value)
{
    value = trim(value);
    if (value.size() < 6 || !equalsIgnoreCase(value.substr(0, 6), "bytes ")) {
        return std::nullopt;
    }
    value.remove_prefix(6);
    std::uintmax_t start = 0;
    std::size_t i = 0;
    for (; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i) {
        if (start > (UINTMAX_MAX - 9) / 10) {
            return std::nullopt;
        }
        start = start * 10 + static_cast<std::uintmax_t>(value[i] - '0');
    }
    if (i == 0 || i >= value.size() || value[i] != '-') {
        return std::nullopt;
    }
    return start;
}

/// Everything one transfer's callbacks need. The body goes to memory, or for a download of a 2xx
/// response into the file.
struct Transfer {
    HttpResponse response;
    bool toFile = false;
    const std::filesystem::path* target = nullptr;
    std::uintmax_t resumeFrom = 0; ///< the Range start we asked for; 0 = no Range sent
    OutputFile file;
    bool bodyStarted = false;
    std::optional<core::Error> failure; ///< why a callback stopped the transfer
};

std::size_t onHeaderLine(char* buffer, std::size_t size, std::size_t count, void* userdata)
{
    auto* transfer = static_cast<Transfer*>(userdata);
    const std::size_t length = size * count;
    const std::string_view line(buffer, length);
    if (line.starts_with("HTTP/")) {
        // A new status line (after 100 Continue, or a proxy's CONNECT reply): earlier fields were
        // not this response's.
        transfer->response.headers = {};
        const std::size_t space = line.find(' ');
        transfer->response.status = 0;
        for (std::size_t i = space + 1;
             space != std::string_view::npos && i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
            transfer->response.status = transfer->response.status * 10 + (line[i] - '0');
        }
        return length;
    }
    const std::string_view trimmed = trim(line);
    if (trimmed.empty()) {
        return length;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !transfer->response.headers.empty()) {
        // obsolete line folding: continues the previous field's value
        auto fields = transfer->response.headers.all();
        fields.back().second.append(" ").append(trimmed);
        transfer->response.headers = {};
        for (auto& [name, value] : fields) {
            transfer->response.headers.add(std::move(name), std::move(value));
        }
        return length;
    }
    const std::size_t colon = trimmed.find(':');
    if (colon == std::string_view::npos) {
        return length;
    }
    transfer->response.headers.add(std::string(trim(trimmed.substr(0, colon))),
                                   std::string(trim(trimmed.substr(colon + 1))));
    return length;
}

/// Decides where a download's body goes, once the final status is known.
bool startDownloadBody(Transfer& transfer)
{
    transfer.bodyStarted = true;
    const int status = transfer.response.status;
    if (status < 200 || status > 299) {
        return true; // the body is the server's error text: kept in memory, the file is untouched
    }
    bool append = false;
    if (status == 206) {
        const auto range = transfer.response.headers.get("Content-Range");
        const auto start = range ? contentRangeStart(*range) : std::nullopt;
        if (transfer.resumeFrom == 0 || !start || *start != transfer.resumeFrom) {
            transfer.failure =
                core::Error(core::errc::kBadHttpResponse, "206 reply with Content-Range '" + range.value_or("") +
                                                              "' does not continue the file at byte " +
                                                              std::to_string(transfer.resumeFrom));
            return false;
        }
        append = true;
    }
    if (!transfer.file.open(*transfer.target, append)) {
        transfer.failure = core::Error(core::errc::kIo,
                                       "cannot open '" + transfer.target->string() +
                                           "' for writing: " + std::generic_category().message(errno),
                                       "target");
        return false;
    }
    return true;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* userdata)
{
    auto* transfer = static_cast<Transfer*>(userdata);
    const std::size_t length = size * count;
    if (!transfer->toFile) {
        transfer->response.body.append(data, length);
        return length;
    }
    if (!transfer->bodyStarted && !startDownloadBody(*transfer)) {
        return 0; // makes curl fail with CURLE_WRITE_ERROR; transfer->failure says why
    }
    if (!transfer->file.isOpen()) {
        const std::size_t room = kMaxErrorBodyBytes - std::min(kMaxErrorBodyBytes, transfer->response.body.size());
        transfer->response.body.append(data, std::min(room, length));
        return length;
    }
    if (!transfer->file.write(data, length)) {
        transfer->failure = core::Error(
            core::errc::kIo,
            "cannot write '" + transfer->target->string() + "': " + std::generic_category().message(errno), "target");
        return 0;
    }
    return length;
}

int errorCodeFor(CURLcode rc)
{
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
        return core::errc::kConnectionFailed;
    case CURLE_OPERATION_TIMEDOUT:
        return core::errc::kNetworkTimeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return core::errc::kHostNotFound;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return core::errc::kBadUrl;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return core::errc::kTlsFailure;
    default:
        return core::errc::kTransferFailed;
    }
}

/// The URL for messages, without the query (which may carry tokens).
std::string urlForMessage(const std::string& url)
{
    return url.substr(0, url.find('?'));
}

} // namespace

class HttpClient::Impl {
public:
    core::Status perform(const HttpClientRequest& request, Transfer& transfer, bool download)
    {
        if (m_easy.get() == nullptr) {
            return core::Error(core::errc::kInternal, "curl_easy_init failed");
        }
        if (!isToken(request.method)) {
            return core::Error(core::errc::kInvalidArgument, "'" + request.method + "' is not an HTTP method",
                               "method");
        }
        const bool head = request.method == "HEAD";
        const bool bodyless = head || (request.body.empty() && (request.method == "GET" || request.method == "DELETE" ||
                                                                request.method == "OPTIONS"));
        CurlHeaderList headers;
        bool contentType = false;
        for (const auto& [name, value] : request.headers.all()) {
            if (!isToken(name) || value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
                return core::Error(core::errc::kInvalidArgument, "invalid header field '" + name + "'", "headers");
            }
            if (download && (equalsIgnoreCase(name, "Range") || equalsIgnoreCase(name, "Accept-Encoding"))) {
                continue; // download() decides these
            }
            contentType = contentType || equalsIgnoreCase(name, "Content-Type");
            // "Name;" is curl's spelling for a field with an empty value ("Name:" would delete it).
            if (!headers.append(value.empty() ? name + ";" : name + ": " + value)) {
                return core::Error(core::errc::kInternal, "out of memory building request headers");
            }
        }
        // No 100-continue round trip: curl would wait up to a second for it before a large body.
        bool listOk = headers.append("Expect:");
        if (!bodyless && !contentType) {
            listOk = listOk && headers.append("Content-Type:"); // not curl's form-urlencoded guess
        }
        if (transfer.resumeFrom > 0) {
            listOk = listOk && headers.append("Range: bytes=" + std::to_string(transfer.resumeFrom) + "-");
        }
        if (!listOk) {
            return core::Error(core::errc::kInternal, "out of memory building request headers");
        }

        // The options point into this call's request, header list and transfer: clear them
        // afterwards too, so the handle never holds a dangling pointer between calls.
        m_easy.reset();
        const ResetOnExit resetOnExit{m_easy};
        m_errorBuffer.fill('\0');
        m_easy.set(CURLOPT_ERRORBUFFER, m_errorBuffer.data());
        m_easy.set(CURLOPT_URL, request.url.c_str());
        m_easy.set(CURLOPT_PROTOCOLS_STR, "http,https");
        m_easy.set(CURLOPT_NOSIGNAL, 1L); // timeouts without SIGALRM: safe in threads
        m_easy.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::max(1, request.connectTimeoutMs)));
        m_easy.set(CURLOPT_TIMEOUT_MS, static_cast<long>(std::max(1, request.totalTimeoutMs)));
        m_easy.set(CURLOPT_HTTPHEADER, headers.get());
        if (request.caBundlePath) {
            m_easy.set(CURLOPT_CAINFO, request.caBundlePath->c_str());
        }
        m_easy.set(CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
        m_easy.set(CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
        if (request.acceptGzip && !download) {
            m_easy.set(CURLOPT_ACCEPT_ENCODING, ""); // every encoding this libcurl can decode
        }

        if (head) {
            m_easy.set(CURLOPT_NOBODY, 1L);
        } else if (request.method == "GET" && bodyless) {
            m_easy.set(CURLOPT_HTTPGET, 1L);
        } else if (bodyless) {
            m_easy.set(CURLOPT_CUSTOMREQUEST, request.method.c_str());
        } else {
            // Any other method sends its body, even an empty one (Content-Length: 0), as POST
            // with the method name replaced.
            m_easy.set(CURLOPT_POST, 1L);
            m_easy.set(CURLOPT_POSTFIELDS, request.body.data());
            m_easy.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            if (request.method != "POST") {
                m_easy.set(CURLOPT_CUSTOMREQUEST, request.method.c_str());
            }
        }

        m_easy.set(CURLOPT_HEADERFUNCTION, &onHeaderLine);
        m_easy.set(CURLOPT_HEADERDATA, static_cast<void*>(&transfer));
        m_easy.set(CURLOPT_WRITEFUNCTION, &onBody);
        m_easy.set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer));

        if (m_easy.setError() != CURLE_OK) {
            return core::Error(core::errc::kInternal,
                               std::string("curl rejected an option: ") + curl_easy_strerror(m_easy.setError()));
        }

        const CURLcode rc = curl_easy_perform(m_easy.get());
        if (rc != CURLE_OK) {
            transfer.file.close();
            if (transfer.failure) {
                return *transfer.failure;
            }
            std::string message = request.method + " " + urlForMessage(request.url) + ": " + curl_easy_strerror(rc);
            if (m_errorBuffer[0] != '\0') {
                message += ": " + std::string(trim(m_errorBuffer.data()));
            }
            const int code = errorCodeFor(rc);
            return core::Error(code, std::move(message), code == core::errc::kBadUrl ? "url" : "");
        }
        long status = 0;
        curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &status);
        transfer.response.status = static_cast<int>(status);
        return core::ok();
    }

    core::Result<HttpResponse> send(const HttpClientRequest& request)
    {
        Transfer transfer;
        SIGMA_TRY(perform(request, transfer, false));
        return std::move(transfer.response);
    }

    core::Result<HttpResponse> download(const HttpClientRequest& request, const std::filesystem::path& target,
                                        bool resume)
    {
        Transfer transfer;
        transfer.toFile = true;
        transfer.target = &target;
        if (resume) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(target, ec);
            transfer.resumeFrom = ec ? 0 : size;
        }
        SIGMA_TRY(perform(request, transfer, true));
        // An empty 2xx body never reached the write callback: still truncate for a 200.
        if (!transfer.bodyStarted && !startDownloadBody(transfer)) {
            return *transfer.failure;
        }
        if (!transfer.file.close()) {
            return core::Error(core::errc::kIo, "cannot write '" + target.string() + "'", "target");
        }
        return std::move(transfer.response);
    }

private:
    struct ResetOnExit {
        CurlEasy& easy;
        ~ResetOnExit() { easy.reset(); }
    };

    CurlEasy m_easy;
    std::array<char, CURL_ERROR_SIZE> m_errorBuffer{};
};

HttpClient::HttpClient()
{
    initCurlOnce();
    m_impl = std::make_unique<Impl>();
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

core::Result<HttpResponse> HttpClient::send(const HttpClientRequest& request)
{
    return m_impl->send(request);
}

core::Result<HttpResponse> HttpClient::download(const HttpClientRequest& request, const std::filesystem::path& target,
                                                bool resume)
{
    return m_impl->download(request, target, resume);
}

} // namespace sigma::net

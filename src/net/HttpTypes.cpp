#include "net/HttpTypes.h"

#include "core/ErrorCodes.h"

#include <algorithm>

namespace sigma::net {
namespace {

char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return toLowerAscii(x) == toLowerAscii(y); });
}

void Headers::set(std::string name, std::string value)
{
    remove(name);
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value)
{
    m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name)
{
    std::erase_if(m_fields, [&](const Field& field) { return equalsIgnoreCase(field.first, name); });
}

std::optional<std::string> Headers::get(std::string_view name) const
{
    for (const auto& [fieldName, value] : m_fields) {
        if (equalsIgnoreCase(fieldName, name)) {
            return value;
        }
    }
    return std::nullopt;
}

std::vector<std::string> Headers::getAll(std::string_view name) const
{
    std::vector<std::string> values;
    for (const auto& [fieldName, value] : m_fields) {
        if (equalsIgnoreCase(fieldName, name)) {
            values.push_back(value);
        }
    }
    return values;
}

bool Headers::has(std::string_view name) const
{
    return std::any_of(m_fields.begin(), m_fields.end(),
                       [&](const Field& field) { return equalsIgnoreCase(field.first, name); });
}

HttpResponse HttpResponse::json(int status, const core::Json& body)
{
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    // Replace, not throw, on invalid UTF-8: a handler echoing bad input must not turn into a 500.
    response.body = body.dump(-1, ' ', false, core::Json::error_handler_t::replace);
    return response;
}

HttpResponse HttpResponse::text(int status, std::string body, std::string contentType)
{
    HttpResponse response;
    response.status = status;
    response.headers.set("Content-Type", std::move(contentType));
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::error(int status, std::string_view code, std::string_view message)
{
    return json(status, core::Json{{"error", {{"code", std::string(code)}, {"message", std::string(message)}}}});
}

core::Result<std::string> percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            const int high = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                return core::Error(core::errc::kBadPercentEncoding, "malformed percent-escape at offset " +
                                                                        std::to_string(i) + " in '" +
                                                                        std::string(text.substr(0, 80)) + "'");
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string percentEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

core::Result<std::map<std::string, std::string>> parseQuery(std::string_view query)
{
    std::map<std::string, std::string> params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view piece = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (piece.empty()) {
            continue;
        }
        const std::size_t eq = piece.find('=');
        SIGMA_ASSIGN_OR_RETURN(std::string key, percentDecode(piece.substr(0, eq), true));
        std::string value;
        if (eq != std::string_view::npos) {
            SIGMA_ASSIGN_OR_RETURN(value, percentDecode(piece.substr(eq + 1), true));
        }
        params.emplace(std::move(key), std::move(value));
    }
    return params;
}

} // namespace sigma::net

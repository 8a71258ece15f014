#include "cloud/StaticFiles.h"

#include "core/ExactJson.h"

#include <fstream>
#include <sstream>

namespace sigma::cloud {

namespace {

net::HttpResponse notFound()
{
    return net::HttpResponse::json(404, core::Json{{"error", {{"code", "not_found"}, {"message", "no such file"}}}});
}

std::optional<std::string> readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool isInside(const std::filesystem::path& root, const std::filesystem::path& file)
{
    const auto rootText = root.native();
    const auto fileText = file.native();
    return fileText.size() > rootText.size() && fileText.compare(0, rootText.size(), rootText) == 0 &&
           fileText[rootText.size()] == '/';
}

} // namespace

std::string_view contentTypeFor(const std::filesystem::path& file)
{
    const std::string ext = file.extension().string();
    if (ext == ".html" || ext == ".htm") {
        return "text/html; charset=utf-8";
    }
    if (ext == ".js" || ext == ".mjs") {
        return "text/javascript; charset=utf-8";
    }
    if (ext == ".css") {
        return "text/css; charset=utf-8";
    }
    if (ext == ".json" || ext == ".map") {
        return "application/json; charset=utf-8";
    }
    if (ext == ".svg") {
        return "image/svg+xml";
    }
    if (ext == ".png") {
        return "image/png";
    }
    if (ext == ".jpg" || ext == ".jpeg") {
        return "image/jpeg";
    }
    if (ext == ".ico") {
        return "image/x-icon";
    }
    if (ext == ".webp") {
        return "image/webp";
    }
    if (ext == ".woff2") {
        return "font/woff2";
    }
    if (ext == ".woff") {
        return "font/woff";
    }
    if (ext == ".txt") {
        return "text/plain; charset=utf-8";
    }
    if (ext == ".wasm") {
        return "application/wasm";
    }
    return "application/octet-stream";
}

net::HttpResponse serveStaticFile(const std::filesystem::path& root, std::string_view path)
{
    std::error_code ec;
    const auto canonicalRoot = std::filesystem::canonical(root, ec);
    if (ec) {
        return notFound();
    }
    auto serve = [](const std::filesystem::path& file, bool immutable) {
        auto body = readFile(file);
        if (!body) {
            return notFound();
        }
        auto response = net::HttpResponse::text(200, std::move(*body), std::string(contentTypeFor(file)));
        response.headers.set("X-Content-Type-Options", "nosniff");
        response.headers.set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        return response;
    };
    const auto index = canonicalRoot / "index.html";

    auto decoded = net::percentDecode(path);
    if (decoded && decoded->find('\0') == std::string::npos && !decoded->empty() && decoded->front() == '/') {
        bool safe = true;
        std::filesystem::path relative;
        std::string_view rest(*decoded);
        while (!rest.empty()) {
            const auto slash = rest.find('/');
            const std::string_view segment = rest.substr(0, slash);
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
            if (segment.empty() || segment == ".") {
                continue;
            }
            if (segment == ".." || segment.find('\\') != std::string_view::npos) {
                safe = false;
                break;
            }
            relative /= std::string(segment);
        }
        if (safe && !relative.empty()) {
            const auto file = std::filesystem::weakly_canonical(canonicalRoot / relative, ec);
            if (!ec && isInside(canonicalRoot, file) && std::filesystem::is_regular_file(file, ec)) {
                // Vite puts content-hashed names under assets/: cache them for good.
                return serve(file, relative.begin() != relative.end() && *relative.begin() == "assets");
            }
        }
    }
    if (std::filesystem::is_regular_file(index, ec)) {
        return serve(index, false);
    }
    return notFound();
}

} // namespace sigma::cloud

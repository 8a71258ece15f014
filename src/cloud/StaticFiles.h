#pragma once

#include "net/HttpTypes.h"

#include <filesystem>
#include <string_view>

namespace sigma::cloud {

/// The built cabinet: the file at `path` under `root`, or `root/index.html` (single-page app
/// fallback) when there is none. A path that decodes to anything outside the root (`..`, a symlink
/// pointing out, NUL) never reaches the file system: it gets the index or 404.
[[nodiscard]] net::HttpResponse serveStaticFile(const std::filesystem::path& root, std::string_view path);

/// The Content-Type for a file name's extension.
[[nodiscard]] std::string_view contentTypeFor(const std::filesystem::path& file);

} // namespace sigma::cloud

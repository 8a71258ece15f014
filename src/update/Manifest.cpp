#include "update/Manifest.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"

#include <algorithm>
#include <set>

namespace sigma::update {
namespace {

core::Error malformed(const std::string& what, const std::string& field = {})
{
    return core::Error(core::errc::kPackageMalformed, "manifest: " + what, field);
}

core::Result<std::string> stringAt(const core::Json& object, const char* key, std::size_t maxBytes)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        return malformed(std::string(key) + " must be a string", key);
    }
    auto text = it->get<std::string>();
    if (text.size() > maxBytes) {
        return core::Error(core::errc::kPackageTooLarge, std::string("manifest: ") + key + " is too long", key);
    }
    return text;
}

template <std::size_t N>
core::Result<std::array<std::uint8_t, N>> hexArray(const std::string& text, const std::string& field)
{
    auto bytes = crypto::fromHex(text);
    if (!bytes || bytes->size() != N) {
        return malformed(field + " must be " + std::to_string(N * 2) + " hex digits", field);
    }
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

core::Result<ManifestFile> parseFile(const core::Json& item, std::size_t index)
{
    const std::string field = "files[" + std::to_string(index) + "]";
    if (!item.is_object()) {
        return malformed(field + " must be an object", field);
    }
    ManifestFile file;
    SIGMA_ASSIGN_OR_RETURN(file.path, stringAt(item, "path", ManifestLimits::kMaxPathBytes * 2));
    if (auto status = checkRelativePath(file.path); !status) {
        return status.error().inField(field);
    }
    SIGMA_ASSIGN_OR_RETURN(const std::string hash, stringAt(item, "sha256", 64));
    SIGMA_ASSIGN_OR_RETURN(file.sha256, hexArray<32>(hash, field + ".sha256"));
    const auto size = item.find("size");
    if (size == item.end() || !size->is_number_unsigned()) {
        return malformed(field + ".size must be a non-negative integer", field + ".size");
    }
    file.size = size->get<std::uint64_t>();
    if (file.size > ManifestLimits::kMaxFileBytes) {
        return core::Error(core::errc::kPackageTooLarge, "manifest: " + field + " is above 2 GiB", field + ".size");
    }
    const auto executable = item.find("executable");
    if (executable != item.end()) {
        if (!executable->is_boolean()) {
            return malformed(field + ".executable must be true or false", field + ".executable");
        }
        file.executable = executable->get<bool>();
    }
    return file;
}

} // namespace

std::string_view componentName(Component component)
{
    switch (component) {
    case Component::Terminal: return "terminal";
    case Component::KktFirmware: return "kkt-firmware";
    case Component::Keys: return "keys";
    }
    return "terminal";
}

core::Result<Component> parseComponent(std::string_view text)
{
    for (const auto c : {Component::Terminal, Component::KktFirmware, Component::Keys}) {
        if (componentName(c) == text) {
            return c;
        }
    }
    return core::Error(core::errc::kUpdateWrongComponent,
                       "unknown component '" + std::string(text.substr(0, 40)) + "' (terminal, kkt-firmware, keys)",
                       "component");
}

core::Status checkRelativePath(std::string_view path)
{
    const auto unsafe = [&](const std::string& why) {
        return core::Error(core::errc::kPackageUnsafePath,
                           "unsafe path '" + std::string(path.substr(0, 80)) + "': " + why, "path");
    };
    if (path.empty()) {
        return unsafe("empty");
    }
    if (path.size() > ManifestLimits::kMaxPathBytes) {
        return unsafe("too long");
    }
    if (path.front() == '/') {
        return unsafe("absolute");
    }
    for (const char c : path) {
        if (c == '\\') {
            return unsafe("backslash");
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return unsafe("control character");
        }
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") {
            return unsafe("empty, '.' or '..' segment");
        }
        start = end + 1;
    }
    return core::ok();
}

std::uint64_t Manifest::totalBytes() const
{
    std::uint64_t total = 0;
    for (const auto& f : files) {
        total += f.size;
    }
    return total;
}

const ManifestFile* Manifest::find(std::string_view path) const
{
    for (const auto& f : files) {
        if (f.path == path) {
            return &f;
        }
    }
    return nullptr;
}

core::Json Manifest::toJson() const
{
    // nlohmann's default object keeps keys sorted, so dump() is canonical for the same content.
    core::Json json = {
        {"format", kFormat},
        {"component", componentName(component)},
        {"version", version.toString()},
        {"minVersion", minVersion.toString()},
        {"notes", notes},
    };
    core::Json list = core::Json::array();
    for (const auto& f : files) {
        list.push_back({{"path", f.path}, {"sha256", crypto::toHex(f.sha256)}, {"size", f.size},
                        {"executable", f.executable}});
    }
    json["files"] = std::move(list);
    if (component == Component::Keys) {
        core::Json keyList = core::Json::array();
        for (const auto& k : keys) {
            keyList.push_back(crypto::toHex(k));
        }
        json["keys"] = std::move(keyList);
    }
    return json;
}

std::string Manifest::serialize() const
{
    return toJson().dump();
}

core::Result<Manifest> Manifest::parse(std::string_view text)
{
    if (text.size() > ManifestLimits::kMaxManifestBytes) {
        return core::Error(core::errc::kPackageTooLarge, "manifest is above 256 KiB");
    }
    auto parsed = core::parseJsonExact(text, 8);
    if (!parsed) {
        return malformed(parsed.error().message);
    }
    const core::Json& json = *parsed;
    if (!json.is_object()) {
        return malformed("not a JSON object");
    }
    const auto format = json.find("format");
    if (format == json.end() || !format->is_number_integer() || format->get<std::int64_t>() != kFormat) {
        return malformed("unsupported format (expected 1)", "format");
    }
    Manifest manifest;
    SIGMA_ASSIGN_OR_RETURN(const std::string component, stringAt(json, "component", 40));
    SIGMA_ASSIGN_OR_RETURN(manifest.component, parseComponent(component));
    SIGMA_ASSIGN_OR_RETURN(const std::string version, stringAt(json, "version", 40));
    SIGMA_ASSIGN_OR_RETURN(manifest.version, Version::parse(version));
    SIGMA_ASSIGN_OR_RETURN(const std::string minVersion, stringAt(json, "minVersion", 40));
    SIGMA_ASSIGN_OR_RETURN(manifest.minVersion, Version::parse(minVersion));
    SIGMA_ASSIGN_OR_RETURN(manifest.notes, stringAt(json, "notes", ManifestLimits::kMaxNotesBytes));

    const auto files = json.find("files");
    if (files == json.end() || !files->is_array()) {
        return malformed("files must be an array", "files");
    }
    if (files->size() > ManifestLimits::kMaxFiles) {
        return core::Error(core::errc::kPackageTooLarge, "manifest: more than 4096 files", "files");
    }
    std::set<std::string> seen;
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < files->size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(auto file, parseFile((*files)[i], i));
        if (!seen.insert(file.path).second) {
            return malformed("files[" + std::to_string(i) + "] repeats path " + file.path, "files");
        }
        total += file.size;
        if (total > ManifestLimits::kMaxTotalBytes) {
            return core::Error(core::errc::kPackageTooLarge, "manifest: files above 4 GiB in total", "files");
        }
        manifest.files.push_back(std::move(file));
    }

    const auto keys = json.find("keys");
    if (manifest.component == Component::Keys) {
        if (keys == json.end() || !keys->is_array() || keys->empty() || keys->size() > ManifestLimits::kMaxKeys) {
            return malformed("keys must be an array of 1 to 16 public keys", "keys");
        }
        for (std::size_t i = 0; i < keys->size(); ++i) {
            const std::string field = "keys[" + std::to_string(i) + "]";
            if (!(*keys)[i].is_string()) {
                return malformed(field + " must be a string", field);
            }
            SIGMA_ASSIGN_OR_RETURN(auto key, hexArray<32>((*keys)[i].get<std::string>(), field));
            manifest.keys.push_back(key);
        }
    } else if (keys != json.end()) {
        return malformed("keys is allowed only in a keys package", "keys");
    }
    return manifest;
}

} // namespace sigma::update

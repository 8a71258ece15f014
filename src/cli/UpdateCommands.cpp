#include "cli/UpdateCommands.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "drivers/BuiltinDrivers.h"
#include "fiscal/DriverRegistry.h"
#include "fiscal/FirmwareFlasher.h"
#include "store/Journal.h"
#include "store/Schema.h"
#include "store/TerminalDatabase.h"
#include "sync/DeviceSigner.h"
#include "crypto/OsRandom.h"
#include "db/Migrations.h"
#include "till/DataDirectory.h"
#include "till/TerminalConfig.h"
#include "update/FirmwareUpdater.h"
#include "update/Installer.h"
#include "update/PackageBuilder.h"
#include "update/PackageReader.h"
#include "update/UpdateClient.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace sigma::cli {
namespace {

struct Options {
    std::string root;
    std::string file;
    std::string channel = "stable";
    std::string component = "terminal";
    std::string reason = "по запросу техника";
    bool allowDowngrade = false;
    // package
    std::string privateKey;
    std::string publicKey;
    std::string version;
    std::string minVersion = "0.0.0";
    std::string notes;
    std::string notesFile;
    std::string from;
    std::string out;
    std::vector<std::string> keys;
    std::vector<std::string> trustKeys;
};

/// --root, else $SIGMA_INSTALL_ROOT, else the root this sigmactl runs from when it is itself an
/// installed release (<root>/releases/<version>/bin/sigmactl), else /opt/sigma-pos.
std::filesystem::path installRoot(const Options& options)
{
    if (!options.root.empty()) {
        return options.root;
    }
    if (const char* env = std::getenv("SIGMA_INSTALL_ROOT"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && self.parent_path().filename() == "bin" &&
        self.parent_path().parent_path().parent_path().filename() == "releases") {
        return self.parent_path().parent_path().parent_path().parent_path();
    }
    return "/opt/sigma-pos";
}

update::Installer installer(const CliContext& context, const Options& options)
{
    return update::Installer(installRoot(options), update::TrustStore::builtin(), context.clock());
}

/// Progress of long operations on stderr (stdout carries only the JSON result).
update::ProgressCallback stderrProgress()
{
    auto lastPercent = std::make_shared<int>(-1);
    auto lastStage = std::make_shared<update::Stage>(update::Stage::Done);
    return [lastPercent, lastStage](const update::Progress& p) {
        const int percent = p.total == 0 ? 100 : static_cast<int>(p.done * 100 / p.total);
        if (percent / 10 != *lastPercent / 10 || p.stage != *lastStage) {
            std::cerr << update::stageName(p.stage) << ' ' << percent << "%\n";
            *lastPercent = percent;
            *lastStage = p.stage;
        }
    };
}

core::Result<std::string> readSmallFile(const std::string& path, std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::Error(core::errc::kIo, "cannot read " + path);
    }
    std::string text(std::istreambuf_iterator<char>(in), {});
    if (text.size() > maxBytes) {
        return core::Error(core::errc::kInvalidArgument, path + " is too large");
    }
    return text;
}

template <std::size_t N>
core::Result<std::array<std::uint8_t, N>> hexKey(std::string text, const std::string& what)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    auto bytes = crypto::fromHex(text);
    if (!bytes || bytes->size() != N) {
        return core::Error(core::errc::kUpdateBadKeyFile, what + " is not " + std::to_string(N * 2) + " hex digits");
    }
    std::array<std::uint8_t, N> key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

core::Json manifestSummary(const update::VerifiedPackage& package)
{
    const auto& m = package.manifest;
    core::Json json = {{"component", update::componentName(m.component)},
                       {"version", m.version.toString()},
                       {"minVersion", m.minVersion.toString()},
                       {"notes", m.notes},
                       {"files", m.files.size()},
                       {"bytes", m.totalBytes()},
                       {"signedBy", package.keyId}};
    if (m.component == update::Component::Keys) {
        json["keys"] = core::Json::array();
        for (const auto& k : m.keys) {
            json["keys"].push_back(update::keyId(k));
        }
    }
    return json;
}

// --- health -----------------------------------------------------------------------------------

core::Result<core::Json> healthCommand(const CliContext& context)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    core::Json json = {{"version", SIGMA_VERSION}, {"dataDir", dir.root().string()}};
    if (!std::filesystem::exists(dir.terminalDb())) {
        // A terminal not set up yet starts fine: nothing of its data to check.
        json["healthy"] = true;
        json["initialized"] = false;
        return json;
    }
    const auto fail = [](const std::string& what) {
        return core::Error(core::errc::kUpdateHealthFailed, "health check failed: " + what);
    };
    auto config = till::TerminalConfig::load(dir.configFile());
    if (!config) {
        return fail("config.json: " + config.error().message);
    }
    auto database = store::TerminalDatabase::open(dir.terminalDb(), store::TerminalDatabase::Access::Writer, "health check");
    if (!database) {
        return fail("terminal.db: " + database.error().message);
    }
    auto& connection = (*database)->connection();
    auto integrity = connection.queryOne("PRAGMA quick_check");
    if (!integrity || !*integrity || (*integrity)->text(0) != "ok") {
        return fail("terminal.db integrity check: " +
                    (integrity && *integrity ? (*integrity)->text(0) : std::string("cannot run")));
    }
    SIGMA_ASSIGN_OR_RETURN(const int schema, db::schemaVersion(connection));
    int known = 0;
    for (const auto& m : store::schemaMigrations()) {
        known = std::max(known, m.version);
    }
    crypto::OsRandom random;
    store::Journal journal(**database, context.clock(), random);
    auto verification = journal.verify();
    if (!verification) {
        return fail("journal: " + verification.error().message);
    }
    if (!verification->ok) {
        return fail("journal broken at seq " + std::to_string(verification->firstBadSeq) + ": " + verification->problem);
    }
    json["healthy"] = true;
    json["initialized"] = true;
    json["schemaVersion"] = schema;
    json["knownSchemaVersion"] = known; // lower than schemaVersion after a rollback: expected
    json["journalChecked"] = verification->checked;
    json["fiscalDriver"] = config->fiscalDriver;
    return json;
}

// --- update -----------------------------------------------------------------------------------

core::Result<update::RequestSigner> deviceSigner(const CliContext& context, std::string& cloudUrl)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_ASSIGN_OR_RETURN(auto database,
                           store::TerminalDatabase::open(dir.terminalDb(), store::TerminalDatabase::Access::Reader, "sigmactl"));
    SIGMA_ASSIGN_OR_RETURN(auto signer, sync::DeviceSigner::forRegisteredTerminal(*database, context.clock(), cloudUrl));
    return update::RequestSigner(
        [signer = std::move(signer)](const std::string& method, const std::string& target, const std::string& body,
                                     std::int64_t offset) -> core::Result<net::Headers> {
            return signer.headers(method, target, body, offset);
        });
}

core::Result<core::Json> statusCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto json, installer(context, options).status());
    json["devKeyTrusted"] = update::TrustStore::builtinTrustsDevKey();
    return json;
}

core::Result<core::Json> checkCommand(const CliContext& context, const Options& options, bool download)
{
    SIGMA_ASSIGN_OR_RETURN(const auto component, update::parseComponent(options.component));
    auto inst = installer(context, options);
    std::optional<update::Version> current;
    if (component == update::Component::Terminal) {
        SIGMA_ASSIGN_OR_RETURN(current, inst.currentVersion());
    }
    std::string cloudUrl;
    SIGMA_ASSIGN_OR_RETURN(auto signer, deviceSigner(context, cloudUrl));
    update::UpdateClientOptions clientOptions;
    clientOptions.baseUrl = cloudUrl;
    update::UpdateClient client(clientOptions, std::move(signer));
    SIGMA_ASSIGN_OR_RETURN(const auto offer, client.check(component, options.channel, current));
    core::Json json = {{"current", current ? core::Json(current->toString()) : core::Json()}};
    if (!offer) {
        json["update"] = nullptr;
        return json;
    }
    json["update"] = offer->toJson();
    if (download) {
        const auto dir = inst.root() / "downloads";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        const auto target = dir / (options.component + "-" + offer->version.toString() + ".tar.gz");
        SIGMA_TRY(client.download(*offer, target, stderrProgress()));
        // Checked against the trusted keys now, so a bad file is reported at download time.
        SIGMA_ASSIGN_OR_RETURN(const auto verified, inst.verify(target));
        json["file"] = target.string();
        json["verified"] = manifestSummary(verified);
    }
    return json;
}

core::Result<core::Json> applyCommand(const CliContext& context, const Options& options)
{
    auto inst = installer(context, options);
    update::InstallOptions install;
    install.allowDowngrade = options.allowDowngrade;
    SIGMA_ASSIGN_OR_RETURN(const auto result, inst.install(options.file, install, stderrProgress()));
    core::Json json = {{"component", update::componentName(result.component)},
                       {"version", result.version.toString()},
                       {"signedBy", result.keyId}};
    if (result.component == update::Component::Terminal) {
        json["previous"] = result.previous ? core::Json(*result.previous) : core::Json();
        json["restartRequired"] = true; // the running programs keep their release until restarted
    }
    return json;
}

core::Result<core::Json> rollbackCommand(const CliContext& context, const Options& options)
{
    auto inst = installer(context, options);
    SIGMA_TRY(inst.rollback(options.reason));
    return inst.status();
}

// --- firmware ---------------------------------------------------------------------------------

struct OpenedRegister {
    const fiscal::DriverDescriptor* driver = nullptr;
    std::unique_ptr<fiscal::FiscalDevice> device;
};

core::Result<OpenedRegister> openRegister(const CliContext& context, fiscal::DriverRegistry& registry)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_ASSIGN_OR_RETURN(const auto config, till::TerminalConfig::load(dir.configFile()));
    drivers::registerBuiltinDrivers(registry);
    OpenedRegister opened;
    opened.driver = registry.find(config.fiscalDriver);
    if (opened.driver == nullptr) {
        return core::Error(core::errc::kNotFound, "unknown fiscal driver '" + config.fiscalDriver + "'");
    }
    SIGMA_ASSIGN_OR_RETURN(opened.device,
                           registry.create(config.fiscalDriver, config.fiscalSettings, {dir.root(), &context.clock()}));
    return opened;
}

core::Result<core::Json> firmwareInfoCommand(const CliContext& context)
{
    fiscal::DriverRegistry registry;
    SIGMA_ASSIGN_OR_RETURN(auto opened, openRegister(context, registry));
    core::Json json = {{"driver", opened.driver->id}, {"canFlash", opened.driver->capabilities.firmwareUpdate}};
    auto info = opened.device->execute(core::Json{{"type", "getDeviceInfo"}});
    if (info && info->contains("deviceInfo")) {
        json["firmwareVersion"] = (*info)["deviceInfo"].value("firmwareVersion", std::string());
    }
    if (!opened.driver->capabilities.firmwareUpdate) {
        json["message"] = "Прошивка этой ККТ обновляется утилитой производителя (АТОЛ)";
    }
    return json;
}

core::Result<core::Json> firmwareFlashCommand(const CliContext& context, const Options& options)
{
    fiscal::DriverRegistry registry;
    SIGMA_ASSIGN_OR_RETURN(auto opened, openRegister(context, registry));
    auto* flasher = dynamic_cast<fiscal::FirmwareFlasher*>(opened.device.get());
    if (!opened.driver->capabilities.firmwareUpdate || flasher == nullptr) {
        return core::Error(core::errc::kFirmwareUnsupported,
                           "Драйвер «" + opened.driver->label +
                               "» не обновляет прошивку: используйте утилиту производителя ККТ");
    }
    SIGMA_ASSIGN_OR_RETURN(const auto trust, installer(context, options).trust());
    SIGMA_ASSIGN_OR_RETURN(const auto result, update::FirmwareUpdater::flash(options.file, trust, *flasher,
                                                                             options.allowDowngrade, stderrProgress()));
    return core::Json{{"previousVersion", result.previousVersion}, {"firmwareVersion", result.version},
                      {"signedBy", result.keyId}};
}

// --- package (the publisher) ----------------------------------------------------------------

core::Status writeNewFile(const std::string& path, const std::string& text, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        return core::Error(core::errc::kIo, "cannot create " + path + " (it must not exist yet): " + std::strerror(errno));
    }
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok ? core::ok() : core::Status(core::Error(core::errc::kIo, "cannot write " + path));
}

core::Result<core::Json> keygenCommand(const Options& options)
{
    const auto pair = crypto::generateEd25519KeyPair();
    SIGMA_TRY(writeNewFile(options.privateKey, crypto::toHex(pair.privateKey) + "\n", 0600));
    SIGMA_TRY(writeNewFile(options.publicKey, crypto::toHex(pair.publicKey) + "\n", 0644));
    return core::Json{{"keyId", update::keyId(pair.publicKey)}, {"publicKey", crypto::toHex(pair.publicKey)},
                      {"privateKeyFile", options.privateKey}, {"publicKeyFile", options.publicKey}};
}

core::Result<core::Json> signCommand(const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(const auto keyText, readSmallFile(options.privateKey, 1024));
    SIGMA_ASSIGN_OR_RETURN(const auto key, hexKey<32>(keyText, "--key"));
    update::Manifest manifest;
    SIGMA_ASSIGN_OR_RETURN(manifest.component, update::parseComponent(options.component));
    SIGMA_ASSIGN_OR_RETURN(manifest.version, update::Version::parse(options.version));
    SIGMA_ASSIGN_OR_RETURN(manifest.minVersion, update::Version::parse(options.minVersion));
    manifest.notes = options.notes;
    if (!options.notesFile.empty()) {
        SIGMA_ASSIGN_OR_RETURN(manifest.notes, readSmallFile(options.notesFile, update::ManifestLimits::kMaxNotesBytes));
    }
    for (const auto& k : options.keys) {
        SIGMA_ASSIGN_OR_RETURN(const auto text, readSmallFile(k, 1024));
        SIGMA_ASSIGN_OR_RETURN(const auto publicKey, hexKey<32>(text, k));
        manifest.keys.push_back(publicKey);
    }
    if (!options.from.empty()) {
        SIGMA_TRY(update::PackageBuilder::addDirectory(manifest, options.from));
    }
    SIGMA_TRY(update::PackageBuilder::write(manifest, options.from, key, options.out));
    return core::Json{{"file", options.out},
                      {"component", options.component},
                      {"version", manifest.version.toString()},
                      {"files", manifest.files.size()},
                      {"bytes", manifest.totalBytes()},
                      {"signedBy", update::keyId(crypto::ed25519PublicKey(key))}};
}

core::Result<core::Json> verifyCommand(const CliContext& context, const Options& options)
{
    update::TrustStore trust;
    if (options.trustKeys.empty()) {
        SIGMA_ASSIGN_OR_RETURN(trust, installer(context, options).trust());
    } else {
        // The publisher checking a package against a key of its own: verification only, this
        // never makes a device install anything.
        std::vector<crypto::Ed25519PublicKey> keys;
        for (const auto& k : options.trustKeys) {
            SIGMA_ASSIGN_OR_RETURN(const auto text, readSmallFile(k, 1024));
            SIGMA_ASSIGN_OR_RETURN(const auto publicKey, hexKey<32>(text, k));
            keys.push_back(publicKey);
        }
        trust = update::TrustStore(std::move(keys));
    }
    SIGMA_ASSIGN_OR_RETURN(const auto verified, update::PackageReader::verify(options.file, trust));
    auto json = manifestSummary(verified);
    json["valid"] = true;
    return json;
}

} // namespace

void addUpdateCommands(CLI::App& app, CliContext& context)
{
    auto options = std::make_shared<Options>();
    const auto rootOption = [options](CLI::App* command) {
        command->add_option("--root", options->root,
                            "Install root (default: $SIGMA_INSTALL_ROOT, the root of this release, /opt/sigma-pos)");
    };

    auto* health = app.add_subcommand("health", "Check that this release can run on the data directory");
    health->callback([&context] { context.setAction([&context] { return healthCommand(context); }); });

    auto* update = app.add_subcommand("update", "Signed updates: status, check, download, apply, rollback");
    update->require_subcommand(1);
    auto* status = update->add_subcommand("status", "Installed releases, health state, last rollback");
    rootOption(status);
    status->callback([&context, options] { context.setAction([&context, options] { return statusCommand(context, *options); }); });
    for (const bool download : {false, true}) {
        auto* command = update->add_subcommand(download ? "download" : "check",
                                               download ? "Download the newer release, resuming, and verify it"
                                                        : "Ask the cloud whether a newer release exists");
        rootOption(command);
        command->add_option("--channel", options->channel, "Release channel (default stable)");
        command->add_option("--component", options->component, "terminal or kkt-firmware");
        command->callback([&context, options, download] {
            context.setAction([&context, options, download] { return checkCommand(context, *options, download); });
        });
    }
    auto* apply = update->add_subcommand("apply", "Verify and install a package file, switch to it");
    rootOption(apply);
    apply->add_option("file", options->file, "Package file")->required();
    apply->add_flag("--allow-downgrade", options->allowDowngrade, "Install an older version");
    apply->callback([&context, options] { context.setAction([&context, options] { return applyCommand(context, *options); }); });
    auto* rollback = update->add_subcommand("rollback", "Switch back to the previous release");
    rootOption(rollback);
    rollback->add_option("--reason", options->reason, "Why (recorded)");
    rollback->callback([&context, options] { context.setAction([&context, options] { return rollbackCommand(context, *options); }); });

    auto* firmware = app.add_subcommand("firmware", "Fiscal register firmware");
    firmware->require_subcommand(1);
    auto* info = firmware->add_subcommand("info", "Running firmware version and whether the driver can flash");
    info->callback([&context] { context.setAction([&context] { return firmwareInfoCommand(context); }); });
    auto* flash = firmware->add_subcommand("flash", "Flash a signed kkt-firmware package (no open shift)");
    rootOption(flash);
    flash->add_option("file", options->file, "Package file")->required();
    flash->add_flag("--allow-downgrade", options->allowDowngrade, "Flash an older version");
    flash->callback([&context, options] { context.setAction([&context, options] { return firmwareFlashCommand(context, *options); }); });

    auto* package = app.add_subcommand("package", "For the publisher: keys, signing, verification");
    package->require_subcommand(1);
    auto* keygen = package->add_subcommand("keygen", "Make an Ed25519 key pair (hex files)");
    keygen->add_option("--private", options->privateKey, "Private key file to create (mode 0600)")->required();
    keygen->add_option("--public", options->publicKey, "Public key file to create")->required();
    keygen->callback([&context, options] { context.setAction([options] { return keygenCommand(*options); }); });
    auto* sign = package->add_subcommand("sign", "Build and sign a package from a directory");
    sign->add_option("--key", options->privateKey, "Private key file")->required();
    sign->add_option("--component", options->component, "terminal, kkt-firmware or keys");
    sign->add_option("--version", options->version, "MAJOR.MINOR.PATCH")->required();
    sign->add_option("--min-version", options->minVersion, "Oldest version it upgrades from (default 0.0.0)");
    sign->add_option("--notes", options->notes, "Release notes (Russian)");
    sign->add_option("--notes-file", options->notesFile, "Release notes from a file");
    sign->add_option("--from", options->from, "Directory with the files");
    sign->add_option("--new-key", options->keys, "keys packages: a public key file of the new set (repeat)");
    sign->add_option("--out", options->out, "Package file to write")->required();
    sign->callback([&context, options] { context.setAction([options] { return signCommand(*options); }); });
    auto* verify = package->add_subcommand("verify", "Verify a package without installing it");
    rootOption(verify);
    verify->add_option("file", options->file, "Package file")->required();
    verify->add_option("--trust-key", options->trustKeys, "Check against this public key file instead (repeat)");
    verify->callback([&context, options] { context.setAction([&context, options] { return verifyCommand(context, *options); }); });
}

} // namespace sigma::cli

#include "cli/SyncCommands.h"

#include "cli/TerminalSession.h"
#include "core/ErrorCodes.h"
#include "sync/RegistrationService.h"
#include "sync/SyncEngine.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <thread>

namespace sigma::cli {
namespace {

struct Options {
    std::string cloud;
    std::string phone;
    std::string email;
    std::string seller;
    std::string pin;
    std::string smsCode;
    bool wait = false;
    int timeoutSec = 600;
    int pollSec = 3;
    std::string caBundle;
};

sync::CloudClientOptions clientOptions(const Options& options)
{
    sync::CloudClientOptions client;
    if (!options.caBundle.empty()) {
        client.caBundlePath = options.caBundle;
    }
    return client;
}

core::Json progressJson(const sync::RegistrationProgress& progress)
{
    core::Json out{{"status", progress.status}, {"businessType", progress.businessType}};
    if (!progress.deviceId.empty()) {
        out["deviceId"] = progress.deviceId; // the id is no secret; the key is never printed
    }
    return out;
}

/// After activation the business type is the account's: config.json locks it (init refuses to
/// change it).
core::Status lockBusinessType(TerminalSession& session)
{
    if (session.config().businessTypeLocked) {
        return core::ok();
    }
    session.config().businessTypeLocked = true;
    return session.config().save(session.dir().configFile());
}

core::Result<core::Json> registerCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    sync::RegistrationService registration(session->database(), clientOptions(options), context.clock());
    if (!options.cloud.empty()) {
        if (options.phone.empty() || options.email.empty() || options.seller.empty() || options.pin.empty()) {
            return core::Error(core::errc::kInvalidArgument, "--phone, --email, --seller and --pin are required",
                               "register");
        }
        SIGMA_ASSIGN_OR_RETURN(auto info, session->till().fiscal().execute({{"type", "getDeviceInfo"}}));
        sync::RegistrationRequest request;
        request.cloudUrl = options.cloud;
        request.phone = options.phone;
        request.email = options.email;
        request.sellerCode = options.seller;
        request.activationPin = options.pin;
        request.deviceSerial = info.contains("deviceInfo") ? info["deviceInfo"].value("serial", "") : "";
        request.businessType = session->config().businessType
                                   ? std::string(till::businessTypeName(*session->config().businessType))
                                   : std::string("trade");
        SIGMA_ASSIGN_OR_RETURN(auto progress, registration.start(request));
        // The terminal syncs to config.json's cloud.url (service mode edits it): registering with
        // another cloud must move it too, or the screen would sync somewhere else.
        if (session->config().cloudUrl != options.cloud) {
            session->config().cloudUrl = options.cloud;
            SIGMA_TRY(session->config().save(session->dir().configFile()));
        }
        auto out = progressJson(progress);
        out["next"] = "sigmactl register --sms-code CODE";
        return out;
    }
    if (!options.smsCode.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto progress, registration.confirmSmsCode(options.smsCode));
        auto out = progressJson(progress);
        out["next"] = "sigmactl register --wait";
        return out;
    }
    if (options.wait) {
        SIGMA_ASSIGN_OR_RETURN(auto progress, registration.waitUntilActive(
                                                  std::chrono::seconds(std::max(0, options.timeoutSec)),
                                                  std::chrono::seconds(std::max(1, options.pollSec)),
                                                  [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }));
        SIGMA_TRY(lockBusinessType(*session));
        return progressJson(progress);
    }
    SIGMA_ASSIGN_OR_RETURN(auto progress, registration.progress());
    return progressJson(progress);
}

core::Result<core::Json> syncCommand(const CliContext& context, const Options& options, bool now)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    const std::int64_t nowUs = core::toUnixMicros(context.clock().now());
    if (!now) {
        SIGMA_ASSIGN_OR_RETURN(auto status, sync::SyncEngine::storedStatus(session->database(), context.clock()));
        return status.toJson(nowUs);
    }
    sync::SyncEngineOptions engineOptions;
    engineOptions.client = clientOptions(options);
    sync::SyncEngine engine(session->database(), engineOptions, context.clock(), session->random());
    auto report = engine.syncOnce();
    if (!report) {
        return report.error();
    }
    core::Json out = engine.status().toJson(core::toUnixMicros(context.clock().now()));
    out["pushedEvents"] = report->pushedEvents;
    out["pulledChanges"] = report->pulledChanges;
    out["refusedChanges"] = report->refusedChanges;
    return out;
}

template <typename F> void bind(CLI::App* command, CliContext& context, F&& action)
{
    command->callback([&context, action] { context.setAction([action] { return action(); }); });
}

} // namespace

void addSyncCommands(CLI::App& app, CliContext& context)
{
    auto o = std::make_shared<Options>();
    auto* ctx = &context;

    auto* reg = app.add_subcommand("register", "Register this terminal with the cloud (start, SMS code, wait)");
    reg->add_option("--cloud", o->cloud, "Cloud URL (https://...): starts a registration");
    reg->add_option("--phone", o->phone, "The owner's phone");
    reg->add_option("--email", o->email, "The owner's e-mail");
    reg->add_option("--seller", o->seller, "The seller's code");
    reg->add_option("--pin", o->pin, "The activation PIN from the seller (6 digits)");
    reg->add_option("--sms-code", o->smsCode, "The code from the SMS");
    reg->add_flag("--wait", o->wait, "Wait until the owner has set the password, then store the credentials");
    reg->add_option("--timeout", o->timeoutSec, "--wait: give up after this many seconds (default 600)");
    reg->add_option("--poll", o->pollSec, "--wait: seconds between checks (default 3)");
    reg->add_option("--ca-bundle", o->caBundle, "PEM file of trusted CAs (default: the system store)");
    bind(reg, context, [ctx, o] { return registerCommand(*ctx, *o); });

    auto* sync = app.add_subcommand("sync", "Cloud sync: send the journal, fetch catalog and staff");
    sync->require_subcommand(1);
    auto* now = sync->add_subcommand("now", "One round now: push every unsent event, pull every change");
    now->add_option("--ca-bundle", o->caBundle, "PEM file of trusted CAs (default: the system store)");
    bind(now, context, [ctx, o] { return syncCommand(*ctx, *o, true); });
    auto* status = sync->add_subcommand("status", "State, last success, unsent events and their age, last error");
    bind(status, context, [ctx, o] { return syncCommand(*ctx, *o, false); });
}

} // namespace sigma::cli

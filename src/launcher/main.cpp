// sigma-launcher: a small process of its own between the system (systemd) and the terminal. It
// runs the current release's health check before each start, rolls a new release back after N
// failed checks and records why (docs/updates.md).

#include "core/Clock.h"
#include "core/ErrorCodes.h"
#include "update/Installer.h"
#include "update/Launcher.h"
#include "update/TrustStore.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

namespace {

std::vector<std::string> splitWords(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) {
        words.push_back(word);
    }
    return words;
}

} // namespace

int main(int argc, char** argv)
{
    std::string root = "/opt/sigma-pos";
    std::string health = "bin/sigmactl health";
    std::string app = "bin/sigma-terminal";
    sigma::update::LauncherOptions options;
    CLI::App cli{"sigma-launcher: starts the current Sigma POS release, rolls back a failing update", "sigma-launcher"};
    cli.add_option("--root", root, "Install root with releases/ and current (default /opt/sigma-pos)");
    cli.add_option("--health", health, "Health check, relative to the release, words split on spaces");
    cli.add_option("--app", app, "The program to start, relative to the release, words split on spaces");
    cli.add_option("--max-failed-starts", options.maxFailedStarts, "Failed health checks before a rollback")
        ->check(CLI::Range(1, 100));
    cli.add_flag("--once", options.once, "Start the program once and exit with its code");
    CLI11_PARSE(cli, argc, argv);
    options.healthCommand = splitWords(health);
    options.appCommand = splitWords(app);

    const sigma::core::SystemClock clock;
    sigma::update::Installer installer(root, sigma::update::TrustStore::builtin(), clock);
    sigma::update::Launcher launcher(installer, options);
    auto result = launcher.run();
    if (!result) {
        std::cerr << "sigma-launcher: " << result.error().message << " (code " << result.error().code << ")\n";
        return 1;
    }
    return *result;
}

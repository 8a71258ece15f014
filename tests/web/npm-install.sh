#!/usr/bin/env bash
# Installs web/node_modules from package-lock.json (npm registry only) when it is missing or
# older than the lock file. ctest runs this once as the fixture web.setup.
set -euo pipefail
web="$(realpath "${1:?usage: npm-install.sh WEB_DIR}")"
cd "${web}"
marker="node_modules/.package-lock.json"
if [[ -f "${marker}" && ! "package-lock.json" -nt "${marker}" ]]; then
    echo "npm-install: node_modules is up to date"
    exit 0
fi
npm ci --no-audit --no-fund

#!/usr/bin/env bash
# End-to-end test of the cabinet (web/) against the real cloud server, in headless Chromium.
#
#   tests/web/run-e2e.sh /path/to/sigma-cloud [SCREENSHOT_DIR]
#
# Builds web/ (npm ci first when node_modules is missing), starts `sigma-cloud serve` on a free
# loopback port with a throwaway data dir and the built cabinet as its web root, then runs
# tests/web/e2e.mjs: admin commands, the terminal's registration calls, and the browser flows.
# Screenshots go to SCREENSHOT_DIR (default: docs/screenshots, the committed ones). The server is
# stopped by its PID and the data dir removed on every exit path; the server log is printed when
# the test fails. SIGMA_SEED, when set, is the sigma_cloud_seed binary (tests/support/CloudSeed.cpp)
# that e2e.mjs runs with the registered device's credentials to give the cabinet a sales history.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 SIGMA_CLOUD_BINARY [SCREENSHOT_DIR]" >&2
    exit 2
fi
bin="$(realpath "$1")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
web="${root}/web"
shots="$(realpath -m "${2:-${root}/docs/screenshots}")"

if [[ ! -x "${bin}" ]]; then
    echo "run-e2e: ${bin} is not an executable" >&2
    exit 1
fi
if [[ ! -x /usr/bin/chromium ]]; then
    echo "run-e2e: /usr/bin/chromium is missing (Debian package chromium, scripts/debian-packages.txt)" >&2
    exit 1
fi

# Another ctest job (web.unit) may run npm in web/ at the same time: ctest serialises the two
# with a resource lock, and the fixture web.setup installs node_modules before either starts.
if [[ ! -d "${web}/node_modules" ]]; then
    (cd "${web}" && npm ci --no-audit --no-fund)
fi
if [[ "${SIGMA_WEB_SKIP_BUILD:-0}" != "1" ]]; then
    (cd "${web}" && npm run build --silent)
fi

# Argon2id at a test cost (the production cost is for real passwords; hashes verify at any cost).
argon2_args=(--argon2-memory-kib 1024 --argon2-time-cost 1)

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sigma-web-e2e.XXXXXX")"
server_pid=""
status=1

cleanup() {
    if [[ -n "${server_pid}" ]] && kill -0 "${server_pid}" 2>/dev/null; then
        kill -TERM "${server_pid}" 2>/dev/null || true
        # Graceful shutdown first; after 10 s the server is killed outright.
        for _ in $(seq 1 100); do
            kill -0 "${server_pid}" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "${server_pid}" 2>/dev/null || true
        wait "${server_pid}" 2>/dev/null || true
    fi
    if [[ ${status} -ne 0 && -f "${tmp}/server.log" ]]; then
        echo "---- sigma-cloud log (last 60 lines) ----" >&2
        tail -n 60 "${tmp}/server.log" >&2 || true
    fi
    rm -rf "${tmp}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

# A port picked free can be taken before the server binds it: try a few.
ready=0
for attempt in 1 2 3; do
    port="$(free_port)"
    base="http://127.0.0.1:${port}"
    rm -rf "${tmp}/data"
    mkdir -p "${tmp}/data"
    "${bin}" serve --listen "127.0.0.1:${port}" --data-dir "${tmp}/data" --public-url "${base}" \
        --web-root "${web}/dist" "${argon2_args[@]}" >"${tmp}/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 200); do
        if ! kill -0 "${server_pid}" 2>/dev/null; then
            break
        fi
        if node -e "fetch(process.argv[1], {signal: AbortSignal.timeout(2000)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "${base}/login"; then
            ready=1
            break
        fi
        sleep 0.2
    done
    if [[ ${ready} -eq 1 ]]; then
        break
    fi
    echo "run-e2e: server did not come up on port ${port} (attempt ${attempt})" >&2
    kill -KILL "${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
    server_pid=""
done
if [[ ${ready} -ne 1 ]]; then
    cat "${tmp}/server.log" >&2 || true
    exit 1
fi
echo "run-e2e: sigma-cloud (pid ${server_pid}) serving ${base}"

mkdir -p "${shots}" "${tmp}/browser"
set +e
SIGMA_CLOUD_BIN="${bin}" SIGMA_BASE_URL="${base}" SIGMA_DATA_DIR="${tmp}/data" SIGMA_WEB_DIR="${web}" \
    SIGMA_SCREENSHOT_DIR="${shots}" SIGMA_BROWSER_DIR="${tmp}/browser" SIGMA_ADMIN_ARGS="${argon2_args[*]}" \
    node "${root}/tests/web/e2e.mjs"
status=$?
set -e
exit ${status}

#!/usr/bin/env bash
# README command 1: install what is missing, build the release preset, start sigma-cloud (serving
# the built cabinet, web/dist) and then the terminal with the emulated register, each on a data
# directory under ./var. Ctrl+C (or closing the terminal) stops both.
#
# With $DISPLAY the terminal opens in a window. Without one it runs under Xvfb and is served by
# x11vnc bound to localhost only (never an open, password-less port): the script prints the
# address and the SSH tunnel to reach it from another machine.
#
#   scripts/run.sh                 # ./var/terminal and ./var/cloud
#   scripts/run.sh --cloud-only    # just sigma-cloud and the cabinet (no terminal)
#   SIGMA_DATA_DIR=/path scripts/run.sh
#   SIGMA_CLOUD_LISTEN=127.0.0.1:8080 (default), SIGMA_CLOUD_DATA_DIR=./var/cloud (default),
#   SIGMA_RUN_BUILD_DIR=build/release (default; the release preset's tree), SIGMA_BUILD_JOBS=$(nproc)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

cloud_only=0
if [[ "${1:-}" == "--cloud-only" ]]; then
    cloud_only=1
fi

"${root}/scripts/install-deps.sh"

export CCACHE_DIR="${CCACHE_DIR:-${HOME:-/root}/.cache/sigma-pos-ccache}"
export CCACHE_BASEDIR="${root}"
export CCACHE_NOHASHDIR=true
build="${SIGMA_RUN_BUILD_DIR:-${root}/build/release}"
targets=(sigma-cloud)
configure=(cmake --preset release -B "${build}")
if [[ ${cloud_only} -eq 0 ]]; then
    targets+=(sigmactl sigma-terminal)
else
    configure+=(-DSIGMA_BUILD_GUI=OFF)
fi
"${configure[@]}" >/dev/null
cmake --build "${build}" --parallel "${SIGMA_BUILD_JOBS:-$(nproc)}" --target "${targets[@]}"

# The cabinet: built once with the pinned packages (web/package-lock.json) when npm is there.
if [[ ! -f "${root}/web/dist/index.html" ]]; then
    if command -v npm >/dev/null; then
        echo "== Building the cabinet (web/dist)"
        (cd "${root}/web" && npm ci --no-audit --no-fund && npm run build)
    else
        echo "== web/dist is missing and npm is not installed: the cabinet's pages will be 404" >&2
    fi
fi

sigmactl="${build}/src/cli/sigmactl"
terminal="${build}/src/terminal/sigma-terminal"
cloud="${build}/src/cloud/sigma-cloud"
data="${SIGMA_DATA_DIR:-${root}/var/terminal}"
export SIGMA_DATA_DIR="${data}"
cloud_data="${SIGMA_CLOUD_DATA_DIR:-${root}/var/cloud}"
cloud_listen="${SIGMA_CLOUD_LISTEN:-127.0.0.1:8080}"

# sigma-cloud runs in the background; whatever ends this script (Ctrl+C, the terminal closing, an
# error) stops it with SIGTERM (a background job of a script ignores SIGINT) and waits for its
# graceful shutdown.
pids=()
stop_all() {
    local pid
    for pid in "${pids[@]}"; do
        kill -TERM "${pid}" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "${pid}" 2>/dev/null || true
    done
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "${cloud_data}"
echo "== Starting sigma-cloud on ${cloud_listen} (data: ${cloud_data#"${root}"/})"
"${cloud}" serve --listen "${cloud_listen}" --data-dir "${cloud_data}" --web-root "${root}/web/dist" \
    --access-log "${cloud_data}/access.log" &
pids+=($!)
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/${cloud_listen%:*}/${cloud_listen##*:}") 2>/dev/null && break
    if ! kill -0 "${pids[0]}" 2>/dev/null; then
        echo "sigma-cloud did not start" >&2
        exit 1
    fi
    sleep 0.1
done
echo "   Cabinet: http://${cloud_listen}/"
echo "   Register a device: ${cloud#"${root}"/} admin create-seller / issue-pin --data-dir ${cloud_data#"${root}"/} (docs/cloud.md)"
if [[ ${cloud_only} -eq 0 ]]; then
    # The terminal's registration wizard needs an activation PIN issued to its register's serial.
    echo "   Terminal registration (app choice or service mode → «Облако» → «Зарегистрироваться»):"
    echo "     ${cloud#"${root}"/} admin create-seller --code S1 --name 'Seller One' --data-dir ${cloud_data#"${root}"/}"
    echo "     ${cloud#"${root}"/} admin issue-pin --serial SERIAL --seller S1 --data-dir ${cloud_data#"${root}"/}"
    echo "     (SERIAL is shown on the wizard's first page; the SMS and the e-mail land in ${cloud_data#"${root}"/}/outbox)"
fi

if [[ ${cloud_only} -eq 1 ]]; then
    echo "   Stop with Ctrl+C."
    wait "${pids[0]}"
    exit 0
fi

if [[ ! -f "${data}/terminal.db" ]]; then
    echo "== First start: creating ${data#"${root}"/} with the emulated register"
    # The generated administrator PIN is printed once; it must be changed at the first login.
    "${sigmactl}" --data-dir "${data}" init --business trade
fi

if [[ -n "${DISPLAY:-}" ]]; then
    echo "== Starting the terminal in a window (${DISPLAY})"
    "${terminal}" --data-dir "${data}" --cloud-url "http://${cloud_listen}"
    exit 0
fi

display=":${SIGMA_XVFB_DISPLAY:-77}"
port="${SIGMA_VNC_PORT:-5900}"
echo "== No \$DISPLAY: starting Xvfb ${display} (1280x800) and x11vnc on localhost:${port}"
Xvfb "${display}" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do
    [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break
    sleep 0.1
done
# -localhost: reachable only from this machine (or through an SSH tunnel); no password is set
# because nothing outside can connect.
x11vnc -display "${display}" -localhost -rfbport "${port}" -forever -shared -nopw -quiet >/dev/null 2>&1 &
pids+=($!)
echo "   VNC: localhost:${port} (bound to localhost only)"
echo "   From another machine: ssh -L ${port}:localhost:${port} $(whoami)@$(hostname -f 2>/dev/null || hostname)"
echo "   then open a VNC viewer on localhost:${port}. Stop with Ctrl+C."
DISPLAY="${display}" "${terminal}" --data-dir "${data}" --cloud-url "http://${cloud_listen}" --fullscreen

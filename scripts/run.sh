#!/usr/bin/env bash
# README command 1: install what is missing, build the release preset and start the terminal with
# the emulated register on a data directory under ./var.
#
# With $DISPLAY the terminal opens in a window. Without one it runs under Xvfb and is served by
# x11vnc bound to localhost only (never an open, password-less port): the script prints the
# address and the SSH tunnel to reach it from another machine.
#
#   scripts/run.sh                 # ./var/terminal
#   SIGMA_DATA_DIR=/path scripts/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

"${root}/scripts/install-deps.sh"

export CCACHE_DIR="${CCACHE_DIR:-${HOME:-/root}/.cache/sigma-pos-ccache}"
export CCACHE_BASEDIR="${root}"
export CCACHE_NOHASHDIR=true
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)" --target sigmactl sigma-terminal

sigmactl="${root}/build/release/src/cli/sigmactl"
terminal="${root}/build/release/src/terminal/sigma-terminal"
data="${SIGMA_DATA_DIR:-${root}/var/terminal}"
export SIGMA_DATA_DIR="${data}"

if [[ ! -f "${data}/terminal.db" ]]; then
    echo "== First start: creating ${data#"${root}"/} with the emulated register"
    # The generated administrator PIN is printed once; it must be changed at the first login.
    "${sigmactl}" --data-dir "${data}" init --business trade
fi

if [[ -n "${DISPLAY:-}" ]]; then
    echo "== Starting the terminal in a window (${DISPLAY})"
    exec "${terminal}" --data-dir "${data}"
fi

display=":${SIGMA_XVFB_DISPLAY:-77}"
port="${SIGMA_VNC_PORT:-5900}"
echo "== No \$DISPLAY: starting Xvfb ${display} (1280x800) and x11vnc on localhost:${port}"
Xvfb "${display}" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill ${vnc_pid:-} ${xvfb_pid} 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break
    sleep 0.1
done
# -localhost: reachable only from this machine (or through an SSH tunnel); no password is set
# because nothing outside can connect.
x11vnc -display "${display}" -localhost -rfbport "${port}" -forever -shared -nopw -quiet >/dev/null 2>&1 &
vnc_pid=$!
echo "   VNC: localhost:${port} (bound to localhost only)"
echo "   From another machine: ssh -L ${port}:localhost:${port} $(whoami)@$(hostname -f 2>/dev/null || hostname)"
echo "   then open a VNC viewer on localhost:${port}. Stop with Ctrl+C."
DISPLAY="${display}" "${terminal}" --data-dir "${data}" --fullscreen

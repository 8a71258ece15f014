#!/usr/bin/env bash
# Renders every main screen of the trade app at 1280x800 and 1024x600, in Russian, into
# docs/screenshots/trade-<screen>-<W>x<H>.png. The terminal draws each screen itself
# (--screenshot, a demo shop in a temporary data directory), under Xvfb so real fonts are used.
#
#   scripts/screenshots.sh [path/to/sigma-terminal]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
terminal="${1:-${root}/build/release/src/terminal/sigma-terminal}"
if [[ ! -x "${terminal}" ]]; then
    cmake --preset release >/dev/null
    cmake --build --preset release --target sigma-terminal
fi
out="${root}/docs/screenshots"
mkdir -p "${out}"

display=":${SIGMA_XVFB_DISPLAY:-78}"
Xvfb "${display}" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill ${xvfb_pid} 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    [[ -e "/tmp/.X11-unix/X${display#:}" ]] && break
    sleep 0.1
done

screens=(app-choice login change-pin sale payment shift returns service coming-soon)
for size in 1280x800 1024x600; do
    for screen in "${screens[@]}"; do
        file="${out}/trade-${screen}-${size}.png"
        DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" --screenshot "${screen}" --size "${size}" \
            --out "${file}" 2>/dev/null
        echo "${file#"${root}"/}"
    done
done

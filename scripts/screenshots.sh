#!/usr/bin/env bash
# Renders every main screen of the trade app at 1280x800 and 1024x600, in Russian (and the sale
# screen in English as trade-sale-en-*), into docs/screenshots/trade-<screen>-<W>x<H>.png. The
# terminal draws each screen itself (--screenshot, a demo shop in a temporary data directory),
# under Xvfb so real fonts are used.
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

screens=(app-choice login change-pin sale sale-weigh payment shift returns returns-date stock settings service service-scale service-updates service-diagnostics service-firmware service-lifecycle coming-soon)
for size in 1280x800 1024x600; do
    for screen in "${screens[@]}"; do
        file="${out}/trade-${screen}-${size}.png"
        DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" --screenshot "${screen}" --size "${size}" \
            --out "${file}" 2>/dev/null
        echo "${file#"${root}"/}"
    done
    # One screen in English, to look at the translation's lengths.
    file="${out}/trade-sale-en-${size}.png"
    DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" --screenshot sale --lang en --size "${size}" \
        --out "${file}" 2>/dev/null
    echo "${file#"${root}"/}"
done

# The registration wizard, each step with sample data: trade-register-<step>-<W>x<H>.png.
for size in 1280x800 1024x600; do
    for step in form form-error sms wait done; do
        file="${out}/trade-register-${step}-${size}.png"
        DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" \
            --screenshot "register-${step}" --size "${size}" --out "${file}" 2>/dev/null
        echo "${file#"${root}"/}"
    done
done

# The services app (a demo salon): services-<screen>-<W>x<H>.png.
for size in 1280x800 1024x600; do
    for screen in sale appointments customer-card appointment-dialog; do
        file="${out}/services-${screen}-${size}.png"
        DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" \
            --screenshot "services-${screen}" --size "${size}" --out "${file}" 2>/dev/null
        echo "${file#"${root}"/}"
    done
done

# The food app (a demo café with a kitchen printer emulator in the process): food-<screen>-<W>x<H>.png.
for size in 1280x800 1024x600; do
    for screen in hall hall-edit order modifiers split kitchen; do
        file="${out}/food-${screen}-${size}.png"
        DISPLAY="${display}" QT_IM_MODULE= LANG=ru_RU.UTF-8 "${terminal}" \
            --screenshot "food-${screen}" --size "${size}" --out "${file}" 2>/dev/null
        echo "${file#"${root}"/}"
    done
done

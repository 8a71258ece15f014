#!/usr/bin/env bash
# README command 1: install what is missing, build the release preset and start the system.
#
# For now the system is the core domain: sigmactl computes a receipt from a JSON cart and prints
# the VAT table, so you can see money, discounts and VAT 2026 at work. Later layers grow this into
# cloud + emulated register + terminal.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

"${root}/scripts/install-deps.sh"

export CCACHE_DIR="${CCACHE_DIR:-${root}/.ccache}"
cmake --preset release >/dev/null
cmake --build --preset release --parallel "$(nproc)" --target sigmactl

sigmactl="${root}/build/release/src/cli/sigmactl"
cart="${1:-${root}/tests/data/carts/mixed.json}"

echo "== Sigma POS: a receipt computed from ${cart#"${root}"/}"
"${sigmactl}" receipt compute "${cart}"
echo
echo "== VAT rates valid today"
"${sigmactl}" vat rates
echo
echo "Try your own cart: ${sigmactl#"${root}"/} receipt compute FILE|-   (docs/cli.md)"

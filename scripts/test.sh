#!/usr/bin/env bash
# README command 2: install what is missing, build once (Debug + ASan + UBSan, -Werror) and run
# every test except those labelled 'slow'. Prints the ctest summary; exits non-zero on failure.
#
#   scripts/test.sh            all default tests
#   scripts/test.sh -L core    only one layer (any ctest arguments are passed on)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

"${root}/scripts/install-deps.sh"

jobs="$(nproc)"
# One compiler cache for every checkout on the machine: paths are rewritten relative to the
# checkout, so a fresh clone (CI) reuses what an earlier build compiled.
export CCACHE_DIR="${CCACHE_DIR:-${HOME:-/root}/.cache/sigma-pos-ccache}"
export CCACHE_BASEDIR="${root}"
export CCACHE_NOHASHDIR=true
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"

cmake --preset ci
cmake --build --preset ci --parallel "${jobs}"

# Services some layers' tests need are started by those tests' own fixtures (PostgreSQL,
# SMTP, Xvfb); see docs/operations.md.
ctest --preset ci --parallel "${jobs}" "$@"

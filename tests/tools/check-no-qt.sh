#!/usr/bin/env bash
# Fails when any given executable links a Qt library, directly or through its dependencies.
# Usage: check-no-qt.sh BINARY...
set -euo pipefail

status=0
for binary in "$@"; do
    if [[ ! -x "${binary}" ]]; then
        echo "FAIL: ${binary} is missing or not executable"
        status=1
        continue
    fi
    # ldd lists the whole closure, so a Qt dependency dragged in by a library is caught too.
    if qt_libs=$(ldd "${binary}" | grep -E 'libQt[0-9]'); then
        echo "FAIL: $(basename "${binary}") links Qt:"
        echo "${qt_libs}"
        status=1
    else
        echo "ok: $(basename "${binary}") links no Qt"
    fi
done
exit ${status}

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI, on a loopback port, all in one directory.
#
#   scripts/pg-test-cluster.sh start DIR [PORT]   create and start it (PORT: first free from 55432)
#   scripts/pg-test-cluster.sh url DIR            print postgresql://sigma@127.0.0.1:PORT/sigma_test
#   scripts/pg-test-cluster.sh stop DIR           stop it (pg_ctl stop -m fast) and remove DIR
#
# initdb and postgres refuse to run as root: as root they run as the 'postgres' system user
# (runuser), which then owns DIR; as anyone else they run directly. Authentication is 'trust' for
# the superuser 'sigma' on 127.0.0.1 only: a test cluster, never a real one. fsync is off, because
# the data is thrown away and durability costs would only slow the tests down.
# 'start' fails loudly when PostgreSQL is not installed or the cluster cannot start: in CI a
# missing install step must fail the run, not skip the PostgreSQL tests.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop|url DIR [PORT]" >&2
    exit 2
}

[[ $# -ge 2 ]] || usage
command="$1"
dir="$2"
requested_port="${3:-}"

pg_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "${bin}" || ! -x "${bin}/initdb" ]]; then
        echo "pg-test-cluster: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);" \
            "install the 'postgresql' package (scripts/install-deps.sh does)" >&2
        exit 1
    fi
    echo "${bin}"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    # Something accepting connections, or a socket file of ours from a cluster on that port.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
    local bin="$1"
    if [[ -f "${dir}/data/postmaster.pid" ]]; then
        as_owner "${bin}/pg_ctl" stop -D "${dir}/data" -m fast -w -t 60 >/dev/null 2>&1 ||
            as_owner "${bin}/pg_ctl" stop -D "${dir}/data" -m immediate -w -t 30 >/dev/null 2>&1 || true
    fi
}

case "${command}" in
start)
    bin="$(pg_bin)"
    # A cluster left behind by an interrupted run: stop it and start afresh.
    if [[ -d "${dir}" ]]; then
        stop_cluster "${bin}"
        rm -rf "${dir}"
    fi
    mkdir -p "${dir}"
    if [[ "$(id -u)" -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "pg-test-cluster: running as root but there is no 'postgres' user to run PostgreSQL as" >&2
            exit 1
        fi
        chown postgres: "${dir}"
    fi
    chmod 700 "${dir}"
    as_owner "${bin}/initdb" -D "${dir}/data" -A trust -U sigma -E UTF8 --locale=C --no-sync >"${dir}/initdb.log" 2>&1 || {
        echo "pg-test-cluster: initdb failed:" >&2
        cat "${dir}/initdb.log" >&2
        exit 1
    }
    # Try ports from the requested one (or 55432) up: another build's cluster may hold one.
    port="${requested_port:-55432}"
    attempts=$([[ -n "${requested_port}" ]] && echo 1 || echo 20)
    started=0
    for ((i = 0; i < attempts; ++i, ++port)); do
        if port_in_use "${port}"; then
            echo "pg-test-cluster: port ${port} is in use" >&2
            continue
        fi
        if as_owner "${bin}/pg_ctl" start -D "${dir}/data" -l "${dir}/server.log" -w -t 60 -o \
            "-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            >/dev/null 2>&1; then
            started=1
            break
        fi
        # Lost a race for the port (or something else went wrong): the log says which.
        if ! grep -q "could not bind\|Address already in use" "${dir}/server.log" 2>/dev/null; then
            break
        fi
    done
    if [[ "${started}" -ne 1 ]]; then
        echo "pg-test-cluster: the server did not start" >&2
        if [[ -f "${dir}/server.log" ]]; then
            echo "its log:" >&2
            cat "${dir}/server.log" >&2
        fi
        exit 1
    fi
    for ((i = 0; i < 60; ++i)); do
        "${bin}/pg_isready" -q -h 127.0.0.1 -p "${port}" && break
        sleep 0.5
    done
    "${bin}/pg_isready" -q -h 127.0.0.1 -p "${port}" || {
        echo "pg-test-cluster: the server on port ${port} does not answer" >&2
        exit 1
    }
    "${bin}/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${port}" -U sigma -d postgres \
        -c "CREATE DATABASE sigma_test" >/dev/null
    echo "${port}" >"${dir}/port.tmp"
    mv "${dir}/port.tmp" "${dir}/port" # as root: root's file in postgres's directory; removed with it
    echo "pg-test-cluster: started on 127.0.0.1:${port} in ${dir}"
    ;;
url)
    [[ -f "${dir}/port" ]] || {
        echo "pg-test-cluster: no cluster in ${dir}" >&2
        exit 1
    }
    echo "postgresql://sigma@127.0.0.1:$(cat "${dir}/port")/sigma_test"
    ;;
stop)
    if [[ -d "${dir}" ]]; then
        bin="$(pg_bin)"
        stop_cluster "${bin}"
        rm -rf "${dir}"
    fi
    ;;
*)
    usage
    ;;
esac

# Starts a throwaway PostgreSQL server on loopback for the store tests. SOURCE it, do not run it:
#
#   set -euo pipefail
#   source .ci/postgres.sh          # returns non-zero on failure, so set -e stops here (not after an `&&`)
#   trap stop_postgres EXIT
#   dotnet test tests/Clientele.Storage.Tests -c Release
#
# Installs postgresql if missing (apt-get update only when the package cannot be found), starts a server
# on a free 127.0.0.1 port with its data in a temp dir, exports CLIENTELE_TEST_PG and defines stop_postgres,
# which stops the server and removes the temp dir. Returns non-zero (never exits the caller's shell) on failure.
# Safe under the caller's `set -euo pipefail`.

_clientele_pg_log() { printf '[postgres.sh] %s\n' "$*" >&2; }

_clientele_pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        printf '%s\n' "$dir"
    fi
}

_clientele_pg_install() {
    if [ "$(id -u)" -ne 0 ]; then
        _clientele_pg_log "postgresql is not installed and we are not root: install it (apt-get install -y postgresql) or set CLIENTELE_TEST_PG."
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # An image may ship without package lists: update only when the install cannot find the package.
    if ! apt-get install -y -q postgresql >/dev/null 2>&1; then
        _clientele_pg_log "postgresql not installable from the current package lists; running apt-get update"
        apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null || return 1
    fi
}

_clientele_pg_free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
        return
    fi
    local port i
    for ((i = 0; i < 50; i++)); do
        port=$((20000 + RANDOM % 40000))
        # A refused connection means nobody listens there.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return
        fi
    done
    return 1
}

# Runs a PostgreSQL program as the postgres user when we are root (initdb refuses to run as root).
_clientele_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_postgres() {
    if [ -n "${CLIENTELE_PG_DIR:-}" ] && [ -d "$CLIENTELE_PG_DIR" ]; then
        if [ -f "$CLIENTELE_PG_DIR/data/postmaster.pid" ]; then
            _clientele_pg_as_owner "$CLIENTELE_PG_BIN/pg_ctl" -D "$CLIENTELE_PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
                || _clientele_pg_log "pg_ctl stop failed; removing the data dir anyway"
        fi
        rm -rf "$CLIENTELE_PG_DIR"
        _clientele_pg_log "stopped and removed $CLIENTELE_PG_DIR"
    fi
    unset CLIENTELE_PG_DIR CLIENTELE_PG_PORT CLIENTELE_TEST_PG
    return 0
}

_clientele_pg_start() {
    if [ -n "${CLIENTELE_PG_DIR:-}" ] && [ -f "${CLIENTELE_PG_DIR}/data/postmaster.pid" ]; then
        _clientele_pg_log "already running on port ${CLIENTELE_PG_PORT:-?}"
        return 0
    fi

    CLIENTELE_PG_BIN=$(_clientele_pg_bin)
    if [ -z "$CLIENTELE_PG_BIN" ]; then
        _clientele_pg_log "installing postgresql"
        _clientele_pg_install || { _clientele_pg_log "could not install postgresql"; return 1; }
        CLIENTELE_PG_BIN=$(_clientele_pg_bin)
        [ -n "$CLIENTELE_PG_BIN" ] || { _clientele_pg_log "postgresql installed but no initdb found"; return 1; }
    fi
    export CLIENTELE_PG_BIN

    CLIENTELE_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/clientele-pg.XXXXXX") || return 1
    export CLIENTELE_PG_DIR
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$CLIENTELE_PG_DIR"
    fi

    if ! _clientele_pg_as_owner "$CLIENTELE_PG_BIN/initdb" -D "$CLIENTELE_PG_DIR/data" -U postgres -A trust -E UTF8 \
        --no-sync >"$CLIENTELE_PG_DIR/initdb.log" 2>&1; then
        _clientele_pg_log "initdb failed:"; tail -n 20 "$CLIENTELE_PG_DIR/initdb.log" >&2
        stop_postgres; return 1
    fi

    # Another process may take the port between choosing and binding it: try a few.
    local attempt port=""
    for attempt in 1 2 3; do
        port=$(_clientele_pg_free_port) || { _clientele_pg_log "no free port found"; stop_postgres; return 1; }
        if _clientele_pg_as_owner "$CLIENTELE_PG_BIN/pg_ctl" -D "$CLIENTELE_PG_DIR/data" -l "$CLIENTELE_PG_DIR/server.log" -w -t 30 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $CLIENTELE_PG_DIR -c fsync=off" start >/dev/null 2>&1; then
            break
        fi
        _clientele_pg_log "start on port $port failed (attempt $attempt):"; tail -n 5 "$CLIENTELE_PG_DIR/server.log" >&2 || true
        port=""
    done
    if [ -z "$port" ]; then
        stop_postgres; return 1
    fi
    export CLIENTELE_PG_PORT=$port

    if ! "$CLIENTELE_PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE clientele_test" >/dev/null; then
        _clientele_pg_log "could not create the test database"
        stop_postgres; return 1
    fi

    export CLIENTELE_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=clientele_test"
    _clientele_pg_log "PostgreSQL $("$CLIENTELE_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port; data in $CLIENTELE_PG_DIR"
}

_clientele_pg_start

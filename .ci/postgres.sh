# shellcheck shell=bash
# A throw-away PostgreSQL server for the tests. Source this file, then:
#   pg_start   # installs Debian's postgresql if needed, starts a private cluster on 127.0.0.1,
#              # exports MIGRATION_ANALYZERS_POSTGRES (an Npgsql connection string)
#   pg_stop    # stops the cluster and deletes its directory
# It never touches the distribution's own cluster (port 5432): the data directory is a new temp
# directory, the port is the first free one from 54329 up. Works as root (the server runs as the
# `postgres` user, initdb refuses root) and as an ordinary user that owns the binaries' output.

# Prints the directory of the newest installed pg_ctl, or nothing. Always succeeds, so that callers
# running under `set -euo pipefail` (as .ci/run may) do not stop when PostgreSQL is not installed yet.
_pg_bin_dir() {
  local ctl
  ctl=$( (ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null || true) | sort -V | tail -n 1)
  if [ -z "$ctl" ]; then
    ctl=$(command -v pg_ctl 2>/dev/null || true)
  fi
  if [ -n "$ctl" ]; then
    dirname "$ctl"
  fi
  return 0
}

# Runs a command as the postgres user when we are root, as ourselves otherwise.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

_pg_free_port() {
  local port
  for port in $(seq "${1:-54329}" 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_start() {
  if [ -n "${MIGRATION_ANALYZERS_POSTGRES:-}" ] && [ -z "${PG_SCRATCH_DIR:-}" ]; then
    echo "pg_start: MIGRATION_ANALYZERS_POSTGRES is already set; using that server"
    return 0
  fi

  local bin
  bin=$(_pg_bin_dir)
  if [ -z "$bin" ]; then
    echo "pg_start: installing postgresql (apt-get)"
    if [ "$(id -u)" -ne 0 ]; then
      echo "pg_start: postgresql is not installed and installing it needs root" >&2
      return 1
    fi
    apt-get update -qq >/dev/null || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
    bin=$(_pg_bin_dir)
    [ -n "$bin" ] || { echo "pg_start: pg_ctl not found after install" >&2; return 1; }
  fi

  local port password dir
  port=$(_pg_free_port 54329) || { echo "pg_start: no free port in 54329-54399" >&2; return 1; }
  password="ma-$(date +%s)-$RANDOM"
  dir=$(mktemp -d /tmp/ma-postgres.XXXXXX) || return 1
  printf '%s\n' "$password" >"$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
  fi
  chmod 700 "$dir"

  # --no-sync and the fsync settings below: the cluster is deleted after the run, durability is moot.
  if ! _pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "pg_start: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  fi

  if ! _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    echo "pg_start: the server did not start:" >&2
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    return 1
  fi

  local tries=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then
      echo "pg_start: the server is not accepting connections" >&2
      return 1
    fi
    sleep 0.5
  done

  export PG_SCRATCH_DIR="$dir"
  export PG_SCRATCH_BIN="$bin"
  export MIGRATION_ANALYZERS_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  echo "pg_start: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

pg_stop() {
  if [ -z "${PG_SCRATCH_DIR:-}" ]; then
    return 0
  fi
  _pg_as_owner "$PG_SCRATCH_BIN/pg_ctl" -D "$PG_SCRATCH_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_SCRATCH_DIR"
  unset PG_SCRATCH_DIR PG_SCRATCH_BIN MIGRATION_ANALYZERS_POSTGRES
}

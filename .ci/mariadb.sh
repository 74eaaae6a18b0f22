# shellcheck shell=bash
# A throw-away MariaDB server for the tests (the provider-neutral proof of the verification
# library). Source this file, then:
#   mariadb_start   # installs Debian's mariadb-server if needed, starts a private server on
#                   # 127.0.0.1, exports MIGRATION_ANALYZERS_MARIADB (a MySQL connection string)
#   mariadb_stop    # stops the server and deletes its directory
# It never touches the distribution's own server: the data directory is a new temp directory,
# the port is the first free one from 33069 up, the socket lives in that directory. Works as root
# (the server runs as the `mysql` user) and as an ordinary user that owns the binaries' output.

_mariadb_free_port() {
  local port
  for port in $(seq "${1:-33069}" 33199); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

mariadb_start() {
  if [ -n "${MIGRATION_ANALYZERS_MARIADB:-}" ] && [ -z "${MARIADB_SCRATCH_DIR:-}" ]; then
    echo "mariadb_start: MIGRATION_ANALYZERS_MARIADB is already set; using that server"
    return 0
  fi

  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "mariadb_start: installing mariadb-server (apt-get)"
    if [ "$(id -u)" -ne 0 ]; then
      echo "mariadb_start: mariadb-server is not installed and installing it needs root" >&2
      return 1
    fi
    apt-get update -qq >/dev/null || return 1
    # policy-rc.d-less containers may try to start the distribution's service; it is not used.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null || return 1
  fi
  local server=/usr/sbin/mariadbd
  command -v mariadbd >/dev/null 2>&1 && server=$(command -v mariadbd)

  local port password dir user_args=()
  port=$(_mariadb_free_port 33069) || { echo "mariadb_start: no free port in 33069-33199" >&2; return 1; }
  password="ma-$(date +%s)-$RANDOM"
  dir=$(mktemp -d /tmp/ma-mariadb.XXXXXX) || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown mysql:mysql "$dir"
    user_args=(--user=mysql)
  fi
  chmod 700 "$dir"

  if ! mariadb-install-db "${user_args[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1; then
    echo "mariadb_start: mariadb-install-db failed:" >&2
    cat "$dir/install.log" >&2
    rm -rf "$dir"
    return 1
  fi

  # Durability settings off: the server is deleted after the run.
  "$server" --no-defaults "${user_args[@]}" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --innodb-flush-log-at-trx-commit=0 --sync-binlog=0 --innodb-doublewrite=0 \
    --log-error="$dir/server.log" >/dev/null 2>&1 &

  local tries=0
  until mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 120 ]; then
      echo "mariadb_start: the server did not start:" >&2
      cat "$dir/server.log" >&2
      rm -rf "$dir"
      return 1
    fi
    sleep 0.5
  done

  # root from 127.0.0.1 with a password (the socket stays passwordless for mariadb_stop).
  mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e \
    "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;" || {
    echo "mariadb_start: could not create the TCP user" >&2
    mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
    rm -rf "$dir"
    return 1
  }

  export MARIADB_SCRATCH_DIR="$dir"
  export MIGRATION_ANALYZERS_MARIADB="Server=127.0.0.1;Port=$port;User ID=root;Password=$password"
  echo "mariadb_start: $("$server" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

mariadb_stop() {
  if [ -z "${MARIADB_SCRATCH_DIR:-}" ]; then
    return 0
  fi
  mariadb-admin --no-defaults --socket="$MARIADB_SCRATCH_DIR/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
  local pid
  pid=$(cat "$MARIADB_SCRATCH_DIR/mysqld.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -rf "$MARIADB_SCRATCH_DIR"
  unset MARIADB_SCRATCH_DIR MIGRATION_ANALYZERS_MARIADB
}

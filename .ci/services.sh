# Sourced by .ci/run: installs and starts what the test suites need (as root, Debian).
#  - headless Chromium + ChromeDriver for the web UI browser tests (Debian packages chromium, chromium-driver)
#  - PostgreSQL 15 for the PostgreSQL store tests, started on loopback; RASID_TEST_PG holds the connection string
# Safe to run twice. Without root (a developer's machine) it only checks and tells what is missing.

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then need_apt+=(postgresql); fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ci: installing ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "ci: missing ${need_apt[*]} (not root: the tests that need them will skip)"
  fi
fi

# PostgreSQL: a private cluster on a loopback port owned by the postgres user, trust auth on 127.0.0.1 only.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pg_bin" ] && [ "$(id -u)" -eq 0 ]; then
  export RASID_PG_PORT=${RASID_PG_PORT:-55432}
  pg_data=/tmp/rasid-ci-pg
  if ! su postgres -c "$pg_bin/pg_ctl -D $pg_data status" >/dev/null 2>&1; then
    rm -rf "$pg_data"
    mkdir -p "$pg_data" && chown postgres:postgres "$pg_data"
    su postgres -c "$pg_bin/initdb -D $pg_data -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    su postgres -c "$pg_bin/pg_ctl -D $pg_data -l $pg_data/server.log -o '-p $RASID_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w start" >/dev/null
  fi
  export RASID_TEST_PG="Host=127.0.0.1;Port=$RASID_PG_PORT;Username=postgres;Database=postgres"
  # A command prefix for tests that restart the server: "$RASID_PG_CTL restart".
  cat > /tmp/rasid-ci-pgctl <<PGCTL
#!/usr/bin/env bash
exec su postgres -c "$pg_bin/pg_ctl -D $pg_data -l $pg_data/server.log -o '-p $RASID_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w \$1"
PGCTL
  chmod +x /tmp/rasid-ci-pgctl
  export RASID_PG_CTL=/tmp/rasid-ci-pgctl
  echo "ci: PostgreSQL ready on 127.0.0.1:$RASID_PG_PORT"
fi

if command -v chromium >/dev/null 2>&1; then
  export RASID_CHROMIUM=${RASID_CHROMIUM:-$(command -v chromium)}
  export RASID_CHROMEDRIVER=${RASID_CHROMEDRIVER:-$(command -v chromedriver)}
  echo "ci: $($RASID_CHROMIUM --version 2>/dev/null | head -n 1)"
fi

#!/usr/bin/env bash
# The sync benchmark of issue #11 ("Speed"; not part of CI, which runs .ci/run only): builds
# the release CLI, starts a throwaway PostgreSQL (Debian's `postgresql` package, an initdb
# cluster in a temp folder owned by `nobody`, on 127.0.0.1, default settings: fsync on) and
# runs `kortisto bench --sync` against it with a real gnome-keyring in a private D-Bus
# session. Everything is removed at the end, also when the run fails.
#
#   bash .ci/bench-sync.sh [--people N] [--changes N] [--devices N] [--load-seconds N] [--json]
#
# Progress goes to stderr, the figures to stdout. KORTISTO_BENCH_HUB_URL=postgres://… uses
# an existing hub database instead of starting one (a scratch database: the bench's records
# stay there).
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages gnome-keyring dbus libsecret-tools postgresql
ensure_rust

json=()
args=()
for arg in "$@"; do
  if [ "$arg" = "--json" ]; then json=(--json); else args+=("$arg"); fi
done

# Only the figures go to stdout (so that --json output is JSON).
say "Building the release CLI" >&2
cargo build --locked --release -p kortisto-cli >&2

sandbox=$(mktemp -d /tmp/kortisto-bench-sync.XXXXXX)
pg_bin=""
cleanup() {
  if [ -n "$pg_bin" ] && [ -f "$sandbox/pg/data/postmaster.pid" ]; then
    runuser -u nobody -- "$pg_bin/pg_ctl" -D "$sandbox/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$sandbox"
}
trap cleanup EXIT
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset KORTISTO_DATA_DIR KORTISTO_KEYCHAIN_SERVICE KORTISTO_LANG

if [ -z "${KORTISTO_BENCH_HUB_URL:-}" ]; then
  # The newest installed PostgreSQL; initdb and the server refuse to run as root.
  pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
  port=""
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "no free TCP port found for PostgreSQL" >&2; exit 1; }
  say >&2 "Starting a throwaway PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$port"
  mkdir -p "$sandbox/pg"
  chown nobody "$sandbox" "$sandbox/pg"
  runuser -u nobody -- "$pg_bin/initdb" -D "$sandbox/pg/data" --auth=trust -U kortisto_admin >/dev/null
  # The administrator (hub init) logs in without a password from 127.0.0.1; devices need
  # their SCRAM passwords, as on a real hub.
  printf 'local all all trust\nhost all kortisto_admin 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' \
    >"$sandbox/pg/data/pg_hba.conf"
  runuser -u nobody -- "$pg_bin/pg_ctl" -D "$sandbox/pg/data" -l "$sandbox/pg/postgres.log" -w \
    -o "-p $port -k $sandbox/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  runuser -u nobody -- "$pg_bin/psql" -h "$sandbox/pg" -p "$port" -U kortisto_admin -d postgres -qc \
    'CREATE DATABASE kortisto_bench' >/dev/null
  export KORTISTO_BENCH_HUB_URL="postgres://kortisto_admin@127.0.0.1:$port/kortisto_bench?sslmode=disable"
fi

say "Sync benchmark (release build)" >&2
bash .ci/with-keyring.sh --session \
  "$CARGO_TARGET_DIR/release/kortisto" --lang en "${json[@]}" bench --sync "${args[@]}"

#!/usr/bin/env bash
# The cleanup functions run from traps, which shellcheck cannot see.
# shellcheck disable=SC2317
# The one entry point of Kortisto's end-to-end test: runs kortisto.test.mjs against the built app
# through tauri-driver + WebKitWebDriver on a private Xvfb display.
#
#   bash tests/e2e/run.sh
#
# Needs: the debug app and CLI binaries (KORTISTO_APP_BINARY, default
# ${CARGO_TARGET_DIR:-$HOME/.cache/kortisto/target}/debug/kortisto-app, and KORTISTO_CLI_BINARY,
# default .../debug/kortisto; this script never builds them), tauri-driver, WebKitWebDriver, Xvfb,
# node + npm, secret-tool (libsecret-tools: a step empties the run's keychain service to recover
# the key in the app), PostgreSQL from Debian's packages (the team-hub steps run against a
# throwaway cluster this script starts and removes; KORTISTO_E2E_PG_BIN overrides where its
# binaries are), and a D-Bus session
# bus with an unlocked Secret Service (gnome-keyring) set up by the caller, e.g.
#   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --daemonize --unlock \
#     --components=secrets >/dev/null; bash tests/e2e/run.sh'
#
# Each run uses a fresh data folder, a unique keychain service name and its own XDG folders, all
# removed afterwards. Screenshots and driver logs go to tests/e2e/output/. The exit code is the
# test runner's.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUTPUT_DIR="$HERE/output"
DRIVER_PORT="${KORTISTO_E2E_DRIVER_PORT:-4444}"
NATIVE_PORT="${KORTISTO_E2E_NATIVE_PORT:-$((DRIVER_PORT + 1))}"
RUN_TIMEOUT="${KORTISTO_E2E_TIMEOUT:-600}" # seconds for the whole node run

APP="${KORTISTO_APP_BINARY:-${CARGO_TARGET_DIR:-$HOME/.cache/kortisto/target}/debug/kortisto-app}"
CLI="${KORTISTO_CLI_BINARY:-${CARGO_TARGET_DIR:-$HOME/.cache/kortisto/target}/debug/kortisto}"

log() { printf 'e2e: %s\n' "$*" >&2; }
die() { printf 'e2e: error: %s\n' "$*" >&2; exit 1; }

# ---- preconditions ---------------------------------------------------------------------------
[[ -f "$APP" && -x "$APP" ]] ||
  die "app binary not found or not executable: $APP (build it with cargo build -p kortisto-app, or set KORTISTO_APP_BINARY)"
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"
[[ -f "$CLI" && -x "$CLI" ]] ||
  die "CLI binary not found or not executable: $CLI (build it with cargo build -p kortisto-cli, or set KORTISTO_CLI_BINARY)"
CLI="$(cd "$(dirname "$CLI")" && pwd)/$(basename "$CLI")"
# The newest installed PostgreSQL (Debian keeps initdb and pg_ctl off the PATH).
PG_BIN="${KORTISTO_E2E_PG_BIN:-$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)}"
[[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
  die "PostgreSQL not found under /usr/lib/postgresql (apt-get install postgresql, or set KORTISTO_E2E_PG_BIN)"

TAURI_DRIVER="$(command -v tauri-driver || true)"
[[ -n "$TAURI_DRIVER" || ! -x "$HOME/.cargo/bin/tauri-driver" ]] || TAURI_DRIVER="$HOME/.cargo/bin/tauri-driver"
[[ -n "$TAURI_DRIVER" ]] || die "tauri-driver not found (cargo install tauri-driver --locked)"
NATIVE_DRIVER="${KORTISTO_E2E_NATIVE_DRIVER:-$(command -v WebKitWebDriver || echo /usr/bin/WebKitWebDriver)}"
[[ -x "$NATIVE_DRIVER" ]] || die "WebKitWebDriver not found (apt-get install webkit2gtk-driver)"
for tool in Xvfb node npm setsid; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] ||
  die "no D-Bus session bus: run this inside dbus-run-session with gnome-keyring unlocked (see the top of $0)"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# PostgreSQL refuses to run as root: as root, its cluster belongs to nobody.
as_pg_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi
}
for port in "$DRIVER_PORT" "$NATIVE_PORT"; do
  ! port_in_use "$port" || die "port $port on 127.0.0.1 is already in use (set KORTISTO_E2E_DRIVER_PORT)"
done

# ---- npm dependencies: npm ci only when node_modules is missing or the lock file changed -----
cd "$HERE"
STAMP="node_modules/.kortisto-e2e-stamp"
WANT_STAMP="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [[ ! -d node_modules || ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT_STAMP" ]]; then
  log "installing npm dependencies (npm ci)"
  # --ignore-scripts: webdriverio's edgedriver/geckodriver would otherwise download drivers.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  printf '%s' "$WANT_STAMP" >"$STAMP"
fi

# ---- scratch space and cleanup ---------------------------------------------------------------
RUN_ID="$$-$(date +%s)"
TMP_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/kortisto-e2e.XXXXXX")"
XVFB_PID=""
DRIVER_PID=""
NODE_PID=""
PG_ROOT=""

# Every process of this run (driver, app, WebKit helpers) inherits this marker, so the cleanup
# can find stragglers precisely, without matching processes by name.
export KORTISTO_E2E_RUN_ID="$RUN_ID"

marked_pids() { # call only after unsetting the marker, so the grep here does not carry it
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"; pid="${pid%/environ}"
    [[ "$pid" != "$$" && "$pid" != "$BASHPID" && "$pid" != "$XVFB_PID" ]] || continue
    if grep -qzx "KORTISTO_E2E_RUN_ID=$RUN_ID" "$environ" 2>/dev/null; then
      echo "$pid"
    fi
  done
}

stop_pid() { # pid [group]: TERM, wait up to 5 s, then KILL
  local pid="$1" target="$1"
  [[ "${2:-}" == group ]] && target="-$1"
  kill -TERM -- "$target" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "$target" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  unset KORTISTO_E2E_RUN_ID
  [[ -n "$NODE_PID" ]] && stop_pid "$NODE_PID"
  [[ -n "$DRIVER_PID" ]] && stop_pid "$DRIVER_PID" group
  local stragglers
  stragglers="$(marked_pids)"
  if [[ -n "$stragglers" ]]; then
    log "stopping leftover processes: ${stragglers//$'\n'/ }"
    # shellcheck disable=SC2086
    kill -KILL $stragglers 2>/dev/null
  fi
  [[ -n "$XVFB_PID" ]] && stop_pid "$XVFB_PID"
  if [[ -n "$PG_ROOT" ]]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PG_ROOT"
  fi
  rm -rf "$TMP_ROOT"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$OUTPUT_DIR"
rm -f "$OUTPUT_DIR"/*.png "$OUTPUT_DIR"/*.log
mkdir -p "$TMP_ROOT"/{data,exports,xdg-data,xdg-config,xdg-cache,runtime}
chmod 700 "$TMP_ROOT/runtime"

export KORTISTO_DATA_DIR="$TMP_ROOT/data"
export KORTISTO_EXPORT_DIR="$TMP_ROOT/exports" # the extract dialog's default folder
export KORTISTO_KEYCHAIN_SERVICE="kortisto-e2e-$RUN_ID"
export KORTISTO_APP_BINARY="$APP"
export KORTISTO_CLI_BINARY="$CLI"
# The second computer of the team-hub steps: a data folder and keychain service of its own.
export KORTISTO_E2E_SECOND_DATA_DIR="$TMP_ROOT/laptop"
export KORTISTO_E2E_OUTPUT_DIR="$OUTPUT_DIR"
export KORTISTO_E2E_DRIVER_PORT="$DRIVER_PORT"
export XDG_DATA_HOME="$TMP_ROOT/xdg-data"
export XDG_CONFIG_HOME="$TMP_ROOT/xdg-config"
export XDG_CACHE_HOME="$TMP_ROOT/xdg-cache"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$TMP_ROOT/runtime}"
export NO_AT_BRIDGE=1 # no accessibility bus under Xvfb

# ---- the team hub: a throwaway PostgreSQL cluster on 127.0.0.1 ------------------------------
# Outside TMP_ROOT (private to this user) so that nobody can reach it. The superuser logs in
# without a password from 127.0.0.1 (what `kortisto hub init` runs as); device roles need their
# SCRAM passwords, as on a real hub.
PG_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/kortisto-e2e-pg.XXXXXX")"
if [[ "$(id -u)" == 0 ]]; then chown nobody "$PG_ROOT"; fi
PG_PORT=""
for port in $(seq 55432 55532); do
  if ! port_in_use "$port"; then PG_PORT="$port"; break; fi
done
[[ -n "$PG_PORT" ]] || die "no free port for PostgreSQL in 55432-55532"
as_pg_owner "$PG_BIN/initdb" -D "$PG_ROOT/data" --auth=trust -U kortisto_admin --no-sync \
  >"$OUTPUT_DIR/postgres-initdb.log" 2>&1 || die "initdb failed (see $OUTPUT_DIR/postgres-initdb.log)"
printf '%s\n' "local all all trust" "host all kortisto_admin 127.0.0.1/32 trust" \
  "host all all 127.0.0.1/32 scram-sha-256" | as_pg_owner tee "$PG_ROOT/data/pg_hba.conf" >/dev/null
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w \
  -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
  die "PostgreSQL did not start: $(cat "$PG_ROOT/postgres.log" 2>/dev/null)"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U kortisto_admin kortisto_hub ||
  die "could not create the hub database"
export KORTISTO_E2E_HUB_URL="postgres://kortisto_admin@127.0.0.1:$PG_PORT/kortisto_hub?sslmode=disable"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

# ---- X display: Xvfb picks a free display number itself (-displayfd) --------------------------
exec {DISPLAY_FD}>"$TMP_ROOT/display"
Xvfb -displayfd "$DISPLAY_FD" -screen 0 1280x900x24 -nolisten tcp \
  >"$OUTPUT_DIR/xvfb.log" 2>&1 &
XVFB_PID=$!
exec {DISPLAY_FD}>&-
for _ in $(seq 100); do
  [[ -s "$TMP_ROOT/display" ]] && break
  kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb did not start (see $OUTPUT_DIR/xvfb.log)"
  sleep 0.1
done
[[ -s "$TMP_ROOT/display" ]] || die "Xvfb gave no display number within 10 s"
DISPLAY=":$(tr -dc 0-9 <"$TMP_ROOT/display")"
export DISPLAY
log "Xvfb on $DISPLAY (pid $XVFB_PID)"

# ---- tauri-driver, in its own process group so the cleanup reaches WebKitWebDriver too --------
setsid "$TAURI_DRIVER" --port "$DRIVER_PORT" --native-port "$NATIVE_PORT" \
  --native-driver "$NATIVE_DRIVER" >"$OUTPUT_DIR/tauri-driver.log" 2>&1 &
DRIVER_PID=$!
ready=""
for _ in $(seq 150); do
  if curl -fsS --max-time 1 "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null 2>&1; then
    ready=yes
    break
  fi
  kill -0 "$DRIVER_PID" 2>/dev/null || die "tauri-driver exited (see $OUTPUT_DIR/tauri-driver.log)"
  sleep 0.2
done
[[ -n "$ready" ]] || die "tauri-driver did not answer on 127.0.0.1:$DRIVER_PORT/status within 30 s"
log "tauri-driver ready on 127.0.0.1:$DRIVER_PORT (pid $DRIVER_PID)"

# ---- the tests -------------------------------------------------------------------------------
started=$SECONDS
# In the background and waited for, so an INT/TERM to this script runs the cleanup at once.
# KORTISTO_E2E_ONLY=PATTERN runs only the steps whose names match (the package test runs the
# first step against the installed app).
only=()
if [[ -n "${KORTISTO_E2E_ONLY:-}" ]]; then only=(--test-name-pattern "$KORTISTO_E2E_ONLY"); fi
timeout --kill-after=10 "$RUN_TIMEOUT" \
  node --test --test-reporter=spec "${only[@]}" "$HERE/kortisto.test.mjs" &
NODE_PID=$!
rc=0
wait "$NODE_PID" || rc=$?
NODE_PID=""
log "node --test exited $rc after $((SECONDS - started)) s; screenshots in $OUTPUT_DIR"
exit "$rc"

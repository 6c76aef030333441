#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring answering as the Secret Service on the
# current D-Bus session (start it under `dbus-run-session`). The keyring's files go to
# $XDG_DATA_HOME, which the test script points at a temp folder; its control socket goes to
# a private runtime folder, so a keyring of another run on this machine is never touched.
#
# gnome-keyring-daemon 42 sometimes aborts under the tests' load (a GLib assertion; seen in
# dmesg as "trap int3 … in libglib"). D-Bus would then start a new one with the collection
# locked and every later test would fail for a reason that is not ours, so the daemon runs
# in the foreground under a loop that starts it again at once, unlocked with the same
# password (its items are on disk).
set -euo pipefail
runtime=$(mktemp -d /tmp/kortisto-runtime.XXXXXX)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
(
  while [ ! -e "$runtime/stop" ]; do
    printf 'kortisto-ci-keyring' |
      gnome-keyring-daemon --foreground --replace --unlock --components=secrets &
    echo $! >"$runtime/daemon.pid"
    wait $! || true
    sleep 0.1
  done
) </dev/null >/dev/null 2>&1 &
keeper=$!
# Wait until the unlocked keyring owns the Secret Service name on the bus: a call that came
# earlier would make D-Bus start a second, locked keyring of its own.
secret_service_up() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 1 100); do
  secret_service_up && break
  sleep 0.1
done
status=0
"$@" || status=$?
touch "$runtime/stop"
kill "$(cat "$runtime/daemon.pid")" 2>/dev/null || true
wait "$keeper" 2>/dev/null || true
rm -rf "$runtime"
exit "$status"

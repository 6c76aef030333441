#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring answering as the Secret Service on the
# current D-Bus session. Start the session with `.ci/with-keyring.sh --session CMD…`, which
# runs `dbus-run-session` itself after the preparation below.
#
# The keyring's files go to $XDG_DATA_HOME (the test script points it at a temp folder).
# gnome-keyring-daemon 42 sometimes aborts under the tests' load (a GLib assertion, seen in
# dmesg as "trap int3 … in libglib"); D-Bus then starts a new one at the next call. Left to
# the system's service file, that one would come up locked and every later keychain test
# would fail for a reason that is not ours, so this session's own service file (found first,
# in $XDG_DATA_HOME/dbus-1/services) starts it unlocked with the same password: its items
# are on disk and nothing is lost.
set -euo pipefail
password='kortisto-ci-keyring'

if [ "${1:-}" = "--session" ]; then
  shift
  : "${XDG_DATA_HOME:?set XDG_DATA_HOME to a folder of the test run}"
  services="$XDG_DATA_HOME/dbus-1/services"
  mkdir -p "$services"
  starter="$XDG_DATA_HOME/kortisto-keyring-start.sh"
  # Its stdout (the GNOME_KEYRING_* lines) would land in the output of whatever command is
  # running when D-Bus restarts it, e.g. a `--json` answer.
  printf '#!/bin/sh\nprintf %%s %s | exec gnome-keyring-daemon --foreground --replace --unlock --components=secrets >/dev/null\n' \
    "$password" >"$starter"
  chmod 700 "$starter"
  printf '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/sh %s\n' "$starter" \
    >"$services/org.freedesktop.secrets.service"
  status=0
  dbus-run-session -- bash "$0" "$@" || status=$?
  # The keyrings of this session (the first one and any D-Bus started after a crash) do not
  # end with the bus: stop the ones whose environment names this run's data folder.
  for pid in $(pgrep -x gnome-keyring-d || true); do
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "XDG_DATA_HOME=$XDG_DATA_HOME"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  exit "$status"
fi

printf '%s' "$password" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
exec "$@"

#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring answering as the Secret Service on the
# current D-Bus session (start it under `dbus-run-session`). The keyring's files go to
# $XDG_DATA_HOME, which the test script points at a temp folder.
set -euo pipefail
printf 'kortisto-ci-keyring' | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
exec "$@"

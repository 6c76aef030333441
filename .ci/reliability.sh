#!/usr/bin/env bash
# The long reliability suite of issue #10 (the short one runs in every `cargo test`):
# 1,000 kills of the crash writer, 20,000 fuzz cases per parser (2,500 backups, 4,000 command
# lines), and the tamper tests, against a real gnome-keyring in a private D-Bus session and
# with the data folders in a temp folder. Prints the figures. Override the sizes with
# KORTISTO_CRASH_KILLS and KORTISTO_FUZZ_CASES; replay a crash run with KORTISTO_CRASH_SEED.
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages gnome-keyring dbus libsecret-tools
ensure_rust

sandbox=$(mktemp -d /tmp/kortisto-reliability.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset KORTISTO_DATA_DIR KORTISTO_KEYCHAIN_SERVICE KORTISTO_LANG
export KORTISTO_CRASH_KILLS="${KORTISTO_CRASH_KILLS:-1000}"
export KORTISTO_FUZZ_CASES="${KORTISTO_FUZZ_CASES:-20000}"

say "Reliability suite: $KORTISTO_CRASH_KILLS kills, $KORTISTO_FUZZ_CASES fuzz cases per parser"
bash .ci/with-keyring.sh --session bash -c '
  set -euo pipefail
  cargo test --locked -p kortisto-core --test runner reliability:: -- --nocapture --test-threads=1 2>&1 \
    | tee "'"$sandbox"'/core.log"
  cargo test --locked -p kortisto-cli --test runner fuzz_args:: -- --nocapture 2>&1 \
    | tee "'"$sandbox"'/cli.log"
'
say "Figures"
# With --nocapture a figure may follow "test name ... " on the same line.
grep -hoE "(kills survived: |fuzz [^:]+: [0-9]+ cases|tamper( audit)?: ).*" "$sandbox/core.log" "$sandbox/cli.log"

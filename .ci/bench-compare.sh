#!/usr/bin/env bash
# The benchmark's regression guard (issue #16; not part of CI, whose machine is noisy — run it
# before a release and when touching hot paths): builds the release CLI, runs
# `kortisto bench --people N` in a private D-Bus session with a real gnome-keyring, and prints
# each figure beside the baseline kept in crates/kortisto-cli/bench/, flagging (✗) any figure
# more than 30 % worse. Exit status 1 when a figure is flagged.
#
#   bash .ci/bench-compare.sh [--people N]        # N: 100000 (default) or a baseline's size
#   bash .ci/bench-compare.sh --update [--people N]  # measure and keep the result as the baseline
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages gnome-keyring dbus libsecret-tools
ensure_rust

people=100000
update=no
while [ $# -gt 0 ]; do
  case "$1" in
    --people) people="$2"; shift 2 ;;
    --update) update=yes; shift ;;
    *) echo "unknown argument: $1 (use --people N and --update)" >&2; exit 2 ;;
  esac
done
baseline="crates/kortisto-cli/bench/baseline-$people.json"
if [ "$update" = no ] && [ ! -f "$baseline" ]; then
  echo "no baseline for $people people ($baseline); make one with --update --people $people" >&2
  exit 2
fi

say "Building the release CLI" >&2
cargo build --locked --release -p kortisto-cli >&2
cli="$CARGO_TARGET_DIR/release/kortisto"

sandbox=$(mktemp -d /tmp/kortisto-bench-compare.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset KORTISTO_DATA_DIR KORTISTO_KEYCHAIN_SERVICE

say "kortisto bench --people $people (release)" >&2
# shellcheck disable=SC2016 # expanded by the inner shell, inside the D-Bus session
bash .ci/with-keyring.sh --session bash -c '"$1" bench --people "$2" --json > "$3"' \
  _ "$cli" "$people" "$sandbox/report.json"

if [ "$update" = yes ]; then
  cp "$sandbox/report.json" "$baseline"
  echo "baseline kept in $baseline (commit it)"
  exit 0
fi
"$cli" bench --compare "$baseline" --report "$sandbox/report.json"
"$cli" bench --compare "$baseline" --report "$sandbox/report.json" --json |
  grep -q '"flagged": 0,' || exit 1

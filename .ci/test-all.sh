#!/usr/bin/env bash
# Runs every Kortisto check: UI types, UI tests, formatting, clippy, the Rust tests (core,
# CLI, IPC) against a real keychain, and the end-to-end test of the real app window.
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages "${KORTISTO_BUILD_PACKAGES[@]}" "${KORTISTO_TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_tauri_driver
ensure_npm_deps "$KORTISTO_ROOT/ui"

# Hermetic: nothing may touch the real user's data folder or keychain.
sandbox=$(mktemp -d /tmp/kortisto-tests.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT
real_data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/kortisto"
real_data_dir_existed=$([ -e "$real_data_dir" ] && echo yes || echo no)
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset KORTISTO_DATA_DIR KORTISTO_KEYCHAIN_SERVICE KORTISTO_LANG

say "Shell scripts: shellcheck"
shellcheck -x .ci/run .ci/*.sh tests/e2e/run.sh
say "UI: type check"
(cd ui && npm run --silent check)
say "UI: tests"
(cd ui && npm test --silent) 2>&1 | tee "$sandbox/ui-tests.log"
build_ui

say "Rust: formatting"
cargo fmt --all --check
say "Rust: clippy"
cargo clippy --locked --workspace --all-targets -- -D warnings
say "Rust tests and end-to-end test (real Secret Service in a private D-Bus session)"
export KORTISTO_TEST_LOGS="$sandbox"
# shellcheck disable=SC2016 # expanded by the inner shell, inside the D-Bus session
bash .ci/with-keyring.sh --session bash -c '
  set -euo pipefail
  cargo test --locked --workspace 2>&1 | tee "$KORTISTO_TEST_LOGS/cargo-tests.log"
  # After the tests, so the window under test is the shipped build (without tauri/test); the
  # CLI in the same invocation: the e2e team-hub steps run it as the second computer.
  cargo build --locked -p kortisto-app -p kortisto-cli
  bash tests/e2e/run.sh 2>&1 | tee "$KORTISTO_TEST_LOGS/e2e-tests.log"
'

if [ "$real_data_dir_existed" = no ] && [ -e "$real_data_dir" ]; then
  echo "A test wrote into the real data folder $real_data_dir" >&2
  exit 1
fi

# One closing line over all three runners (cargo test, vitest, node --test).
passed=0; failed=0
while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$sandbox/cargo-tests.log" |
    awk '{print $4, $6}'
  sed -E 's/\x1b\[[0-9;]*m//g' "$sandbox/ui-tests.log" |
    awk '/Tests +[0-9]+ passed/ {p=0; f=0; for (i=1;i<=NF;i++) { if ($(i+1) ~ /^passed/) p=$i; if ($(i+1) ~ /^failed/) f=$i }; print p, f}'
  sed -E 's/\x1b\[[0-9;]*m//g' "$sandbox/e2e-tests.log" |
    awk '/ℹ pass [0-9]+/ {p=$3} /ℹ fail [0-9]+/ {f=$3} END {print p+0, f+0}'
)
echo "all suites: $passed passed, $failed failed"

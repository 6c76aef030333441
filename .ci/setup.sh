# shellcheck shell=bash
# Installs what building and testing Kortisto need on Debian/Ubuntu, skipping what is there.
# Sourced by .ci/start-app.sh and .ci/test-all.sh; every step is idempotent and fast when done.

KORTISTO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kortisto/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# What the Tauri build needs (Debian 12 / Ubuntu 22.04+).
# shellcheck disable=SC2034 # used by the scripts that source this file
KORTISTO_BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libdbus-1-dev curl ca-certificates)
# What the tests add: WebDriver for WebKit, a virtual display, a real keychain on D-Bus,
# and PostgreSQL for the sync hub tests (a throwaway cluster, see tests/common/postgres.rs).
# shellcheck disable=SC2034 # used by the scripts that source this file
KORTISTO_TEST_PACKAGES=(webkit2gtk-driver xvfb xauth gnome-keyring dbus libsecret-tools shellcheck
  postgresql)

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_node() {
  local major=0
  if command -v node >/dev/null; then major=$(node -p 'process.versions.node.split(".")[0]'); fi
  if [ "$major" -lt 20 ]; then
    ensure_packages nodejs npm
    major=$(node -p 'process.versions.node.split(".")[0]')
    if [ "$major" -lt 20 ]; then
      echo "Kortisto's UI build needs Node.js 20 or newer; this system has $(node --version)." >&2
      echo "Install Node.js 20+ (e.g. from your distribution's backports) and run this again." >&2
      exit 1
    fi
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    say "Installing the Rust toolchain (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt 2>/dev/null || true
}

# npm ci only when the lock file changed since the last install.
ensure_npm_deps() {
  local dir="$1" stamp lock
  lock=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  stamp="$dir/node_modules/.kortisto-lock-sha256"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock" ]; then
    say "Installing npm packages in ${dir#"$KORTISTO_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock" > "$stamp"
  fi
}

ensure_tauri_driver() {
  if ! tauri-driver --help >/dev/null 2>&1; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version 2.1.0 --locked
  fi
}

build_ui() {
  ensure_npm_deps "$KORTISTO_ROOT/ui"
  say "Building the UI"
  (cd "$KORTISTO_ROOT/ui" && npm run --silent build)
}

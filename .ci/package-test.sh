#!/usr/bin/env bash
# Builds the .deb (.ci/package.sh), installs it on this machine, and checks the installed
# program: `kortisto --version`, `kortisto init` in a temporary folder against the real
# keychain, the installed app's first screens in a real window under Xvfb (the first steps of
# the end-to-end test), then removes the package and checks that nothing of it is left.
#
#   bash .ci/package-test.sh        # needs root or sudo (dpkg); not part of .ci/run
#
# Not in CI: the release build it needs takes longer than the rest of the suite together.
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"

package_output=$(mktemp)
bash .ci/package.sh | tee "$package_output"
deb=$(grep -E '\.deb$' "$package_output" | tail -n 1)
rm -f "$package_output"
[ -f "$deb" ] || { echo "package.sh printed no .deb" >&2; exit 1; }
ensure_packages "${KORTISTO_TEST_PACKAGES[@]}"
ensure_tauri_driver
package=$(dpkg-deb --field "$deb" Package)
version=$(dpkg-deb --field "$deb" Version)

fail() { echo "package test: $*" >&2; exit 1; }
remove_package() { as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package" >/dev/null 2>&1 || true; }
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  fail "$package is already installed on this machine; remove it first (apt-get remove $package)"
fi
trap remove_package EXIT

say "Package contents and dependencies ($deb)"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
for needed in libwebkit2gtk-4.1 libdbus-1-3 gnome-keyring; do
  grep -q "$needed" <<<"$depends" || fail "the package does not depend on $needed"
done
contents=$(dpkg-deb --contents "$deb")
# dpkg-deb lists paths with or without a leading "./", depending on who built the archive.
for path in usr/bin/kortisto usr/bin/kortisto-app usr/share/applications/ usr/share/icons/hicolor/; do
  grep -qE " (\./)?$path" <<<"$contents" || fail "the package holds no /$path"
done
desktop=$(grep -oE '(\./)?usr/share/applications/[^ ]+\.desktop' <<<"$contents" | head -n 1)
desktop="${desktop#./}"
[ -n "$desktop" ] || fail "the package holds no desktop entry"

say "Installing $package $version"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")"
app=$(grep -E '^Exec=' "/$desktop" | head -n 1 | sed -E 's/^Exec=//; s/ .*//')
app=$(command -v "$app") || fail "the desktop entry's program is not on the PATH"
echo "app: $app"

say "Installed CLI: --version and init against the real keychain"
installed_version=$(/usr/bin/kortisto --version)
echo "$installed_version"
grep -q "${version%%-*}" <<<"$installed_version" || fail "kortisto --version says '$installed_version', the package is $version"
scratch=$(mktemp -d /tmp/kortisto-package-test.XXXXXX)
# Hermetic, as the test suite: the run's own XDG folders, never the real user's.
export XDG_DATA_HOME="$scratch/xdg-data" XDG_CONFIG_HOME="$scratch/xdg-config" XDG_CACHE_HOME="$scratch/xdg-cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
# A runtime folder of its own too: gnome-keyring's control socket lives there, and a keyring
# of another session on this machine (a test run beside this one) must not answer for ours.
export XDG_RUNTIME_DIR="$scratch/runtime"
mkdir "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# shellcheck disable=SC2016 # expanded by the inner shell, inside the D-Bus session
KORTISTO_DATA_DIR="$scratch/data" KORTISTO_KEYCHAIN_SERVICE="kortisto-package-test-$$" \
  bash .ci/with-keyring.sh --session bash -c '
    set -euo pipefail
    created=$(KORTISTO_NEW_PASSWORD="paketin testin pitkä salasana" /usr/bin/kortisto init --admin paketti --json)
    id=$(printf "%s" "$created" | grep -oE "\"register_id\": *\"[^\"]+\"" | grep -oE "[0-9a-f-]{36}")
    [ -n "$id" ] || { echo "init printed no register id: $created" >&2; exit 1; }
    status=$(/usr/bin/kortisto status --json)
    grep -q "$id" <<<"$status" || { echo "status does not show register $id: $status" >&2; exit 1; }
  ' || fail "kortisto init/status with the installed CLI failed"

say "Installed app: its first screens in a real window"
KORTISTO_APP_BINARY="$app" KORTISTO_CLI_BINARY=/usr/bin/kortisto \
  KORTISTO_E2E_ONLY='^(first run offers|creating a new register shows)' \
  bash .ci/with-keyring.sh --session bash tests/e2e/run.sh

say "Removing $package"
trap - EXIT
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package"
[ ! -e /usr/bin/kortisto ] || fail "/usr/bin/kortisto is still there after removal"
[ ! -e "$app" ] || fail "$app is still there after removal"
[ ! -e "/$desktop" ] || fail "the desktop entry is still there after removal"
rm -rf "$scratch"
echo "package test: passed ($package $version)"

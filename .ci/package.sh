#!/usr/bin/env bash
# Builds Kortisto's Linux packages with the Tauri bundler: a .deb and an .rpm holding the
# desktop app, the `kortisto` CLI on the PATH, the desktop entry and the icons.
#
#   bash .ci/package.sh            # prints the paths of the packages it made
#
# The AppImage is not built: its bundler downloads linuxdeploy at build time. Windows (.msi)
# and macOS (.dmg) packages are made by the same bundler on those systems (README, "Packages").
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages "${KORTISTO_BUILD_PACKAGES[@]}" rpm
ensure_rust
ensure_node
ensure_npm_deps "$KORTISTO_ROOT/ui"

say "Building the kortisto CLI (release)"
cargo build --locked --release -p kortisto-cli
cli="$CARGO_TARGET_DIR/release/kortisto"

# The CLI goes into both packages as /usr/bin/kortisto; the path is absolute because the
# target folder lives outside the clone. The UI is built by beforeBuildCommand.
say "Building the app and its packages (Tauri bundler: deb, rpm)"
# The UI build runs in ui/ by an absolute path: the bundler would otherwise run it in the first
# folder with a package.json that it finds (tests/e2e).
config=$(printf '{"build":{"beforeBuildCommand":{"script":"npm run build","cwd":"%s"}},"bundle":{"linux":{"deb":{"files":{"/usr/bin/kortisto":"%s"}},"rpm":{"files":{"/usr/bin/kortisto":"%s"}}}}}' \
  "$KORTISTO_ROOT/ui" "$cli" "$cli")
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm --config "$config" -- --locked

bundle="$CARGO_TARGET_DIR/release/bundle"
deb=$(find "$bundle/deb" -maxdepth 1 -name '*.deb' -newer "$cli" | sort | tail -n 1)
rpm=$(find "$bundle/rpm" -maxdepth 1 -name '*.rpm' -newer "$cli" | sort | tail -n 1)
[ -n "$deb" ] || { echo "the bundler made no .deb under $bundle/deb" >&2; exit 1; }
say "Packages"
echo "$deb"
if [ -n "$rpm" ]; then echo "$rpm"; fi

#!/usr/bin/env bash
# Builds Kortisto and starts the desktop app, installing what is missing first.
set -euo pipefail
# shellcheck source=.ci/setup.sh
source "$(dirname "$0")/setup.sh"
cd "$KORTISTO_ROOT"
ensure_packages "${KORTISTO_BUILD_PACKAGES[@]}"
ensure_rust
ensure_node
build_ui
say "Building and starting Kortisto"
exec cargo run --locked -p kortisto-app "$@"

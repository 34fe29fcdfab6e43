#!/usr/bin/env bash
# Installs whatever is missing, then builds Mend and opens it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

ensure_packages "${BUILD_PACKAGES[@]}"
ensure_rust
ensure_ui_libraries
say "Building and opening Mend (the first build takes a few minutes)"
exec cargo run --release -p mend

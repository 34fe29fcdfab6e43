#!/usr/bin/env bash
# Mend against the bare Tauri window it is built on: start to Today, memory
# and binary size, in release, with an empty folder and with 100,000
# complaints (see bench/measure.py). Takes 10 to 20 minutes, most of it the
# release builds and generating the data the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" python3
ensure_rust
ensure_ui_libraries
ensure_tauri_driver
exec xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
  dbus-run-session -- python3 bench/measure.py "$@"

#!/usr/bin/env bash
# Installs whatever the tests need, then runs the whole suite: the unit tests of
# every crate and the end-to-end tests, which drive the real app under a
# virtual display and a private session bus. Ends with the runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
started=$(date +%s)

if [ "$(uname -s)" != Linux ]; then
  ensure_rust
  ensure_ui_libraries
  say "Unit tests only: the end-to-end tests need Linux (WebKitWebDriver and a session bus)."
  cargo test --workspace --exclude mend-e2e --exclude bare-window
  exit
fi

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_ui_libraries
ensure_tauri_driver
ensure_test_tools

# The end-to-end tests drive this debug build; building the whole workspace
# keeps its features the same as the test build's, so nothing builds twice.
# The benchmark's bare window is built by the benchmark alone.
say "Building Mend"
cargo build --workspace --exclude bare-window --locked

log=$(mktemp)
say "Running every test"
set +e
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
  dbus-run-session -- scripts/in-desktop-session.sh \
  cargo test --workspace --exclude bare-window --locked --no-fail-fast 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s += $1} END {print s + 0}')
rm -f "$log"
elapsed=$(( $(date +%s) - started ))
echo
echo "Screenshots of the app: target/screenshots/"
printf 'Took %dm %02ds.\n' $((elapsed / 60)) $((elapsed % 60))
echo "Summary: $passed passed, $failed failed"
exit "$status"

#!/usr/bin/env bash
# Builds Mend's installers for Linux with Tauri's bundler: a .deb (Debian,
# Ubuntu) and an .rpm (Fedora, openSUSE), in target/release/bundle/.
# With --debug, packages the debug build already made instead (what the
# end-to-end test installs), without building the release.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

if [ "$(uname -s)" != Linux ]; then
  say "This script builds Linux installers; build on Linux."
  exit 1
fi
ensure_packages "${BUILD_PACKAGES[@]}"
ensure_rust
ensure_ui_libraries
ensure_tauri_cli

tauri="$PWD/packaging/node_modules/.bin/tauri"
if [ "${1:-}" = --debug ]; then
  say "Packaging the debug build"
  (cd src-tauri && "$tauri" bundle --debug --bundles deb,rpm --ci)
  folder=target/debug/bundle
else
  say "Building Mend and its installers (a release build: several minutes)"
  (cd src-tauri && "$tauri" build --bundles deb,rpm --ci)
  folder=target/release/bundle
fi
say "Installers:"
ls -1 "$folder"/deb/*.deb "$folder"/rpm/*.rpm

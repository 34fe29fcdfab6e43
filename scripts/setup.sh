# Shared set-up for scripts/start.sh and scripts/test.sh: installs only what is
# missing, so a second run installs nothing. Sourced, not run.

# What building Mend needs (Debian 12, Ubuntu 22.04 and later).
BUILD_PACKAGES=(build-essential curl file pkg-config libwebkit2gtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libxdo-dev libssl-dev)
# What the end-to-end tests need: WebKit's WebDriver, a virtual display,
# a private session bus and a real notification server; xdotool to close
# the print window, pdftotext to read a saved PDF back; the checkers of a
# desktop entry and of AppStream metadata, and rpm to read the .rpm made.
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth dbus-x11 dunst openbox wmctrl xdotool poppler-utils
  desktop-file-utils appstream rpm)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs the Debian packages that are not installed yet.
ensure_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "Not a Debian or Ubuntu system: install the packages listed in the README by hand."
    return 0
  fi
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing system packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Rust through rustup when there is no cargo at all.
ensure_rust() {
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
  command -v cargo >/dev/null 2>&1 && return 0
  say "Installing Rust (rustup, stable)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  . "$HOME/.cargo/env"
}

# The npm packages of `folder` (vendor, packaging…), fetched with `npm ci`
# when `package` there is not at the version its package-lock.json holds;
# `what` names it for the owner.
ensure_locked_npm() {
  local folder=$1 package=$2 what=$3 locked installed
  if ! command -v npm >/dev/null 2>&1; then
    ensure_packages nodejs npm
  fi
  locked=$(node -p "require('./$folder/package-lock.json').packages['node_modules/$package'].version")
  installed=$(node -p "try { require('./$folder/node_modules/$package/package.json').version } catch { '' }")
  if [ "$installed" != "$locked" ]; then
    say "Fetching $what ($locked) from npm"
    npm ci --prefix "$folder" --no-audit --no-fund
  fi
}

# The libraries Mend's window loads (Chart.js, which draws Patterns), from the
# npm registry at the versions in vendor/package-lock.json, copied into
# ui/lib/ where the build takes them from.
ensure_ui_libraries() {
  ensure_locked_npm vendor chart.js "the chart library (Chart.js)"
  mkdir -p ui/lib
  cmp -s vendor/node_modules/chart.js/dist/chart.umd.min.js ui/lib/chart.umd.min.js \
    || cp vendor/node_modules/chart.js/dist/chart.umd.min.js ui/lib/chart.umd.min.js
}

# The npm packages the end-to-end tests load into the window (axe-core),
# from the registry, at the versions in tests/package-lock.json.
ensure_test_tools() {
  if ! command -v npm >/dev/null 2>&1; then
    ensure_packages nodejs npm
  fi
  if [ ! -f tests/node_modules/axe-core/axe.min.js ]; then
    say "Fetching the accessibility checker (axe-core) from npm"
    npm ci --prefix tests --no-audit --no-fund
  fi
}

# tauri-driver, the WebDriver server for Tauri apps.
ensure_tauri_driver() {
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  command -v tauri-driver >/dev/null 2>&1 && return 0
  say "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
}

# Tauri's command-line tool, whose bundler builds the installers: from the
# npm registry (a prebuilt binary) at the version in
# packaging/package-lock.json, into packaging/node_modules.
ensure_tauri_cli() {
  ensure_locked_npm packaging @tauri-apps/cli "Tauri's command-line tool"
}

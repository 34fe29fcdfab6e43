#!/usr/bin/env bash
# Runs a command inside the test desktop (a virtual display and a private
# session bus, set up by scripts/test.sh), with a real notification server.
set -euo pipefail
dunst >/dev/null 2>&1 &
dunst_pid=$!
trap 'kill "$dunst_pid" 2>/dev/null || true' EXIT
"$@"

#!/usr/bin/env bash
# The browser benchmarks in one command: builds the widget (dist/) and the bare
# Yew page (target/bare-yew-dist), both incremental, then runs
# scripts/bench-browser.mjs in headless Chromium and prints its table.
# Nothing passes or fails on a number.
#
# Usage: scripts/bench-browser.sh [--no-build]
# Builds and the run each hold the lock file $NDR_BUILD_LOCK (default
# /tmp/ndr-build.lock), so that no other heavy build shares the machine with
# them: do not run this script itself under that lock.
set -euo pipefail
source "$(dirname "$0")/env.sh"
LOCK="${NDR_BUILD_LOCK:-/tmp/ndr-build.lock}"
if [[ "${1:-}" != "--no-build" ]]; then
  flock "$LOCK" ./scripts/build.sh
  flock "$LOCK" ./scripts/build-bare-yew.sh
fi
flock "$LOCK" node scripts/bench-browser.mjs

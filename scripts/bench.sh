#!/usr/bin/env bash
# Every speed and size figure in one command (README, "Performance"): sets up,
# then prints
#   1. the first-load bytes (scripts/size-report.mjs, after the release build),
#   2. native analysis speed against Sisimai (scripts/bench-native.sh),
#   3. `ndr-explain scan` over the corpus folders and a generated Maildir of
#      100,000 bounces against Sisimai's own run (scripts/bench-scan.sh),
#   4. time to interactive against a bare Yew page and a 1 MB paste against
#      postal-mime, in headless Chromium (scripts/bench-browser.sh).
# Nothing passes or fails on a number. Takes about 10 minutes after set-up.
set -euo pipefail
source "$(dirname "$0")/env.sh"
LOCK="${NDR_BUILD_LOCK:-/tmp/ndr-build.lock}"
step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh
step "release builds (widget, bare Yew page)"
flock "$LOCK" scripts/build.sh
flock "$LOCK" scripts/build-bare-yew.sh
step "first load, bytes (budget in tests/budget.test.mjs; issue target 130 KB gzip)"
node scripts/size-report.mjs
step "native analysis speed, ours and Sisimai's, turn about"
scripts/bench-native.sh
step "scan: folders and a 100,000-bounce Maildir, ours and Sisimai's, whole processes"
scripts/bench-scan.sh
step "browser: time to interactive and a 1 MB paste"
scripts/bench-browser.sh --no-build

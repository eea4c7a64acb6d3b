#!/usr/bin/env bash
# Builds the bare Yew page of the browser benchmarks (benches/bare-yew) into
# target/bare-yew-dist, with the widget's toolchain, flags, profile, pinned
# tools and loader, so that it differs from the widget only in what it shows.
set -euo pipefail
source "$(dirname "$0")/env.sh"
widget_build_env
# Its own target folder inside the main one (which git ignores).
export CARGO_TARGET_DIR="$ROOT/target/bare-yew"
cd "$ROOT/benches/bare-yew"
trunk build --release

#!/usr/bin/env bash
# README command 2: set up, then run every check. Stops at the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh

step "format"
cargo fmt --check
step "lint (ESLint: build, test and benchmark scripts, the custom element, the demo)"
eslint .
step "clippy (host)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
cargo clippy --bin ndr-explainer-web --no-default-features --locked --target wasm32-unknown-unknown -- -D warnings
cargo clippy --bin ndr-explainer-reader --no-default-features --features outlook-msg --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "dependencies: licences, bans, sources (cargo deny)"
cargo deny --log-level error check bans licenses sources

step "fuzz smoke run (about 45 s; the long run is in fuzz/README.md)"
bash fuzz/seed.sh
log="$(mktemp)"
for target in analyse redact_and_accepted msg; do
  if ! cargo +nightly fuzz run "$target" -- -max_total_time=15 -rss_limit_mb=4096 -max_len=1048576 -timeout=10 >"$log" 2>&1; then
    tail -40 "$log"
    echo "cargo fuzz found a problem in $target: the input is in fuzz/artifacts/$target"
    exit 1
  fi
  echo "$target: $(grep -E '^Done' "$log" | tail -1)"
done
rm -f "$log"

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web

step "build steps (node tests of scripts/build/)"
node --test tests/build/

step "release build"
scripts/build.sh

step "first-load byte budget"
node scripts/size-report.mjs
node --test tests/budget.test.mjs

step "end-to-end tests (release build on 127.0.0.1, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
